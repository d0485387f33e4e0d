package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import java.io.IOException;

/** DescribeLimits: the service's default account and table throughput quotas. */
public final class DescribeLimits implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeNumberField("AccountMaxReadCapacityUnits", 80000);
        out.writeNumberField("AccountMaxWriteCapacityUnits", 80000);
        out.writeNumberField("TableMaxReadCapacityUnits", 40000);
        out.writeNumberField("TableMaxWriteCapacityUnits", 40000);
        out.writeEndObject();
    }
}
