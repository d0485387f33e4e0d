package dev.dynamotest.examples.readme;

// tag::faults[]
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.faults.FaultRule;
import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.InjectFault;
import dev.dynamotest.junit.TestFaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

@DynamoTest
@CreateTable(name = "orders", partitionKey = "customerId")
class FaultInjectionTest {

    @Test
    @InjectFault(operation = "PutItem", table = "orders", error = "PROVISIONED_THROUGHPUT_EXCEEDED", times = 2)
    void theSdkRetriesThrottledWrites(DynamoDbClient client, DynamoRuntime dynamo) {
        client.putItem(b -> b.tableName("orders").item(Map.of("customerId", AttributeValue.fromS("ada"))));
        assertThat(dynamo.faults().rules()).singleElement().satisfies(rule -> assertThat(rule.fired()).isEqualTo(2));
    }

    @Test
    void partialBatchResults(DynamoDbClient client, DynamoRuntime dynamo) {
        dynamo.faults().add(FaultRule.builder().operations("BatchWriteItem").times(1)
            .effect(TestFaults.unprocessed(item -> item.get("customerId").s().equals("bob"))));
        List<WriteRequest> writes = List.of("ada", "bob").stream()
            .map(c -> WriteRequest.builder().putRequest(p -> p.item(Map.of("customerId", AttributeValue.fromS(c)))).build())
            .toList();

        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of("orders", writes)));

        assertThat(response.unprocessedItems().get("orders")).hasSize(1);   // bob's put, to be retried
    }

    @Test
    void latencyOnEveryQuery(DynamoRuntime dynamo) {
        FaultRule slow = dynamo.faults().add(FaultRule.builder().operations("Query")
            .effect(new FaultEffect.Latency(Duration.ofMillis(50))));
        assertThat(slow.fired()).isZero();                   // rules are removed when the test ends
    }
}
// end::faults[]
