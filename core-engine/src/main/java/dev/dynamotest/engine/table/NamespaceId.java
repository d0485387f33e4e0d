package dev.dynamotest.engine.table;

/**
 * Identifies a namespace of tables. Today: the region a request is signed for; {@code accessKey} is empty unless
 * the engine separates callers by access key (DynamoDB Local's behaviour without -sharedDb, and test isolation).
 */
public record NamespaceId(String region, String accessKey) {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";

    public static NamespaceId region(String region) {
        return new NamespaceId(region, "");
    }

    public String accountId() {
        return ACCOUNT_ID;
    }
}
