package dev.dynamotest.spring;

import java.net.URI;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * How to reach a DynamoTest server: its endpoint, Region and credentials. A {@code @ServiceConnection}
 * {@code DynamoTestContainer} provides one; {@link DynamoTestServiceConnectionAutoConfiguration} then points the
 * context's {@code DynamoDbClient}, {@code DynamoDbAsyncClient} and {@code DynamoDbEnhancedClient} beans at it.
 */
public interface DynamoTestConnectionDetails extends ConnectionDetails {
    /** The server's endpoint, such as {@code http://localhost:32768}. */
    URI endpoint();

    /** The Region clients sign for (tables are scoped to it), such as {@code us-east-1}. */
    String region();

    String accessKey();

    String secretKey();
}
