package dev.dynamotest.protocol.autoscaling;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.autoscaling.ScalableTarget;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** DescribeScalableTargets: the namespace's targets, filtered by ResourceIds and ScalableDimension, paged. */
final class DescribeScalableTargets implements Action {
    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        ValidationErrors v = AutoScalingRequests.target(req, false);
        List<String> ids = Requests.stringList(req, "ResourceIds");
        if (ids != null && ids.size() > 50) {
            v.add("Value '" + ids + "' at 'resourceIds' failed to satisfy constraint: Member must have length less than or equal to 50");
        }
        String dimension = Requests.string(req, "ScalableDimension");
        List<ScalableTarget> matching = new ArrayList<>();
        if (AutoScalingRequests.dynamodb(req)) {
            for (ScalableTarget t : ctx.engine().autoScaling().targets(ctx.namespaceId())) {
                if ((ids == null || ids.isEmpty() || ids.contains(t.resourceId())) && (dimension == null || dimension.equals(t.dimension().wire()))) {
                    matching.add(t);
                }
            }
        }
        AutoScalingRequests.Page<ScalableTarget> page = AutoScalingRequests.page(req, v, matching);
        out.writeStartObject();
        out.writeArrayFieldStart("ScalableTargets");
        for (ScalableTarget t : page.items()) {
            AutoScalingJson.target(out, t);
        }
        out.writeEndArray();
        page.writeNextToken(out);
        out.writeEndObject();
    }
}
