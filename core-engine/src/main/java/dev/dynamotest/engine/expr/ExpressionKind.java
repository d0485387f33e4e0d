package dev.dynamotest.engine.expr;

/** The five expression kinds; the name prefixes the service's messages ("Invalid UpdateExpression: ..."). */
public enum ExpressionKind {
    CONDITION("ConditionExpression"),
    FILTER("FilterExpression"),
    KEY_CONDITION("KeyConditionExpression"),
    UPDATE("UpdateExpression"),
    PROJECTION("ProjectionExpression");

    private final String parameterName;

    ExpressionKind(String parameterName) {
        this.parameterName = parameterName;
    }

    /** The request parameter's name, e.g. {@code ConditionExpression}. */
    public String parameterName() {
        return parameterName;
    }

    /** {@code "Invalid ConditionExpression: " + detail}. */
    public String invalid(String detail) {
        return "Invalid " + parameterName + ": " + detail;
    }
}
