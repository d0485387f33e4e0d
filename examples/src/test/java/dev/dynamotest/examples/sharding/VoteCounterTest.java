package dev.dynamotest.examples.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.dynamotest.engine.capacity.CapacityModel;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.examples.SdkClients;
import dev.dynamotest.junit.Billing;
import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * 1,200 votes within one second of engine clock (the clock is stopped while they are written) on a table with
 * 3,000 WCU: the table could take them (3,000 units a second, plus up to 300 seconds of unused capacity as burst),
 * one partition cannot (1,000 units a second, and its bucket holds no more than that: no burst credit). Both tests
 * write to the class's table: each test gets its own copy of it, and capacity belongs to the table, so each starts
 * with full buckets and zero metrics, as a new table in DynamoDB does.
 */
@DynamoTest(isolatedEngine = true) // switches capacity enforcement on and stops the clock: not on the shared engine
@CreateTable(name = "votes", partitionKey = "pk", sortKey = "candidate",
    billingMode = Billing.PROVISIONED, readCapacity = 100, writeCapacity = 3_000)
class VoteCounterTest {
    static final int VOTES = 1_200;
    static final List<String> CANDIDATES = List.of("alice", "bob", "carol");

    DynamoRuntime dynamo;
    DynamoDbClient db;

    @BeforeEach
    void enforceCapacity(DynamoRuntime dynamo) {
        this.dynamo = dynamo;
        dynamo.engine().capacity().enforce(true);
        dynamo.clock().set(dynamo.clock().instant()); // stopped: no bucket refills while the votes are written
        db = SdkClients.withoutRetries(dynamo); // every throttle reaches the application: nothing is retried
    }

    @AfterEach
    void relax() {
        db.close();
        dynamo.engine().capacity().enforce(false);
    }

    /**
     * The engine's counters for this test's copy of the table, as CloudWatch's ConsumedWriteCapacityUnits and
     * ThrottledRequests: the test's namespace is its region and access key.
     */
    CapacityModel.Metrics capacityOf(String table) {
        NamespaceId namespace = new NamespaceId(dynamo.region().id(), dynamo.credentialsProvider().resolveCredentials().accessKeyId());
        return dynamo.engine().capacity().metrics(namespace, db.describeTable(b -> b.tableName(table)).table().tableArn());
    }

    @Test
    void oneKeyIsThrottledAtItsPartitionsThousandWritesPerSecond() {
        VoteCounter oneKey = new VoteCounter(db, "votes", 1);
        List<ProvisionedThroughputExceededException> throttled = new ArrayList<>();
        for (int i = 0; i < VOTES; i++) {
            try {
                oneKey.vote(CANDIDATES.get(i % 3));
            } catch (ProvisionedThroughputExceededException e) {
                throttled.add(e);
            }
        }

        // the first 1,000 are accepted, every one after is refused and not applied
        assertThat(throttled).hasSize(200).allSatisfy(e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("The level of configured provisioned throughput for the table was exceeded. "
                + "Consider increasing your provisioning level with the UpdateTable API."));
        assertThat(oneKey.tally()).containsExactly(entry("alice", 334L), entry("bob", 333L), entry("carol", 333L));
        // the table spent 1,000 of its 3,000 units: the partition was the limit, not the table's throughput
        CapacityModel.Metrics capacity = capacityOf("votes");
        assertThat(capacity.consumedWriteUnits()).isEqualTo(1_000.0);
        assertThat(capacity.throttledRequests()).isEqualTo(200);

        dynamo.clock().advance(Duration.ofSeconds(1)); // the next second brings the partition another 1,000
        oneKey.vote("alice");
        assertThat(oneKey.tally()).containsEntry("alice", 335L);
    }

    @Test
    void theSameVotesOverTwentyShardsAreNotThrottledAndTallyExactly() {
        VoteCounter sharded = new VoteCounter(db, "votes", 20, new Random(7));
        for (int i = 0; i < VOTES; i++) {
            sharded.vote(CANDIDATES.get(i % 3)); // a throttle would throw here: this client does not retry
        }

        CapacityModel.Metrics capacity = capacityOf("votes");
        assertThat(capacity.throttledRequests()).isZero();
        assertThat(capacity.consumedWriteUnits()).isEqualTo(1_200.0);
        assertThat(sharded.tally()).containsExactly(entry("alice", 400L), entry("bob", 400L), entry("carol", 400L));
        // the counts really are spread: all twenty shard keys hold some, none holds most
        Map<String, Long> perShard = new TreeMap<>();
        db.scanPaginator(b -> b.tableName("votes")).items()
            .forEach(item -> perShard.merge(item.get("pk").s(), Long.parseLong(item.get("count").n()), Long::sum));
        assertThat(perShard).hasSize(20);
        assertThat(perShard.values()).allSatisfy(n -> assertThat(n).isBetween(20L, 120L));
        assertThat(perShard.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(VOTES);
    }
}
