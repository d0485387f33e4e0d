package dev.dynamotest.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A Spring Boot application on DynamoDB. In production its client finds Region and credentials the usual way
 * (environment, profile, instance role); its tests never build it: DynamoTest replaces the client beans.
 */
@SpringBootApplication
public class BookshopApplication {

    @Bean
    public DynamoDbClient dynamoDbClient() {
        return DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @Bean
    public DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    public static void main(String[] args) {
        SpringApplication.run(BookshopApplication.class, args);
    }
}
