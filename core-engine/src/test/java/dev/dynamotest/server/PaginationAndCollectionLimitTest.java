package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.Engine;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Limit=1 pagination over 10,000 items, and the LSI item-collection size limit (set low so a test reaches it). */
class PaginationAndCollectionLimitTest {

    @Test
    void limitOnePaginationVisitsEveryItemOfA10000ItemPartitionAndOfA4SegmentScanExactlyOnce() {
        DynamoDbClient db = ServerFixture.client();
        String table = ServerFixture.createTable("page10k", ScalarAttributeType.S, ScalarAttributeType.N);
        int n = 10_000;
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                .item(Map.of("pk", AttributeValue.fromS("one"), "sk", AttributeValue.fromN(Integer.toString(i)))).build()).build());
            if (batch.size() == 25) {
                List<WriteRequest> chunk = List.copyOf(batch);
                db.batchWriteItem(b -> b.requestItems(Map.of(table, chunk)));
                batch.clear();
            }
        }
        BitSet seen = new BitSet(n);
        Map<String, AttributeValue> start = null;
        int previous = -1;
        do {
            Map<String, AttributeValue> esk = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("one"))).limit(1).exclusiveStartKey(esk));
            for (var item : r.items()) {
                int sk = Integer.parseInt(item.get("sk").n());
                assertThat(seen.get(sk)).as("seen twice: %d", sk).isFalse();
                assertThat(sk).isGreaterThan(previous);
                previous = sk;
                seen.set(sk);
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        assertThat(seen.cardinality()).isEqualTo(n);

        BitSet scanned = new BitSet(n);
        for (int segment = 0; segment < 4; segment++) {
            int seg = segment;
            Map<String, AttributeValue> from = null;
            do {
                Map<String, AttributeValue> esk = from;
                ScanResponse r = db.scan(b -> b.tableName(table).segment(seg).totalSegments(4).limit(1).exclusiveStartKey(esk));
                for (var item : r.items()) {
                    int sk = Integer.parseInt(item.get("sk").n());
                    assertThat(scanned.get(sk)).isFalse();
                    scanned.set(sk);
                }
                from = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (from != null);
        }
        assertThat(scanned.cardinality()).isEqualTo(n);
    }

    @Test
    void itemCollectionsOfLsiTablesStopAtTheConfiguredLimit() {
        Engine engine = new Engine();
        engine.commitPoint().itemCollectionLimitBytes(2_000);
        try (DynamoTestServer server = DynamoTestServer.builder().engine(engine).port(0).start();
             DynamoDbClient db = ServerFixture.client(server.endpoint(), "us-east-1")) {
            db.createTable(b -> b.tableName("collections").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                    a -> a.attributeName("alt").attributeType(ScalarAttributeType.N))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byAlt")
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("alt").keyType(KeyType.RANGE))
                    .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
            String payload = "x".repeat(400);
            var metrics = db.putItem(b -> b.tableName("collections").returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
                .item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("0"), "alt", AttributeValue.fromN("0"),
                    "p", AttributeValue.fromS(payload)))).itemCollectionMetrics();
            assertThat(metrics.itemCollectionKey()).isEqualTo(Map.of("pk", AttributeValue.fromS("a")));
            assertThat(metrics.sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
            db.putItem(b -> b.tableName("collections").item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"),
                "alt", AttributeValue.fromN("1"), "p", AttributeValue.fromS(payload))));
            assertThatThrownBy(() -> db.putItem(b -> b.tableName("collections").item(Map.of("pk", AttributeValue.fromS("a"),
                "sk", AttributeValue.fromN("2"), "alt", AttributeValue.fromN("2"), "p", AttributeValue.fromS(payload)))))
                .isInstanceOf(ItemCollectionSizeLimitExceededException.class)
                .hasMessageStartingWith("Item collection size limit exceeded");
            // another partition is its own collection
            db.putItem(b -> b.tableName("collections").item(Map.of("pk", AttributeValue.fromS("b"), "sk", AttributeValue.fromN("2"),
                "alt", AttributeValue.fromN("2"), "p", AttributeValue.fromS(payload))));
            assertThat(db.scan(b -> b.tableName("collections")).count()).isEqualTo(3);
        }
    }
}
