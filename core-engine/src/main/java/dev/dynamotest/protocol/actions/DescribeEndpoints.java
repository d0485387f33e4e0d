package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import java.io.IOException;

/** DescribeEndpoints: the regional endpoint as the service names it, cached for a day. */
public final class DescribeEndpoints implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("Endpoints");
        out.writeStartObject();
        out.writeStringField("Address", "dynamodb." + ctx.region() + ".amazonaws.com");
        out.writeNumberField("CachePeriodInMinutes", 1440);
        out.writeEndObject();
        out.writeEndArray();
        out.writeEndObject();
    }
}
