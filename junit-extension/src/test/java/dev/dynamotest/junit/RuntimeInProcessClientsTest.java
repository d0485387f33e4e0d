package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.inprocess.InProcessClients;
import dev.dynamotest.protocol.RequestHandler.NamespacePolicy;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The runtime's in-process clients see the test's tables (the extension separates tests by access key), while the
 * injected clients stay on HTTP; a factory client scoped by region alone does not see them.
 */
@DynamoTest
@CreateTable(name = "orders", partitionKey = "pk")
@Seed(table = "orders", value = "{\"pk\": \"seeded\"}")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeInProcessClientsTest {
    static final Map<String, AttributeValue> SEEDED = Map.of("pk", AttributeValue.fromS("seeded"));
    static SdkHttpClient leaked;

    @Test
    @Order(1)
    void theRuntimesInProcessClientSeesTheTestsTables(DynamoRuntime dynamo, DynamoDbClient httpClient) {
        assertThat(dynamo.transport()).isEqualTo(Transport.HTTP);
        DynamoDbClient inProcess = dynamo.inProcessClient();
        assertThat(inProcess).isNotSameAs(httpClient);
        assertThat(inProcess.getItem(b -> b.tableName("orders").key(SEEDED)).item()).isEqualTo(SEEDED);

        inProcess.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("written"))));
        assertThat(httpClient.scan(b -> b.tableName("orders")).count()).isEqualTo(2); // the same namespace
    }

    @Test
    @Order(2)
    void ownClientsOnTheRuntimesHttpClientSeeTheTestsTables(DynamoRuntime dynamo) {
        leaked = dynamo.inProcessHttpClient();
        try (DynamoDbClient own = DynamoDbClient.builder().httpClient(dynamo.inProcessHttpClient())
                 .credentialsProvider(dynamo.credentialsProvider()).region(dynamo.region())
                 .endpointOverride(dynamo.endpoint()).build()) {
            assertThat(own.listTables().tableNames()).containsExactly("orders");
            assertThat(own.scan(b -> b.tableName("orders")).items()).containsExactly(SEEDED); // the previous test's write is gone
        }
    }

    @Test
    @Order(3)
    void aFactoryClientScopedByRegionOnlyDoesNotSeeThemOneScopedByAccessKeyDoes(DynamoRuntime dynamo) {
        try (DynamoDbClient byRegion = DynamoDbClient.builder()
                 .httpClient(InProcessClients.httpClient(dynamo.engine()))
                 .credentialsProvider(dynamo.credentialsProvider()).region(dynamo.region())
                 .endpointOverride(dynamo.endpoint()).build();
             DynamoDbClient byAccessKey = DynamoDbClient.builder()
                 .httpClient(InProcessClients.httpClient(dynamo.engine(), NamespacePolicy.ACCESS_KEY_AND_REGION))
                 .credentialsProvider(dynamo.credentialsProvider()).region(dynamo.region())
                 .endpointOverride(dynamo.endpoint()).build()) {
            assertThat(byRegion.listTables().tableNames()).doesNotContain("orders");
            assertThat(byAccessKey.listTables().tableNames()).containsExactly("orders");
        }
    }

    @Test
    @Order(4)
    void theRuntimesHttpClientIsClosedWithItsTest(DynamoRuntime dynamo) {
        try (DynamoDbClient late = DynamoDbClient.builder().httpClient(leaked).credentialsProvider(dynamo.credentialsProvider())
                 .region(dynamo.region()).endpointOverride(dynamo.endpoint()).build()) {
            assertThatThrownBy(() -> late.listTables())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this DynamoTest client belongs to a test that has finished and is closed; inject a client into the test that uses it");
        }
    }
}

/** Under the in-process transport, the runtime's in-process clients are the injected ones. */
@DynamoTest(transport = Transport.IN_PROCESS)
class RuntimeInProcessClientsUnderInProcessTransportTest {
    @Test
    void theInjectedClientIsTheInProcessOne(DynamoRuntime dynamo) {
        assertThat(dynamo.inProcessClient()).isSameAs(dynamo.client());
        assertThat(dynamo.inProcessAsyncClient()).isSameAs(dynamo.asyncClient());
    }
}
