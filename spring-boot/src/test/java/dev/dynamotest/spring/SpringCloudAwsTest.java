package dev.dynamotest.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.spring.app.CloudAwsApplication;
import dev.dynamotest.spring.app.Note;
import io.awspring.cloud.dynamodb.DynamoDbTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Spring Cloud AWS's auto-configured client, enhanced client and DynamoDbTemplate act on the test's tables. */
@SpringBootTest(classes = CloudAwsApplication.class)
@DynamoTest
@CreateTable(name = "note", partitionKey = "id")   // Spring Cloud AWS's table name for Note
class SpringCloudAwsTest {
    @Autowired
    DynamoDbTemplate template;
    @Autowired
    DynamoDbClient client;
    @Autowired
    DynamoDbEnhancedClient enhanced;

    @Test
    void theTemplateWritesToTheTestsTable(DynamoRuntime dynamo) {
        template.save(new Note("t1", "via DynamoDbTemplate"));

        assertThat(template.load(Key.builder().partitionValue("t1").build(), Note.class).getText())
            .isEqualTo("via DynamoDbTemplate");
        assertThat(dynamo.client().getItem(b -> b.tableName("note").key(Map.of("id", AttributeValue.fromS("t1"))))
            .item().get("text").s()).isEqualTo("via DynamoDbTemplate");
        assertThat(client.toString()).startsWith("DynamoTest DynamoDbClient");
    }

    @Test
    void theAutoConfiguredEnhancedClientIsOnTheReplacedClient() {
        assertThat(enhanced.table("note", TableSchema.fromBean(Note.class))
            .scan().items().stream().count()).isZero();        // the other test's write is not here
    }
}
