package dev.dynamotest.assertj;

import static dev.dynamotest.assertj.DynamoAssertions.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.EventuallyConsistent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** eventually(): assertions that hold once writes propagate, polled on the engine clock, never by sleeping. */
@DynamoTest(isolatedEngine = true)
@CreateTable(name = "events", partitionKey = "pk")
class EventuallyTableAssertTest {

    static Map<String, AttributeValue> item(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    @Test
    @EventuallyConsistent(seed = 1, lag = "3ops")
    void aLagInOperationsIsCaughtUpByTheAttemptsOwnReads(DynamoDbClient client, DynamoRuntime dynamo) {
        client.putItem(b -> b.tableName("events").item(item("e1")));
        client.putItem(b -> b.tableName("events").item(item("e2")));
        client.putItem(b -> b.tableName("events").item(item("e3")));
        assertThatTable(client, "events").eventually(dynamo).hasItemCount(3).containsItemWithKey("pk", "e3");
    }

    @Test
    @EventuallyConsistent(seed = 4, lag = "2s")
    void aLagOnTheClockIsCaughtUpByMovingTheEngineClock(DynamoDbClient client, DynamoRuntime dynamo) {
        dynamo.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
        client.putItem(b -> b.tableName("events").item(item("e1")));
        Instant before = dynamo.clock().instant();
        assertThatTable(client, "events").eventually(dynamo).containsItemWithKey("pk", "e1");
        assertThat(Duration.between(before, dynamo.clock().instant())).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void ttlDeletionsWithinAWindow(DynamoDbClient client, DynamoRuntime dynamo) {
        dynamo.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
        client.updateTimeToLive(b -> b.tableName("events").timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
        client.putItem(b -> b.tableName("events").item(Map.of("pk", AttributeValue.fromS("e1"),
            "exp", AttributeValue.fromN(Long.toString(dynamo.clock().instant().getEpochSecond() + 60)))));
        dynamo.consistency().eventual(9);
        assertThatTable(client, "events").eventually(dynamo).within(Duration.ofDays(2)).isEmpty();
    }

    @Test
    @EventuallyConsistent(seed = 1, lag = "3ops")
    void whatNeverHappensStillFailsWithTheSeed(DynamoDbClient client, DynamoRuntime dynamo) {
        assertThatThrownBy(() -> assertThatTable(client, "events").eventually(dynamo).hasItemCount(1))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("to contain 1 item")
            .hasMessageContaining("still failing after 4 attempts and settle(); consistency eventual:seed=1,lag=3ops,ttl=48h");
    }
}
