package dev.dynamotest.examples.readme;

// tag::in-process[]
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DynamoTest
@CreateTable(name = "orders", partitionKey = "customerId")
class InProcessClientsTest {

    @Test
    void aClientOfYourOwnWithoutASocket(DynamoRuntime dynamo) {
        try (DynamoDbClient mine = DynamoDbClient.builder()
                 .httpClient(dynamo.inProcessHttpClient())          // the test's tables, no socket
                 .credentialsProvider(dynamo.credentialsProvider()) // the access key selects the test's namespace
                 .region(dynamo.region())
                 .endpointOverride(dynamo.endpoint())
                 .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(s -> s.maxAttempts(1)).build())
                 .build()) {
            assertThat(mine.listTables().tableNames()).containsExactly("orders");
        }
        assertThat(dynamo.inProcessClient().listTables().tableNames()).containsExactly("orders"); // ready-made
    }
}
// end::in-process[]
