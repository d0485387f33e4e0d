package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@CreateTable(name = "orders", partitionKey = "pk")
@Seed(table = "orders", value = "[{\"pk\": \"a\", \"n\": 1}]")
class SmokeTest {
    @Test
    void works(DynamoDbClient client) {
        long t0 = System.nanoTime();
        assertThat(client.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("a")))).item())
            .containsEntry("n", AttributeValue.fromN("1"));
        System.out.println("get took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
