package dev.dynamotest.protocol.autoscaling;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.autoscaling.TargetTrackingPolicy;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** DescribeScalingPolicies: filtered by PolicyNames, ResourceId and ScalableDimension, paged. */
final class DescribeScalingPolicies implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        ValidationErrors v = AutoScalingRequests.target(req, false);
        List<String> names = Requests.stringList(req, "PolicyNames");
        String resourceId = Requests.string(req, "ResourceId");
        String dimension = Requests.string(req, "ScalableDimension");
        List<TargetTrackingPolicy> matching = new ArrayList<>();
        if (AutoScalingRequests.dynamodb(req)) {
            for (TargetTrackingPolicy p : ctx.engine().autoScaling().policies(ctx.namespaceId())) {
                if ((names == null || names.isEmpty() || names.contains(p.name())) && (resourceId == null || resourceId.equals(p.resourceId()))
                    && (dimension == null || dimension.equals(p.dimension().wire()))) {
                    matching.add(p);
                }
            }
        }
        AutoScalingRequests.Page<TargetTrackingPolicy> page = AutoScalingRequests.page(req, v, matching);
        out.writeStartObject();
        out.writeArrayFieldStart("ScalingPolicies");
        for (TargetTrackingPolicy p : page.items()) {
            AutoScalingJson.policy(out, p, ctx.region());
        }
        out.writeEndArray();
        page.writeNextToken(out);
        out.writeEndObject();
    }
}
