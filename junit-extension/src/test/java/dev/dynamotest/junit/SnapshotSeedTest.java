package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A snapshot file as a fixture: its tables come with their settings (here a GSI no annotation declares) and their
 * items, and every test starts from them again.
 */
@DynamoTest
@Seed("customers.snapshot.jsonl")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotSeedTest {

    @Test
    @Order(1)
    void theTableComesWithItsIndexAndItems(DynamoDbClient client) {
        assertThat(client.listTables().tableNames()).containsExactly("customers");
        var byEmail = client.query(b -> b.tableName("customers").indexName("byEmail")
            .keyConditionExpression("email = :e").expressionAttributeValues(Map.of(":e", AttributeValue.fromS("alan@example.com"))));
        assertThat(byEmail.items()).extracting(i -> i.get("name").s()).containsExactly("Alan");
        assertThat(byEmail.items().get(0).get("visits").n()).isEqualTo("3");
        client.deleteItem(b -> b.tableName("customers").key(Map.of("id", AttributeValue.fromS("c1"))));
        client.putItem(b -> b.tableName("customers").item(Map.of("id", AttributeValue.fromS("c3"))));
    }

    @Test
    @Order(2)
    void eachTestStartsFromTheSnapshotAgain(DynamoDbClient client) {
        assertThat(client.scan(b -> b.tableName("customers")).items()).extracting(i -> i.get("id").s())
            .containsExactlyInAnyOrder("c1", "c2");
    }
}
