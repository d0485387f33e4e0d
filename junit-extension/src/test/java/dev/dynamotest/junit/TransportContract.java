package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The same assertions for every operation family, run by {@link HttpTransportTest} and
 * {@link InProcessTransportTest}: behaviour must not depend on the transport.
 */
@CreateTable(name = "items", partitionKey = "pk", sortKey = "sk", sortKeyType = ScalarType.N, stream = StreamView.NEW_IMAGE)
@Seed(table = "items", value = "[{\"pk\": \"a\", \"sk\": 1, \"v\": \"one\"}, {\"pk\": \"a\", \"sk\": 2, \"v\": \"two\"}]")
abstract class TransportContract {

    abstract Transport expected();

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(int v) {
        return AttributeValue.fromN(Integer.toString(v));
    }

    static Map<String, AttributeValue> key(String pk, int sk) {
        return Map.of("pk", s(pk), "sk", n(sk));
    }

    @Test
    void requestsTakeTheConfiguredTransport(DynamoRuntime dynamo, DynamoDbClient client) {
        assertThat(dynamo.transport()).isEqualTo(expected());
        List<String> committingThreads = new CopyOnWriteArrayList<>();
        dev.dynamotest.engine.table.CommitListener spy = (changes, origin) -> committingThreads.add(Thread.currentThread().getName());
        dynamo.engine().commitPoint().addListener(spy);
        try {
            client.putItem(b -> b.tableName("items").item(Map.of("pk", s("t"), "sk", n(1))));
        } finally {
            dynamo.engine().commitPoint().removeListener(spy);
        }
        // over HTTP the engine runs on the endpoint's I/O thread; in process, on the caller's thread
        assertThat(committingThreads).singleElement().satisfies(name -> {
            if (expected() == Transport.IN_PROCESS) {
                assertThat(name).isEqualTo(Thread.currentThread().getName());
            } else {
                assertThat(name).isNotEqualTo(Thread.currentThread().getName());
            }
        });
    }

    @Test
    void itemOperationsAndErrors(DynamoDbClient client) {
        client.updateItem(b -> b.tableName("items").key(key("a", 1)).updateExpression("SET n = if_not_exists(n, :z) + :one")
            .expressionAttributeValues(Map.of(":z", n(0), ":one", n(1))));
        assertThat(client.getItem(b -> b.tableName("items").key(key("a", 1))).item()).containsEntry("n", n(1)).containsEntry("v", s("one"));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(key("a", 1)).conditionExpression("attribute_not_exists(pk)")))
            .isInstanceOf(ConditionalCheckFailedException.class).hasMessageStartingWith("The conditional request failed");
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("nope").key(key("a", 1))))
            .isInstanceOf(ResourceNotFoundException.class);
        client.deleteItem(b -> b.tableName("items").key(key("a", 2)));
        assertThat(client.getItem(b -> b.tableName("items").key(key("a", 2))).hasItem()).isFalse();
    }

    @Test
    void queryScanAndBatches(DynamoDbClient client) {
        assertThat(client.query(b -> b.tableName("items").keyConditionExpression("pk = :p AND sk > :s")
            .expressionAttributeValues(Map.of(":p", s("a"), ":s", n(1)))).items()).extracting(i -> i.get("v").s()).containsExactly("two");
        client.batchWriteItem(b -> b.requestItems(Map.of("items", List.of(
            WriteRequest.builder().putRequest(PutRequest.builder().item(key("b", 1)).build()).build()))));
        assertThat(client.scan(b -> b.tableName("items")).count()).isEqualTo(3);
        assertThat(client.batchGetItem(b -> b.requestItems(Map.of("items", KeysAndAttributes.builder().keys(key("a", 1), key("b", 1)).build())))
            .responses().get("items")).hasSize(2);
    }

    @Test
    void transactions(DynamoDbClient client) {
        client.transactWriteItems(b -> b.transactItems(
            TransactWriteItem.builder().put(Put.builder().tableName("items").item(Map.of("pk", s("t"), "sk", n(1), "v", s("x"))).build()).build(),
            TransactWriteItem.builder().put(Put.builder().tableName("items").item(Map.of("pk", s("t"), "sk", n(2), "v", s("y"))).build()).build()));
        assertThat(client.transactGetItems(b -> b.transactItems(
            TransactGetItem.builder().get(Get.builder().tableName("items").key(key("t", 1)).build()).build(),
            TransactGetItem.builder().get(Get.builder().tableName("items").key(key("t", 2)).build()).build())).responses())
            .extracting(r -> r.item().get("v").s()).containsExactly("x", "y");
    }

    @Test
    void faultsAndTheClockBehaveTheSame(DynamoRuntime dynamo, DynamoDbClient client) {
        dynamo.faults().add(dev.dynamotest.engine.faults.FaultRule.builder().operations("PutItem").table("items")
            .effect(new dev.dynamotest.engine.faults.FaultEffect.DropConnection()));
        // every attempt (the SDK retries a reset connection) loses its connection: the same client-side failure
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(Map.of("pk", s("drop"), "sk", n(1)))))
            .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
        dynamo.faults().clear();
        dynamo.faults().add(dev.dynamotest.engine.faults.FaultRule.builder().operations("GetItem").times(1)
            .effect(dev.dynamotest.engine.faults.FaultEffect.throttling()));
        assertThat(client.getItem(b -> b.tableName("items").key(key("a", 1))).item()).containsEntry("v", s("one")); // retried
        assertThat(dynamo.faults().rules()).singleElement().satisfies(r -> assertThat(r.fired()).isEqualTo(1));
        java.time.Instant before = dynamo.clock().instant();
        dynamo.clock().advance(java.time.Duration.ofHours(2));
        assertThat(dynamo.clock().instant()).isAfterOrEqualTo(before.plus(java.time.Duration.ofHours(2)));
    }

    @Test
    void partiqlAndControlPlane(DynamoDbClient client) {
        client.executeStatement(b -> b.statement("INSERT INTO \"items\" VALUE {'pk': 'p', 'sk': 1, 'v': 'partiql'}"));
        assertThat(client.executeStatement(b -> b.statement("SELECT v FROM \"items\" WHERE pk = 'p'")).items())
            .containsExactly(Map.of("v", s("partiql")));
        client.updateTable(b -> b.tableName("items").deletionProtectionEnabled(true));
        assertThat(client.describeTable(b -> b.tableName("items")).table().deletionProtectionEnabled()).isTrue();
    }

    @Test
    void asyncClientAndStreams(DynamoDbAsyncClient async, DynamoDbClient client, DynamoDbStreamsClient streams) throws Exception {
        async.putItem(b -> b.tableName("items").item(Map.of("pk", s("async"), "sk", n(1)))).get();
        String arn = client.describeTable(b -> b.tableName("items")).table().latestStreamArn();
        String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(it)).records()).extracting(r -> r.dynamodb().keys().get("pk").s())
            .contains("async");
    }
}
