package dev.dynamotest.examples.readme;

// tag::container-endpoint[]
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoExtension;
import dev.dynamotest.testcontainers.DynamoTestContainer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Testcontainers(disabledWithoutDocker = true)
@CreateTable(name = "orders", partitionKey = "customerId")
class OrdersInAContainerTest {
    @Container
    static final DynamoTestContainer container = new DynamoTestContainer();

    @RegisterExtension
    static final DynamoExtension dynamo = DynamoExtension.builder().endpointFrom(container::getEndpoint).build();

    @Test
    void works(DynamoDbClient client) {
        client.putItem(b -> b.tableName("orders").item(Map.of("customerId", AttributeValue.fromS("ada"))));
        assertThat(client.scan(b -> b.tableName("orders")).count()).isEqualTo(1);
    }
}
// end::container-endpoint[]
