package dev.dynamotest.assertj;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ObjectAssert;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;

/**
 * Assertions on an Enhanced Client table: keys and the beans stored under them.
 *
 * <pre>{@code
 * assertThat(orders).containsKey("ada", 1).doesNotContainKey("ada", 2);
 * assertThat(orders).item("ada", 1).extracting(Order::getStatus).isEqualTo("SHIPPED");
 * }</pre>
 *
 * @param <T> the bean type
 */
public class BeanTableAssert<T> extends AbstractAssert<BeanTableAssert<T>, DynamoDbTable<T>> {

    @SuppressWarnings("unchecked")
    public BeanTableAssert(DynamoDbTable<T> table) {
        super(table, (Class<BeanTableAssert<T>>) (Class<?>) BeanTableAssert.class);
    }

    public BeanTableAssert<T> containsKey(Key key) {
        if (get(key) == null) {
            failWithMessage("%s", "\nExpecting table " + ItemJson.quote(actual.tableName()) + " to contain an item with key\n  "
                + keyJson(key) + "\nbut it does not");
        }
        return myself;
    }

    /** Partition key value: String, Number or byte[]/SdkBytes. */
    public BeanTableAssert<T> containsKey(Object partitionValue) {
        return containsKey(key(partitionValue, null));
    }

    public BeanTableAssert<T> containsKey(Object partitionValue, Object sortValue) {
        return containsKey(key(partitionValue, sortValue));
    }

    public BeanTableAssert<T> doesNotContainKey(Key key) {
        T item = get(key);
        if (item != null) {
            failWithMessage("%s", "\nExpecting table " + ItemJson.quote(actual.tableName())
                + " not to contain an item with key\n  " + keyJson(key) + "\nbut it contains\n"
                + ItemJson.block(actual.tableSchema().itemToMap(item, true), "  "));
        }
        return myself;
    }

    public BeanTableAssert<T> doesNotContainKey(Object partitionValue) {
        return doesNotContainKey(key(partitionValue, null));
    }

    public BeanTableAssert<T> doesNotContainKey(Object partitionValue, Object sortValue) {
        return doesNotContainKey(key(partitionValue, sortValue));
    }

    /** The bean stored under {@code key}, which must exist, for object assertions. */
    public ObjectAssert<T> item(Key key) {
        containsKey(key);
        return Assertions.assertThat(get(key)).as("item " + keyJson(key) + " of table " + ItemJson.quote(actual.tableName()));
    }

    public ObjectAssert<T> item(Object partitionValue) {
        return item(key(partitionValue, null));
    }

    public ObjectAssert<T> item(Object partitionValue, Object sortValue) {
        return item(key(partitionValue, sortValue));
    }

    /** As {@link TableAssert#hasItemCount(long)}, through the table's client. */
    public BeanTableAssert<T> hasItemCount(long count) {
        long actualCount;
        try {
            actualCount = actual.scan().items().stream().count();
        } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
            if (!TableAssert.unknownOperation(e)) {
                throw e;
            }
            actualCount = actual.describeTable().table().itemCount();
        }
        if (actualCount != count) {
            failWithMessage("%s", "\nExpecting table " + ItemJson.quote(actual.tableName()) + " to contain " + count
                + " item" + (count == 1 ? "" : "s") + "\nbut it contains " + actualCount);
        }
        return myself;
    }

    private T get(Key key) {
        isNotNull();
        return actual.getItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build());
    }

    /** The key as JSON (attributes sorted, as everywhere). */
    private String keyJson(Key key) {
        return ItemJson.of(key.keyMap(actual.tableSchema(), TableMetadata.primaryIndexName()));
    }

    static Key key(Object partitionValue, Object sortValue) {
        Key.Builder b = Key.builder();
        if (partitionValue instanceof Key k) {
            return k;
        }
        b.partitionValue(AttributeValues.of(normalize(partitionValue)));
        if (sortValue != null) {
            b.sortValue(AttributeValues.of(normalize(sortValue)));
        }
        return b.build();
    }

    private static Object normalize(Object v) {
        return v instanceof byte[] bytes ? SdkBytes.fromByteArray(bytes) : v;
    }
}
