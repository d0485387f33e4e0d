package dev.dynamotest.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Seed;
import dev.dynamotest.spring.app.Note;
import dev.dynamotest.spring.app.NoteRepository;
import dev.dynamotest.spring.app.NotesApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The same context as {@link InMemoryFirstTest} (cached), the annotations in the other order: this class's tables. */
@DynamoTest
@SpringBootTest(classes = NotesApplication.class)
@CreateTable(name = "notes", partitionKey = "id")
@Seed(table = "notes", value = "{\"id\": \"second-class\", \"text\": \"another fixture\"}")
class InMemorySecondTest {
    @Autowired
    NoteRepository repository;
    @Autowired
    ApplicationContext context;

    @Test
    void seesItsOwnClassState(DynamoRuntime dynamo) {
        SharedContexts.sameAsEarlierClasses("NotesApplication in-process", context);
        assertThat(repository.ids()).containsExactly("second-class");
        repository.save(new Note("n2", "mine"));
        assertThat(dynamo.client().scan(b -> b.tableName("notes")).count()).isEqualTo(2);
    }

    @Test
    @CreateTable(name = "archive", partitionKey = "id")
    void methodLevelTablesToo(DynamoRuntime dynamo) {
        assertThat(context.getBean(DynamoDbClient.class).listTables().tableNames())
            .containsExactly("archive", "notes");
        assertThat(repository.ids()).containsExactly("second-class");
    }
}
