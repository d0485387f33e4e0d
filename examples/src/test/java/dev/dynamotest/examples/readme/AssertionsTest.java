package dev.dynamotest.examples.readme;

// tag::assertj[]
import static dev.dynamotest.assertj.DynamoAssertions.assertThat;
import static dev.dynamotest.assertj.DynamoAssertions.assertThatItem;
import static dev.dynamotest.assertj.DynamoAssertions.assertThatTable;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.ScalarType;
import dev.dynamotest.junit.Seed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@CreateTable(name = "orders", partitionKey = "customerId", sortKey = "orderId", sortKeyType = ScalarType.N)
@Seed(table = "orders", value = "orders.json")
class AssertionsTest {

    @Test
    void itemsTablesAndBeans(DynamoDbClient client, @Dynamo(table = "orders") DynamoDbTable<Order> ordersTable) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName("orders").key(Map.of(
            "customerId", AttributeValue.fromS("ada"), "orderId", AttributeValue.fromN("1")))).item();

        assertThatItem(item)
            .hasString("status", "NEW")
            .hasNumber("total", 12.5)                 // numbers by value: {"N": "12.50"} passes
            .hasStringSet("tags", "sale", "gift")     // sets in any order
            .hasString("address.city", "Paris")       // nested paths
            .hasString("lines[0].sku", "A")
            .doesNotHaveAttribute("deletedAt")
            .isEqualToItem(item, "updatedAt");        // ignoring attributes

        assertThatTable(client, "orders")
            .hasItemCount(3)
            .containsItemWithKey("customerId", "ada", "orderId", 1)
            .doesNotContainItemWithKey("customerId", "bob", "orderId", 9)
            .item("customerId", "ada", "orderId", 1).hasString("status", "NEW");

        assertThat(ordersTable)                       // a DynamoDbTable<Order>
            .containsKey("ada", 1)
            .item("ada", 1).extracting(Order::getStatus).isEqualTo("NEW");
    }
}
// end::assertj[]
