package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One engine for every class, started once and stopped when the test plan ends; an isolated engine lives exactly
 * as long as its class; clients are closed after their test. Nothing for the test author to clean up.
 */
class EngineLifecycleTest {

    static boolean listening(URI endpoint) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void sharedEngineForAllClassesIsolatedEngineForItsClassAndEverythingStoppedAfterwards() {
        Case.endpoints.clear();
        var results = Kit.run(Map.of(), SharedA.class, Isolated.class, SharedB.class);
        assertThat(Kit.failureText(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(3));
        List<URI> endpoints = Case.endpoints;
        assertThat(endpoints).hasSize(3);
        assertThat(endpoints.get(0)).as("the two shared classes use one engine").isEqualTo(endpoints.get(2));
        assertThat(endpoints.get(1)).as("the isolated class has its own").isNotEqualTo(endpoints.get(0));
        assertThat(SharedB.isolatedWasListeningAfterItsClass).as("isolated engine stopped with its class").isFalse();
        assertThat(listening(endpoints.get(0))).as("shared engine stopped when the test plan ended").isFalse();
    }

    @Test
    void clientsAndRuntimesAreClosedAfterTheirTest() {
        Case.endpoints.clear();
        Kit.run(Map.of(), SharedA.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThatThrownBy(() -> SharedA.runtime.get().client()).isInstanceOf(IllegalStateException.class)
            .hasMessage("this DynamoTest runtime belongs to a test that has finished; its clients are closed");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> SharedA.client.get().listTables())
            .hasStackTraceContaining("this DynamoTest client belongs to a test that has finished and is closed");
        assertThatThrownBy(() -> SharedA.async.get().listTables().join())
            .hasStackTraceContaining("this DynamoTest client belongs to a test that has finished and is closed");
        assertThat(System.nanoTime() - t0).as("fails at once, without retries").isLessThan(2_000_000_000L);
    }

    abstract static class Case {
        static final List<URI> endpoints = new CopyOnWriteArrayList<>();
    }

    @KitCase
    @DynamoTest
    @Order(1)
    static class SharedA extends Case {
        static final AtomicReference<DynamoRuntime> runtime = new AtomicReference<>();
        static final AtomicReference<DynamoDbClient> client = new AtomicReference<>();
        static final AtomicReference<DynamoDbAsyncClient> async = new AtomicReference<>();

        @Test
        void test(DynamoRuntime r, DynamoDbClient c, DynamoDbAsyncClient a) {
            endpoints.add(r.endpoint());
            c.listTables();
            a.listTables().join();
            runtime.set(r);
            client.set(c);
            async.set(a);
        }
    }

    @KitCase
    @DynamoTest(isolatedEngine = true)
    @Order(2)
    static class Isolated extends Case {
        @Test
        void test(URI endpoint) {
            assertThat(listening(endpoint)).isTrue();
            endpoints.add(endpoint);
        }
    }

    @KitCase
    @DynamoTest
    @Order(3)
    static class SharedB extends Case {
        static volatile boolean isolatedWasListeningAfterItsClass = true;

        @Test
        void test(URI endpoint) {
            endpoints.add(endpoint);
            isolatedWasListeningAfterItsClass = listening(endpoints.get(1));
        }
    }
}
