package dev.dynamotest.protocol.autoscaling;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.autoscaling.AutoScalingMessages;
import dev.dynamotest.engine.autoscaling.TargetTrackingPolicy;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.util.List;

/**
 * PutScalingPolicy: a TargetTrackingScaling policy with a predefined DynamoDB utilisation metric (the only policy
 * type DynamoDB supports).
 */
final class PutScalingPolicy implements Action {
    static final List<String> POLICY_TYPES = List.of("StepScaling", "TargetTrackingScaling", "PredictiveScaling");

    @Override
    public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
        ValidationErrors v = AutoScalingRequests.target(req, true);
        String name = Requests.string(req, "PolicyName");
        String type = Requests.string(req, "PolicyType");
        v.notNull("policyName", name);
        v.minLength("policyName", name, 1);
        v.maxLength("policyName", name, 256);
        v.oneOf("policyType", type, POLICY_TYPES);
        JsonNode config = Requests.object(req, "TargetTrackingScalingPolicyConfiguration");
        Double target = config == null ? null : AutoScalingRequests.number(config, "TargetValue");
        if (config != null) {
            v.notNull("targetTrackingScalingPolicyConfiguration.targetValue", target);
        }
        JsonNode predefined = config == null ? null : Requests.object(config, "PredefinedMetricSpecification");
        String metric = predefined == null ? null : Requests.string(predefined, "PredefinedMetricType");
        if (predefined != null) {
            v.notNull("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType", metric);
        }
        Integer outCooldown = config == null ? null : AutoScalingRequests.integer(config, "ScaleOutCooldown");
        Integer inCooldown = config == null ? null : AutoScalingRequests.integer(config, "ScaleInCooldown");
        Boolean disableScaleIn = config == null ? null : Requests.bool(config, "DisableScaleIn");
        v.throwIfAny();
        AutoScalingRequests.requireDynamoDb(req);
        if (type != null && !type.equals("TargetTrackingScaling")) {
            throw new DynamoException(AutoScalingMessages.VALIDATION, String.format(AutoScalingMessages.POLICY_TYPE_UNSUPPORTED, type), 400);
        }
        if (config == null) {
            throw new DynamoException(AutoScalingMessages.VALIDATION, AutoScalingMessages.TARGET_TRACKING_REQUIRED, 400);
        }
        if (predefined == null) {
            throw new DynamoException(AutoScalingMessages.VALIDATION, AutoScalingMessages.PREDEFINED_METRIC_REQUIRED, 400);
        }
        TargetTrackingPolicy p = ctx.engine().autoScaling().putPolicy(ctx.namespaceId(), name, Requests.string(req, "ResourceId"),
            AutoScalingRequests.dimension(req), metric, new TargetTrackingPolicy.Settings(target, outCooldown, inCooldown, disableScaleIn));
        out.writeStartObject();
        out.writeStringField("PolicyARN", p.arn());
        AutoScalingJson.alarms(out, p, ctx.region());
        out.writeEndObject();
    }
}
