package dev.dynamotest.server;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.protocol.Response;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import org.xnio.Options;

/**
 * The embedded HTTP endpoint: DynamoDB's JSON protocol on Undertow. It only moves bytes between HTTP and the
 * transport-independent {@link RequestHandler}; requests are handled on the I/O thread that read them (the
 * engine never blocks on I/O), so a request costs no thread hand-off.
 */
public final class DynamoTestServer implements AutoCloseable {
    static final HttpString AMZ_TARGET = new HttpString("X-Amz-Target");
    static final HttpString REQUEST_ID = new HttpString("x-amzn-RequestId");
    static final HttpString CRC32 = new HttpString("x-amz-crc32");
    /** Set on a read answered from an older version by the consistency model (diagnostics; never sent by AWS). */
    public static final String STALE_HEADER = "x-dynamotest-stale";
    static final HttpString STALE = new HttpString(STALE_HEADER);
    /** Bodies are read up to this size; the handler answers anything over 16 MB with an error. */
    static final long MAX_ENTITY_BYTES = 64L * 1024 * 1024;

    private final Engine engine;
    private final RequestHandler handler;
    private final Undertow undertow;
    private final String host;
    private volatile int port;

    private DynamoTestServer(Builder b) {
        this.engine = b.engine != null ? b.engine : new Engine();
        this.handler = b.handler != null ? b.handler : new RequestHandler(engine);
        this.host = b.host;
        int ioThreads = b.ioThreads > 0 ? b.ioThreads : Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.undertow = Undertow.builder()
            .addHttpListener(b.port, b.host)
            .setIoThreads(ioThreads)
            .setWorkerThreads(Math.max(2, b.workerThreads))
            .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, MAX_ENTITY_BYTES)
            .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
            .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, false)
            .setSocketOption(Options.TCP_NODELAY, true)
            .setSocketOption(Options.BACKLOG, 1024)
            .setHandler(new Dispatch(handler, b.adminHandler != null ? b.adminHandler
                : b.admin ? new dev.dynamotest.server.admin.AdminHandler(engine) : null))
            .build();
        if (!engine.clock().isManual()) {
            // with the system clock, expired items are swept in the background (a manual clock sweeps on advance)
            sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dynamotest-ttl");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(() -> {
                try {
                    engine.runDueWork();
                } catch (RuntimeException e) {
                    // keep sweeping; a failed sweep is retried on the next tick
                }
            }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private java.util.concurrent.ScheduledExecutorService sweeper;

    public static Builder builder() {
        return new Builder();
    }

    public DynamoTestServer start() {
        undertow.start();
        Undertow.ListenerInfo info = undertow.getListenerInfo().get(0);
        port = ((InetSocketAddress) info.getAddress()).getPort();
        return this;
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    public URI endpoint() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if ("0.0.0.0".equals(host)) {
            h = "127.0.0.1";
        }
        return URI.create("http://" + h + ":" + port);
    }

    public Engine engine() {
        return engine;
    }

    public RequestHandler handler() {
        return handler;
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        undertow.stop();
    }

    public static final class Builder {
        private Engine engine;
        private RequestHandler handler;
        private HttpHandler adminHandler;
        private boolean admin = true;
        private String host = "127.0.0.1";
        private int port = 0;
        private int ioThreads;
        private int workerThreads = 4;

        public Builder engine(Engine engine) {
            this.engine = engine;
            return this;
        }

        public Builder handler(RequestHandler handler) {
            this.handler = handler;
            return this;
        }

        /** Serves {@code /_dynamotest/...} (the admin API). */
        public Builder adminHandler(HttpHandler adminHandler) {
            this.adminHandler = adminHandler;
            return this;
        }

        /** Serves the admin API ({@code /_dynamotest/}); on by default. */
        public Builder admin(boolean admin) {
            this.admin = admin;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        public Builder workerThreads(int workerThreads) {
            this.workerThreads = workerThreads;
            return this;
        }

        public DynamoTestServer build() {
            return new DynamoTestServer(this);
        }

        public DynamoTestServer start() {
            return build().start();
        }
    }

    /** Routes DynamoDB requests to the protocol handler and {@code /_dynamotest/} to the admin API. */
    private static final class Dispatch implements HttpHandler {
        private final RequestHandler handler;
        private final HttpHandler admin;

        Dispatch(RequestHandler handler, HttpHandler admin) {
            this.handler = handler;
            this.admin = admin;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            String path = exchange.getRequestPath();
            if (path.startsWith("/_dynamotest/") || path.equals("/_dynamotest")) {
                if (admin != null) {
                    admin.handleRequest(exchange);
                } else {
                    exchange.setStatusCode(404);
                    exchange.endExchange();
                }
                return;
            }
            if (!Methods.POST.equals(exchange.getRequestMethod())) {
                // The service answers a plain GET on its endpoint with a health line; load balancers use it.
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                exchange.getResponseSender().send("healthy: dynamotest");
                return;
            }
            String target = exchange.getRequestHeaders().getFirst(AMZ_TARGET);
            String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
                if (handler.engine().faults().isEmpty()) {
                    respond(ex, handler.handle(target, authorization, body, body.length), handler.engine());
                } else {
                    // fault rules may add latency: never sleep on an I/O thread
                    ex.dispatch(() -> respond(ex, handler.handle(target, authorization, body, body.length), handler.engine()));
                }
            },
                (ex, error) -> {
                    ex.setStatusCode(413);
                    ex.endExchange();
                });
        }

        private static void respond(HttpServerExchange ex, Response r, Engine engine) {
            if (r.dropConnection()) {
                org.xnio.IoUtils.safeClose(ex.getConnection());
                return;
            }
            ex.setStatusCode(r.status());
            ex.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, r.contentType())
                .put(REQUEST_ID, r.requestId())
                .put(CRC32, Long.toString(r.crc32()))
                .put(Headers.CONTENT_LENGTH, r.length());
            if (engine.consistency().wasStale(r.requestId())) {
                ex.getResponseHeaders().put(STALE, "true");
            }
            ex.getResponseSender().send(ByteBuffer.wrap(r.body(), 0, r.length()));
        }
    }
}
