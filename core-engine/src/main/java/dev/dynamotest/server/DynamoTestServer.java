package dev.dynamotest.server;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.protocol.Response;
import dev.dynamotest.server.admin.AdminHandler;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.xnio.IoUtils;
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
    /** The header every admin API request carries (any value): a cross-site page cannot send it without a preflight. */
    public static final String ADMIN_HEADER = "X-DynamoTest-Admin";
    static final HttpString ADMIN_HEADER_NAME = new HttpString(ADMIN_HEADER);
    static final String HOST_NOT_ALLOWED = "Host '%s' is not allowed: DynamoTest answers loopback names, IP addresses, the host it "
        + "is bound to and the names given with --allowed-host (see README, Security and limits)";
    static final String ADMIN_HEADER_MISSING = "The admin API needs the header " + ADMIN_HEADER + ": 1 on every request "
        + "(so that no web page can reach it cross-site); see docs/admin-api.md";
    static final String ADMIN_DISABLED = "The admin API is disabled on this server";

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
            .setHandler(new Dispatch(handler, b.blocking, b.adminHandler != null ? b.adminHandler : b.admin ? new AdminHandler(engine) : null,
                new HostCheck(b.host, b.allowedHosts), b.cors))
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

    /** The address and port bound, as given ({@code 0.0.0.0:8000}, {@code [::1]:8000}). */
    public String bindAddress() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Bound to the wildcard address: reachable on every interface, not only loopback. */
    public boolean bindsAllInterfaces() {
        return "0.0.0.0".equals(host) || "::".equals(host) || "0:0:0:0:0:0:0:0".equals(host);
    }

    /** Where a client on this machine reaches the server (loopback when bound to every interface). */
    public URI endpoint() {
        String h = bindsAllInterfaces() ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
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
        private boolean blocking;
        private final List<String> allowedHosts = new ArrayList<>();
        private Cors cors = Cors.NONE;

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

        /**
         * Host names accepted in the {@code Host} header besides loopback names, IP addresses and the bound host
         * ({@link HostCheck}); {@code "*"} accepts any. Comma-separated lists are split.
         */
        public Builder allowedHosts(Collection<String> names) {
            this.allowedHosts.addAll(names);
            return this;
        }

        /** Cross-origin grants ({@code -cors}); none by default. */
        public Builder cors(Cors cors) {
            this.cors = cors;
            return this;
        }

        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        /**
         * Handles every request on a worker thread instead of the I/O thread that read it: for engines whose writes
         * wait for the disk (a durable store), so one client's fsync never holds up the others on that I/O thread.
         */
        public Builder blocking(boolean blocking) {
            this.blocking = blocking;
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

    /**
     * Routes DynamoDB requests to the protocol handler and {@code /_dynamotest/} to the admin API, after the
     * {@link HostCheck}; admin requests must carry {@link #ADMIN_HEADER}, which no web page can send to another
     * origin without a preflight that the server never grants. Every refusal is a JSON error body.
     */
    private static final class Dispatch implements HttpHandler {
        private final RequestHandler handler;
        private final HttpHandler admin;
        private final boolean blocking;
        private final HostCheck hosts;
        private final Cors cors;

        Dispatch(RequestHandler handler, boolean blocking, HttpHandler admin, HostCheck hosts, Cors cors) {
            this.handler = handler;
            this.blocking = blocking;
            this.admin = admin;
            this.hosts = hosts;
            this.cors = cors;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
            if (!hosts.allows(host)) {
                refuse(exchange, 403, "AccessDeniedException", String.format(HOST_NOT_ALLOWED, host));
                return;
            }
            String path = exchange.getRequestPath();
            if (path.startsWith("/_dynamotest/") || path.equals("/_dynamotest")) {
                if (admin == null) {
                    refuse(exchange, 404, "ResourceNotFoundException", ADMIN_DISABLED);
                } else if (exchange.getRequestHeaders().getFirst(ADMIN_HEADER_NAME) == null) {
                    refuse(exchange, 403, "AccessDeniedException", ADMIN_HEADER_MISSING);
                } else {
                    admin.handleRequest(exchange);
                }
                return;
            }
            if (Methods.OPTIONS.equals(exchange.getRequestMethod())) {
                cors.preflight(exchange);
                return;
            }
            cors.decorate(exchange);
            if (!Methods.POST.equals(exchange.getRequestMethod())) {
                if (Methods.GET.equals(exchange.getRequestMethod()) && path.equals("/")) {
                    // The service answers a plain GET on its endpoint with a health line; load balancers use it.
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                    exchange.getResponseSender().send("healthy: dynamotest");
                    return;
                }
                // no X-Amz-Target names an operation: what the service answers to a POST without one
                respond(exchange, RequestHandler.unknownOperation());
                return;
            }
            String target = exchange.getRequestHeaders().getFirst(AMZ_TARGET);
            String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
                if (!blocking && handler.engine().faults().isEmpty() && IoThreadWork.isCheap(target, body.length)) {
                    respond(ex, handle(handler, target, authorization, body), handler.engine());
                } else {
                    // fault rules may add latency, big or scanning requests take time, a durable store waits for the
                    // disk: never on an I/O thread, whose other connections would wait for them
                    ex.dispatch(() -> respond(ex, handle(handler, target, authorization, body), handler.engine()));
                }
            },
                (ex, error) -> {
                    // over MAX_ENTITY_BYTES (Undertow stops reading): the same answer as the handler's 16 MB check
                    long length = ex.getRequestContentLength();
                    respond(ex, RequestHandler.tooLarge(length > 0 ? length : MAX_ENTITY_BYTES + 1));
                });
        }

        /** A refusal before any handler: the service's JSON error shape, and the connection is not kept. */
        private static void refuse(HttpServerExchange ex, int status, String type, String message) {
            respond(ex, RequestHandler.error(new DynamoException(type, message, status), RequestHandler.newRequestId()));
        }

        /** The handler's answer; the last line of defence turns anything it throws (OutOfMemoryError too) into a JSON error. */
        private static Response handle(RequestHandler handler, String target, String authorization, byte[] body) {
            try {
                return handler.handle(target, authorization, body, body.length);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                return RequestHandler.unexpected(e);
            }
        }

        /** An answer that no engine gave (a refusal before the handler): never stale. */
        private static void respond(HttpServerExchange ex, Response r) {
            respond(ex, r, null);
        }

        private static void respond(HttpServerExchange ex, Response r, Engine engine) {
            if (r.dropConnection()) {
                IoUtils.safeClose(ex.getConnection());
                return;
            }
            ex.setStatusCode(r.status());
            ex.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, r.contentType())
                .put(REQUEST_ID, r.requestId())
                .put(CRC32, Long.toString(r.crc32()))
                .put(Headers.CONTENT_LENGTH, r.length());
            if (engine != null && engine.consistency().wasStale(r.requestId())) {
                ex.getResponseHeaders().put(STALE, "true");
            }
            ex.getResponseSender().send(ByteBuffer.wrap(r.body(), 0, r.length()));
        }
    }
}
