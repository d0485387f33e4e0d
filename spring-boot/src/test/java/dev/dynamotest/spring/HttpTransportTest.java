package dev.dynamotest.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Transport;
import dev.dynamotest.spring.app.Note;
import dev.dynamotest.spring.app.NoteRepository;
import dev.dynamotest.spring.app.NotesApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@SpringBootTest(classes = NotesApplication.class)
@DynamoTest(transport = Transport.HTTP, region = "eu-west-1")
@CreateTable(name = "notes", partitionKey = "id")
class HttpTransportTest {
    @Autowired
    NoteRepository repository;
    @Autowired
    DynamoDbClient client;
    @Autowired
    Environment environment;

    @Test
    void overTheEnginesHttpEndpoint(DynamoRuntime dynamo) {
        repository.save(new Note("h1", "over HTTP"));

        assertThat(repository.find("h1").getText()).isEqualTo("over HTTP");
        assertThat(client).hasToString("DynamoTest DynamoDbClient of the current test (HTTP)");
        assertThat(dynamo.journal().entries(e -> e.operation().equals("PutItem"))).singleElement()
            .satisfies(e -> assertThat(e.transport()).isEqualTo(dev.dynamotest.engine.journal.Transport.HTTP));
    }

    @Test
    void springCloudAwsPropertiesNameTheEngineAndTheTestsCredentials(DynamoRuntime dynamo) {
        assertThat(environment.getProperty("spring.cloud.aws.dynamodb.endpoint")).isEqualTo(dynamo.endpoint().toString());
        assertThat(environment.getProperty("spring.cloud.aws.region.static")).isEqualTo("eu-west-1");
        assertThat(environment.getProperty("spring.cloud.aws.dynamodb.region")).isEqualTo("eu-west-1");
        assertThat(environment.getProperty("spring.cloud.aws.credentials.access-key"))
            .isEqualTo(dynamo.credentialsProvider().resolveCredentials().accessKeyId());
        assertThat(environment.getProperty("spring.cloud.aws.credentials.secret-key"))
            .isEqualTo(dynamo.credentialsProvider().resolveCredentials().secretAccessKey());
    }
}
