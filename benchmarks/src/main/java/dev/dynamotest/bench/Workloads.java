package dev.dynamotest.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The workloads every target runs: the same SDK v2 calls through a {@link DynamoDbClient}, whatever is behind it
 * (DynamoTest or DynamoDB Local, over HTTP or in process). Only SDK API calls that the SDK bundled with DynamoDB
 * Local 2.6.1 (2.25.x) has too, and no DynamoTest class: this code also runs on DynamoDB Local's own class path.
 *
 * <p>Tables: {@code bench_kv} (hash key, {@code kv} items: GetItem, PutItem, UpdateItem, Scan, TransactWriteItems,
 * BatchWriteItem), {@code bench_q} (hash + numeric range key: ten 100-item partitions, a warm-up partition and the
 * large partition) and {@code bench_gsi} (a GSI with 100 items per index partition). Every item is ~1 KB.
 * Writes overwrite existing keys, so the data set keeps its size for the whole run.
 */
final class Workloads {
    static final String KV = "bench_kv";
    static final String Q = "bench_q";
    static final String GSI = "bench_gsi";
    static final String INDEX = "by_group";
    static final int SMALL_PARTITIONS = 10;
    static final int SMALL_SIZE = 100;
    static final int PAGE = 100;
    static final int LOAD_THREADS = 4;

    /** Operation names, in the order they are reported. */
    static final List<String> OPS = List.of("GetItem", "PutItem", "UpdateItem", "Query-small", "Query-large", "Scan",
        "GSI-Query", "TransactWriteItems", "BatchWriteItem");

    private static final String POOL;

