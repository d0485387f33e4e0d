package dev.dynamotest.assertj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.dynamotest.junit.DynamoRuntime;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Assertions on a table, read through the DynamoDB API with the given client (so they work against any endpoint).
 * Reads are strongly consistent (see {@link #eventually} for assertions that hold once writes have propagated).
 *
 * <pre>{@code
 * assertThatTable(client, "orders").hasItemCount(2).containsItemWithKey("pk", "order-1")
 *     .doesNotContainItemWithKey("pk", "order-9");
 * assertThatTable(client, "orders").item("pk", "order-1").hasNumber("total", 12.5);
 * }</pre>
 */
public class TableAssert extends AbstractAssert<TableAssert, String> {
    private final DynamoDbClient client;
    private final boolean consistentRead;

    public TableAssert(DynamoDbClient client, String tableName) {
        this(client, tableName, true);
    }

    /** With {@code consistentRead = false}, reads are eventually consistent, as most production readers' are. */
    public TableAssert(DynamoDbClient client, String tableName, boolean consistentRead) {
        super(tableName, TableAssert.class);
        this.client = client;
        this.consistentRead = consistentRead;
    }

    /**
     * Assertions that must hold <em>eventually</em>, on the embedded engine's clock and consistency model, never by
     * sleeping: each assertion is tried with eventually consistent reads, and while it fails the engine clock is
     * advanced in steps up to the lag bound (or, for a lag counted in operations, the read is repeated up to the
     * bound), then the writes are settled and it is tried a last time.
     *
     * <pre>{@code
     * assertThatTable(client, "orders").eventually(runtime).hasItemCount(3);
     * assertThatTable(client, "sessions").eventually(runtime).within(Duration.ofDays(2)).isEmpty(); // TTL
     * }</pre>
     */
    public EventuallyTableAssert eventually(DynamoRuntime runtime) {
        isNotNull();
        return new EventuallyTableAssert(client, actual, runtime);
    }

    /** The table exists (DescribeTable finds it). */
    public TableAssert exists() {
        try {
            client.describeTable(b -> b.tableName(actual));
        } catch (ResourceNotFoundException e) {
            failWithMessage("%s", "\nExpecting table " + ItemJson.quote(actual) + " to exist\nbut it does not");
        }
        return myself;
    }

    /**
     * The table holds exactly {@code count} items: counted with Scan (Select COUNT, every page); against an endpoint
     * without Scan, DescribeTable's ItemCount (exact on the DynamoTest engine, refreshed only every few hours by
     * the real service).
     */
    public TableAssert hasItemCount(long count) {
        long actualCount = count();
        if (actualCount != count) {
            failWithMessage("%s", "\nExpecting table " + ItemJson.quote(actual) + " to contain " + count + " item"
                + (count == 1 ? "" : "s") + "\nbut it contains " + actualCount);
        }
        return myself;
    }

    public TableAssert isEmpty() {
        return hasItemCount(0);
    }

    public TableAssert containsItemWithKey(Map<String, AttributeValue> key) {
        if (get(key) == null) {
            failWithMessage("%s", "\nExpecting table " + ItemJson.quote(actual) + " to contain an item with key\n  "
                + ItemJson.of(key) + "\nbut it does not");
        }
        return myself;
    }

    /** Partition key only; values: String (S), Number (N), byte[]/SdkBytes (B) or an AttributeValue. */
    public TableAssert containsItemWithKey(String partitionKey, Object value) {
        return containsItemWithKey(key(partitionKey, value, null, null));
    }

    public TableAssert containsItemWithKey(String partitionKey, Object partitionValue, String sortKey, Object sortValue) {
        return containsItemWithKey(key(partitionKey, partitionValue, sortKey, sortValue));
    }

    public TableAssert doesNotContainItemWithKey(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = get(key);
        if (item != null) {
            failWithMessage("%s", "\nExpecting table " + ItemJson.quote(actual) + " not to contain an item with key\n  "
                + ItemJson.of(key) + "\nbut it contains\n" + ItemJson.block(item, "  "));
        }
        return myself;
    }

    public TableAssert doesNotContainItemWithKey(String partitionKey, Object value) {
        return doesNotContainItemWithKey(key(partitionKey, value, null, null));
    }

    public TableAssert doesNotContainItemWithKey(String partitionKey, Object partitionValue, String sortKey,
                                                 Object sortValue) {
        return doesNotContainItemWithKey(key(partitionKey, partitionValue, sortKey, sortValue));
    }

    /** The item with this key, which must exist, for item assertions. */
    public ItemAssert item(Map<String, AttributeValue> key) {
        containsItemWithKey(key);
        return new ItemAssert(get(key)).as("item " + ItemJson.of(key) + " of table " + ItemJson.quote(actual));
    }

    public ItemAssert item(String partitionKey, Object value) {
        return item(key(partitionKey, value, null, null));
    }

    public ItemAssert item(String partitionKey, Object partitionValue, String sortKey, Object sortValue) {
        return item(key(partitionKey, partitionValue, sortKey, sortValue));
    }

    /** Every item of the table (read with Scan), for list assertions. */
    public ListAssert<Map<String, AttributeValue>> items() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page;
            try {
                page = client.scan(b -> b.tableName(actual).consistentRead(consistentRead).exclusiveStartKey(from));
            } catch (DynamoDbException e) {
                if (unknownOperation(e)) {
                    throw new IllegalStateException("items() reads the table with Scan, which the endpoint does not "
                        + "support: " + e.getMessage(), e);
                }
                throw e;
            }
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return Assertions.assertThat(items).as("items of table " + ItemJson.quote(actual));
    }

    // ------------------------------------------------------------------ reads

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        isNotNull();
        var response = client.getItem(b -> b.tableName(actual).key(key).consistentRead(consistentRead));
        return response.hasItem() ? response.item() : null;
    }

    private long count() {
        isNotNull();
        try {
            long total = 0;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = client.scan(b -> b.tableName(actual).select(Select.COUNT).consistentRead(consistentRead)
                    .exclusiveStartKey(from));
                total += page.count();
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            return total;
        } catch (DynamoDbException e) {
            if (!unknownOperation(e)) {
                throw e;
            }
        }
        return client.describeTable(b -> b.tableName(actual)).table().itemCount();
    }

    static boolean unknownOperation(DynamoDbException e) {
        return e.awsErrorDetails() != null && "UnknownOperationException".equals(e.awsErrorDetails().errorCode());
    }

    static Map<String, AttributeValue> key(String partitionKey, Object partitionValue, String sortKey, Object sortValue) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(partitionKey, AttributeValues.of(partitionValue));
        if (sortKey != null) {
            key.put(sortKey, AttributeValues.of(sortValue));
        }
        return key;
    }
}
