package dev.dynamotest.engine.error;

/**
 * DynamoDB's message texts, kept in one place. Texts with {@code %s} are formats. They follow the real
 * service; where DynamoDB Local words a message differently, the service's wording is used.
 */
public final class Messages {
    private Messages() {
    }

    // Throttling (the service's texts, as listed in the TransactionCanceledException reference)
    public static final String TABLE_THROUGHPUT_EXCEEDED = "The level of configured provisioned throughput for the table was exceeded. "
        + "Consider increasing your provisioning level with the UpdateTable API.";
    public static final String INDEX_THROUGHPUT_EXCEEDED = "The level of configured provisioned throughput for the index was exceeded. "
        + "Consider increasing your provisioning level with the UpdateTable API.";
    public static final String GSI_WRITE_THROUGHPUT_EXCEEDED = "The level of configured provisioned throughput for one or more global "
        + "secondary indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global "
        + "secondary indexes with the UpdateTable API";
    public static final String ON_DEMAND_THROTTLED = "Throughput exceeds the current capacity of your table or index. DynamoDB is "
        + "automatically scaling your table or index so please try again shortly. If exceptions persist, check if you have a hot key: "
        + "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";
    public static final String ON_DEMAND_GSI_THROTTLED = "Throughput exceeds the current capacity for one or more global secondary "
        + "indexes. DynamoDB is automatically scaling your index so please try again shortly.";

    // Data plane
    public static final String CONDITIONAL_REQUEST_FAILED = "The conditional request failed";
    public static final String RESOURCE_NOT_FOUND = "Requested resource not found";
    public static final String TABLE_NOT_FOUND = "Requested resource not found: Table: %s not found";
    public static final String TABLE_ALREADY_EXISTS = "Table already exists: %s";
    // Backups (CreateBackup names a missing table with TableNotFoundException, not ResourceNotFoundException)
    public static final String BACKUP_NOT_FOUND = "Backup not found: %s";
    public static final String BACKUP_TABLE_NOT_FOUND = "Table not found: %s";
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
    /** The service appends ": {@code <value>}" when the value is not empty (DynamoDB Local words it differently). */
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
    /** An item (or a value) nesting maps and lists deeper than 32 levels. */
    public static final String NESTING_TOO_DEEP = "Nesting Levels have exceeded supported limits";
    public static final String AV_NO_TYPE = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    public static final String AV_MULTIPLE_TYPES = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";

    // Requests
    public static final String VALIDATION_ERRORS_DETECTED = "%d validation error%s detected: %s";
    public static final String MEMBER_NOT_NULL = "Value null at '%s' failed to satisfy constraint: Member must not be null";

    // Expressions (parser/resolver)
    // Details that follow "Invalid <Kind>: " (see ExpressionKind.invalid); verified against DynamoDB Local 2.6.1.
    public static final String EXPR_EMPTY = "The expression can not be empty;";
    public static final String EXPR_SYNTAX = "Syntax error; token: \"%s\", near: \"%s\"";
    /** Condition, filter and key-condition expressions name the size; update and projection expressions do not. */
    public static final String EXPR_TOO_LONG_WITH_SIZE =
        "Expression size has exceeded the maximum allowed size; expression size: %d";
    public static final String EXPR_TOO_LONG = "Expression size has exceeded the maximum allowed size;";
    public static final String EXPR_REDUNDANT_PARENTHESES = "The expression has redundant parentheses;";
    public static final String EXPR_SECTION_TWICE = "The \"%s\" section can only be used once in an update expression;";
    public static final String EXPR_RESERVED_KEYWORD = "Attribute name is a reserved keyword; reserved keyword: %s";
    public static final String EXPR_INVALID_FUNCTION = "Invalid function name; function: %s";
    public static final String EXPR_FUNCTION_MISUSED =
        "The function is not allowed to be used this way in an expression; function: %s";
    public static final String EXPR_FUNCTION_NOT_IN_CONDITION =
        "The function is not allowed in a condition expression; function: %s";
    public static final String EXPR_FUNCTION_NOT_IN_UPDATE =
        "The function is not allowed in an update expression; function: %s";
    public static final String EXPR_INDEX_OUT_OF_RANGE = "List index is not within the allowable range; index: [%s]";
    public static final String EXPR_NAME_UNDEFINED =
        "An expression attribute name used in the document path is not defined; attribute name: %s";
    public static final String EXPR_VALUE_UNDEFINED =
        "An expression attribute value used in expression is not defined; attribute value: %s";
    public static final String EXPR_PATH_TOO_DEEP = "The document path has too many nesting levels; nesting levels: %d";
    public static final String EXPR_IN_TOO_MANY =
        "The IN operator is provided with too many operands; number of operands: %d";
    public static final String EXPR_TOO_MANY_OPERATORS = "The expression contains too many operators; operator count: %d";
    public static final String EXPR_ARITY =
        "Incorrect number of operands for operator or function; operator or function: %s, number of operands: %d";
    public static final String EXPR_REQUIRES_PATH =
        "Operator or function requires a document path; operator or function: %s";
    public static final String EXPR_OPERANDS_NOT_DISTINCT =
        "The first operand must be distinct from the remaining operands for this operator or function; operator: %s, first operand: %s";
    public static final String EXPR_OPERAND_TYPE =
        "Incorrect operand type for operator or function; operator or function: %s, operand type: %s";
    /** ADD and DELETE clauses word it differently, with long type names (STRING, NUMBER, ...). */
    public static final String EXPR_ACTION_OPERAND_TYPE =
        "Incorrect operand type for operator or function; operator: %s, operand type: %s, typeSet: %s";
    public static final String EXPR_INVALID_ATTRIBUTE_TYPE =
        "Invalid attribute type name found; type: %s, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}";
    /** attribute_type(a, b) with a path as the type: DynamoDB Local names its internal type list. */
    public static final String EXPR_ATTRIBUTE_TYPE_PATH_OPERAND = "{DICT,SS,BS,DECIMAL,INT,DOUBLESET,HD,B,NS,S,HDS,INTSET,"
        + "NULL,L,M,N,FS,DECIMALSET,FLOAT,DOUBLE,BOOL}";
    public static final String EXPR_BETWEEN_TYPES =
        "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: %s, upper bound operand: AttributeValue: %s";
    public static final String EXPR_BETWEEN_ORDER =
        "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: %s, upper bound operand: AttributeValue: %s";
    public static final String EXPR_PATHS_OVERLAP =
        "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: %s, path two: %s";
    public static final String EXPR_PATHS_CONFLICT =
        "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: %s, path two: %s";
    // Not prefixed with "Invalid <Kind>: ".
    public static final String EXPR_NAMES_EMPTY = "ExpressionAttributeNames must not be empty";
    public static final String EXPR_VALUES_EMPTY = "ExpressionAttributeValues must not be empty";
    public static final String EXPR_NAMES_INVALID_KEY = "ExpressionAttributeNames contains invalid key: Syntax error; key: \"%s\"";
    public static final String EXPR_VALUES_INVALID_KEY = "ExpressionAttributeValues contains invalid key: Syntax error; key: \"%s\"";
    public static final String EXPR_NAMES_EMPTY_VALUE = "ExpressionAttributeNames contains invalid value: Empty attribute name for key %s";
    public static final String EXPR_NAMES_UNUSED = "Value provided in ExpressionAttributeNames unused in expressions: keys: {%s}";
    public static final String EXPR_VALUES_UNUSED = "Value provided in ExpressionAttributeValues unused in expressions: keys: {%s}";
}
