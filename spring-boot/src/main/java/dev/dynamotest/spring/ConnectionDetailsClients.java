package dev.dynamotest.spring;

import org.springframework.beans.factory.DisposableBean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Clients for {@link DynamoTestConnectionDetails}, built on first use and closed with the context. */
final class ConnectionDetailsClients implements DynamoClientSource, DisposableBean {
    private final DynamoTestConnectionDetails details;
    private DynamoDbClient client;
    private DynamoDbAsyncClient asyncClient;

    ConnectionDetailsClients(DynamoTestConnectionDetails details) {
        this.details = details;
    }

    @Override
    public synchronized DynamoDbClient client() {
        if (client == null) {
            client = DynamoDbClient.builder()
                .endpointOverride(details.endpoint())
                .region(Region.of(details.region()))
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        }
        return client;
    }

    @Override
    public synchronized DynamoDbAsyncClient asyncClient() {
        if (asyncClient == null) {
            asyncClient = DynamoDbAsyncClient.builder()
                .endpointOverride(details.endpoint())
                .region(Region.of(details.region()))
                .credentialsProvider(credentials())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .build();
        }
        return asyncClient;
    }

    private StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(details.accessKey(), details.secretKey()));
    }

    @Override
    public synchronized boolean owns(DynamoDbClient candidate) {
        return candidate != null && candidate == client;
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close();
        }
        if (asyncClient != null) {
            asyncClient.close();
        }
    }
}
