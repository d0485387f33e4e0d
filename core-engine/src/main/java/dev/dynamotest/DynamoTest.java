package dev.dynamotest;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.inprocess.InProcessAsyncHttpClient;
import dev.dynamotest.inprocess.InProcessHttpClient;
import dev.dynamotest.protocol.RequestHandler;

/**
 * Factories for building your own SDK clients on the in-process transport:
 * {@code DynamoDbClient.builder().httpClient(DynamoTest.inProcessHttpClient(engine)).endpointOverride(...)...}.
 * (The JUnit annotation of the same simple name lives in {@code dev.dynamotest.junit}.)
 */
public final class DynamoTest {
    private DynamoTest() {
    }

    /** A sync SDK HTTP client that calls the engine's request handler directly (tables scoped per region). */
    public static InProcessHttpClient inProcessHttpClient(Engine engine) {
        return new InProcessHttpClient(new RequestHandler(engine));
    }

    /** An async SDK HTTP client that calls the engine's request handler directly (tables scoped per region). */
    public static InProcessAsyncHttpClient inProcessAsyncHttpClient(Engine engine) {
        return new InProcessAsyncHttpClient(new RequestHandler(engine));
    }

    /** Clients over a handler of your choice (for example one separating callers by access key). */
    public static InProcessHttpClient inProcessHttpClient(RequestHandler handler) {
        return new InProcessHttpClient(handler);
    }
}
