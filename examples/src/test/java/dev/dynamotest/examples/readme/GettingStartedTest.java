package dev.dynamotest.examples.readme;

// tag::getting-started[]
import static dev.dynamotest.assertj.DynamoAssertions.assertThatItem;
import static dev.dynamotest.assertj.DynamoAssertions.assertThatTable;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.ScalarType;
import dev.dynamotest.junit.Seed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@CreateTable(name = "orders", partitionKey = "customerId", sortKey = "orderId", sortKeyType = ScalarType.N)
@Seed(table = "orders", value = "{\"customerId\": \"ada\", \"orderId\": 1, \"total\": 12.5}")
class GettingStartedTest {

    @Test
    void readsTheSeededOrder(DynamoDbClient client) {
        var item = client.getItem(b -> b.tableName("orders")
            .key(Map.of("customerId", AttributeValue.fromS("ada"), "orderId", AttributeValue.fromN("1")))).item();
        assertThatItem(item).hasNumber("total", 12.5);
    }

    @Test
    void everyTestStartsFromTheSeededState(DynamoDbClient client) {
        client.deleteItem(b -> b.tableName("orders")
            .key(Map.of("customerId", AttributeValue.fromS("ada"), "orderId", AttributeValue.fromN("1"))));
        assertThatTable(client, "orders").isEmpty();   // the next test finds the seeded order again
    }
}
// end::getting-started[]
