package dev.dynamotest.examples.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynamotest.DynamoTest;
import dev.dynamotest.engine.autoscaling.ScalingActivity;
import dev.dynamotest.engine.capacity.CapacityModel;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.examples.retry.Backoff;
import dev.dynamotest.examples.retry.RetryingWriter;
import dev.dynamotest.junit.AutoScaling;
import dev.dynamotest.junit.Billing;
import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.protocol.RequestHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;

/**
 * A load spike on a table with auto scaling: 160 orders of 40 KB (40 write units each) arrive at once at an idle
 * table of 10 WCU with auto scaling 10..100 WCU at 70 % utilisation, capacity enforced. Its 300 seconds of burst
 * credit take the first 75 orders at once; after that it takes one order every four seconds. The application retries
 * throttled writes with exponential backoff and full jitter, and its pauses move the engine clock instead of
 * sleeping. Auto scaling sees the utilisation above 70 % for two minutes and scales out at the end of the second
 * minute (to ceil(10 / 0.7) = 15 WCU: the last minute's consumption over the target) and, still throttled, two minutes
 * later (22 WCU); every order is written, and fifteen quiet minutes later the table scales back in to its minimum.
 * Simulated minutes; the real time is that of a few hundred in-process requests.
 */
@dev.dynamotest.junit.DynamoTest(isolatedEngine = true) // enforces capacity and moves the clock: not on the shared engine
@CreateTable(name = "orders", partitionKey = "orderId", billingMode = Billing.PROVISIONED, readCapacity = 5, writeCapacity = 10,
    autoScaling = @AutoScaling(minWrite = 10, maxWrite = 100, targetUtilization = 70))
class OrderIngestTest {
    static final int ORDERS = 160;
    static final String BODY = "x".repeat(40 * 1024 - 40); // with its key and attribute names: 40 write units

    DynamoRuntime dynamo;
    DynamoDbClient db;
    Instant start;

    @BeforeEach
    void spikeConditions(DynamoRuntime dynamo) {
        this.dynamo = dynamo;
        dynamo.engine().capacity().enforce(true);
        start = Instant.parse("2030-01-01T00:00:00Z"); // long after the table's creation: its 300 s of burst credit are full
        dynamo.clock().set(start); // manual from here: only the application's pauses (and the test) move it
        // in process, SDK retries off: every throttle reaches the application's own retry loop
        db = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(dynamo.region())
            .credentialsProvider(dynamo.credentialsProvider())
            .httpClient(DynamoTest.inProcessHttpClient(new RequestHandler(dynamo.engine(), RequestHandler.NamespacePolicy.ACCESS_KEY_AND_REGION)))
            .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
            .build();
    }

    @AfterEach
    void relax() {
        db.close();
        dynamo.engine().capacity().enforce(false);
    }

    @Test
    void theApplicationRidesOutTheScaleOutWithoutLosingAnOrder() {
        long realStart = System.nanoTime();
        RetryingWriter writer = new RetryingWriter(db, new Backoff(2_000, 8_000, new Random(7)), 30,
            ms -> dynamo.clock().advance(Duration.ofMillis(ms))); // the backoff waits on the engine clock
        OrderIngest ingest = new OrderIngest(writer, "orders");
        for (int i = 0; i < ORDERS; i++) {
            ingest.write("order-" + i, BODY);
        }
        Duration simulated = Duration.between(start, dynamo.clock().instant());

        assertThat(ingest.written()).isEqualTo(ORDERS);
        assertThat(dynamo.engine().capacity().metrics(namespace(), arn()).requests()).isEqualTo(ORDERS); // every order applied once
        assertThat(ingest.throttled()).isEqualTo(THROTTLED);
        CapacityModel.Metrics m = dynamo.engine().capacity().metrics(namespace(), arn());
        assertThat(m.throttledRequests()).isEqualTo(ingest.throttled()); // the engine counted the same throttles
        assertThat(m.consumedWriteUnits()).isEqualTo(ORDERS * 40.0);

        ProvisionedThroughputDescription tp = throughput();
        assertThat(tp.writeCapacityUnits()).isEqualTo(22);
        List<ScalingActivity> activities = dynamo.engine().autoScaling().activities(namespace());
        assertThat(activities).extracting(ScalingActivity::fromCapacity, ScalingActivity::toCapacity, ScalingActivity::startTime)
            .containsExactly(tuple(15L, 22L, start.plus(Duration.ofMinutes(4))),
                tuple(10L, 15L, start.plus(Duration.ofMinutes(2))));
        assertThat(activities.get(0).description()).isEqualTo("Setting write capacity units to 22.");
        assertThat(simulated).isEqualTo(Duration.parse("PT4M18.278S")); // the spike took over four minutes to absorb

        // after the spike: fifteen minutes under 50 % and it scales back in
        dynamo.clock().advance(Duration.ofMinutes(16));
        assertThat(throughput().writeCapacityUnits()).isEqualTo(10);
        assertThat(throughput().numberOfDecreasesToday()).isEqualTo(1);
        // twenty simulated minutes, and nothing waited for real (the budget is for a loaded CI machine)
        assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofMinutes(1));
    }

    static final long THROTTLED = 148; // deterministic: a seeded jitter on a clock only the application moves

    ProvisionedThroughputDescription throughput() {
        return db.describeTable(b -> b.tableName("orders")).table().provisionedThroughput();
    }

    NamespaceId namespace() {
        return new NamespaceId(dynamo.region().id(), dynamo.credentialsProvider().resolveCredentials().accessKeyId());
    }

    String arn() {
        return db.describeTable(b -> b.tableName("orders")).table().tableArn();
    }
}
