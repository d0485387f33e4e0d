package dev.dynamotest.protocol.autoscaling;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;

/** DeleteScalingPolicy. */
final class DeleteScalingPolicy implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        ValidationErrors v = AutoScalingRequests.target(req, true);
        String name = Requests.string(req, "PolicyName");
        v.notNull("policyName", name);
        v.minLength("policyName", name, 1);
        v.maxLength("policyName", name, 1600);
        v.throwIfAny();
        AutoScalingRequests.requireDynamoDb(req);
        ctx.engine().autoScaling().deletePolicy(ctx.namespaceId(), name, Requests.string(req, "ResourceId"), AutoScalingRequests.dimension(req));
        out.writeStartObject();
        out.writeEndObject();
    }
}
