package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.faults.FaultRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** Fault injection from the runtime handle and from @InjectFault, scoped to the test and cleared after it. */
@DynamoTest
@CreateTable(name = "orders", partitionKey = "pk")
class FaultsTest {

    static Map<String, AttributeValue> item(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    @Test
    @InjectFault(operation = "PutItem", table = "orders", error = "PROVISIONED_THROUGHPUT_EXCEEDED", times = 1)
    void annotationInjectsAFaultForThisTest(DynamoDbClient client, DynamoRuntime dynamo) {
        // the injected client retries (SDK default): the single throttle is absorbed
        client.putItem(b -> b.tableName("orders").item(item("a")));
        assertThat(dynamo.faults().rules()).singleElement().satisfies(r -> assertThat(r.fired()).isEqualTo(1));
        assertThat(client.getItem(b -> b.tableName("orders").key(item("a"))).hasItem()).isTrue();
    }

    @Test
    void runtimeHandleAddsRulesForThisTestsCallsOnly(DynamoRuntime dynamo, DynamoDbClient client) {
        FaultRule rule = dynamo.faults().add(FaultRule.builder().operations("GetItem").effect(FaultEffect.provisionedThroughputExceeded()));
        DynamoDbClient noRetry = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(dynamo.region())
            .credentialsProvider(dynamo.credentialsProvider())
            .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD).retryStrategy(s -> s.maxAttempts(1)))
            .build();
        try (noRetry) {
            assertThatThrownBy(() -> noRetry.getItem(b -> b.tableName("orders").key(item("a"))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        }
        assertThat(rule.fired()).isEqualTo(1);
        assertThat(rule.accessKey()).isEqualTo(dynamo.credentialsProvider().resolveCredentials().accessKeyId());
    }

    @Test
    void rulesDoNotOutliveTheirTest(DynamoRuntime dynamo, DynamoDbClient client) {
        assertThat(dynamo.faults().rules()).isEmpty();
        assertThat(dynamo.engine().faults().rules()).noneMatch(r -> dynamo.credentialsProvider().resolveCredentials().accessKeyId()
            .equals(r.accessKey()));
        client.getItem(b -> b.tableName("orders").key(item("a")));
    }

    @Test
    void partialBatchResultsAreChosenWithTheSdksAttributeValues(DynamoRuntime dynamo, DynamoDbClient client) {
        dynamo.faults().add(FaultRule.builder().operations("BatchWriteItem").times(1)
            .effect(TestFaults.unprocessed(item -> item.get("pk").s().startsWith("b") && item.get("n").n().equals("1.5"))));
        List<WriteRequest> writes = List.of(
            WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1.5")))).build(),
            WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", AttributeValue.fromS("b"), "n", AttributeValue.fromN("01.50")))).build(),
            WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", AttributeValue.fromS("c"), "n", AttributeValue.fromN("1.5")))).build());

        BatchWriteItemResponse r = client.batchWriteItem(b -> b.requestItems(Map.of("orders", writes)));

        assertThat(r.unprocessedItems().get("orders")).singleElement()
            .satisfies(w -> assertThat(w.putRequest().item().get("pk").s()).isEqualTo("b"));
        assertThat(client.scan(b -> b.tableName("orders")).items()).extracting(i -> i.get("pk").s()).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void keyPredicatesTakeTheSdksAttributeValues(DynamoRuntime dynamo, DynamoDbClient client) {
        FaultRule rule = dynamo.faults().add(FaultRule.builder().operations("GetItem")
            .keyMatching(TestFaults.keyWhere(key -> key.get("pk").s().equals("hot")))
            .effect(FaultEffect.provisionedThroughputExceeded()));
        client.getItem(b -> b.tableName("orders").key(item("cold")));
        assertThat(rule.fired()).isZero();
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("orders").key(item("hot"))))
            .isInstanceOf(ProvisionedThroughputExceededException.class);
        assertThat(rule.fired()).isGreaterThanOrEqualTo(1);
    }
}
