package dev.dynamotest.server;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One standalone server per test JVM, reached through the real AWS SDK v2 client over HTTP. End-to-end tests
 * create tables with unique names, so they never see each other's data.
 */
public final class ServerFixture {
    private static final AtomicInteger TABLE_COUNTER = new AtomicInteger();

    /**
     * Set {@code -Ddynamotest.test.endpoint=http://127.0.0.1:8001} to run the end-to-end suites against another
     * DynamoDB-compatible endpoint (DynamoDB Local, say) and see where its answers differ from ours.
     */
    static final String EXTERNAL = System.getProperty("dynamotest.test.endpoint");
    private static final Holder HOLDER = new Holder();

    private ServerFixture() {
    }

    private static final class Holder {
        final DynamoTestServer server = EXTERNAL != null ? null : DynamoTestServer.builder().port(0).start();
        final URI endpoint = EXTERNAL != null ? URI.create(EXTERNAL) : server.endpoint();
        final DynamoDbClient client = client(endpoint, "us-east-1");

        Holder() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.close();
                if (server != null) {
                    server.close();
                }
            }));
        }
    }

    public static DynamoTestServer server() {
        return HOLDER.server;
    }

    public static DynamoDbClient client() {
        return HOLDER.client;
    }

    public static URI endpoint() {
        return HOLDER.endpoint;
    }

    /** A client without retries, so error tests see the first answer. */
    public static DynamoDbClient client(URI endpoint, String region) {
        return client(endpoint, region, "AKIDTEST");
    }

    /** A client without retries signing with {@code accessKey} (its namespace under the access-key policy). */
    public static DynamoDbClient client(URI endpoint, String region, String accessKey) {
        return DynamoDbClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(region))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
            .build();
    }

    /** A fresh table name, unique in this JVM. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + RUN + "-" + TABLE_COUNTER.incrementAndGet();
    }

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    /** Creates an on-demand table with a string partition key {@code pk} and, if given, a sort key {@code sk}. */
    public static String createTable(String prefix, ScalarAttributeType pkType, ScalarAttributeType skType) {
        String name = uniqueName(prefix);
        client().createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            if (skType == null) {
                b.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(pkType).build());
            } else {
                b.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(pkType).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(skType).build());
            }
        });
        return name;
    }
}
