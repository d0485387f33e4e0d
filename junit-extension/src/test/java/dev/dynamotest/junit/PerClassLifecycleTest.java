package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One instance for the whole class: the constructor's client and the fields are bound to the class; what the
 * (non-static) {@code @BeforeAll} writes through them is part of every test's starting state, and during a test they
 * act on that test's data.
 */
@DynamoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@CreateTable(bean = Customer.class)
class PerClassLifecycleTest {
    private final DynamoDbClient client;
    @Dynamo
    DynamoDbTable<Customer> customers;

    PerClassLifecycleTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeAll
    void baseline() {
        customers.putItem(new Customer("c1", "baseline"));
    }

    private boolean has(String id) {
        return client.getItem(b -> b.tableName("Customer").key(Map.of("id", AttributeValue.fromS(id)))).hasItem();
    }

    @Test
    @Order(1)
    void writes(DynamoDbClient testClient) {
        assertThat(has("c1")).isTrue();
        customers.putItem(new Customer("c2", "written by test 1"));
        assertThat(testClient.getItem(b -> b.tableName("Customer").key(Map.of("id", AttributeValue.fromS("c2")))).hasItem())
            .as("the class-bound table acts on the running test's data").isTrue();
    }

    @Test
    @Order(2)
    void doesNotSeeTheOtherTestsWrites() {
        assertThat(has("c1")).isTrue();
        assertThat(has("c2")).isFalse();
        assertThat(customers.getItem(Key.builder().partitionValue("c1").build()).getName()).isEqualTo("baseline");
    }

    @AfterAll
    void classStateIsUntouchedByTheTests() {
        assertThat(has("c1")).isTrue();
        assertThat(has("c2")).isFalse();
    }
}
