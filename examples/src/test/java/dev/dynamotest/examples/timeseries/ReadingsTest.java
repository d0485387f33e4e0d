package dev.dynamotest.examples.timeseries;

import static dev.dynamotest.assertj.DynamoAssertions.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.ScalarType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTest(isolatedEngine = true) // this class moves the engine's clock
@CreateTable(name = "readings", partitionKey = "pk", sortKey = "sk", sortKeyType = ScalarType.N, ttlAttribute = "expires")
class ReadingsTest {
    static final Instant DAY1 = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void rangeQueriesWithinADayBucket(DynamoDbClient client) {
        Readings readings = new Readings(client);
        for (int minute = 0; minute < 60; minute++) {
            readings.record("s1", DAY1.plus(Duration.ofMinutes(minute)), minute);
        }
        assertThat(readings.between("s1", DAY1.plus(Duration.ofMinutes(10)), DAY1.plus(Duration.ofMinutes(35))))
            .hasSize(25).startsWith(10.0).endsWith(34.0);
    }

    @Test
    void readingsExpireAWeekLaterOnTheEnginesClock(DynamoDbClient client, DynamoRuntime dynamo) {
        dynamo.clock().set(DAY1);
        Readings readings = new Readings(client);
        readings.record("s1", DAY1, 1.0);
        readings.record("s1", DAY1.plus(Duration.ofDays(2)), 2.0);
        dynamo.clock().advance(Duration.ofDays(7)); // the first reading's expiry passes; the sweep runs at once
        assertThatTable(client, "readings").hasItemCount(1);
        dynamo.clock().advance(Duration.ofDays(2));
        assertThatTable(client, "readings").hasItemCount(0);
    }
}
