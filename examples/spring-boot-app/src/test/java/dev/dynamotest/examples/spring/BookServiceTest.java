package dev.dynamotest.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Seed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

// tag::spring-boot[]
@SpringBootTest
@DynamoTest                                              // the app's DynamoDB clients act on this test's tables
@CreateTable(name = "books", partitionKey = "isbn")
@Seed(table = "books", value = "books.json")
class BookServiceTest {
    @Autowired
    BookService service;

    @Test
    void reservingTakesCopiesOutOfTheStock(DynamoRuntime dynamo) {
        assertThat(service.reserve("978-0134685991", 2).stock()).isEqualTo(1);

        assertThat(dynamo.client().getItem(b -> b.tableName("books")
            .key(Map.of("isbn", AttributeValue.fromS("978-0134685991")))).item().get("stock").n()).isEqualTo("1");
    }

    @Test
    void eachTestStartsFromTheFixtures() {                 // the write of the other test is gone
        assertThatThrownBy(() -> service.reserve("978-0134685991", 4))
            .isInstanceOf(OutOfStockException.class)
            .hasMessage("cannot reserve 4 of 978-0134685991: 3 in stock");
    }
}
// end::spring-boot[]
