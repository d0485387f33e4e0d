package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A model test: thousands of random writes on a table with one GSI and one LSI, then every kind of read is
 * compared with a naive computation over a plain in-memory copy of the items, order included.
 */
class RandomizedModelTest {
    static final long SEED = Long.getLong("dynamotest.test.seed", 20261124L);

    /** The reference: items by "pk|sk". */
    final Map<String, Map<String, AttributeValue>> model = new HashMap<>();
    final Random random = new Random(SEED);
    final DynamoDbClient db = ServerFixture.client();
    String table;

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    @Test
    void readsAgreeWithANaiveReference() {
        table = ServerFixture.uniqueName("model");
        db.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(ks("pk", KeyType.HASH), ks("sk", KeyType.RANGE))
            .attributeDefinitions(ad("pk", "S"), ad("sk", "N"), ad("g", "S"), ad("v", "N"))
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(ks("g", KeyType.HASH), ks("v", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
            .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byV").keySchema(ks("pk", KeyType.HASH), ks("v", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        int ops = Integer.getInteger("dynamotest.test.modelOps", 3000);
        for (int i = 0; i < ops; i++) {
            randomWrite();
        }
        for (int i = 0; i < 60; i++) {
            checkRandomQuery();
            checkRandomIndexQuery(i % 2 == 0);
        }
        checkParallelScan(4);
        checkParallelScan(1);
    }

    static KeySchemaElement ks(String n, KeyType t) {
        return KeySchemaElement.builder().attributeName(n).keyType(t).build();
    }

    static AttributeDefinition ad(String n, String t) {
        return AttributeDefinition.builder().attributeName(n).attributeType(t).build();
    }

    private void randomWrite() {
        String pk = "p" + random.nextInt(8);
        long sk = random.nextInt(60);
        String id = pk + "|" + sk;
        Map<String, AttributeValue> key = Map.of("pk", s(pk), "sk", n(sk));
        int op = random.nextInt(10);
        if (op < 5) {
            Map<String, AttributeValue> item = new HashMap<>(key);
            if (random.nextInt(4) > 0) {
                item.put("g", s("g" + random.nextInt(4)));
            }
            if (random.nextInt(5) > 0) {
                item.put("v", n(random.nextInt(100)));
            }
            item.put("f", n(random.nextInt(10)));
            db.putItem(b -> b.tableName(table).item(item));
            model.put(id, item);
        } else if (op < 8) {
            long v = random.nextInt(100);
            db.updateItem(b -> b.tableName(table).key(key).updateExpression("SET v = :v, f = if_not_exists(f, :zero) + :one")
                .expressionAttributeValues(Map.of(":v", n(v), ":zero", n(0), ":one", n(1))));
            Map<String, AttributeValue> item = new HashMap<>(model.getOrDefault(id, key));
            item.put("v", n(v));
            long f = item.containsKey("f") ? Long.parseLong(item.get("f").n()) : 0;
            item.put("f", n(f + 1));
            model.put(id, item);
        } else {
            db.deleteItem(b -> b.tableName(table).key(key));
            model.remove(id);
        }
    }

    private static long num(Map<String, AttributeValue> item, String a) {
        return Long.parseLong(item.get(a).n());
    }

    private void checkRandomQuery() {
        String pk = "p" + random.nextInt(9);
        long lo = random.nextInt(60);
        long hi = lo + random.nextInt(30);
        boolean forward = random.nextBoolean();
        int limit = 1 + random.nextInt(7);
        long fmax = random.nextInt(12);
        List<Map<String, AttributeValue>> expected = model.values().stream()
            .filter(i -> i.get("pk").s().equals(pk) && num(i, "sk") >= lo && num(i, "sk") <= hi && num(i, "f") <= fmax)
            .sorted(Comparator.comparingLong((Map<String, AttributeValue> i) -> num(i, "sk")))
            .collect(Collectors.toList());
        if (!forward) {
            java.util.Collections.reverse(expected);
        }
        List<Map<String, AttributeValue>> actual = queryAll(QueryRequest.builder().tableName(table)
            .keyConditionExpression("pk = :p AND sk BETWEEN :lo AND :hi").filterExpression("f <= :f")
            .expressionAttributeValues(Map.of(":p", s(pk), ":lo", n(lo), ":hi", n(hi), ":f", n(fmax)))
            .scanIndexForward(forward).limit(limit).build());
        assertThat(actual).as("query %s [%d,%d] fwd=%s limit=%d f<=%d", pk, lo, hi, forward, limit, fmax).isEqualTo(expected);
    }

    private void checkRandomIndexQuery(boolean global) {
        long lo = random.nextInt(100);
        boolean forward = random.nextBoolean();
        int limit = 1 + random.nextInt(9);
        List<Map<String, AttributeValue>> expected;
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).scanIndexForward(forward).limit(limit);
        if (global) {
            String g = "g" + random.nextInt(4);
            expected = model.values().stream()
                .filter(i -> i.containsKey("g") && i.containsKey("v") && i.get("g").s().equals(g) && num(i, "v") >= lo)
                .collect(Collectors.toList());
            q.indexName("byG").keyConditionExpression("g = :g AND v >= :lo").expressionAttributeValues(Map.of(":g", s(g), ":lo", n(lo)));
        } else {
            String pk = "p" + random.nextInt(8);
            expected = model.values().stream()
                .filter(i -> i.containsKey("v") && i.get("pk").s().equals(pk) && num(i, "v") >= lo)
                .collect(Collectors.toList());
            q.indexName("byV").keyConditionExpression("pk = :p AND v >= :lo").expressionAttributeValues(Map.of(":p", s(pk), ":lo", n(lo)));
        }
        List<Map<String, AttributeValue>> actual = queryAll(q.build());
        // items with equal index sort keys may come in any order; the index sort key itself must be ordered
        List<Long> vs = actual.stream().map(i -> num(i, "v")).collect(Collectors.toList());
        List<Long> sorted = new ArrayList<>(vs);
        sorted.sort(forward ? Comparator.naturalOrder() : Comparator.reverseOrder());
        assertThat(vs).isEqualTo(sorted);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    private List<Map<String, AttributeValue>> queryAll(QueryRequest request) {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(request.toBuilder().exclusiveStartKey(start).build());
            all.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return all;
    }

    private void checkParallelScan(int segments) {
        Map<String, Map<String, AttributeValue>> seen = new TreeMap<>();
        for (int seg = 0; seg < segments; seg++) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> esk = start;
                int segment = seg;
                ScanResponse r = db.scan(b -> {
                    b.tableName(table).limit(17).exclusiveStartKey(esk);
                    if (segments > 1) {
                        b.segment(segment).totalSegments(segments);
                    }
                });
                for (Map<String, AttributeValue> i : r.items()) {
                    assertThat(seen.put(i.get("pk").s() + "|" + i.get("sk").n(), i)).as("seen twice").isNull();
                }
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
        }
        assertThat(seen).isEqualTo(new TreeMap<>(new LinkedHashMap<>(model)));
    }
}
