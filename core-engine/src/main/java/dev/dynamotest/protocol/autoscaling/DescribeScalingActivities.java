package dev.dynamotest.protocol.autoscaling;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.autoscaling.ScalingActivity;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** DescribeScalingActivities: the last six weeks of activities, newest first, filtered and paged. */
final class DescribeScalingActivities implements Action {
    static final Duration KEPT = Duration.ofDays(42);

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        ValidationErrors v = AutoScalingRequests.target(req, false);
        String resourceId = Requests.string(req, "ResourceId");
        String dimension = Requests.string(req, "ScalableDimension");
        Requests.bool(req, "IncludeNotScaledActivities");
        List<ScalingActivity> matching = new ArrayList<>();
        if (AutoScalingRequests.dynamodb(req)) {
            Instant since = ctx.engine().clock().instant().minus(KEPT);
            for (ScalingActivity a : ctx.engine().autoScaling().activities(ctx.namespaceId())) {
                if (!a.startTime().isBefore(since) && (resourceId == null || resourceId.equals(a.resourceId()))
                    && (dimension == null || dimension.equals(a.dimension().wire()))) {
                    matching.add(a);
                }
            }
        }
        AutoScalingRequests.Page<ScalingActivity> page = AutoScalingRequests.page(req, v, matching);
        out.writeStartObject();
        out.writeArrayFieldStart("ScalingActivities");
        for (ScalingActivity a : page.items()) {
            AutoScalingJson.activity(out, a);
        }
        out.writeEndArray();
        page.writeNextToken(out);
        out.writeEndObject();
    }
}
