package dev.dynamotest.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.DynamoTest;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.protocol.RequestHandler.NamespacePolicy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The SDK's full request path against the engine without a socket, sync and async. */
class InProcessTransportTest {
    final Engine engine = new Engine();
    final RequestHandler handler = new RequestHandler(engine);
    final StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret"));

    @Test
    void syncAndAsyncClientsShareTheEngine() throws Exception {
        try (DynamoDbClient sync = DynamoDbClient.builder().httpClient(new InProcessHttpClient(handler))
                 .endpointOverride(URI.create("http://in-process")).region(Region.US_EAST_1).credentialsProvider(creds).build();
             DynamoDbAsyncClient async = DynamoDbAsyncClient.builder().httpClient(new InProcessAsyncHttpClient(handler))
                 .endpointOverride(URI.create("http://in-process")).region(Region.US_EAST_1).credentialsProvider(creds).build()) {
            sync.createTable(b -> b.tableName("inproc").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
            async.putItem(b -> b.tableName("inproc").item(Map.of("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromN("01.0")))).get();
            GetItemResponse r = sync.getItem(b -> b.tableName("inproc").key(Map.of("pk", AttributeValue.fromS("a"))));
            assertThat(r.item()).containsEntry("v", AttributeValue.fromN("1"));
            assertThat(r.responseMetadata().requestId()).matches("[A-Z0-9]{52}");
            assertThat(async.getItem(b -> b.tableName("inproc").key(Map.of("pk", AttributeValue.fromS("a")))).get().item())
                .isEqualTo(r.item());
            // operations without an output shape answer an empty body; both transports take it
            String arn = sync.describeTable(b -> b.tableName("inproc")).table().tableArn();
            sync.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("k").value("v")));
            async.untagResource(b -> b.resourceArn(arn).tagKeys("k")).get();
            assertThat(sync.listTagsOfResource(b -> b.resourceArn(arn)).tags()).isEmpty();
            assertThatThrownBy(() -> sync.getItem(b -> b.tableName("missing").key(Map.of("pk", AttributeValue.fromS("a")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
        }
    }

    private DynamoDbClient client(InProcessHttpClient http, String accessKey) {
        return DynamoDbClient.builder().httpClient(http).endpointOverride(URI.create("http://in-process")).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret"))).build();
    }

    @Test
    void theFactoryScopesTablesByRegionOrByAccessKeyAsAsked() {
        try (DynamoDbClient a = client(InProcessClients.httpClient(engine), "alice");
             DynamoDbClient b = client(InProcessClients.httpClient(engine), "bob");
             DynamoDbClient isolatedA = client(InProcessClients.httpClient(engine, NamespacePolicy.ACCESS_KEY_AND_REGION), "alice");
             DynamoDbClient isolatedB = client(InProcessClients.httpClient(engine, NamespacePolicy.ACCESS_KEY_AND_REGION), "bob")) {
            a.createTable(t -> t.tableName("shared").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S)));
            isolatedA.createTable(t -> t.tableName("mine").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S)));

            assertThat(b.listTables().tableNames()).containsExactly("shared"); // one account: access keys do not matter
            assertThat(isolatedA.listTables().tableNames()).containsExactly("mine");
            assertThat(isolatedB.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("removal")
    void theDeprecatedFactoryDelegates() {
        try (DynamoDbClient c = client(DynamoTest.inProcessHttpClient(engine), "any");
             DynamoDbClient other = client(InProcessClients.httpClient(engine), "other")) {
            c.createTable(t -> t.tableName("old").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S)));
            assertThat(other.listTables().tableNames()).containsExactly("old");
        }
    }
}
