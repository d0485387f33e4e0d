package dev.dynamotest.assertj;

import static dev.dynamotest.assertj.DynamoAssertions.assertThatRecords;
import static dev.dynamotest.assertj.DynamoAssertions.assertThatStream;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.StreamView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Stream-record assertions over records read through the real Streams API from the engine. */
@DynamoTest
@CreateTable(name = "orders", partitionKey = "id", stream = StreamView.NEW_AND_OLD_IMAGES)
@CreateTable(name = "lines", partitionKey = "order", sortKey = "line", stream = StreamView.KEYS_ONLY)
class StreamAssertTest {

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    @Test
    void recordsByEventWithKeysAndImages(DynamoDbClient client, DynamoDbStreamsClient streams) {
        client.putItem(b -> b.tableName("orders").item(Map.of("id", s("o1"), "status", s("NEW"))));
        client.putItem(b -> b.tableName("orders").item(Map.of("id", s("o1"), "status", s("PAID"))));
        client.putItem(b -> b.tableName("orders").item(Map.of("id", s("o2"), "status", s("NEW"))));
        client.deleteItem(b -> b.tableName("orders").key(Map.of("id", s("o2"))));
        List<Record> records = StreamRecords.of(client, streams, "orders");
        assertThatRecords(records).hasSize(4);
        assertThatRecords(records).ofInserts().hasSize(2).record(1).hasKeys(Map.of("id", s("o2")));
        assertThatRecords(records).ofModifications().hasSize(1).record(0).isModification()
            .oldImage().hasString("status", "NEW");
        assertThatRecords(records).ofModifications().record(0).newImage().hasString("status", "PAID");
        assertThatRecords(records).ofRemoves().hasSize(1).record(0).isRemove().oldImage().hasString("id", "o2");

        assertThatThrownBy(() -> assertThatRecords(records).ofRemoves().hasSize(2))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("Expecting 2 stream record(s) but there were 1:")
            .hasMessageContaining("REMOVE {\"id\": {\"S\": \"o2\"}}");
        assertThatThrownBy(() -> assertThatRecords(records).ofInserts().record(0).isRemove())
            .hasMessageContaining("Expecting a REMOVE record but it was")
            .hasMessageContaining("INSERT {\"id\": {\"S\": \"o1\"}}");
    }

    @Test
    void eachTestSeesOnlyItsOwnRecords(DynamoDbClient client, DynamoDbStreamsClient streams) {
        client.putItem(b -> b.tableName("orders").item(Map.of("id", s("mine"))));
        assertThatStream(client, streams, "orders").records().hasSize(1).record(0).hasKeys(Map.of("id", s("mine")));
    }

    @Test
    void eventuallyWaitsForAnAsynchronousWriter(DynamoDbClient client, DynamoDbStreamsClient streams, DynamoRuntime dynamo)
        throws Exception {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 5; i++) {
                int n = i;
                dynamo.client().putItem(b -> b.tableName("orders").item(Map.of("id", s("async-" + n))));
            }
        });
        assertThatStream(client, streams, "orders").eventually(Duration.ofSeconds(10), r -> r.ofInserts().hasSize(5));
        writer.get();
        assertThatThrownBy(() -> assertThatStream(client, streams, "orders")
            .eventually(Duration.ofMillis(200), r -> r.ofRemoves().hasSize(1)))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("Expecting 1 stream record(s) but there were 0");
    }

    @Test
    void recordKeysPrintInSortedOrder(DynamoDbClient client, DynamoDbStreamsClient streams) {
        client.putItem(b -> b.tableName("lines").item(Map.of("order", s("o1"), "line", s("l1"))));
        List<Record> records = StreamRecords.of(client, streams, "lines");
        assertThatThrownBy(() -> assertThatRecords(records).record(0).isRemove())
            .hasMessage("\nExpecting a REMOVE record but it was\n  INSERT {\"line\": {\"S\": \"l1\"}, \"order\": {\"S\": \"o1\"}}");
        assertThatThrownBy(() -> assertThatRecords(records).record(0).hasKeys(Map.of("order", s("o1"), "line", s("l2"))))
            .hasMessage("\nExpecting record keys\n  {\"line\": {\"S\": \"l2\"}, \"order\": {\"S\": \"o1\"}}\n"
                + "but they were\n  {\"line\": {\"S\": \"l1\"}, \"order\": {\"S\": \"o1\"}}");
    }
}
