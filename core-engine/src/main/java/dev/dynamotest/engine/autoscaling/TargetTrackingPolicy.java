package dev.dynamotest.engine.autoscaling;

import java.time.Instant;
import java.util.List;

/**
 * A target tracking scaling policy: keep {@code targetValue} percent of the provisioned capacity consumed. The
 * cooldowns and DisableScaleIn are null where the request left them out (they are described as given).
 */
public record TargetTrackingPolicy(String name, String arn, String resourceId, ScalableDimension dimension,
                                   double targetValue, String metricType, Integer scaleOutCooldown,
                                   Integer scaleInCooldown, Boolean disableScaleIn, Instant creationTime,
                                   List<String> alarmNames) {
    public TargetTrackingPolicy {
        alarmNames = List.copyOf(alarmNames);
    }

    /** The settings of a policy, as PutScalingPolicy and UpdateTableReplicaAutoScaling give them. */
    public record Settings(double targetValue, Integer scaleOutCooldown, Integer scaleInCooldown, Boolean disableScaleIn) {
        /** Target {@code percent} utilisation, default cooldowns (0 seconds), scale in enabled. */
        public static Settings target(double percent) {
            return new Settings(percent, null, null, null);
        }
    }

    public Settings settings() {
        return new Settings(targetValue, scaleOutCooldown, scaleInCooldown, disableScaleIn);
    }

    long scaleOutCooldownSeconds() {
        return scaleOutCooldown == null ? 0 : scaleOutCooldown;
    }

    long scaleInCooldownSeconds() {
        return scaleInCooldown == null ? 0 : scaleInCooldown;
    }

    boolean scaleInDisabled() {
        return Boolean.TRUE.equals(disableScaleIn);
    }

    /** The alarm that scales out (the first of {@link #alarmNames}). */
    String highAlarm() {
        return alarmNames.get(0);
    }

    String lowAlarm() {
        return alarmNames.get(1);
    }
}
