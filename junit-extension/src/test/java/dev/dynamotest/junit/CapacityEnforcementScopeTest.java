package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Capacity enforcement is a switch of the whole engine (documented in the README's Isolation section): a class that
 * turns it on gets its own engine with {@code isolatedEngine = true}, and the shared engine is not throttled.
 */
class CapacityEnforcementScopeTest {

    @Test
    void enforcementOnAnIsolatedEngineDoesNotReachTheSharedOne() {
        var results = Kit.run(Map.of(), Enforcing.class, Shared.class);
        assertThat(Kit.failureText(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(2));
    }

    static Map<String, AttributeValue> item(int i) {
        return Map.of("pk", AttributeValue.fromS("hot"), "n", AttributeValue.fromN(Integer.toString(i)));
    }

    @KitCase
    @DynamoTest(isolatedEngine = true)
    @CreateTable(name = "hot", partitionKey = "pk", billingMode = Billing.PROVISIONED, readCapacity = 1, writeCapacity = 1)
    @Order(1)
    static class Enforcing {
        @Test
        void throttled(DynamoRuntime dynamo) {
            dynamo.engine().capacity().enforce(true);
            dynamo.clock().set(dynamo.clock().instant()); // no refill
            try (DynamoDbClient once = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(dynamo.region())
                     .credentialsProvider(dynamo.credentialsProvider())
                     .overrideConfiguration(c -> c.retryStrategy(s -> s.maxAttempts(1))).build()) {
                assertThatThrownBy(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        int n = i;
                        once.putItem(b -> b.tableName("hot").item(item(n)));
                    }
                }).isInstanceOf(ProvisionedThroughputExceededException.class);
            }
        }
    }

    @KitCase
    @DynamoTest
    @CreateTable(name = "hot", partitionKey = "pk", billingMode = Billing.PROVISIONED, readCapacity = 1, writeCapacity = 1)
    @Order(2)
    static class Shared {
        @Test
        void notThrottled(DynamoRuntime dynamo, DynamoDbClient client) {
            assertThat(dynamo.engine().capacity().enforcing()).isFalse();
            for (int i = 0; i < 400; i++) {
                int n = i;
                client.putItem(b -> b.tableName("hot").item(item(n)));
            }
        }
    }
}
