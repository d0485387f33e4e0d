package dev.dynamotest.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.spring.app.Note;
import dev.dynamotest.spring.app.NoteRepository;
import dev.dynamotest.spring.app.NotesApplication;
import dev.dynamotest.testcontainers.DynamoTestContainer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@RequiresDocker
@Testcontainers
@SpringBootTest(classes = NotesApplication.class)
class ServiceConnectionIT {
    @Container
    @ServiceConnection
    static final DynamoTestContainer container = new DynamoTestContainer().withRegion("eu-west-1");

    @Autowired
    NoteRepository repository;
    @Autowired
    DynamoDbClient client;
    @Autowired
    DynamoTestConnectionDetails details;
    @Autowired
    AwsConnectionDetails awsDetails;

    @BeforeEach
    void table() {
        try {
            client.deleteTable(b -> b.tableName("notes"));
        } catch (ResourceNotFoundException first) {
            // not there yet
        }
        client.createTable(b -> b.tableName("notes")
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
            .billingMode("PAY_PER_REQUEST"));
    }

    @Test
    void theAppsRepositoryWritesToTheContainer() {
        repository.save(new Note("c1", "in a container"));

        try (DynamoDbClient direct = container.newClient()) {
            assertThat(direct.getItem(b -> b.tableName("notes").key(Map.of("id", AttributeValue.fromS("c1"))))
                .item().get("text").s()).isEqualTo("in a container");
        }
        assertThat(repository.find("c1").getText()).isEqualTo("in a container");
        assertThat(NotesApplication.OWN_CLIENTS_BUILT).hasValue(0);   // the app's production client never built
    }

    @Test
    void connectionDetailsNameTheContainer() {
        assertThat(details.endpoint()).isEqualTo(container.getEndpoint());
        assertThat(details.region()).isEqualTo("eu-west-1");
        assertThat(details.accessKey()).isEqualTo("dynamotest");
        assertThat(details.secretKey()).isEqualTo("dynamotest");
        assertThat(awsDetails.getEndpoint()).isEqualTo(container.getEndpoint());
        assertThat(awsDetails.getRegion()).isEqualTo("eu-west-1");
        assertThat(awsDetails.getAccessKey()).isEqualTo("dynamotest");
        assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
        assertThat(client.serviceClientConfiguration().endpointOverride()).contains(container.getEndpoint());
    }
}
