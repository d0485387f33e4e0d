package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.model.Values;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.List;

/** ListTables: names in ascending order, paginated by ExclusiveStartTableName and Limit (1..100). */
public final class ListTables implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        String start = Requests.string(req, "ExclusiveStartTableName");
        Long limit = Requests.integer(req, "Limit");
        ValidationErrors v = new ValidationErrors();
        if (start != null) {
            v.tableName("exclusiveStartTableName", start, false);
        }
        v.min("limit", limit, 1);
        v.max("limit", limit, 100);
        v.throwIfAny();
        int max = limit == null ? 100 : limit.intValue();
        List<String> names = ctx.namespace().tableNames();
        out.writeStartObject();
        out.writeArrayFieldStart("TableNames");
        int written = 0;
        String last = null;
        boolean more = false;
        for (String n : names) {
            if (start != null && Values.compareUtf8(n, start) <= 0) {
                continue;
            }
            if (written == max) {
                more = true;
                break;
            }
            out.writeString(n);
            last = n;
            written++;
        }
        out.writeEndArray();
        if (more) {
            out.writeStringField("LastEvaluatedTableName", last);
        }
        out.writeEndObject();
    }
}
