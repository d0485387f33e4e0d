package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.MemoryGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Issue #17: when the heap is nearly full, writes that add data are refused with a clear LimitExceededException
 * (no OutOfMemoryError, no empty 500), while reads and deletes keep working. A reserve as large as the whole heap
 * stands in for a full heap.
 */
class MemoryGuardEndToEndTest {
    @Test
    void writesAreRefusedReadsAndDeletesWorkWhenTheHeapIsFull() {
        Engine engine = new Engine();
        try (DynamoTestServer server = DynamoTestServer.builder().engine(engine).start()) {
            DynamoDbClient client = ServerFixture.client(server.endpoint(), "us-east-1");
            client.createTable(b -> b.tableName("full").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build()));
            client.putItem(b -> b.tableName("full").item(Map.of("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1"))));
            client.putItem(b -> b.tableName("full").item(Map.of("pk", AttributeValue.fromS("b"))));

            MemoryGuard guard = engine.commitPoint().memoryGuard();
            long before = guard.reserveBytes();
            guard.reserveBytes(Runtime.getRuntime().maxMemory()); // no heap can leave that much free
            try {
                LimitExceededException e = catchThrowableOfType(() -> client.putItem(b -> b.tableName("full")
                    .item(Map.of("pk", AttributeValue.fromS("c")))), LimitExceededException.class);
                assertThat(e.statusCode()).isEqualTo(400);
                long maxMb = Runtime.getRuntime().maxMemory() >> 20;
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(String.format(MemoryGuard.MESSAGE, maxMb, maxMb))
                    .contains("-Xmx").contains("reads and deletes still work");
                catchThrowableOfType(() -> client.updateItem(b -> b.tableName("full").key(Map.of("pk", AttributeValue.fromS("a")))
                    .updateExpression("SET v = v + :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))),
                    LimitExceededException.class);
                // reads and deletes still work
                assertThat(client.getItem(b -> b.tableName("full").key(Map.of("pk", AttributeValue.fromS("a")))).item().get("v").n())
                    .isEqualTo("1");
                assertThat(client.scan(b -> b.tableName("full")).count()).isEqualTo(2);
                client.deleteItem(b -> b.tableName("full").key(Map.of("pk", AttributeValue.fromS("b"))));
                assertThat(client.scan(b -> b.tableName("full")).count()).isEqualTo(1);
            } finally {
                guard.reserveBytes(before);
            }
            client.putItem(b -> b.tableName("full").item(Map.of("pk", AttributeValue.fromS("c"))));
            assertThat(client.scan(b -> b.tableName("full")).count()).isEqualTo(2);
        }
    }
}
