package dev.dynamotest.testcontainers;

import static dev.dynamotest.assertj.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoExtension;
import dev.dynamotest.junit.ScalarType;
import dev.dynamotest.junit.Seed;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The JUnit extension's external-endpoint switch pointed at the container: @CreateTable and @Seed are created
 * there, clients are injected for it, and every test starts from the seeded state.
 */
@RequiresDocker
@Testcontainers
@CreateTable(name = "orders", partitionKey = "customerId", sortKey = "orderId", sortKeyType = ScalarType.N)
@Seed(table = "orders", value = "{\"customerId\": \"ada\", \"orderId\": 1, \"total\": 12.5}")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JUnitExtensionIT {

    @Container
    static final DynamoTestContainer container = new DynamoTestContainer();

    @RegisterExtension
    static final DynamoExtension dynamo = DynamoExtension.builder().endpointFrom(container::getEndpoint).build();

    static final Map<String, AttributeValue> KEY = Map.of("customerId", AttributeValue.fromS("ada"),
        "orderId", AttributeValue.fromN("1"));

    @Test
    @Order(1)
    void readsTheSeededItemFromTheContainer(DynamoDbClient client) {
        assertThat(client.serviceClientConfiguration().endpointOverride()).contains(container.getEndpoint());
        assertThat(client.getItem(b -> b.tableName("orders").key(KEY)).item()).hasNumber("total", 12.5);
        client.putItem(b -> b.tableName("orders").item(Map.of("customerId", AttributeValue.fromS("bob"),
            "orderId", AttributeValue.fromN("2"))));
        client.deleteItem(b -> b.tableName("orders").key(KEY));
    }

    @Test
    @Order(2)
    void theNextTestStartsFromTheSeededStateAgain(DynamoDbClient client) {
        assertThat(client.scan(b -> b.tableName("orders")).items()).singleElement()
            .satisfies(item -> assertThat(item.get("customerId").s()).isEqualTo("ada"));
        // what the extension created is really in the container, seen by a client of its own
        try (DynamoDbClient own = container.newClient()) {
            assertThat(own.describeTable(b -> b.tableName("orders")).table().itemCount()).isNotNull();
        }
    }
}
