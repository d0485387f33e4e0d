package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tests running at the same time write the same keys and each sees only its own writes: each has a namespace of
 * its own on the shared engine. The latch makes sure they really overlap (junit-platform.properties enables
 * parallel execution; this class opts in).
 */
@DynamoTest
@Execution(ExecutionMode.CONCURRENT)
@CreateTable(name = "counters", partitionKey = "name")
@Seed(table = "counters", value = "{\"name\": \"shared\", \"value\": \"seed\"}")
class ParallelIsolationTest {
    private static final CountDownLatch ALL_WROTE = new CountDownLatch(2);
    private static final Map<String, AttributeValue> KEY = Map.of("name", AttributeValue.fromS("shared"));

    @Dynamo
    DynamoDbClient fieldClient;

    private static void writeWaitAndRead(DynamoDbClient client, String mine) throws InterruptedException {
        assertThat(client.getItem(b -> b.tableName("counters").key(KEY)).item())
            .as("starts from the fixture").containsEntry("value", AttributeValue.fromS("seed"));
        client.putItem(b -> b.tableName("counters").item(Map.of("name", AttributeValue.fromS("shared"),
            "value", AttributeValue.fromS(mine))));
        client.putItem(b -> b.tableName("counters").item(Map.of("name", AttributeValue.fromS(mine))));
        ALL_WROTE.countDown();
        assertThat(ALL_WROTE.await(30, TimeUnit.SECONDS)).as("at least two tests ran at the same time").isTrue();
        assertThat(client.getItem(b -> b.tableName("counters").key(KEY)).item())
            .containsEntry("value", AttributeValue.fromS(mine));
        assertThat(client.describeTable(b -> b.tableName("counters")).table().itemCount()).isEqualTo(2);
    }

    @Test
    void first(DynamoDbClient client, TestInfo info) throws Exception {
        writeWaitAndRead(client, info.getDisplayName());
    }

    @Test
    void second(DynamoDbClient client, TestInfo info) throws Exception {
        writeWaitAndRead(client, info.getDisplayName());
    }

    @Test
    void third(TestInfo info) throws Exception {
        writeWaitAndRead(fieldClient, info.getDisplayName());
    }

    @Test
    void fourth(DynamoDbAsyncClient async, DynamoDbClient client, TestInfo info) throws Exception {
        writeWaitAndRead(client, info.getDisplayName());
        assertThat(async.getItem(b -> b.tableName("counters").key(KEY)).join().item())
            .as("the async client of the same test sees the same data")
            .containsEntry("value", AttributeValue.fromS(info.getDisplayName()));
    }
}
