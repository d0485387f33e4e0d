package dev.dynamotest.assertj;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Entry point of the DynamoTest AssertJ assertions:
 *
 * <pre>{@code
 * import static dev.dynamotest.assertj.DynamoAssertions.assertThat;
 * import static dev.dynamotest.assertj.DynamoAssertions.assertThatTable;
 *
 * assertThat(item).hasString("status", "NEW").hasNumber("total", 12.5).hasString("address.city", "Paris");
 * assertThatTable(client, "orders").hasItemCount(3).containsItemWithKey("pk", "order-1");
 * assertThat(ordersTable).containsKey("ada", 1).item("ada", 1).extracting(Order::getTotal).isEqualTo(42L);
 * }</pre>
 *
 * <p>When AssertJ's own {@code Assertions.assertThat} is statically imported too, use {@link #assertThatItem(Map)}
 * for items (both accept a {@code Map}).
 *
 * <p>Extension point: assertions on DynamoDB Streams records ({@code assertThat(Record)}, checking event names
 * and old/new images with {@link ItemAssert}) will be added here; {@link ItemJson} and {@link AttributeValues} are
 * public so they print and compare the same way. The class is not final so a project can extend it with its own
 * entry points.
 */
public class DynamoAssertions {
    protected DynamoAssertions() {
    }

    public static ItemAssert assertThat(Map<String, AttributeValue> item) {
        return new ItemAssert(item);
    }

    /** Same as {@link #assertThat(Map)}, for when AssertJ's map {@code assertThat} is imported as well. */
    public static ItemAssert assertThatItem(Map<String, AttributeValue> item) {
        return new ItemAssert(item);
    }

    public static AttributeValueAssert assertThat(AttributeValue value) {
        return new AttributeValueAssert(value);
    }

    public static TableAssert assertThatTable(DynamoDbClient client, String tableName) {
        return new TableAssert(client, tableName);
    }

    public static <T> BeanTableAssert<T> assertThat(DynamoDbTable<T> table) {
        return new BeanTableAssert<>(table);
    }
}
