package dev.dynamotest.inprocess;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.protocol.RequestHandler.NamespacePolicy;

/**
 * Factories for SDK HTTP clients on the in-process transport, for building your own SDK clients without a socket:
 *
 * <pre>{@code
 * DynamoDbClient client = DynamoDbClient.builder()
 *     .httpClient(InProcessClients.httpClient(engine))
 *     .endpointOverride(URI.create("http://in-process"))   // any URI: nothing connects to it
 *     .region(Region.US_EAST_1)
 *     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")))
 *     .build();
 * }</pre>
 *
 * <p>Requests are separated into namespaces of tables as the handler's {@link NamespacePolicy} says: by the region
 * they are signed for ({@link NamespacePolicy#REGION}, the service's behaviour and the standalone server's default),
 * or by access key and region ({@link NamespacePolicy#ACCESS_KEY_AND_REGION}, DynamoDB Local's behaviour, the one
 * the JUnit extension uses to isolate tests). Under the JUnit extension, take the clients of
 * {@code DynamoRuntime.inProcessHttpClient()} / {@code inProcessClient()} instead: they see the test's tables.
 */
public final class InProcessClients {
    private InProcessClients() {
    }

    /** A sync SDK HTTP client calling the engine directly; tables are scoped per region. */
    public static InProcessHttpClient httpClient(Engine engine) {
        return httpClient(engine, NamespacePolicy.REGION);
    }

    /** A sync SDK HTTP client calling the engine directly; tables are scoped as {@code policy} says. */
    public static InProcessHttpClient httpClient(Engine engine, NamespacePolicy policy) {
        return new InProcessHttpClient(new RequestHandler(engine, policy));
    }

    /** A sync SDK HTTP client over a handler of your choice (the one a running server uses, say). */
    public static InProcessHttpClient httpClient(RequestHandler handler) {
        return new InProcessHttpClient(handler);
    }

    /** An async SDK HTTP client calling the engine directly; tables are scoped per region. */
    public static InProcessAsyncHttpClient asyncHttpClient(Engine engine) {
        return asyncHttpClient(engine, NamespacePolicy.REGION);
    }

    /** An async SDK HTTP client calling the engine directly; tables are scoped as {@code policy} says. */
    public static InProcessAsyncHttpClient asyncHttpClient(Engine engine, NamespacePolicy policy) {
        return new InProcessAsyncHttpClient(new RequestHandler(engine, policy));
    }

    /** An async SDK HTTP client over a handler of your choice. */
    public static InProcessAsyncHttpClient asyncHttpClient(RequestHandler handler) {
        return new InProcessAsyncHttpClient(handler);
    }
}
