package dev.dynamotest.spring;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where the context's DynamoDB client beans come from: the running {@code @DynamoTest} test, or a
 * {@link DynamoTestConnectionDetails} ({@code @ServiceConnection}). Registered as a bean; the replaced client
 * bean definitions are its factory methods.
 */
interface DynamoClientSource {
    /** The bean name of the source itself. */
    String BEAN_NAME = "dev.dynamotest.spring.dynamoClientSource";

    DynamoDbClient client();

    DynamoDbAsyncClient asyncClient();

    /** An enhanced client on {@link #client()} (the bean added when the context has none). */
    default DynamoDbEnhancedClient enhancedClient() {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client()).build();
    }

    /** True for the clients this source hands out (an enhanced client on one of them is left as it is). */
    boolean owns(DynamoDbClient client);
}
