package dev.dynamotest.protocol.autoscaling;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import java.io.IOException;

/** DeregisterScalableTarget: the target and its scaling policies go. */
final class DeregisterScalableTarget implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        AutoScalingRequests.target(req, true).throwIfAny();
        AutoScalingRequests.requireDynamoDb(req);
        ctx.engine().autoScaling().deregister(ctx.namespaceId(), Requests.string(req, "ResourceId"), AutoScalingRequests.dimension(req));
        out.writeStartObject();
        out.writeEndObject();
    }
}
