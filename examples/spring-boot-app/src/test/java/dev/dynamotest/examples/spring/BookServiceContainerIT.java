package dev.dynamotest.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.testcontainers.DynamoTestContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@RequiresDocker
// tag::service-connection[]
@Testcontainers
@SpringBootTest
class BookServiceContainerIT {
    @Container
    @ServiceConnection                                   // the app's DynamoDB clients talk to this container
    static final DynamoTestContainer dynamo = new DynamoTestContainer();

    @Autowired
    BookService service;
    @Autowired
    BookRepository books;
    @Autowired
    DynamoDbClient client;

    @BeforeEach
    void freshTable() {                                  // a container has no per-test reset: start each test anew
        try {
            client.deleteTable(b -> b.tableName("books"));
        } catch (ResourceNotFoundException notYet) {
            // the first test
        }
        client.createTable(b -> b.tableName("books").billingMode("PAY_PER_REQUEST")
            .keySchema(k -> k.attributeName("isbn").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("isbn").attributeType(ScalarAttributeType.S)));
        books.save(new Book("978-0134685991", "Effective Java", 3));
    }

    @Test
    void reservingTakesCopiesOutOfTheStock() {
        assertThat(service.reserve("978-0134685991", 2).stock()).isEqualTo(1);
        try (DynamoDbClient direct = dynamo.newClient()) {  // what the container holds
            assertThat(direct.scan(b -> b.tableName("books")).items()).singleElement()
                .satisfies(item -> assertThat(item.get("stock").n()).isEqualTo("1"));
        }
    }

    @Test
    void noMoreThanTheStock() {
        assertThatThrownBy(() -> service.reserve("978-0134685991", 4))
            .isInstanceOf(OutOfStockException.class)
            .hasMessage("cannot reserve 4 of 978-0134685991: 3 in stock");
    }
}
// end::service-connection[]
