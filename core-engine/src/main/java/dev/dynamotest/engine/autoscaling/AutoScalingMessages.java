package dev.dynamotest.engine.autoscaling;

/**
 * Application Auto Scaling's error texts (ValidationException / ObjectNotFoundException), as format strings. The ones
 * no offline source quotes are DynamoTest's choice and listed in docs/compatibility.md ("Auto scaling").
 */
public final class AutoScalingMessages {
    private AutoScalingMessages() {
    }

    public static final String VALIDATION = "ValidationException";
    public static final String OBJECT_NOT_FOUND = "ObjectNotFoundException";

    public static final String NO_TARGET_REGISTERED =
        "No scalable target registered for service namespace: %s, resource ID: %s, scalable dimension: %s";
    public static final String NO_TARGET_FOUND =
        "No scalable target found for service namespace: %s, resource ID: %s, scalable dimension: %s";
    public static final String NO_POLICY_FOUND =
        "No scaling policy found for service namespace: %s, resource ID: %s, scalable dimension: %s, policy name: %s";
    public static final String UNSUPPORTED_DIMENSION = "Unsupported service namespace, resource type or scalable dimension";
    public static final String NAMESPACE_NOT_SERVED =
        "DynamoTest serves Application Auto Scaling for the service namespace dynamodb only, not %s";
    public static final String RESOURCE_NOT_FOUND = "Table or global secondary index does not exist: %s";
    public static final String MIN_MAX_REQUIRED = "MinCapacity and MaxCapacity are required for registering a new scalable target";
    public static final String MIN_GREATER_THAN_MAX = "Minimum capacity cannot be greater than maximum capacity";
    public static final String MIN_AT_LEAST_ONE = "Minimum capacity must be at least 1 for service namespace: dynamodb";
    public static final String POLICY_TYPE_UNSUPPORTED = "Unsupported policy type %s for service namespace: dynamodb";
    public static final String TARGET_TRACKING_REQUIRED =
        "TargetTrackingScalingPolicyConfiguration is required for policy type TargetTrackingScaling";
    public static final String PREDEFINED_METRIC_REQUIRED =
        "DynamoTest supports PredefinedMetricSpecification only (DynamoDBReadCapacityUtilization, DynamoDBWriteCapacityUtilization)";
    public static final String METRIC_MISMATCH = "Unsupported metric type %s for scalable dimension %s";
    public static final String TARGET_VALUE_RANGE = "Target value must be between 20.0 and 90.0 for service namespace: dynamodb";
    public static final String COOLDOWN_NEGATIVE = "Cooldown must be greater than or equal to 0";
}
