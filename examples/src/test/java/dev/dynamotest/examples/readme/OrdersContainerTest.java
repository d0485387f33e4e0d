package dev.dynamotest.examples.readme;

// tag::testcontainers[]
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.testcontainers.DynamoTestContainer;
import dev.dynamotest.testcontainers.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Testcontainers(disabledWithoutDocker = true)
class OrdersContainerTest {

    @Container
    static final DynamoTestContainer dynamo = new DynamoTestContainer().withManualClock();

    @Test
    void roundTrip() {
        try (DynamoDbClient client = dynamo.newClient()) {
            client.createTable(b -> b.tableName("orders").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .keySchema(k -> k.attributeName("id").keyType("HASH")));
            client.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o-1"))));
            dynamo.faults().add(Fault.on("PutItem").table("orders").times(2).error("ProvisionedThroughputExceededException"));
            dynamo.advanceClock(Duration.ofHours(1));   // TTL expiry and stream shard roll-over run before it returns
            assertThat(client.scan(b -> b.tableName("orders")).count()).isEqualTo(1);
        } finally {
            dynamo.reset();                              // every table dropped, every fault rule cleared
        }
    }
}
// end::testcontainers[]
