package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.faults.FaultRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Targeted fault rules, exercised through SDK v2 clients over HTTP (with and without retries). */
class FaultInjectionEndToEndTest {
    Engine engine;
    DynamoTestServer server;
    DynamoDbClient noRetries;
    final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void start() {
        engine = new Engine();
        server = DynamoTestServer.builder().engine(engine).port(0).start();
        noRetries = ServerFixture.client(server.endpoint(), "us-east-1");
        noRetries.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
    }

    @AfterEach
    void stop() {
        noRetries.close();
        server.close();
    }

    /** A client with the SDK's default retry strategy, counting attempts. */
    DynamoDbClient retrying() {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                @Override
                public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
                    attempts.incrementAndGet();
                }
            }))
            .build();
    }

    static Map<String, AttributeValue> item(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    @Test
    void theDefaultRetryStrategyRecoversFromTwoThrottles() {
        FaultRule rule = engine.faults().add(FaultRule.builder().operations("PutItem").table("orders").times(2)
            .effect(FaultEffect.provisionedThroughputExceeded()).build());
        try (DynamoDbClient client = retrying()) {
            client.putItem(b -> b.tableName("orders").item(item("a")));
        }
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(rule.fired()).isEqualTo(2);
        assertThat(noRetries.getItem(b -> b.tableName("orders").key(item("a"))).hasItem()).isTrue();
    }

    @Test
    void withoutRetriesTheExceptionSurfacesWithTheServiceTypeAndMessage() {
        engine.faults().add(FaultRule.builder().operations("GetItem").key(Map.of("pk", dev.dynamotest.engine.model.AttributeValue.s("hot"))).effect(FaultEffect.provisionedThroughputExceeded()).build());
        assertThatThrownBy(() -> noRetries.getItem(b -> b.tableName("orders").key(item("hot"))))
            .isInstanceOf(ProvisionedThroughputExceededException.class)
            .hasMessageStartingWith("The level of configured provisioned throughput for the table was exceeded. "
                + "Consider increasing your provisioning level with the UpdateTable API.")
            .satisfies(e -> assertThat(((ProvisionedThroughputExceededException) e).throttlingReasons()).containsExactly(
                software.amazon.awssdk.services.dynamodb.model.ThrottlingReason.builder().reason("TableReadProvisionedThroughputExceeded")
                    .resource("arn:aws:dynamodb:us-east-1:000000000000:table/orders").build()));
        assertThat(noRetries.getItem(b -> b.tableName("orders").key(item("cold"))).hasItem()).isFalse(); // other keys unaffected
    }

    @Test
    void anAfterFaultAppliesTheWriteAndLosesTheResponseSoAnIdempotentRetryIsSafe() {
        noRetries.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("acct"), "n", AttributeValue.fromN("0"))));
        engine.faults().add(FaultRule.builder().operations("TransactWriteItems").times(1).timing(FaultRule.Timing.AFTER)
            .effect(FaultEffect.internalServerError()).build());
        TransactWriteItem add = TransactWriteItem.builder().update(Update.builder().tableName("orders").key(item("acct"))
            .updateExpression("SET n = n + :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).build()).build();
        assertThatThrownBy(() -> noRetries.transactWriteItems(b -> b.clientRequestToken("t-1").transactItems(add)))
            .isInstanceOf(InternalServerErrorException.class).hasMessageStartingWith("Internal server error");
        assertThat(value()).isEqualTo("1"); // applied although the caller saw an error
        noRetries.transactWriteItems(b -> b.clientRequestToken("t-1").transactItems(add)); // the retry
        assertThat(value()).isEqualTo("1");
    }

    String value() {
        return noRetries.getItem(b -> b.tableName("orders").key(item("acct"))).item().get("n").n();
    }

    @Test
    void aSeededProbabilisticRuleGivesTheSameSequenceEveryRun() {
        List<Boolean> first = sequence(42);
        List<Boolean> second = sequence(42);
        assertThat(first).isEqualTo(second).contains(true, false);
        assertThat(sequence(7)).isNotEqualTo(first);
    }

    List<Boolean> sequence(long seed) {
        engine.faults().clear();
        engine.faults().add(FaultRule.builder().operations("GetItem").probability(0.5, seed).effect(FaultEffect.throttling()).build());
        List<Boolean> failed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            try {
                noRetries.getItem(b -> b.tableName("orders").key(item("x")));
                failed.add(false);
            } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                failed.add(true);
            }
        }
        return failed;
    }

    @Test
    void aDroppedConnectionIsAClientSideIoFailureAndLatencyStillAnswers() {
        engine.faults().add(FaultRule.builder().operations("PutItem").times(1).effect(new FaultEffect.DropConnection()).build());
        assertThatThrownBy(() -> noRetries.putItem(b -> b.tableName("orders").item(item("dropped"))))
            .isInstanceOf(SdkClientException.class);
        assertThat(noRetries.getItem(b -> b.tableName("orders").key(item("dropped"))).hasItem()).isFalse();
        FaultRule slow = engine.faults().add(FaultRule.builder().operations("GetItem").times(1)
            .effect(new FaultEffect.Latency(Duration.ofMillis(50))).build());
        assertThat(noRetries.getItem(b -> b.tableName("orders").key(item("dropped"))).hasItem()).isFalse();
        assertThat(slow.fired()).isEqualTo(1);
    }

    @Test
    void adminApiAddsListsAndClearsFaults() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI faults = URI.create(server.endpoint() + "/_dynamotest/faults");
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(faults).header("X-DynamoTest-Admin", "1").POST(HttpRequest.BodyPublishers.ofString(
            "{\"operations\":[\"PutItem\"],\"table\":\"orders\",\"times\":1,\"error\":\"ThrottlingException\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> noRetries.putItem(b -> b.tableName("orders").item(item("a"))))
            .hasMessageStartingWith("Rate of requests exceeds the allowed throughput.");
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(faults).header("X-DynamoTest-Admin", "1").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.body()).contains("\"fired\":1", "\"table\":\"orders\"");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(faults).header("X-DynamoTest-Admin", "1").POST(HttpRequest.BodyPublishers.ofString("{\"table\":\"x\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        http.send(HttpRequest.newBuilder(faults).header("X-DynamoTest-Admin", "1").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(engine.faults().rules()).isEmpty();
        noRetries.putItem(b -> b.tableName("orders").item(item("a")));
    }

    @Test
    void theEnhancedClientsBatchWriteLoopRetriesUnprocessedItemsUntilAllAreWritten() {
        // the first two BatchWriteItem calls leave every other item unprocessed
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        FaultRule rule = engine.faults().add(FaultRule.builder().operations("BatchWriteItem").times(2)
            .effect(new FaultEffect.Unprocessed(k -> seen.incrementAndGet() % 2 == 0)).build());
        var enhanced = software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient.builder().dynamoDbClient(noRetries).build();
        var table = enhanced.table("orders", software.amazon.awssdk.enhanced.dynamodb.TableSchema.fromBean(EnhancedOrder.class));
        List<EnhancedOrder> pending = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pending.add(new EnhancedOrder("o" + i, i));
        }
        int rounds = 0;
        while (!pending.isEmpty()) {
            rounds++;
            var batch = software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch.builder(EnhancedOrder.class).mappedTableResource(table);
            pending.forEach(batch::addPutItem);
            var result = enhanced.batchWriteItem(b -> b.addWriteBatch(batch.build()));
            pending = new ArrayList<>(result.unprocessedPutItemsForTable(table));
        }
        assertThat(rounds).isEqualTo(3);
        assertThat(rule.fired()).isEqualTo(2);
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertThat(table.getItem(r -> r.key(k -> k.partitionValue("o" + n))).getTotal()).isEqualTo(n);
        }
    }

    @Test
    void batchGetReturnsChosenKeysAsUnprocessedAndTransactionsConflictOnAChosenAction() {
        noRetries.putItem(b -> b.tableName("orders").item(item("a")));
        noRetries.putItem(b -> b.tableName("orders").item(item("b")));
        engine.faults().add(FaultRule.builder().operations("BatchGetItem").times(1)
            .effect(new FaultEffect.Unprocessed(k -> k.get("pk").equals(dev.dynamotest.engine.model.AttributeValue.s("b")))).build());
        var r = noRetries.batchGetItem(b -> b.requestItems(Map.of("orders",
            software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(item("a"), item("b")).build())));
        assertThat(r.responses().get("orders")).containsExactly(item("a"));
        assertThat(r.unprocessedKeys().get("orders").keys()).containsExactly(item("b"));

        engine.faults().add(FaultRule.builder().operations("TransactWriteItems").times(1)
            .effect(new FaultEffect.TransactionConflictOn(1)).build());
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
            software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.class,
            () -> noRetries.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("t1"))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("t2"))).build())));
        assertThat(e.cancellationReasons()).extracting(c -> c.code()).containsExactly("None", "TransactionConflict");
        assertThat(e.cancellationReasons().get(1).message()).isEqualTo("Transaction is ongoing for the item");
        assertThat(noRetries.getItem(b -> b.tableName("orders").key(item("t1"))).hasItem()).isFalse();
    }
}
