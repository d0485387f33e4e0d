package dev.dynamotest.protocol.autoscaling;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamotest.engine.autoscaling.AutoScaling;
import dev.dynamotest.engine.autoscaling.ScalableTarget;
import dev.dynamotest.engine.autoscaling.ScalingActivity;
import dev.dynamotest.engine.autoscaling.TargetTrackingPolicy;
import java.io.IOException;

/** ScalableTarget, ScalingPolicy and ScalingActivity as Application Auto Scaling writes them. */
final class AutoScalingJson {
    private AutoScalingJson() {
    }

    static void target(JsonGenerator g, ScalableTarget t) throws IOException {
        g.writeStartObject();
        g.writeStringField("ServiceNamespace", AutoScaling.SERVICE_NAMESPACE);
        g.writeStringField("ResourceId", t.resourceId());
        g.writeStringField("ScalableDimension", t.dimension().wire());
        g.writeNumberField("MinCapacity", t.minCapacity());
        g.writeNumberField("MaxCapacity", t.maxCapacity());
        g.writeStringField("RoleARN", t.roleArn());
        AutoScalingRequests.time(g, "CreationTime", t.creationTime());
        g.writeObjectFieldStart("SuspendedState");
        g.writeBooleanField("DynamicScalingInSuspended", t.scaleInSuspended());
        g.writeBooleanField("DynamicScalingOutSuspended", t.scaleOutSuspended());
        g.writeBooleanField("ScheduledScalingSuspended", t.scheduledSuspended());
        g.writeEndObject();
        g.writeStringField("ScalableTargetARN", t.arn());
        g.writeEndObject();
    }

    static void policy(JsonGenerator g, TargetTrackingPolicy p, String region) throws IOException {
        g.writeStartObject();
        g.writeStringField("PolicyARN", p.arn());
        g.writeStringField("PolicyName", p.name());
        g.writeStringField("ServiceNamespace", AutoScaling.SERVICE_NAMESPACE);
        g.writeStringField("ResourceId", p.resourceId());
        g.writeStringField("ScalableDimension", p.dimension().wire());
        g.writeStringField("PolicyType", "TargetTrackingScaling");
        g.writeObjectFieldStart("TargetTrackingScalingPolicyConfiguration");
        g.writeNumberField("TargetValue", p.targetValue());
        g.writeObjectFieldStart("PredefinedMetricSpecification");
        g.writeStringField("PredefinedMetricType", p.metricType());
        g.writeEndObject();
        if (p.scaleOutCooldown() != null) {
            g.writeNumberField("ScaleOutCooldown", p.scaleOutCooldown());
        }
        if (p.scaleInCooldown() != null) {
            g.writeNumberField("ScaleInCooldown", p.scaleInCooldown());
        }
        if (p.disableScaleIn() != null) {
            g.writeBooleanField("DisableScaleIn", p.disableScaleIn());
        }
        g.writeEndObject();
        alarms(g, p, region);
        AutoScalingRequests.time(g, "CreationTime", p.creationTime());
        g.writeEndObject();
    }

    static void alarms(JsonGenerator g, TargetTrackingPolicy p, String region) throws IOException {
        g.writeArrayFieldStart("Alarms");
        for (String name : p.alarmNames()) {
            g.writeStartObject();
            g.writeStringField("AlarmName", name);
            g.writeStringField("AlarmARN", "arn:aws:cloudwatch:" + region + ":000000000000:alarm:" + name);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void activity(JsonGenerator g, ScalingActivity a) throws IOException {
        g.writeStartObject();
        g.writeStringField("ActivityId", a.activityId());
        g.writeStringField("ServiceNamespace", AutoScaling.SERVICE_NAMESPACE);
        g.writeStringField("ResourceId", a.resourceId());
        g.writeStringField("ScalableDimension", a.dimension().wire());
        g.writeStringField("Description", a.description());
        g.writeStringField("Cause", a.cause());
        AutoScalingRequests.time(g, "StartTime", a.startTime());
        if (a.endTime() != null) {
            AutoScalingRequests.time(g, "EndTime", a.endTime());
        }
        g.writeStringField("StatusCode", a.statusCode());
        g.writeStringField("StatusMessage", a.statusMessage());
        g.writeEndObject();
    }
}
