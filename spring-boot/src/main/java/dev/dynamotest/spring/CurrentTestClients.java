package dev.dynamotest.spring;

import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.Transport;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Clients for a Spring context under {@code @DynamoTest}: each call goes to the client of the test running at
 * that moment ({@link DynamoRuntime#current()}), so a context built once and cached across test classes acts on
 * the current test's tables, with its per-test reset, its journal and its faults.
 */
final class CurrentTestClients implements DynamoClientSource {
    static final String NO_TEST = "no @DynamoTest test is running on this thread (or tests run in parallel and this "
        + "thread belongs to none of them): the DynamoDB client beans of a @SpringBootTest under @DynamoTest act on "
        + "the current test's tables";

    private final Transport transport;
    private final DynamoDbClient client;
    private final DynamoDbAsyncClient asyncClient;

    CurrentTestClients(Transport transport) {
        this.transport = transport;
        this.client = proxy(DynamoDbClient.class, this::syncOf);
        this.asyncClient = proxy(DynamoDbAsyncClient.class, this::asyncOf);
    }

    private DynamoDbClient syncOf(DynamoRuntime runtime) {
        return transport == Transport.IN_PROCESS && runtime.isEmbedded() ? runtime.inProcessClient() : runtime.client();
    }

    private DynamoDbAsyncClient asyncOf(DynamoRuntime runtime) {
        return transport == Transport.IN_PROCESS && runtime.isEmbedded() ? runtime.inProcessAsyncClient() : runtime.asyncClient();
    }

    @Override
    public DynamoDbClient client() {
        return client;
    }

    @Override
    public DynamoDbAsyncClient asyncClient() {
        return asyncClient;
    }

    @Override
    public boolean owns(DynamoDbClient candidate) {
        return candidate == client;
    }

    Transport transport() {
        return transport;
    }

    private <C> C proxy(Class<C> type, Function<DynamoRuntime, C> target) {
        String name = "DynamoTest " + type.getSimpleName() + " of the current test (" + transport + ")";
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "close" -> null;                                  // the test's clients are closed with the test
            case "serviceName" -> DynamoDbClient.SERVICE_NAME;
            case "toString" -> name;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> invoke(method, target.apply(current()), args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static DynamoRuntime current() {
        return DynamoRuntime.current().orElseThrow(() -> new IllegalStateException(NO_TEST));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
