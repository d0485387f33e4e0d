package dev.dynamotest.protocol.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.journal.Transport;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;

/**
 * One request on its way through the {@link Pipeline}: what the transport handed over (target, authorization,
 * body), then what the stages learnt (operation, action, parsed request, context) and the error the request ended
 * with, if any. Not shared between threads.
 */
public final class Exchange {
    private final Engine engine;
    private final Transport transport;
    private final String target;
    private final String authorization;
    private final byte[] body;
    private final int length;
    private final String requestId;
    private final NamespaceId namespaceId;
    private String operation;
    private Action action;
    private JsonNode request;
    private RequestContext context;
    private DynamoException error;

    public Exchange(Engine engine, Transport transport, String target, String authorization, byte[] body, int length,
                    String requestId, NamespaceId namespaceId) {
        this.engine = engine;
        this.transport = transport;
        this.target = target;
        this.authorization = authorization;
        this.body = body;
        this.length = length;
        this.requestId = requestId;
        this.namespaceId = namespaceId;
    }

    public Engine engine() {
        return engine;
    }

    public Transport transport() {
        return transport;
    }

    /** The {@code X-Amz-Target} header (may be null). */
    public String target() {
        return target;
    }

    /** The {@code Authorization} header (may be null). */
    public String authorization() {
        return authorization;
    }

    /** The request body; only the first {@link #length()} bytes belong to it. */
    public byte[] body() {
        return body;
    }

    public int length() {
        return length;
    }

    public String requestId() {
        return requestId;
    }

    public NamespaceId namespaceId() {
        return namespaceId;
    }

    /** The operation named by the target, or null if the target names none this endpoint knows. */
    public String operation() {
        return operation;
    }

    public Action action() {
        return action;
    }

    public void dispatch(String operation, Action action) {
        this.operation = operation;
        this.action = action;
    }

    /** The parsed request object, or null before (or without) a successful parse. */
    public JsonNode request() {
        return request;
    }

    public void request(JsonNode request) {
        this.request = request;
    }

    /** The context the action runs in (null before the request was read). */
    public RequestContext context() {
        return context;
    }

    public void context(RequestContext context) {
        this.context = context;
    }

    /** The error the request was answered with, or null. */
    public DynamoException error() {
        return error;
    }

    public void error(DynamoException error) {
        this.error = error;
    }
}
