package dev.dynamotest.engine.autoscaling;

import java.time.Instant;

/**
 * A registered scalable target: one dimension of a table ({@code table/NAME}) or global secondary index
 * ({@code table/NAME/index/INDEX}) with its capacity range.
 */
public record ScalableTarget(String resourceId, ScalableDimension dimension, long minCapacity, long maxCapacity,
                             String roleArn, Instant creationTime, String arn, boolean scaleInSuspended,
                             boolean scaleOutSuspended, boolean scheduledSuspended) {
}
