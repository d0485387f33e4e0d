package dev.dynamotest.engine.error;

/**
 * DynamoDB's message texts, kept in one place. Texts with {@code %s} are formats. They follow the real
 * service; where DynamoDB Local words a message differently, the service's wording is used.
 */
public final class Messages {
    private Messages() {
    }

    // Data plane
    public static final String CONDITIONAL_REQUEST_FAILED = "The conditional request failed";
    public static final String RESOURCE_NOT_FOUND = "Requested resource not found";
    public static final String TABLE_NOT_FOUND = "Requested resource not found: Table: %s not found";
    public static final String TABLE_ALREADY_EXISTS = "Table already exists: %s";
    public static final String KEY_SCHEMA_MISMATCH = "The provided key element does not match the schema";
    public static final String MISSING_KEY_IN_ITEM = "One or more parameter values were invalid: Missing the key %s in the item";
    public static final String KEY_TYPE_MISMATCH =
        "One or more parameter values were invalid: Type mismatch for key %s expected: %s actual: %s";
    public static final String EMPTY_STRING_KEY =
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: %s";
    public static final String EMPTY_BINARY_KEY =
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: %s";
    public static final String ITEM_TOO_LARGE = "Item size has exceeded the maximum allowed size";
    public static final String HASH_KEY_TOO_LARGE =
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes";
    public static final String RANGE_KEY_TOO_LARGE =
        "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes";
    public static final String UPDATE_KEY_ATTRIBUTE =
        "One or more parameter values were invalid: Cannot update attribute %s. This attribute is part of the key";

    // Numbers
    /** The service appends ": <value>" when the value is not empty (DynamoDB Local words it differently). */
    public static final String NUMBER_NOT_CONVERTIBLE = "The parameter cannot be converted to a numeric value";
    public static final String NUMBER_TOO_MANY_DIGITS = "Attempting to store more than 38 significant digits in a Number";
    public static final String NUMBER_OVERFLOW =
        "Number overflow. Attempting to store a number with magnitude larger than supported range";
    public static final String NUMBER_UNDERFLOW =
        "Number underflow. Attempting to store a number with magnitude smaller than supported range";

    // Attribute values
    public static final String EMPTY_SET = "One or more parameter values were invalid: An %s set  may not be empty";
    public static final String SET_DUPLICATES = "One or more parameter values were invalid: Input collection %s contains duplicates.";
    /** Number sets are compared after normalisation; the service then does not list the values. */
    public static final String NUMBER_SET_DUPLICATES = "Input collection contains duplicates";
    public static final String BINARY_SET_DUPLICATES =
        "One or more parameter values were invalid: Input collection %sof type BS contains duplicates.";
    public static final String EMPTY_BINARY_SET = "One or more parameter values were invalid: Binary sets should not be empty";
    public static final String NULL_MUST_BE_TRUE = "One or more parameter values were invalid: Null attribute value types must have the value of true";
    public static final String AV_NO_TYPE = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    public static final String AV_MULTIPLE_TYPES = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";

    // Requests
    public static final String VALIDATION_ERRORS_DETECTED = "%d validation error%s detected: %s";
    public static final String MEMBER_NOT_NULL = "Value null at '%s' failed to satisfy constraint: Member must not be null";
}
