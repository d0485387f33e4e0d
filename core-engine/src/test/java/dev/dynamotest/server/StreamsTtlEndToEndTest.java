package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.engine.streams.StreamRecord;
import dev.dynamotest.engine.streams.Subscription;
import dev.dynamotest.engine.table.NamespaceId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/** Streams, TTL and the manual clock, through DynamoDbStreamsClient / DynamoDbClient and the admin API. */
class StreamsTtlEndToEndTest {
    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    static Engine engine;
    static DynamoTestServer server;
    static DynamoDbClient db;
    static DynamoDbStreamsClient streams;
    static final AtomicInteger TABLES = new AtomicInteger();

    @BeforeAll
    static void start() {
        engine = new Engine(EngineClock.manual(START));
        server = DynamoTestServer.builder().engine(engine).port(0).start();
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret"));
        db = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).credentialsProvider(creds)
            .httpClient(UrlConnectionHttpClient.create()).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).credentialsProvider(creds)
            .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        db.close();
        streams.close();
        server.close();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static String table(StreamViewType view) {
        String name = "streams-" + TABLES.incrementAndGet();
        db.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S));
            if (view != null) {
                b.streamSpecification(sp -> sp.streamEnabled(true).streamViewType(view));
            }
        });
        return name;
    }

    static String streamArn(String table) {
        return db.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    /** Reads every record of every shard, following lineage, until the open shard has nothing more. */
    static List<Record> readAll(String arn) {
        List<Record> out = new ArrayList<>();
        StreamDescription d = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        for (Shard shard : d.shards()) {
            String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (it != null) {
                String current = it;
                GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(current).limit(2));
                out.addAll(r.records());
                if (r.records().isEmpty() && shard.sequenceNumberRange().endingSequenceNumber() == null) {
                    break; // open shard drained
                }
                it = r.nextShardIterator();
            }
        }
        return out;
    }

    @Test
    void recordsForEveryViewType() {
        for (StreamViewType view : List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE, StreamViewType.OLD_IMAGE,
            StreamViewType.NEW_AND_OLD_IMAGES)) {
            String t = table(view);
            db.putItem(b -> b.tableName(t).item(Map.of("pk", s("a"), "v", n(1))));
            db.putItem(b -> b.tableName(t).item(Map.of("pk", s("a"), "v", n(1)))); // unchanged: no record
            db.updateItem(b -> b.tableName(t).key(Map.of("pk", s("a"))).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n(2))));
            db.deleteItem(b -> b.tableName(t).key(Map.of("pk", s("a"))));
            List<Record> records = readAll(streamArn(t));
            assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
            Record modify = records.get(1);
            assertThat(modify.dynamodb().keys()).isEqualTo(Map.of("pk", s("a")));
            assertThat(modify.dynamodb().streamViewType()).isEqualTo(view);
            assertThat(modify.dynamodb().hasNewImage()).isEqualTo(view == StreamViewType.NEW_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES);
            assertThat(modify.dynamodb().hasOldImage()).isEqualTo(view == StreamViewType.OLD_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES);
            if (modify.dynamodb().hasNewImage()) {
                assertThat(modify.dynamodb().newImage()).containsEntry("v", n(2));
            }
            assertThat(modify.eventSource()).isEqualTo("aws:dynamodb");
            assertThat(modify.eventVersion()).isEqualTo("1.1");
            assertThat(modify.awsRegion()).isEqualTo("us-east-1");
            assertThat(modify.dynamodb().sizeBytes()).isPositive();
            assertThat(modify.dynamodb().approximateCreationDateTime()).isEqualTo(engine.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(new java.math.BigInteger(records.get(2).dynamodb().sequenceNumber()))
                .isGreaterThan(new java.math.BigInteger(records.get(1).dynamodb().sequenceNumber()));
        }
    }

    @Test
    void listDescribeAndDisablingKeepsTheOldStreamReadable() {
        String t = table(StreamViewType.NEW_IMAGE);
        String first = streamArn(t);
        db.putItem(b -> b.tableName(t).item(Map.of("pk", s("x"))));
        db.updateTable(b -> b.tableName(t).streamSpecification(sp -> sp.streamEnabled(false)));
        engine.clock().advance(Duration.ofSeconds(1));
        db.updateTable(b -> b.tableName(t).streamSpecification(sp -> sp.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        String second = streamArn(t);
        assertThat(second).isNotEqualTo(first);
        assertThat(streams.listStreams(b -> b.tableName(t)).streams()).extracting(st -> st.streamArn()).containsExactly(first, second);
        assertThat(streams.describeStream(b -> b.streamArn(first)).streamDescription().streamStatusAsString()).isEqualTo("DISABLED");
        assertThat(readAll(first)).hasSize(1);
        engine.clock().advance(Duration.ofHours(25));
        assertThat(streams.listStreams(b -> b.tableName(t)).streams()).extracting(st -> st.streamArn()).containsExactly(second);
        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(first)))
            .hasMessageStartingWith("Requested resource not found: Stream: " + first + " not found");
    }

    @Test
    void consumerFollowsShardLineageAcrossRollOversWithoutGapsOrRepeats() {
        String t = table(StreamViewType.KEYS_ONLY);
        int written = 0;
        for (int step = 0; step < 5; step++) {
            for (int i = 0; i < 7; i++) {
                int k = written++;
                db.putItem(b -> b.tableName(t).item(Map.of("pk", s("k" + k))));
            }
            engine.clock().advance(Duration.ofHours(3)); // crosses the 4-hour shard life about every other step
        }
        StreamDescription d = streams.describeStream(b -> b.streamArn(streamArn(t))).streamDescription();
        assertThat(d.shards()).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 1; i < d.shards().size(); i++) {
            assertThat(d.shards().get(i).parentShardId()).isEqualTo(d.shards().get(i - 1).shardId());
        }
        List<Record> all = readAll(streamArn(t));
        Set<String> keys = new HashSet<>();
        all.forEach(r -> assertThat(keys.add(r.dynamodb().keys().get("pk").s())).isTrue());
        assertThat(keys).hasSize(written);
    }

    @Test
    void iteratorsExpireAndOldRecordsAreTrimmedOnTheEngineClock() {
        String t = table(StreamViewType.KEYS_ONLY);
        db.putItem(b -> b.tableName(t).item(Map.of("pk", s("old"))));
        String arn = streamArn(t);
        String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        engine.clock().advance(Duration.ofMinutes(16));
        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(it)))
            .isInstanceOf(ExpiredIteratorException.class).hasMessageStartingWith("Iterator expired.");
        String seq = readAll(arn).get(0).dynamodb().sequenceNumber();
        engine.clock().advance(Duration.ofHours(25));
        assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(seq)))
            .isInstanceOf(TrimmedDataAccessException.class);
    }

    @Test
    void ttlOverASimulatedWeekDeletesExactlyTheExpiredItemsWithServiceRecords() {
        String t = table(StreamViewType.OLD_IMAGE);
        db.updateTimeToLive(b -> b.tableName(t).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
        Instant now = engine.clock().instant();
        for (int day = 1; day <= 7; day++) {
            long at = now.plus(Duration.ofDays(day)).getEpochSecond();
            int d = day;
            db.putItem(b -> b.tableName(t).item(Map.of("pk", s("day" + d), "expires", n(at))));
        }
        db.putItem(b -> b.tableName(t).item(Map.of("pk", s("no-ttl"))));
        db.putItem(b -> b.tableName(t).item(Map.of("pk", s("string-ttl"), "expires", s("tomorrow"))));
        db.putItem(b -> b.tableName(t).item(Map.of("pk", s("ancient"), "expires", n(now.minus(Duration.ofDays(6 * 365)).getEpochSecond()))));
        Set<String> removedSeen = new TreeSet<>();
        for (int day = 1; day <= 7; day++) {
            engine.clock().advance(Duration.ofDays(1));
            Set<String> remaining = new TreeSet<>();
            db.scan(b -> b.tableName(t)).items().forEach(i -> remaining.add(i.get("pk").s()));
            Set<String> expected = new TreeSet<>(List.of("no-ttl", "string-ttl", "ancient"));
            for (int later = day + 1; later <= 7; later++) {
                expected.add("day" + later);
            }
            assertThat(remaining).as("after day %d", day).isEqualTo(expected);
            // records are retained 24 hours: each step still shows the REMOVE it caused
            List<Record> removes = readAll(streamArn(t)).stream().filter(r -> r.eventName() == OperationType.REMOVE).toList();
            removes.forEach(r -> removedSeen.add(r.dynamodb().oldImage().get("pk").s()));
            assertThat(removes).extracting(r -> r.dynamodb().oldImage().get("pk").s()).contains("day" + day);
            Set<String> expectedRemoved = new TreeSet<>();
            for (int earlier = 1; earlier <= day; earlier++) {
                expectedRemoved.add("day" + earlier);
            }
            assertThat(removedSeen).isEqualTo(expectedRemoved);
            assertThat(removes).allSatisfy(r -> {
                assertThat(r.userIdentity().type()).isEqualTo("Service");
                assertThat(r.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
            });
        }
    }

    @Test
    void subscriptionDeliversBatchesInOrderAndRetriesAFailedBatch() throws Exception {
        String t = table(StreamViewType.NEW_IMAGE);
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        try (Subscription sub = engine.streams().subscribe(NamespaceId.region("us-east-1"), t, 3, batch -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("transient failure of the second batch");
            }
            for (StreamRecord r : batch) {
                delivered.add(((dev.dynamotest.engine.model.AttributeValue.S) r.keys().get("pk")).value());
            }
        })) {
            for (int i = 0; i < 10; i++) {
                int k = i;
                db.putItem(b -> b.tableName(t).item(Map.of("pk", s("s" + k))));
            }
            assertThat(sub.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(delivered).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9");
            assertThat(sub.failures()).isEqualTo(1);
        }
    }

    @Test
    void adminApiControlsTheClockOverPlainHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI clock = URI.create(server.endpoint() + "/_dynamotest/clock");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(clock).header("X-DynamoTest-Admin", "1").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).contains("\"manual\":true");
        Instant before = engine.clock().instant();
        HttpResponse<String> advanced = http.send(HttpRequest.newBuilder(clock).header("X-DynamoTest-Admin", "1")
            .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"PT1H\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(advanced.statusCode()).isEqualTo(200);
        assertThat(engine.clock().instant()).isEqualTo(before.plus(Duration.ofHours(1)));
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(clock).header("X-DynamoTest-Admin", "1")
            .POST(HttpRequest.BodyPublishers.ofString("{\"set\":\"2040-01-01T00:00:00Z\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(set.body()).contains("\"now\":\"2040-01-01T00:00:00Z\"");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(clock).header("X-DynamoTest-Admin", "1")
            .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"soon\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"error\"");
        HttpResponse<String> sweep = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/_dynamotest/ttl/sweep")).header("X-DynamoTest-Admin", "1")
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sweep.body()).contains("\"deleted\":");
    }
}
