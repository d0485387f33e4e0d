package dev.dynamotest.examples.retry;

import static dev.dynamotest.assertj.DynamoAssertions.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.faults.FaultRule;
import dev.dynamotest.examples.SdkClients;
import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

@DynamoTest
@CreateTable(name = "orders", partitionKey = "id")
class RetryingWriterTest {
    /** Seed 42 draws these pauses for retries 0..6 of a 100 ms base, 1 s cap (java.util.Random is specified). */
    static final List<Long> SEED_42_PAUSES = List.of(15L, 120L, 368L, 359L, 663L, 459L, 78L);

    static Backoff backoff() {
        return new Backoff(100, 1_000, new Random(42));
    }

    static PutItemRequest order(String id) {
        return PutItemRequest.builder().tableName("orders")
            .item(Map.of("id", AttributeValue.fromS(id), "total", AttributeValue.fromN("42.50"))).build();
    }

    DynamoRuntime dynamo;
    final SdkClients.WireLog wire = new SdkClients.WireLog(); // every PutItem that goes over the wire
    final List<Long> pauses = new ArrayList<>(); // what the writer would have slept
    DynamoDbClient db; // SDK retries off: the writer's attempts are the only ones

    @BeforeEach
    void client(DynamoRuntime dynamo) {
        this.dynamo = dynamo;
        db = SdkClients.withoutRetries(dynamo, wire);
    }

    @AfterEach
    void close() {
        db.close();
    }

    RetryingWriter writer(int maxAttempts) {
        return new RetryingWriter(db, backoff(), maxAttempts, pauses::add);
    }

    FaultRule throttleFirstPuts(int times) {
        return dynamo.faults().add(FaultRule.builder().operations("PutItem").table("orders").times(times)
            .effect(FaultEffect.provisionedThroughputExceeded()));
    }

    @Test
    void fullJitterIsUniformUnderADoublingCeilingThatStopsAtTheCap() {
        Backoff backoff = backoff();
        assertThat(IntStream.range(0, 7).mapToLong(backoff::ceiling).toArray())
            .containsExactly(100, 200, 400, 800, 1_000, 1_000, 1_000);
        assertThat(backoff.ceiling(40)).isEqualTo(1_000); // no overflow however long the outage
        assertThat(IntStream.range(0, 7).mapToObj(backoff::delay)).containsExactlyElementsOf(SEED_42_PAUSES);

        // bounded by the ceiling, and spread over all of it (not clustered at the top, as plain exponential is)
        for (int retry : new int[] {0, 3, 9}) {
            long ceiling = backoff.ceiling(retry);
            List<Long> draws = IntStream.range(0, 5_000).mapToObj(i -> backoff.delay(retry)).toList();
            assertThat(draws).allSatisfy(d -> assertThat(d).isBetween(0L, ceiling));
            assertThat(draws.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(ceiling / 20);
            assertThat(draws.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(ceiling * 19 / 20);
            assertThat(draws.stream().mapToLong(Long::longValue).average().orElseThrow())
                .isBetween(ceiling * 0.45, ceiling * 0.55);
        }
    }

    @Test
    void aPutThrottledThreeTimesSucceedsOnTheFourthAttempt() {
        FaultRule throttle = throttleFirstPuts(3);
        RetryingWriter writer = writer(5);

        writer.put(order("o-1"));

        assertThat(writer.attempts()).isEqualTo(4);
        assertThat(wire.count("PutItem")).isEqualTo(4); // what went over the wire: no hidden SDK retries
        assertThat(throttle.fired()).isEqualTo(3);
        assertThat(pauses).containsExactlyElementsOf(SEED_42_PAUSES.subList(0, 3)); // recorded, not slept
        assertThatTable(db, "orders").hasItemCount(1).item("id", "o-1").hasNumber("total", 42.5);
    }

    @Test
    void throttlingThatOutlastsTheBudgetReachesTheCallerAsTheServiceSentIt() {
        FaultRule throttle = throttleFirstPuts(10);
        RetryingWriter writer = writer(4);

        assertThatThrownBy(() -> writer.put(order("o-2")))
            .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The level of configured provisioned "
                    + "throughput for the table was exceeded. Consider increasing your provisioning level with the "
                    + "UpdateTable API.");
            });

        assertThat(writer.attempts()).isEqualTo(4);
        assertThat(wire.count("PutItem")).isEqualTo(4);
        assertThat(throttle.fired()).isEqualTo(4);
        assertThat(pauses).containsExactlyElementsOf(SEED_42_PAUSES.subList(0, 3)); // no pause after the last try
        assertThatTable(db, "orders").isEmpty();
    }

    @Test
    void errorsThatAreNotThrottlingAreNotRetried() {
        RetryingWriter writer = writer(4);
        writer.put(order("o-3"));
        PutItemRequest createOnly = order("o-3").toBuilder().conditionExpression("attribute_not_exists(id)").build();

        assertThatThrownBy(() -> writer.put(createOnly))
            .isInstanceOf(ConditionalCheckFailedException.class)
            .hasMessageStartingWith("The conditional request failed");

        assertThat(writer.attempts()).isEqualTo(1);
        assertThat(wire.count("PutItem")).isEqualTo(2);
        assertThat(pauses).isEmpty();
    }
}
