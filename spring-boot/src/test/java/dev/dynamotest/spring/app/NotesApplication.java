package dev.dynamotest.spring.app;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An application with its own production client beans (real AWS: default credentials, a fixed Region). */
@SpringBootApplication
public class NotesApplication {
    /** How often the application's own client factory ran: never under DynamoTest. */
    public static final AtomicInteger OWN_CLIENTS_BUILT = new AtomicInteger();

    @Bean
    public DynamoDbClient dynamoDbClient() {
        OWN_CLIENTS_BUILT.incrementAndGet();
        return DynamoDbClient.builder().region(Region.AP_SOUTHEAST_2)
            .credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
    }

    @Bean
    public DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }
}
