package dev.dynamotest.protocol.autoscaling;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.autoscaling.ScalableTarget;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;

/** RegisterScalableTarget: registers (or updates the range of) a DynamoDB table's or GSI's read or write capacity. */
final class RegisterScalableTarget implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        ValidationErrors v = AutoScalingRequests.target(req, true);
        Long min = Requests.integer(req, "MinCapacity");
        Long max = Requests.integer(req, "MaxCapacity");
        JsonNode suspended = Requests.object(req, "SuspendedState");
        Requests.string(req, "RoleARN");
        v.throwIfAny();
        AutoScalingRequests.requireDynamoDb(req);
        ScalableTarget t = ctx.engine().autoScaling().register(ctx.namespaceId(), Requests.string(req, "ResourceId"),
            AutoScalingRequests.dimension(req), min, max,
            suspended == null ? null : Requests.bool(suspended, "DynamicScalingInSuspended"),
            suspended == null ? null : Requests.bool(suspended, "DynamicScalingOutSuspended"),
            suspended == null ? null : Requests.bool(suspended, "ScheduledScalingSuspended"));
        out.writeStartObject();
        out.writeStringField("ScalableTargetARN", t.arn());
        out.writeEndObject();
    }
}