    static {
        SplittableRandom r = new SplittableRandom(42);
        StringBuilder sb = new StringBuilder(1 << 16);
        for (int i = 0; i < (1 << 16); i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        POOL = sb.toString();
    }

    private final DynamoDbClient c;
    private int kvItems;
    private int gsiGroups;
    private int large;
    private final List<Map<String, AttributeValue>> scanCursor = new ArrayList<>();

    Workloads(DynamoDbClient c) {
        this.c = c;
        for (int i = 0; i < 64; i++) {
            scanCursor.add(null);
        }
    }

    static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    static AttributeValue n(long v) {
        return AttributeValue.builder().n(Long.toString(v)).build();
    }

    /** A ~1 KB item of eleven attributes of mixed types, the same for the same i on every target. */
    static Map<String, AttributeValue> item(Map<String, AttributeValue> key, long i) {
        SplittableRandom r = new SplittableRandom(i);
        Map<String, AttributeValue> m = new HashMap<>(key);
        m.put("name", s(text(r, 24)));
        m.put("email", s(text(r, 16) + "@example.com"));
        m.put("counter", n(0));
        m.put("price", AttributeValue.builder().n(r.nextInt(100_000) + "." + r.nextInt(100)).build());
        m.put("active", AttributeValue.builder().bool(r.nextBoolean()).build());
        m.put("tags", AttributeValue.builder().ss(text(r, 8), text(r, 9), text(r, 10)).build());
        m.put("address", AttributeValue.builder().m(Map.of("street", s(text(r, 20)), "zip", n(r.nextInt(99_999)))).build());
        m.put("history", AttributeValue.builder().l(n(r.nextInt(1000)), n(r.nextInt(1000)), s(text(r, 12))).build());
        m.put("data", s(text(r, 780)));
        return m;
    }

    private static String text(SplittableRandom r, int len) {
        int off = r.nextInt(POOL.length() - len);
        return POOL.substring(off, off + len);
    }

    static Map<String, AttributeValue> kvKey(long k) {
        return Map.of("pk", s("k" + k));
    }

    static Map<String, AttributeValue> qKey(String pk, long sk) {
        return Map.of("pk", s(pk), "sk", n(sk));
    }

    static Map<String, AttributeValue> gsiItem(long i, int groups) {
        Map<String, AttributeValue> m = item(Map.of("pk", s("g" + i)), i);
        m.put("grp", s("grp" + (i % groups)));
        m.put("n", n(i));
        return m;
    }

    /** Creates the tables and loads everything but the large partition; returns the seconds it took. */
    double setup(int kvItems, int gsiItems, int gsiGroups, int warmItems) throws InterruptedException {
        sizes(kvItems, gsiGroups, 0);
        long t0 = System.nanoTime();
        create(CreateTableRequest.builder().tableName(KV)
            .keySchema(key("pk", KeyType.HASH))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S)));
        create(CreateTableRequest.builder().tableName(Q)
            .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N)));
        create(CreateTableRequest.builder().tableName(GSI)
            .keySchema(key("pk", KeyType.HASH))
            .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("grp", ScalarAttributeType.S),
                attr("n", ScalarAttributeType.N))
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(INDEX)
                .keySchema(key("grp", KeyType.HASH), key("n", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        load(KV, kvItems, i -> item(kvKey(i), i));
        load(Q, SMALL_PARTITIONS * SMALL_SIZE, i -> item(qKey("small" + i / SMALL_SIZE, i % SMALL_SIZE), i));
        load(Q, warmItems, i -> item(qKey("warm", i), i));
        load(GSI, gsiItems, i -> gsiItem(i, gsiGroups));
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The data set's sizes, for a client of tables that another client set up (or an endpoint that has none). */
    Workloads sizes(int kvItems, int gsiGroups, int large) {
        this.kvItems = kvItems;
        this.gsiGroups = gsiGroups;
        this.large = large;
        return this;
    }

    /** Loads the large partition (n items under one partition key); returns the seconds it took. */
    double loadLarge(int n) throws InterruptedException {
        this.large = n;
        long t0 = System.nanoTime();
        load(Q, n, i -> item(qKey("large", i), i));
        return (System.nanoTime() - t0) / 1e9;
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    void create(CreateTableRequest.Builder b) throws InterruptedException {
        String name = b.build().tableName();
        c.createTable(b.billingMode(BillingMode.PAY_PER_REQUEST).build());
        long end = System.nanoTime() + 60_000_000_000L;
        while (c.describeTable(d -> d.tableName(name)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(name + " not ACTIVE after 60 s");
            }
            Thread.sleep(20);
        }
    }

    /** BatchWriteItem in 25s from LOAD_THREADS threads, retrying unprocessed items. */
    void load(String table, int n, LongFunction<Map<String, AttributeValue>> gen) throws InterruptedException {
        int batches = (n + 24) / 25;
        Phase.Result r = Phase.run(LOAD_THREADS, batches, 3_600_000, (t, b) -> {
            List<WriteRequest> reqs = new ArrayList<>(25);
            for (long i = b * 25; i < Math.min(n, b * 25 + 25); i++) {
                reqs.add(WriteRequest.builder().putRequest(PutRequest.builder().item(gen.apply(i)).build()).build());
            }
            batchWrite(table, reqs);
        });
        if (r.errors() > 0) {
            throw new IllegalStateException("loading " + table + ": " + r.errors() + " failed batches, first: " + r.firstError());
        }
    }

    private void batchWrite(String table, List<WriteRequest> reqs) {
        Map<String, List<WriteRequest>> pending = Map.of(table, reqs);
        for (int attempt = 0; attempt < 20 && !pending.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> p = pending;
            BatchWriteItemResponse resp = c.batchWriteItem(b -> b.requestItems(p));
            pending = resp.hasUnprocessedItems() ? resp.unprocessedItems() : Map.of();
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("unprocessed items left after 20 attempts");
        }
    }

    /** The operation {@code name} as a phase body; thread-local randomness comes from (thread, i). */
    Phase.Body op(String name, int threads) {
        int perThread = kvItems / threads;
        switch (name) {
            case "GetItem":
                return (t, i) -> c.getItem(b -> b.tableName(KV).key(kvKey(rnd(t, i).nextInt(kvItems))));
            case "PutItem":
                return (t, i) -> {
                    int k = rnd(t, i).nextInt(kvItems);
                    c.putItem(b -> b.tableName(KV).item(item(kvKey(k), k)));
                };
            case "UpdateItem":
                return (t, i) -> c.updateItem(b -> b.tableName(KV).key(kvKey(rnd(t, i).nextInt(kvItems)))
                    .updateExpression("SET #c = #c + :one").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#c", "counter")).expressionAttributeValues(Map.of(":one", n(1))));
            case "Query-small":
                return (t, i) -> c.query(b -> b.tableName(Q).keyConditionExpression("pk = :p").limit(PAGE)
                    .expressionAttributeValues(Map.of(":p", s("small" + rnd(t, i).nextInt(SMALL_PARTITIONS)))));
            case "Query-large":
                return (t, i) -> c.query(b -> b.tableName(Q).keyConditionExpression("pk = :p AND sk >= :s").limit(PAGE)
                    .expressionAttributeValues(Map.of(":p", s("large"), ":s", n(rnd(t, i).nextInt(Math.max(1, large - PAGE))))));
            case "Scan":
                return (t, i) -> {
                    Map<String, AttributeValue> from = scanCursor.get(t);
                    ScanResponse r = c.scan(b -> b.tableName(KV).limit(PAGE).exclusiveStartKey(from));
                    scanCursor.set(t, r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null);
                };
            case "GSI-Query":
                return (t, i) -> c.query(b -> b.tableName(GSI).indexName(INDEX).keyConditionExpression("grp = :g").limit(PAGE)
                    .expressionAttributeValues(Map.of(":g", s("grp" + rnd(t, i).nextInt(gsiGroups)))));
            case "TransactWriteItems": {
                // four distinct keys from this thread's own range: no two client threads touch the same item
                int span = perThread - perThread % 4;
                return (t, i) -> {
                    long base = (long) t * perThread;
                    long k0 = base + (i * 4) % span;
                    c.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().put(Put.builder().tableName(KV).item(item(kvKey(k0), k0)).build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(KV).item(item(kvKey(k0 + 1), k0 + 1)).build()).build(),
                        TransactWriteItem.builder().update(Update.builder().tableName(KV).key(kvKey(k0 + 2))
                            .updateExpression("SET #c = #c + :one").conditionExpression("attribute_exists(pk)")
                            .expressionAttributeNames(Map.of("#c", "counter")).expressionAttributeValues(Map.of(":one", n(1))).build()).build(),
                        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(KV).key(kvKey(k0 + 3))
                            .conditionExpression("attribute_exists(pk)").build()).build()));
                };
            }
            case "BatchWriteItem": {
                int span = perThread - perThread % 25;
                return (t, i) -> {
                    long base = (long) t * perThread + (i * 25) % span;
                    List<WriteRequest> reqs = new ArrayList<>(25);
                    for (long k = base; k < base + 25; k++) {
                        reqs.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(kvKey(k), k)).build()).build());
                    }
                    batchWrite(KV, reqs);
                };
            }
            default:
                throw new IllegalArgumentException("unknown operation " + name);
        }
    }

    private static SplittableRandom rnd(int thread, long i) {
        return new SplittableRandom(thread * 0x9E3779B97F4A7C15L + i);
    }
}
