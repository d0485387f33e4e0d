package dev.dynamotest;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.inprocess.InProcessAsyncHttpClient;
import dev.dynamotest.inprocess.InProcessClients;
import dev.dynamotest.inprocess.InProcessHttpClient;
import dev.dynamotest.protocol.RequestHandler;

/**
 * Former home of the in-process client factories.
 *
 * @deprecated shares its simple name with the JUnit annotation {@code dev.dynamotest.junit.DynamoTest}; use
 *     {@link InProcessClients} (or, under the JUnit extension, {@code DynamoRuntime.inProcessHttpClient()}, whose
 *     clients see the test's tables).
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public final class DynamoTest {
    private DynamoTest() {
    }

    /**
     * A sync SDK HTTP client that calls the engine's request handler directly (tables scoped per region).
     *
     * @param engine the engine
     * @return the client
     * @deprecated use {@link InProcessClients#httpClient(Engine)}
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public static InProcessHttpClient inProcessHttpClient(Engine engine) {
        return InProcessClients.httpClient(engine);
    }

    /**
     * An async SDK HTTP client that calls the engine's request handler directly (tables scoped per region).
     *
     * @param engine the engine
     * @return the client
     * @deprecated use {@link InProcessClients#asyncHttpClient(Engine)}
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public static InProcessAsyncHttpClient inProcessAsyncHttpClient(Engine engine) {
        return InProcessClients.asyncHttpClient(engine);
    }

    /**
     * Clients over a handler of your choice (for example one separating callers by access key).
     *
     * @param handler the handler
     * @return the client
     * @deprecated use {@link InProcessClients#httpClient(RequestHandler)}
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public static InProcessHttpClient inProcessHttpClient(RequestHandler handler) {
        return InProcessClients.httpClient(handler);
    }
}
