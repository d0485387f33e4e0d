package dev.dynamotest.spring;

import static org.assertj.core.api.Assertions.assertThat;


import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Seed;
import dev.dynamotest.junit.Transport;
import dev.dynamotest.spring.app.Note;
import dev.dynamotest.spring.app.NoteRepository;
import dev.dynamotest.spring.app.NotesApplication;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@SpringBootTest(classes = NotesApplication.class)
@DynamoTest
@CreateTable(name = "notes", partitionKey = "id")
@Seed(table = "notes", value = "{\"id\": \"first-class\", \"text\": \"a fixture\"}")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InMemoryFirstTest {
    @Autowired
    NoteRepository repository;
    @Autowired
    DynamoDbClient client;
    @Autowired
    DynamoDbAsyncClient asyncClient;
    @Autowired
    ApplicationContext context;

    @Test
    @Order(1)
    void theAppsRepositoryWritesToTheTestsTables(DynamoRuntime dynamo) {
        SharedContexts.sameAsEarlierClasses("NotesApplication in-process", context);
        repository.save(new Note("n1", "hello"));

        assertThat(repository.find("n1").getText()).isEqualTo("hello");
        assertThat(dynamo.client().getItem(b -> b.tableName("notes").key(Map.of("id", AttributeValue.fromS("n1"))))
            .item().get("text").s()).isEqualTo("hello");               // the test's own client sees the app's write
        assertThat(repository.ids()).containsExactly("first-class", "n1"); // and the app sees the fixture
        assertThat(dynamo.journal().entries(e -> e.operation().equals("PutItem")))
            .singleElement().satisfies(e -> assertThat(e.transport()).isEqualTo(dev.dynamotest.engine.journal.Transport.IN_PROCESS));
    }

    @Test
    @Order(2)
    void eachTestStartsFromTheClassState() {
        assertThat(repository.ids()).containsExactly("first-class");
        assertThat(CompletableFuture.supplyAsync(repository::ids).join())   // another thread: the one running test
            .containsExactly("first-class");
        assertThat(asyncClient.listTables().join().tableNames()).containsExactly("notes");
    }

    @Test
    @Order(3)
    void theApplicationsOwnClientIsNeverBuilt() {
        assertThat(NotesApplication.OWN_CLIENTS_BUILT).hasValue(0);
        assertThat(client).hasToString("DynamoTest DynamoDbClient of the current test (" + Transport.IN_PROCESS + ")");
        assertThat(client.serviceName()).isEqualTo("dynamodb");
    }
}
