package dev.dynamotest.engine.error;

/** DynamoDB's error type names, as they appear after '#' in {@code __type}. */
public final class ErrorTypes {
    private ErrorTypes() {
    }

    public static final String DYNAMODB_PREFIX = "com.amazonaws.dynamodb.v20120810#";
    public static final String CORAL_SERVICE_PREFIX = "com.amazon.coral.service#";
    public static final String CORAL_VALIDATE_PREFIX = "com.amazon.coral.validate#";
    public static final String VALIDATION = "ValidationException";
    public static final String SERIALIZATION = "SerializationException";
    public static final String UNKNOWN_OPERATION = "UnknownOperationException";
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
    public static final String RESOURCE_IN_USE = "ResourceInUseException";
    public static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailedException";
    public static final String INTERNAL_SERVER_ERROR = "InternalServerError";
    public static final String LIMIT_EXCEEDED = "LimitExceededException";
    public static final String MISSING_AUTHENTICATION_TOKEN = "MissingAuthenticationTokenException";
    public static final String REQUEST_ENTITY_TOO_LARGE = "RequestEntityTooLarge";
    public static final String ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED = "ItemCollectionSizeLimitExceededException";
    public static final String TRANSACTION_CANCELED = "TransactionCanceledException";
    public static final String TRANSACTION_CONFLICT = "TransactionConflictException";
    public static final String REPLICATED_WRITE_CONFLICT = "ReplicatedWriteConflictException";
    public static final String IDEMPOTENT_PARAMETER_MISMATCH = "IdempotentParameterMismatchException";
    public static final String DUPLICATE_ITEM = "DuplicateItemException";
    public static final String PROVISIONED_THROUGHPUT_EXCEEDED = "ProvisionedThroughputExceededException";
    public static final String THROTTLING = "ThrottlingException";
    public static final String BACKUP_NOT_FOUND = "BackupNotFoundException";
    public static final String TABLE_NOT_FOUND = "TableNotFoundException";
    public static final String TABLE_ALREADY_EXISTS = "TableAlreadyExistsException";
    public static final String POLICY_NOT_FOUND = "PolicyNotFoundException";
    public static final String POINT_IN_TIME_RECOVERY_UNAVAILABLE = "PointInTimeRecoveryUnavailableException";
    public static final String INVALID_RESTORE_TIME = "InvalidRestoreTimeException";
    public static final String INVALID_EXPORT_TIME = "InvalidExportTimeException";
    public static final String EXPORT_NOT_FOUND = "ExportNotFoundException";
    public static final String IMPORT_NOT_FOUND = "ImportNotFoundException";

    /**
     * The full {@code __type}: the protocol-level errors (validation, serialization, unknown operation) come from
     * the service framework's namespaces (as the real service sends them), the others from DynamoDB's.
     */
    public static String wireType(String type) {
        switch (type) {
            case VALIDATION:
                return CORAL_VALIDATE_PREFIX + type;
            case SERIALIZATION:
            case UNKNOWN_OPERATION:
            case MISSING_AUTHENTICATION_TOKEN:
            case REQUEST_ENTITY_TOO_LARGE:
                return CORAL_SERVICE_PREFIX + type;
            default:
                return DYNAMODB_PREFIX + type;
        }
    }
}
