package dev.dynamotest.examples.readme;

// tag::junit-extension[]
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.ScalarType;
import dev.dynamotest.junit.Seed;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTest
@CreateTable(name = "orders", partitionKey = "customerId", sortKey = "orderId", sortKeyType = ScalarType.N)
@Seed(table = "orders", value = "orders.json")            // beside this class on the test class path
class OrderRepositoryTest {
    private final OrderRepository repository;

    OrderRepositoryTest(DynamoDbClient client) {          // constructor, method and @Dynamo field injection
        repository = new OrderRepository(client);
    }

    @Test
    void findsSeededOrders() {
        assertThat(repository.ordersOf("ada")).hasSize(2);
    }

    @Test
    @Seed(table = "orders", value = "{\"customerId\": \"bob\", \"orderId\": 7, \"total\": 12.5}")
    void methodLevelFixtures(@Dynamo(table = "orders") DynamoDbTable<Order> orders, DynamoRuntime dynamo) {
        Instant before = dynamo.clock().instant();
        dynamo.clock().advance(Duration.ofDays(1));        // the engine's clock; undone after the test
        assertThat(dynamo.clock().instant()).isAfterOrEqualTo(before.plus(Duration.ofDays(1)));
        assertThat(orders.getItem(Key.builder().partitionValue("bob").sortValue(7).build()).getTotal()).isEqualTo(12.5);
        assertThat(repository.ordersOf("ada")).hasSize(2);  // class fixtures are there too
    }
}
// end::junit-extension[]
