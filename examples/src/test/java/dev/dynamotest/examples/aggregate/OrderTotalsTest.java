package dev.dynamotest.examples.aggregate;

import static dev.dynamotest.assertj.DynamoAssertions.assertThat;
import static dev.dynamotest.assertj.DynamoAssertions.assertThatStream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.engine.model.AttributeValue.N;
import dev.dynamotest.engine.streams.StreamRecord;
import dev.dynamotest.engine.streams.Subscription;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.StreamView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@DynamoTest
@CreateTable(name = "orders", partitionKey = "id", stream = StreamView.NEW_AND_OLD_IMAGES)
@CreateTable(name = "totals", partitionKey = "customer")
class OrderTotalsTest {

    static Map<String, AttributeValue> order(String id, String customer, long amount) {
        return Map.of("id", AttributeValue.fromS(id), "customer", AttributeValue.fromS(customer), "amount", AttributeValue.fromN(Long.toString(amount)));
    }

    /** Engine stream records to the consumer's shape (as the Lambda runtime would hand them over). */
    static Map<String, AttributeValue> sdk(dev.dynamotest.engine.model.Item item) {
        if (item == null) {
            return null;
        }
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        item.attributes().forEach((k, v) -> m.put(k, v instanceof N n ? AttributeValue.fromN(n.value().toString())
            : AttributeValue.fromS(((dev.dynamotest.engine.model.AttributeValue.S) v).value())));
        return m;
    }

    @Test
    void theAggregateFollowsInsertsUpdatesAndDeletes(DynamoDbClient client, DynamoDbStreamsClient streams, DynamoRuntime dynamo)
        throws Exception {
        OrderTotals consumer = new OrderTotals(client);
        NamespaceId ns = new NamespaceId(dynamo.region().id(), dynamo.credentialsProvider().resolveCredentials().accessKeyId());
        try (Subscription sub = dynamo.engine().streams().subscribe(ns, "orders", 2, batch -> {
            List<OrderTotals.Change> changes = new ArrayList<>();
            for (StreamRecord r : batch) {
                changes.add(new OrderTotals.Change(r.eventName(), sdk(r.oldImage()), sdk(r.newImage())));
            }
            consumer.handle(changes);
        })) {
            client.putItem(b -> b.tableName("orders").item(order("o1", "ada", 30)));
            client.putItem(b -> b.tableName("orders").item(order("o2", "ada", 20)));
            client.putItem(b -> b.tableName("orders").item(order("o1", "ada", 35))); // amended
            client.putItem(b -> b.tableName("orders").item(order("o3", "bob", 5)));
            client.deleteItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("o2"))));
            assertThat(sub.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }
        assertThatStream(client, streams, "orders").records().hasSize(5).ofRemoves().hasSize(1)
            .record(0).oldImage().hasNumber("amount", 20);
        var ada = client.getItem(b -> b.tableName("totals").key(Map.of("customer", AttributeValue.fromS("ada")))).item();
        assertThat(ada).hasNumber("orders", 1).hasNumber("total", 35);
        var bob = client.getItem(b -> b.tableName("totals").key(Map.of("customer", AttributeValue.fromS("bob")))).item();
        assertThat(bob).hasNumber("orders", 1).hasNumber("total", 5);
    }
}
