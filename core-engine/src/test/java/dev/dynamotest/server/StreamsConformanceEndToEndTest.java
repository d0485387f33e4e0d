package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.EngineClock;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Streams answers as the service gives them: shard ranges, StreamArn validation, pagination, ShardFilter. */
class StreamsConformanceEndToEndTest {
    static final Instant START = Instant.parse("2031-01-01T00:00:00Z");
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
            .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).credentialsProvider(creds)
            .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    }

    @AfterAll
    static void stop() {
        db.close();
        streams.close();
        server.close();
    }

    static String table() {
        String name = "stream-conf-" + TABLES.incrementAndGet();
        db.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
            .streamSpecification(sp -> sp.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        return name;
    }

    static String streamArn(String table) {
        return db.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    static void put(String table, String pk) {
        db.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk))));
    }

    static DynamoDbException error(Runnable call) {
        try {
            call.run();
        } catch (DynamoDbException e) {
            return e;
        }
        throw new AssertionError("no error");
    }

    @Test
    void everyShardHasAStartingSequenceNumberEvenBeforeItsFirstRecord() {
        String t = table();
        String arn = streamArn(t);
        Shard fresh = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0);
        String start = fresh.sequenceNumberRange().startingSequenceNumber();
        assertThat(start).isNotNull().matches("[0-9]{21,40}");
        assertThat(fresh.sequenceNumberRange().endingSequenceNumber()).isNull();

        // the shard's own start positions an iterator at its first record, whichever type asks
        put(t, "a");
        for (ShardIteratorType type : List.of(ShardIteratorType.AT_SEQUENCE_NUMBER, ShardIteratorType.TRIM_HORIZON)) {
            String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(fresh.shardId()).shardIteratorType(type)
                .sequenceNumber(type == ShardIteratorType.TRIM_HORIZON ? null : start)).shardIterator();
            List<Record> read = streams.getRecords(b -> b.shardIterator(it)).records();
            assertThat(read).hasSize(1);
            assertThat(new BigInteger(read.get(0).dynamodb().sequenceNumber())).isGreaterThanOrEqualTo(new BigInteger(start));
        }

        // a child shard opened by a roll-over has its start before anything is written to it
        engine.clock().advance(Duration.ofHours(5));
        List<Shard> shards = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
        assertThat(shards).hasSize(2);
        assertThat(shards).allSatisfy(s -> assertThat(s.sequenceNumberRange().startingSequenceNumber()).isNotNull());
        assertThat(shards.get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
        assertThat(shards.get(1).sequenceNumberRange().endingSequenceNumber()).isNull();
        assertThat(new BigInteger(shards.get(1).sequenceNumberRange().startingSequenceNumber()))
            .isGreaterThan(new BigInteger(shards.get(0).sequenceNumberRange().endingSequenceNumber()));
    }

    @Test
    void aMalformedStreamArnIsAValidationException() {
        DynamoDbException shortArn = error(() -> streams.describeStream(b -> b.streamArn("arn:aws:dynamodb:x")));
        assertThat(shortArn.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(shortArn.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'arn:aws:dynamodb:x' "
            + "at 'streamArn' failed to satisfy constraint: Member must have length greater than or equal to 37");

        String notAnArn = "this-is-not-a-stream-arn-but-it-is-long-enough";
        for (Runnable call : List.<Runnable>of(
            () -> streams.describeStream(b -> b.streamArn(notAnArn)),
            () -> streams.getShardIterator(b -> b.streamArn(notAnArn).shardId("shardId-00000000000000000000-00000001")
                .shardIteratorType(ShardIteratorType.LATEST)),
            () -> streams.listStreams(b -> b.exclusiveStartStreamArn(notAnArn)))) {
            DynamoDbException e = error(call);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid StreamArn");
        }

        DynamoDbException longArn = error(() -> streams.listStreams(b -> b.exclusiveStartStreamArn("a".repeat(1025))));
        assertThat(longArn.awsErrorDetails().errorMessage()).endsWith(
            "at 'exclusiveStartStreamArn' failed to satisfy constraint: Member must have length less than or equal to 1024");

        // well formed but unknown: not found, as before
        String unknown = "arn:aws:dynamodb:us-east-1:000000000000:table/nope/stream/2031-01-01T00:00:00.000";
        DynamoDbException missing = error(() -> streams.describeStream(b -> b.streamArn(unknown)));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void anUnknownExclusiveStartShardIdListsNoShards() {
        String t = table();
        String arn = streamArn(t);
        StreamDescription d = streams.describeStream(b -> b.streamArn(arn)
            .exclusiveStartShardId("shardId-00000000000000000000-deadbeef")).streamDescription();
        assertThat(d.shards()).isEmpty();
        assertThat(d.lastEvaluatedShardId()).isNull();
    }

    @Test
    void disablingAnAlreadyDisabledStreamIsRejected() {
        String t = table();
        db.updateTable(b -> b.tableName(t).streamSpecification(sp -> sp.streamEnabled(false)));
        DynamoDbException e = error(() -> db.updateTable(b -> b.tableName(t).streamSpecification(sp -> sp.streamEnabled(false))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table already has streams disabled");
    }

    @Test
    void shardFilterChildShardsListsTheChildrenOfOneShard() {
        String t = table();
        String arn = streamArn(t);
        put(t, "a");
        engine.clock().advance(Duration.ofHours(5));
        put(t, "b");
        engine.clock().advance(Duration.ofHours(4));
        List<Shard> all = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
        assertThat(all).hasSize(3);

        List<Shard> children = streams.describeStream(b -> b.streamArn(arn)
            .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId(all.get(0).shardId()))).streamDescription().shards();
        assertThat(children).extracting(Shard::shardId).containsExactly(all.get(1).shardId());
        assertThat(children.get(0).parentShardId()).isEqualTo(all.get(0).shardId());

        List<Shard> ofOpen = streams.describeStream(b -> b.streamArn(arn)
            .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId(all.get(2).shardId()))).streamDescription().shards();
        assertThat(ofOpen).isEmpty();

        DynamoDbException badType = error(() -> streams.describeStream(b -> b.streamArn(arn)
            .shardFilter(f -> f.type("PARENT_SHARDS").shardId(all.get(0).shardId()))));
        assertThat(badType.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'PARENT_SHARDS' at "
            + "'shardFilter.type' failed to satisfy constraint: Member must satisfy enum value set: [CHILD_SHARDS]");
    }

    @Test
    void disablingClosesTheOpenShardWithAnEndingNumberEvenWhenEmpty() {
        String t = table();
        String arn = streamArn(t);
        db.updateTable(b -> b.tableName(t).streamSpecification(sp -> sp.streamEnabled(false)));
        Shard closed = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0);
        assertThat(closed.sequenceNumberRange().endingSequenceNumber())
            .isEqualTo(closed.sequenceNumberRange().startingSequenceNumber());
        assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId("short")
            .shardIteratorType(ShardIteratorType.LATEST)))
            .hasMessageContaining("Value 'short' at 'shardId' failed to satisfy constraint: Member must have length greater than or equal to 28");
    }

    @Test
    void atTimestampStartsAtTheFirstRecordCreatedAtOrAfterTheTimestamp() {
        String t = table();
        String arn = streamArn(t);
        put(t, "early");
        engine.clock().advance(Duration.ofMinutes(10));
        Instant middle = engine.clock().instant();
        put(t, "late");
        String shardId = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
            .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(middle.minusSeconds(1))).shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(it)).records())
            .extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("late");
        DynamoDbException noTime = error(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
            .shardIteratorType(ShardIteratorType.AT_TIMESTAMP)));
        assertThat(noTime.awsErrorDetails().errorMessage()).isEqualTo("Must provide Timestamp when ShardIteratorType is AT_TIMESTAMP");
    }
}
