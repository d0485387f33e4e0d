package dev.dynamotest.bench;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the workloads talk to: an SDK v2 client, and what to close with it. {@link #open} takes a kind:
 * {@code http} (an endpoint URL; Apache client, the same for every server), {@code dynamotest-inprocess},
 * {@code dynamotest-http-embedded} and {@code ddblocal-embedded}. DynamoTest classes are reached only through
 * {@link DynamoTestTargets} and DynamoDB Local only by reflection, so each kind runs on its own class path.
 */
record Target(DynamoDbClient client, AutoCloseable onClose) implements AutoCloseable {
    static final StaticCredentialsProvider CREDS = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret"));
    static final String DDB_EMBEDDED = "com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded";
    static final String DDB_LOCAL = "com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal";

    static Target open(String kind, String endpoint) throws Exception {
        switch (kind) {
            case "http":
                return new Target(client(URI.create(endpoint), apache(64)), () -> { });
            case "dynamotest-inprocess":
                return DynamoTestTargets.inProcess();
            case "dynamotest-http-embedded":
                return DynamoTestTargets.embeddedHttp();
            case "ddblocal-embedded": {
                // DynamoDBEmbedded.create().dynamoDbClient(): DynamoDB Local's own in-process client (no HTTP)
                Object local = Class.forName(DDB_EMBEDDED).getMethod("create").invoke(null);
                Class<?> api = Class.forName(DDB_LOCAL);
                DynamoDbClient c = (DynamoDbClient) api.getMethod("dynamoDbClient").invoke(local);
                return new Target(c, () -> api.getMethod("shutdown").invoke(local));
            }
            default:
                throw new IllegalArgumentException("unknown target kind " + kind);
        }
    }

    static SdkHttpClient apache(int maxConnections) {
        return ApacheHttpClient.builder().maxConnections(maxConnections)
            .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(120)).build();
    }

    static DynamoDbClient client(URI endpoint, SdkHttpClient http) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(CREDS)
            .httpClient(http).build();
    }

    @Override
    public void close() throws Exception {
        client.close();
        onClose.close();
    }
}
