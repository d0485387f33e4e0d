package dev.dynamotest.engine.error;

import dev.dynamotest.engine.model.Item;

/**
 * The one exception type of the engine: carries DynamoDB's error type (the part after '#' in {@code __type}),
 * its message text and the HTTP status the service answers with.
 */
public class DynamoException extends RuntimeException {
    private final String type;
    private final int status;
    private final transient Item item;

    public DynamoException(String type, String message, int status) {
        this(type, message, status, null);
    }

    public DynamoException(String type, String message, int status, Item item) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.item = item;
    }

    /** DynamoDB's error type, e.g. {@code ValidationException}. */
    public String type() {
        return type;
    }

    /** The full {@code __type} as the service sends it. */
    public String wireType() {
        return ErrorTypes.wireType(type);
    }

    public int status() {
        return status;
    }

    /** The item returned with a ConditionalCheckFailedException when ReturnValuesOnConditionCheckFailure=ALL_OLD. */
    public Item item() {
        return item;
    }

    public static DynamoException validation(String message) {
        return new DynamoException(ErrorTypes.VALIDATION, message, 400);
    }

    public static DynamoException validation(String format, Object... args) {
        return new DynamoException(ErrorTypes.VALIDATION, String.format(format, args), 400);
    }

    public static DynamoException serialization(String message) {
        return new DynamoException(ErrorTypes.SERIALIZATION, message, 400);
    }

    public static DynamoException resourceNotFound(String message) {
        return new DynamoException(ErrorTypes.RESOURCE_NOT_FOUND, message, 400);
    }

    public static DynamoException resourceInUse(String message) {
        return new DynamoException(ErrorTypes.RESOURCE_IN_USE, message, 400);
    }

    public static DynamoException conditionalCheckFailed(Item item) {
        return new DynamoException(ErrorTypes.CONDITIONAL_CHECK_FAILED, Messages.CONDITIONAL_REQUEST_FAILED, 400, item);
    }

    public static DynamoException internal(String message) {
        return new DynamoException(ErrorTypes.INTERNAL_SERVER_ERROR, message, 500);
    }
}
