package dev.dynamotest.examples.retry;

import static dev.dynamotest.assertj.DynamoAssertions.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.faults.FaultRule;
import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.InjectFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@CreateTable(name = "events", partitionKey = "id")
class BatchWriterTest {

    static List<Map<String, AttributeValue>> items(int n) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(Map.of("id", AttributeValue.fromS("e" + i)));
        }
        return items;
    }

    @Test
    void unprocessedItemsAreResubmittedUntilEverythingIsWritten(DynamoDbClient client, DynamoRuntime dynamo) {
        // DynamoDB hands back part of a batch under load: here the first three calls leave half the requests
        int[] seen = {0};
        dynamo.faults().add(FaultRule.builder().operations("BatchWriteItem").times(3)
            .effect(new FaultEffect.Unprocessed(key -> seen[0]++ % 2 == 0)));
        List<Long> pauses = new ArrayList<>();
        BatchWriter writer = new BatchWriter(client, pauses::add);
        writer.writeAll("events", items(40));
        assertThatTable(client, "events").hasItemCount(40);
        assertThat(writer.attempts()).isGreaterThan(2);
        assertThat(pauses).isNotEmpty().allMatch(p -> p >= 0 && p <= 2_000);
    }

    @Test
    @InjectFault(operation = "BatchWriteItem", table = "events", error = "PROVISIONED_THROUGHPUT_EXCEEDED", times = 2)
    void theSdksOwnRetriesAbsorbThrottling(DynamoDbClient client, DynamoRuntime dynamo) {
        new BatchWriter(client, ms -> { }).writeAll("events", items(10));
        assertThatTable(client, "events").hasItemCount(10);
        assertThat(dynamo.faults().rules()).singleElement().satisfies(r -> assertThat(r.fired()).isEqualTo(2));
    }
}
