package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import java.io.IOException;

/** DeleteTable: honours deletion protection; returns the service's short description with status DELETING. */
public final class DeleteTable implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        Tables.requireTableName(req);
        Table table = Tables.described(ctx, req);
        if (table.metadata().deletionProtection()) {
            throw DynamoException.validation("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        }
        ctx.namespace().remove(table.name()); // the commit point's listeners drop its capacity state, disable its stream
        out.writeStartObject();
        out.writeFieldName("TableDescription");
        TableDescriptions.writeDeleted(out, table);
        out.writeEndObject();
    }
}
