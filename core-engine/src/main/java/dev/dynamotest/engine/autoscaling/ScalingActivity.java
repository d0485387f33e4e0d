package dev.dynamotest.engine.autoscaling;

import java.time.Instant;

/**
 * One scaling activity as DescribeScalingActivities reports it: what changed ({@code description}, e.g.
 * "Setting write capacity units to 200."), why ({@code cause}), when, and how it ended.
 */
public record ScalingActivity(String activityId, String resourceId, ScalableDimension dimension, String description,
                              String cause, Instant startTime, Instant endTime, String statusCode, String statusMessage,
                              long fromCapacity, long toCapacity) {
    public static final String SUCCESSFUL = "Successful";
    public static final String FAILED = "Failed";
}
