package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.consistency.Consistency;
import dev.dynamotest.engine.consistency.ConsistencySettings;
import dev.dynamotest.engine.consistency.Lag;
import dev.dynamotest.engine.model.AttributeValue.S;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.Table;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The consistency model through the SDK over HTTP: off by default; when on, eventually consistent reads and GSIs
 * lag by a seeded amount within the bound, strongly consistent reads, transactions and conditions never do, stream
 * records and TTL deletions lag too, and settle() makes everything visible.
 */
class ConsistencyEndToEndTest extends ManualClockServer {
    static final int BIG = 1_000; // a lag bound of 1,000 operations: a write stays invisible for the whole test

    static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    static AttributeValue n(long v) {
        return AttributeValue.builder().n(Long.toString(v)).build();
    }

    void usersTable(String name) {
        db.createTable(b -> b.tableName(name)
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("email").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("at").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH), k -> k.attributeName("at").keyType(KeyType.RANGE))
            .globalSecondaryIndexes(g -> g.indexName("byEmail").keySchema(k -> k.attributeName("email").keyType(KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.ALL)))
            .localSecondaryIndexes(l -> l.indexName("byIdEmail").keySchema(k -> k.attributeName("id").keyType(KeyType.HASH),
                k -> k.attributeName("email").keyType(KeyType.RANGE)).projection(p -> p.projectionType(ProjectionType.ALL)))
            .billingMode("PAY_PER_REQUEST"));
    }

    void put(String table, String id, String email, long version) {
        db.putItem(b -> b.tableName(table).item(Map.of("id", s(id), "at", s("0"), "email", s(email), "v", n(version))));
    }

    GetItemResponse get(String table, String id, boolean consistent) {
        return db.getItem(b -> b.tableName(table).key(Map.of("id", s(id), "at", s("0"))).consistentRead(consistent));
    }

    static boolean staleHeader(SdkResponse r) {
        return r.sdkHttpResponse().firstMatchingHeader(DynamoTestServer.STALE_HEADER).map("true"::equals).orElse(false);
    }

    @Test
    void offByDefaultEveryReadSeesTheLatestCommit() {
        usersTable("users");
        assertThat(engine.consistency().active()).isFalse();
        for (int i = 0; i < 20; i++) {
            put("users", "u1", "a@x", i);
            GetItemResponse r = get("users", "u1", false);
            assertThat(r.item().get("v").n()).isEqualTo(Integer.toString(i));
            assertThat(staleHeader(r)).isFalse();
            assertThat(db.query(b -> b.tableName("users").indexName("byEmail").keyConditionExpression("email = :e")
                .expressionAttributeValues(Map.of(":e", s("a@x")))).count()).isEqualTo(1);
        }
    }

    @Test
    void eventuallyConsistentReadsLagAndStrongReadsNeverDo() {
        usersTable("users");
        put("users", "u1", "a@x", 1);
        engine.consistency().eventual(7, Lag.operations(BIG));
        put("users", "u1", "a@x", 2);

        GetItemResponse stale = get("users", "u1", false);
        assertThat(stale.item().get("v").n()).isEqualTo("1");
        assertThat(staleHeader(stale)).isTrue();
        assertThat(engine.consistency().wasStale(stale.responseMetadata().requestId())).isTrue();

        GetItemResponse strong = get("users", "u1", true);
        assertThat(strong.item().get("v").n()).isEqualTo("2");
        assertThat(staleHeader(strong)).isFalse();
        assertThat(engine.consistency().wasStale(strong.responseMetadata().requestId())).isFalse();

        // Query, Scan, BatchGetItem and PartiQL without ConsistentRead read the same older version
        assertThat(db.query(b -> b.tableName("users").keyConditionExpression("id = :i")
            .expressionAttributeValues(Map.of(":i", s("u1")))).items().get(0).get("v").n()).isEqualTo("1");
        assertThat(db.query(b -> b.tableName("users").consistentRead(true).keyConditionExpression("id = :i")
            .expressionAttributeValues(Map.of(":i", s("u1")))).items().get(0).get("v").n()).isEqualTo("2");
        assertThat(db.scan(b -> b.tableName("users")).items().get(0).get("v").n()).isEqualTo("1");
        assertThat(db.scan(b -> b.tableName("users").consistentRead(true)).items().get(0).get("v").n()).isEqualTo("2");
        assertThat(db.batchGetItem(b -> b.requestItems(Map.of("users", KeysAndAttributes
            .builder().keys(Map.of("id", s("u1"), "at", s("0"))).build()))).responses().get("users").get(0).get("v").n()).isEqualTo("1");
        assertThat(db.executeStatement(b -> b.statement("SELECT * FROM \"users\" WHERE id = 'u1'")).items().get(0).get("v").n())
            .isEqualTo("1");
        assertThat(db.executeStatement(b -> b.statement("SELECT * FROM \"users\" WHERE id = 'u1'").consistentRead(true))
            .items().get(0).get("v").n()).isEqualTo("2");

        engine.consistency().settle();
        GetItemResponse settled = get("users", "u1", false);
        assertThat(settled.item().get("v").n()).isEqualTo("2");
        assertThat(staleHeader(settled)).isFalse();
    }

    @Test
    void aNewItemIsMissingFromEventualReadsUntilItsLagPasses() {
        usersTable("users");
        engine.consistency().eventual(7, Lag.operations(BIG));
        put("users", "u1", "a@x", 1);
        assertThat(get("users", "u1", false).hasItem()).isFalse();
        assertThat(get("users", "u1", true).hasItem()).isTrue();
        assertThat(engine.consistency().staleReads(NamespaceId.region("us-east-1"))).isEqualTo(1);
    }

    @Test
    void noWriteStaysInvisibleBeyondTheBoundInOperations() {
        usersTable("users");
        for (long seed = 0; seed < 30; seed++) {
            engine.consistency().eventual(seed, Lag.operations(3));
            put("users", "u" + seed, "a@x", seed);
            int reads = 0;
            while (!get("users", "u" + seed, false).hasItem()) {
                reads++;
            }
            assertThat(reads).as("seed %d", seed).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void aLagOnTheEngineClockEndsWhenTheClockPassesIt() {
        usersTable("users");
        engine.consistency().eventual(3, Lag.time(Duration.ofSeconds(1)));
        put("users", "u1", "a@x", 1);
        boolean seenAtOnce = get("users", "u1", false).hasItem();
        engine.clock().advance(Duration.ofSeconds(1));
        assertThat(get("users", "u1", false).hasItem()).isTrue();
        // this seed's lag is not zero: the write was invisible until the clock moved
        assertThat(seenAtOnce).isFalse();
    }

    @Test
    void theSameSeedGivesTheSameStaleReads() {
        usersTable("users");
        List<Boolean> first = observe(42);
        List<Boolean> second = observe(42);
        List<Boolean> other = observe(43);
        assertThat(second).isEqualTo(first);
        assertThat(first).contains(true, false);
        assertThat(other).isNotEqualTo(first);
    }

    private List<Boolean> observe(long seed) {
        engine.consistency().eventual(seed, Lag.operations(4));
        List<Boolean> seen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            put("users", "u1", "a@x", i);
            seen.add(staleHeader(get("users", "u1", false)));
        }
        return seen;
    }

    @Test
    void aGlobalIndexLagsItsTableNewItemsMissingDeletedPresentProjectionsStale() {
        usersTable("users");
        put("users", "gone", "gone@x", 1);
        put("users", "old", "old@x", 1);
        engine.consistency().eventual(11, Lag.operations(BIG));
        put("users", "new", "new@x", 1);
        db.deleteItem(b -> b.tableName("users").key(Map.of("id", s("gone"), "at", s("0"))));
        put("users", "old", "old@x", 2);

        var fresh = db.query(b -> b.tableName("users").indexName("byEmail").keyConditionExpression("email = :e")
            .expressionAttributeValues(Map.of(":e", s("new@x"))));
        assertThat(fresh.count()).isZero();
        assertThat(staleHeader(fresh)).isTrue();
        assertThat(db.query(b -> b.tableName("users").indexName("byEmail").keyConditionExpression("email = :e")
            .expressionAttributeValues(Map.of(":e", s("gone@x")))).count()).isEqualTo(1);
        assertThat(db.query(b -> b.tableName("users").indexName("byEmail").keyConditionExpression("email = :e")
            .expressionAttributeValues(Map.of(":e", s("old@x")))).items().get(0).get("v").n()).isEqualTo("1");
        assertThat(db.scan(b -> b.tableName("users").indexName("byEmail")).count()).isEqualTo(2);
        // a GSI cannot be read consistently, as on the service
        assertThatThrownBy(() -> db.query(b -> b.tableName("users").indexName("byEmail").consistentRead(true)
            .keyConditionExpression("email = :e").expressionAttributeValues(Map.of(":e", s("new@x")))))
            .isInstanceOf(DynamoDbException.class)
            .hasMessageStartingWith("Consistent reads are not supported on global secondary indexes");

        engine.consistency().settle();
        assertThat(db.query(b -> b.tableName("users").indexName("byEmail").keyConditionExpression("email = :e")
            .expressionAttributeValues(Map.of(":e", s("new@x")))).count()).isEqualTo(1);
        assertThat(db.scan(b -> b.tableName("users").indexName("byEmail")).count()).isEqualTo(2);
    }

    @Test
    void aLocalIndexIsUpdatedWithItsTableAConsistentLsiReadSeesTheLatestState() {
        usersTable("users");
        engine.consistency().eventual(7, Lag.operations(BIG));
        put("users", "u1", "a@x", 1);
        assertThat(db.query(b -> b.tableName("users").indexName("byIdEmail").consistentRead(true).keyConditionExpression("id = :i")
            .expressionAttributeValues(Map.of(":i", s("u1")))).count()).isEqualTo(1);
        assertThat(db.query(b -> b.tableName("users").indexName("byIdEmail").keyConditionExpression("id = :i")
            .expressionAttributeValues(Map.of(":i", s("u1")))).count()).isZero(); // as stale as the table's replica
    }

    @Test
    void conditionsTransactionsAndReadBeforeWriteSeeTheLatestState() {
        usersTable("users");
        engine.consistency().eventual(7, Lag.operations(BIG));
        put("users", "u1", "a@x", 1);
        assertThat(get("users", "u1", false).hasItem()).isFalse();
        // the condition sees the item the stale read missed
        assertThatThrownBy(() -> db.putItem(b -> b.tableName("users").item(Map.of("id", s("u1"), "at", s("0"), "email", s("b@x")))
            .conditionExpression("attribute_not_exists(id)"))).isInstanceOf(ConditionalCheckFailedException.class);
        // UpdateItem reads the latest state before it writes
        for (int i = 0; i < 5; i++) {
            db.updateItem(b -> b.tableName("users").key(Map.of("id", s("u1"), "at", s("0"))).updateExpression("ADD v :one")
                .expressionAttributeValues(Map.of(":one", n(1))));
        }
        assertThat(get("users", "u1", true).item().get("v").n()).isEqualTo("6");

        // a transaction is never seen half applied: TransactGetItems reads the latest committed state of both items
        for (int i = 0; i < 10; i++) {
            final int round = i;
            db.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName("users").item(Map.of("id", s("a"), "at", s("0"), "email", s("a@x"), "v", n(round))))
                , t -> t.put(p -> p.tableName("users").item(Map.of("id", s("b"), "at", s("0"), "email", s("b@x"), "v", n(round))))));
            TransactGetItemsResponse r = db.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName("users").key(Map.of("id", s("a"), "at", s("0")))),
                t -> t.get(g -> g.tableName("users").key(Map.of("id", s("b"), "at", s("0"))))));
            assertThat(r.responses().get(0).item().get("v").n()).isEqualTo(Integer.toString(round));
            assertThat(r.responses().get(1).item().get("v").n()).isEqualTo(Integer.toString(round));
            // an eventually consistent read of the one table sees both items of a transaction, or neither
            var both = db.batchGetItem(b -> b.requestItems(Map.of("users", KeysAndAttributes
                .builder().keys(Map.of("id", s("a"), "at", s("0")), Map.of("id", s("b"), "at", s("0"))).build()))).responses().get("users");
            assertThat(both.size() % 2).isZero();
            if (both.size() == 2) {
                assertThat(both.get(0).get("v")).isEqualTo(both.get(1).get("v"));
            }
        }
    }

    @Test
    void streamRecordsBecomeReadableAfterTheirLag() {
        db.createTable(b -> b.tableName("events")
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)).billingMode("PAY_PER_REQUEST")
            .streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        engine.consistency().eventual(5, Lag.operations(BIG));
        db.putItem(b -> b.tableName("events").item(Map.of("id", s("e1"))));
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .httpClient(UrlConnectionHttpClient.create()).build()) {
            String arn = db.describeTable(b -> b.tableName("events")).table().latestStreamArn();
            String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
            String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
            var first = streams.getRecords(b -> b.shardIterator(it));
            assertThat(first.records()).isEmpty();
            assertThat(first.nextShardIterator()).isNotNull();
            engine.consistency().settle();
            var second = streams.getRecords(b -> b.shardIterator(first.nextShardIterator()));
            assertThat(second.records()).hasSize(1);
            assertThat(second.records().get(0).dynamodb().newImage().get("id").s()).isEqualTo("e1");
        }
    }

    @Test
    void expiredItemsAreDeletedAtASeededTimeWithinTheWindow() {
        db.createTable(b -> b.tableName("sessions")
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)).billingMode("PAY_PER_REQUEST"));
        db.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        engine.consistency().configure(ConsistencySettings.eventual(9).withTtlWindow(Duration.ofHours(48)));
        long expiry = T0.getEpochSecond() + 60;
        for (int i = 0; i < 20; i++) {
            final int k = i;
            db.putItem(b -> b.tableName("sessions").item(Map.of("id", s("s" + k), "expires", n(expiry))));
        }
        engine.clock().advance(Duration.ofSeconds(61)); // expired, but the service deletes within its window
        int left = db.scan(b -> b.tableName("sessions").consistentRead(true)).count();
        assertThat(left).isGreaterThan(0);
        engine.clock().advance(Duration.ofHours(24));
        int later = db.scan(b -> b.tableName("sessions").consistentRead(true)).count();
        assertThat(later).isLessThan(left).isGreaterThan(0);
        engine.clock().advance(Duration.ofHours(24));
        assertThat(db.scan(b -> b.tableName("sessions").consistentRead(true)).count()).isZero();
    }

    @Test
    void settleDeletesTheItemsAlreadyExpired() {
        db.createTable(b -> b.tableName("sessions")
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)).billingMode("PAY_PER_REQUEST"));
        db.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        engine.consistency().eventual(9, Lag.operations(0));
        db.putItem(b -> b.tableName("sessions").item(Map.of("id", s("old"), "expires", n(T0.getEpochSecond() - 10))));
        db.putItem(b -> b.tableName("sessions").item(Map.of("id", s("live"), "expires", n(T0.getEpochSecond() + 3600))));
        engine.clock().advance(Duration.ofSeconds(1));
        engine.consistency().settle();
        assertThat(db.scan(b -> b.tableName("sessions").consistentRead(true)).items()).extracting(i -> i.get("id").s())
            .containsExactly("live");
    }

    @Test
    void perNamespaceAndPerTableSettings() {
        usersTable("users");
        usersTable("orders");
        NamespaceId ns = NamespaceId.region("us-east-1");
        engine.consistency().configure(ns, "users", ConsistencySettings.eventual(7).withLag(Lag.operations(BIG)));
        put("users", "u1", "a@x", 1);
        put("orders", "u1", "a@x", 1);
        assertThat(get("users", "u1", false).hasItem()).isFalse();
        assertThat(get("orders", "u1", false).hasItem()).isTrue();
        engine.consistency().configure(ns, "users", null);
        assertThat(engine.consistency().active()).isFalse();
        assertThat(get("users", "u1", false).hasItem()).isTrue();
    }

    @Test
    void retainedVersionsAreBoundedAndDroppedOnceVisible() {
        usersTable("users");
        engine.consistency().eventual(1, Lag.operations(100_000));
        Table users = engine.namespace("us-east-1").require("users");
        for (int i = 0; i < 1_200; i++) {
            Item item = Item.of(Map.of("id", new S("u1"), "at", new S("0"), "email", new S("a" + i + "@x")));
            users.write(users.keySchema().keyOf(Map.of("id", new S("u1"), "at", new S("0"))), old -> item, CommitListener.Origin.WRITE);
        }
        assertThat(engine.consistency().retainedVersions()).isEqualTo(Consistency.MAX_VERSIONS);
        engine.consistency().settle();
        assertThat(engine.consistency().retainedVersions()).isZero();
        assertThat(get("users", "u1", false).hasItem()).isTrue();
    }

    private HttpResponse<String> admin(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.endpoint().resolve(pathAndQuery)).header(DynamoTestServer.ADMIN_HEADER, "1");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAdminApiTurnsTheModelOnSettlesSeedsAndReportsStaleReads() throws Exception {
        usersTable("users");
        assertThat(admin("GET", "/_dynamotest/consistency", null).body()).contains("\"consistency\":\"strong\"");
        var on = admin("POST", "/_dynamotest/consistency", "{\"consistency\":\"eventual:seed=7,lag=1000ops\"}");
        assertThat(on.statusCode()).isEqualTo(200);
        assertThat(on.body()).contains("\"consistency\":\"eventual:seed=7,lag=1000ops,ttl=48h\"", "\"seed\":7", "\"lag\":\"1000ops\"");
        put("users", "u1", "a@x", 1);
        assertThat(get("users", "u1", false).hasItem()).isFalse();
        assertThat(admin("GET", "/_dynamotest/consistency?region=us-east-1", null).body()).contains("\"staleReads\":1");
        assertThat(admin("POST", "/_dynamotest/consistency/settle", null).statusCode()).isEqualTo(200);
        assertThat(get("users", "u1", false).hasItem()).isTrue();
        assertThat(admin("POST", "/_dynamotest/consistency", "{\"seed\":9,\"lag\":\"2s\"}").body())
            .contains("\"consistency\":\"eventual:seed=9,lag=2s,ttl=48h\"");

        var bad = admin("POST", "/_dynamotest/consistency", "{\"lag\":\"soon\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"error\":\"not a duration (e.g. 500ms, 2s, 48h): soon\"}");
        var unknown = admin("POST", "/_dynamotest/consistency", "{\"speed\":1}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"unknown member speed: give \\\"consistency\\\", \\\"seed\\\", \\\"lag\\\" or \\\"settle\\\"\"}");
        assertThat(admin("DELETE", "/_dynamotest/consistency", null).statusCode()).isEqualTo(405);

        // reset keeps the engine-wide setting, drops namespace ones
        admin("POST", "/_dynamotest/consistency?region=eu-west-1", "{\"consistency\":\"strong\"}");
        admin("POST", "/_dynamotest/reset", null);
        assertThat(engine.consistency().settings().eventual()).isTrue();
        assertThat(engine.consistency().settings(NamespaceId.region("eu-west-1")).eventual()).isTrue();
    }

    @Test
    void theServerFlagTurnsTheModelOn() {
        Main.Options o = Main.Options.parse(new String[] {"--consistency", "eventual:seed=5,lag=250ms"});
        assertThat(o.consistency).isEqualTo(ConsistencySettings.eventual(5).withLag(Lag.time(Duration.ofMillis(250))));
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--consistency", "maybe"}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("--consistency: consistency is 'strong' or 'eventual[:seed=N,lag=3ops|500ms,ttl=48h]', not: maybe");
        try (DynamoTestServer s = Main.start(Main.Options.parse(new String[] {"--port", "0", "--consistency", "eventual:seed=5"}))) {
            assertThat(s.engine().consistency().settings().seed()).isEqualTo(5);
        }
    }

    /** How many eventually consistent GSI queries miss the item written last (at most {@code limit}). */
    private int gsiMissesAfterPut(String email, int limit) {
        int misses = 0;
        while (misses < limit && db.query(b -> b.tableName("pressed").indexName("byG").keyConditionExpression("g = :g")
            .expressionAttributeValues(Map.of(":g", s(email)))).count() == 0) {
            misses++;
        }
        return misses;
    }

    private void pressedTable() {
        db.createTable(b -> b.tableName("pressed").billingMode("PROVISIONED")
            .provisionedThroughput(p -> p.readCapacityUnits(1000L).writeCapacityUnits(1000L))
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .provisionedThroughput(p -> p.readCapacityUnits(1000L).writeCapacityUnits(1L))));
    }

    @Test
    void aGlobalIndexUnderBackPressureLagsByTheWholeBound() {
        pressedTable();
        engine.capacity().enforce(true);
        engine.consistency().eventual(7, Lag.operations(5));
        db.putItem(b -> b.tableName("pressed").item(Map.of("id", s("a"), "g", s("a@x"))));
        int unpressed = gsiMissesAfterPut("a@x", 10);

        engine.consistency().eventual(7, Lag.operations(5)); // settles, restarts the draws
        // the index has one write unit a second (and its burst): writes at once end up throttled by the GSI
        int throttledAfter = -1;
        for (int i = 0; i < 400 && throttledAfter < 0; i++) {
            final int n = i;
            try {
                db.putItem(b -> b.tableName("pressed").item(Map.of("id", s("x" + n), "g", s("x@x"))));
            } catch (ProvisionedThroughputExceededException e) {
                throttledAfter = i;
            }
        }
        assertThat(throttledAfter).isNotNegative();
        engine.clock().advance(Duration.ofSeconds(1));
        db.putItem(b -> b.tableName("pressed").item(Map.of("id", s("d"), "g", s("d@x"))));
        assertThat(gsiMissesAfterPut("d@x", 10)).isEqualTo(5); // the bound: 5 later operations
        assertThat(unpressed).isLessThan(5);
    }

    @Test
    void batchExecuteStatementReadsLagToo() {
        usersTable("users");
        put("users", "u1", "a@x", 1);
        put("users", "u2", "b@x", 1);
        engine.consistency().eventual(7, Lag.operations(BIG));
        put("users", "u1", "a@x", 2);
        put("users", "u2", "b@x", 2);
        var r = db.batchExecuteStatement(b -> b.statements(
            s -> s.statement("SELECT * FROM \"users\" WHERE id = 'u1' AND \"at\" = '0'"),
            s -> s.statement("SELECT * FROM \"users\" WHERE id = 'u2' AND \"at\" = '0'").consistentRead(true)));
        assertThat(r.responses().get(0).error()).as(r.toString()).isNull();
        assertThat(r.responses().get(0).item().get("v").n()).isEqualTo("1");
        assertThat(r.responses().get(1).item().get("v").n()).isEqualTo("2");
        assertThat(staleHeader(r)).isTrue();
    }
}
