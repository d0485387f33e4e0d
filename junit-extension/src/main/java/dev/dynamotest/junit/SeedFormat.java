package dev.dynamotest.junit;

/** The format of a {@link Seed} fixture. */
public enum SeedFormat {
    /**
     * Detected: an object whose values are lists of {@code PutRequest}/{@code DeleteRequest} entries is the AWS CLI
     * {@code batch-write-item} format; otherwise the fixture is one item or an array of items, each in DynamoDB JSON
     * when every attribute is typed ({@code {"S": "x"}}), else plain JSON.
     */
    AUTO,
    /** Items in DynamoDB JSON: {@code {"pk": {"S": "a"}, "n": {"N": "1"}}}. */
    DYNAMODB_JSON,
    /** Items in plain JSON: strings, numbers, booleans, null, arrays (lists) and objects (maps). */
    PLAIN_JSON,
    /**
     * A DynamoTest snapshot file ({@code docs/snapshots.md}: a saved engine or set of tables, with their settings,
     * indexes and items; detected by its first line). Its tables are put into the test's namespace as they were
     * saved, replacing declared tables of the same name; the per-test reset then comes back to them in O(1), as for
     * any seed. Needs the embedded engine (not an external endpoint).
     */
    SNAPSHOT,
    /** The AWS CLI {@code batch-write-item} request: {@code {"Table": [{"PutRequest": {"Item": {...}}}]}}. */
    BATCH_WRITE_ITEM
}
