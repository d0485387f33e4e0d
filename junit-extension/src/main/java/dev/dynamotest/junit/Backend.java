package dev.dynamotest.junit;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.server.DynamoTestServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Where the tests' DynamoDB lives: the embedded engine, or an external endpoint. */
abstract class Backend implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    static final String SECRET_KEY = "dynamotest-secret";

    abstract URI endpoint();

    abstract boolean embedded();

    /** The embedded engine; null for an external endpoint. */
    abstract Engine engine();

    /** The embedded engine's request handler (for the in-process transport); null for an external endpoint. */
    RequestHandler handler() {
        return null;
    }

    /** An access key of its own for a class or a test (its namespace on the embedded engine). */
    abstract String acquireKey();

    /** Gives the key back, dropping everything in its namespace for {@code region}. */
    abstract void releaseKey(String key, String region);

    @Override
    public abstract void close();

    /**
     * The in-memory engine behind an Undertow endpoint on an ephemeral loopback port. Callers are separated by
     * access key and region, so every class and every test gets a namespace of its own; keys are pooled, so the
     * number of namespaces stays at the number of classes and tests running at once.
     */
    static final class Embedded extends Backend {
        private static final Namespace.Snapshot EMPTY = new Namespace.Snapshot(List.of());

        private final Engine engine;
        private final RequestHandler handler;
        private final DynamoTestServer server;
        private final AtomicLong counter = new AtomicLong();
        private final ConcurrentLinkedQueue<String> free = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean closed = new AtomicBoolean();

        /**
         * Undertow and XNIO announce every start and stop at INFO through java.util.logging; in a test run that is
         * noise. Loggers the user configured are left alone. Held here so the levels are not garbage collected.
         */
        private static final List<java.util.logging.Logger> QUIETED = quiet("io.undertow", "org.xnio", "org.xnio.nio");

        private static List<java.util.logging.Logger> quiet(String... names) {
            List<java.util.logging.Logger> loggers = new java.util.ArrayList<>();
            for (String name : names) {
                java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(java.util.logging.Level.WARNING);
                }
                loggers.add(logger);
            }
            return List.copyOf(loggers);
        }

        Embedded() {
            this.engine = new Engine();
            this.handler = new RequestHandler(engine, RequestHandler.NamespacePolicy.ACCESS_KEY_AND_REGION);
            this.server = DynamoTestServer.builder()
                .engine(engine)
                .handler(handler)
                .host("127.0.0.1")
                .port(0)
                .ioThreads(2)
                .start();
        }

        @Override
        URI endpoint() {
            return server.endpoint();
        }

        @Override
        boolean embedded() {
            return true;
        }

        @Override
        Engine engine() {
            return engine;
        }

        @Override
        RequestHandler handler() {
            return handler;
        }

        Namespace namespace(String region, String key) {
            return engine.namespace(new NamespaceId(region, key));
        }

        @Override
        String acquireKey() {
            String key = free.poll();
            return key != null ? key : "dynamotest-" + counter.incrementAndGet();
        }

        @Override
        void releaseKey(String key, String region) {
            namespace(region, key).restore(EMPTY);
            free.add(key);
        }

        boolean isClosed() {
            return closed.get();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                server.close();
            }
        }
    }

    /** An external DynamoDB-compatible endpoint: one set of credentials, nothing to start or stop. */
    static final class External extends Backend {
        static final String ACCESS_KEY = "dynamotest";
        private final URI endpoint;

        External(URI endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        URI endpoint() {
            return endpoint;
        }

        @Override
        boolean embedded() {
            return false;
        }

        @Override
        Engine engine() {
            return null;
        }

        @Override
        String acquireKey() {
            return ACCESS_KEY;
        }

        @Override
        void releaseKey(String key, String region) {
        }

        @Override
        public void close() {
        }
    }
}
