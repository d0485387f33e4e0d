package dev.dynamotest.assertj;

import static dev.dynamotest.assertj.DynamoAssertions.assertThat;
import static dev.dynamotest.assertj.DynamoAssertions.assertThatTable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.ScalarType;
import dev.dynamotest.junit.Seed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Table assertions (through a DynamoDbClient) and bean-table assertions (through a DynamoDbTable). */
@DynamoTest
@CreateTable(name = "events", partitionKey = "pk")
@CreateTable(name = "ledger", partitionKey = "account", sortKey = "seq", sortKeyType = ScalarType.N)
@CreateTable(bean = Order.class, name = "orders")
@Seed(table = "events", value = "[{\"pk\": \"e1\", \"kind\": \"click\"}, {\"pk\": \"e2\", \"kind\": \"view\"}]")
@Seed(table = "ledger", value = "{\"account\": \"acc\", \"seq\": 1, \"amount\": 10}")
@Seed(table = "orders", value = "{\"customerId\": \"ada\", \"orderId\": 1, \"status\": \"NEW\"}")
class TableAssertTest {

    @Test
    void passingTableAssertions(DynamoDbClient client) {
        assertThatTable(client, "events").exists().hasItemCount(2)
            .containsItemWithKey("pk", "e1")
            .containsItemWithKey(Map.of("pk", AttributeValue.fromS("e2")))
            .doesNotContainItemWithKey("pk", "e3");
        assertThatTable(client, "ledger").containsItemWithKey("account", "acc", "seq", 1)
            .doesNotContainItemWithKey("account", "acc", "seq", 2)
            .item("account", "acc", "seq", 1).hasNumber("amount", 10);
        client.deleteItem(b -> b.tableName("events").key(Map.of("pk", AttributeValue.fromS("e1"))));
        client.deleteItem(b -> b.tableName("events").key(Map.of("pk", AttributeValue.fromS("e2"))));
        assertThatTable(client, "events").isEmpty();
    }

    @Test
    void failingTableAssertions(DynamoDbClient client) {
        assertThatThrownBy(() -> assertThatTable(client, "events").hasItemCount(3))
            .isInstanceOf(AssertionError.class)
            .hasMessage("\nExpecting table \"events\" to contain 3 items\nbut it contains 2");
        assertThatThrownBy(() -> assertThatTable(client, "events").containsItemWithKey("pk", "e9"))
            .hasMessage("\nExpecting table \"events\" to contain an item with key\n  {\"pk\": {\"S\": \"e9\"}}\nbut it does not");
        assertThatThrownBy(() -> assertThatTable(client, "ledger").doesNotContainItemWithKey("account", "acc", "seq", 1))
            .hasMessageStartingWith("\nExpecting table \"ledger\" not to contain an item with key\n  "
                + "{\"account\": {\"S\": \"acc\"}, \"seq\": {\"N\": \"1\"}}\nbut it contains\n  {")
            .hasMessageContaining("\"amount\": {\"N\": \"10\"}");
        assertThatThrownBy(() -> assertThatTable(client, "ledger").item("account", "acc", "seq", 1).hasNumber("amount", 11))
            .hasMessageStartingWith("[item {\"account\": {\"S\": \"acc\"}, \"seq\": {\"N\": \"1\"}} of table \"ledger\"] \n"
                + "Expecting item\n")
            .hasMessageEndingWith("\nbut it was {\"N\": \"10\"}");
        assertThatThrownBy(() -> assertThatTable(client, "nothing").exists())
            .hasMessage("\nExpecting table \"nothing\" to exist\nbut it does not");
    }

    @Test
    void itemsAsAList(DynamoDbClient client) {
        assertThatTable(client, "events").items().hasSize(2)
            .anySatisfy(item -> assertThat(item).hasString("kind", "click"));
    }

    @Test
    void beanTableAssertions(DynamoDbTable<Order> orders) {
        assertThat(orders).containsKey("ada", 1).doesNotContainKey("ada", 2)
            .containsKey(Key.builder().partitionValue("ada").sortValue(1).build())
            .hasItemCount(1);
        assertThat(orders).item("ada", 1).extracting(Order::getStatus).isEqualTo("NEW");

        assertThatThrownBy(() -> assertThat(orders).containsKey("bob", 1))
            .hasMessage("\nExpecting table \"orders\" to contain an item with key\n  "
                + "{\"customerId\": {\"S\": \"bob\"}, \"orderId\": {\"N\": \"1\"}}\nbut it does not");
        assertThatThrownBy(() -> assertThat(orders).doesNotContainKey("ada", 1))
            .hasMessageStartingWith("\nExpecting table \"orders\" not to contain an item with key\n  "
                + "{\"customerId\": {\"S\": \"ada\"}, \"orderId\": {\"N\": \"1\"}}\nbut it contains\n  {")
            .hasMessageContaining("\"status\": {\"S\": \"NEW\"}");
        assertThatThrownBy(() -> assertThat(orders).item("ada", 1).extracting(Order::getStatus).isEqualTo("SHIPPED"))
            .hasMessageContaining("item {\"customerId\": {\"S\": \"ada\"}, \"orderId\": {\"N\": \"1\"}} of table \"orders\"")
            .hasMessageContaining("SHIPPED");
        assertThatThrownBy(() -> assertThat(orders).hasItemCount(5))
            .hasMessage("\nExpecting table \"orders\" to contain 5 items\nbut it contains 1");
    }
}
