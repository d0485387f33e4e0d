package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import java.io.IOException;

/** DescribeTable: the full TableDescription; tables are ACTIVE as soon as they exist. */
public final class DescribeTable implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        Tables.requireTableName(req);
        Table table = Tables.described(ctx, req);
        out.writeStartObject();
        out.writeFieldName("Table");
        TableDescriptions.write(out, table, "ACTIVE");
        out.writeEndObject();
    }
}
