package dev.dynamotest.examples.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.testcontainers.DynamoTestContainer;
import dev.dynamotest.testcontainers.Fault;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The inventory example with a process boundary: DynamoTest in a container (Testcontainers), set up with the plain
 * SDK as an application's integration test would be, throttled through the container's admin API.
 */
@Testcontainers(disabledWithoutDocker = true)
class InventoryContainerTest {

    @Container
    static final DynamoTestContainer dynamo = new DynamoTestContainer();

    DynamoDbClient client;
    Inventory inventory;

    @BeforeEach
    void createAndStock() {
        client = dynamo.newClient();
        client.createTable(b -> b.tableName("inventory").billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(a -> a.attributeName("sku").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("sku").keyType(KeyType.HASH)));
        client.putItem(b -> b.tableName("inventory").item(Map.of("sku", AttributeValue.fromS("widget"),
            "stock", AttributeValue.fromN("100"))));
        inventory = new Inventory(client, "inventory");
    }

    @AfterEach
    void resetTheContainer() {
        client.close();
        dynamo.reset(); // the next test starts from an empty server
    }

    @Test
    void concurrentOrdersNeverOversellAcrossTheProcessBoundary() throws Exception {
        assertThat(InventoryTest.orderConcurrently(inventory, 150)).isEqualTo(100);
        assertThat(inventory.stock("widget")).isZero();
    }

    @Test
    void throttledOrdersAreRetriedByTheSdkAndCountedOnce() {
        // the first two UpdateItem calls are throttled; the SDK's default retry policy rides them out
        dynamo.faults().add(Fault.on("UpdateItem").table("inventory").times(2).error("ProvisionedThroughputExceededException"));
        assertThat(inventory.order("widget", 3)).isTrue();
        assertThat(inventory.stock("widget")).isEqualTo(97);
        assertThat(dynamo.faults().rules()).singleElement().satisfies(r -> assertThat(r.fired()).isEqualTo(2));
    }
}
