package dev.dynamotest.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.table.NamespaceId;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * The transport-independent request handler: takes the target header, the Authorization header and the body,
 * runs the operation and returns the complete response. The Undertow endpoint and the in-process SDK transport
 * both call this one method, so their behaviour cannot drift.
 */
public final class RequestHandler {
    public static final String DYNAMODB_TARGET_PREFIX = "DynamoDB_20120810.";
    public static final String STREAMS_TARGET_PREFIX = "DynamoDBStreams_20120810.";
    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    public static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    /** How callers are separated into namespaces of tables. */
    public enum NamespacePolicy {
        /** By the region of the request's signature (the service's behaviour for one account). */
        REGION,
        /** By access key and region, as DynamoDB Local does without -sharedDb; also isolates parallel tests. */
        ACCESS_KEY_AND_REGION
    }

    private final Engine engine;
    private final Operations operations;
    private final NamespacePolicy namespacePolicy;

    public RequestHandler(Engine engine) {
        this(engine, Operations.standard(), NamespacePolicy.REGION);
    }

    public RequestHandler(Engine engine, NamespacePolicy namespacePolicy) {
        this(engine, Operations.standard(), namespacePolicy);
    }

    public RequestHandler(Engine engine, Operations operations, NamespacePolicy namespacePolicy) {
        this.engine = engine;
        this.operations = operations;
        this.namespacePolicy = namespacePolicy;
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Handles one request.
     *
     * @param target        the {@code X-Amz-Target} header (may be null)
     * @param authorization the {@code Authorization} header (may be null: the default region is used)
     * @param body          the request body; only {@code length} bytes are read
     */
    public Response handle(String target, String authorization, byte[] body, int length) {
        String requestId = newRequestId();
        String operation = null;
        Action action = null;
        if (target != null) {
            if (target.startsWith(DYNAMODB_TARGET_PREFIX)) {
                operation = target.substring(DYNAMODB_TARGET_PREFIX.length());
                action = operations.dynamodb(operation);
            } else if (target.startsWith(STREAMS_TARGET_PREFIX)) {
                operation = target.substring(STREAMS_TARGET_PREFIX.length());
                action = operations.streams(operation);
            }
        }
        if (action == null) {
            return error(new DynamoException(ErrorTypes.UNKNOWN_OPERATION, null, 400), requestId);
        }
        if (length > MAX_REQUEST_BYTES) {
            return error(new DynamoException(ErrorTypes.REQUEST_ENTITY_TOO_LARGE,
                "Request size " + length + " exceeded " + MAX_REQUEST_BYTES + " bytes", 413), requestId);
        }
        RequestContext ctx = new RequestContext(engine, namespaceOf(authorization, namespacePolicy), operation, requestId);
        try {
            JsonNode request;
            try {
                request = Json.parse(body, 0, length);
            } catch (JsonProcessingException e) {
                throw DynamoException.serialization(e.getOriginalMessage());
            }
            if (request == null || request.isMissingNode()) {
                request = Json.object();
            }
            if (!request.isObject()) {
                throw DynamoException.serialization(Requests.unexpected(request, "structure"));
            }
            dev.dynamotest.engine.faults.FaultRule fault = engine.faults().isEmpty() ? null
                : engine.faults().match(operation, faultTable(request), faultKey(request), accessKeyOf(authorization));
            if (fault != null && (fault.effect() instanceof dev.dynamotest.engine.faults.FaultEffect.Unprocessed
                || fault.effect() instanceof dev.dynamotest.engine.faults.FaultEffect.TransactionConflictOn)) {
                ctx.partialFault(fault.effect()); // the action carries these out
                fault = null;
            }
            if (fault != null && fault.timing() == dev.dynamotest.engine.faults.FaultRule.Timing.BEFORE) {
                Response r = applyFault(fault, requestId, ctx, request);
                if (r != null) {
                    return r;
                }
            }
            ByteArrayBuilder buffer = new ByteArrayBuilder(512);
            engine.replication().beforeRequest();
            try (JsonGenerator g = Json.FACTORY.createGenerator(buffer)) {
                action.execute(ctx, request, g);
            } finally {
                engine.replication().afterRequest();
            }
            if (fault != null && fault.timing() == dev.dynamotest.engine.faults.FaultRule.Timing.AFTER) {
                Response r = applyFault(fault, requestId, ctx, request); // applied, then the response is lost or replaced
                if (r != null) {
                    return r;
                }
            }
            return ok(buffer.toByteArray(), requestId);
        } catch (DynamoException e) {
            return error(e, requestId);
        } catch (IOException | RuntimeException e) {
            return error(DynamoException.internal("Internal server error: " + e), requestId);
        } catch (StackOverflowError e) {
            return error(DynamoException.validation("Nesting Levels have exceeded supported limits"), requestId);
        }
    }

    /**
     * The caller's namespace, read from the SigV4 credential scope ({@code Credential=AKID/date/region/...}):
     * its region (default us-east-1) and, under {@link NamespacePolicy#ACCESS_KEY_AND_REGION}, its access key.
     */
    public static NamespaceId namespaceOf(String authorization, NamespacePolicy policy) {
        String region = NamespaceId.DEFAULT_REGION;
        String accessKey = "";
        if (authorization != null) {
            int i = authorization.indexOf("Credential=");
            if (i >= 0) {
                int start = i + "Credential=".length();
                int keyEnd = authorization.indexOf('/', start);
                int dateEnd = keyEnd < 0 ? -1 : authorization.indexOf('/', keyEnd + 1);
                int regionEnd = dateEnd < 0 ? -1 : authorization.indexOf('/', dateEnd + 1);
                if (regionEnd > dateEnd + 1) {
                    region = authorization.substring(dateEnd + 1, regionEnd);
                }
                if (keyEnd > start && policy == NamespacePolicy.ACCESS_KEY_AND_REGION) {
                    accessKey = authorization.substring(start, keyEnd);
                }
            }
        }
        return new NamespaceId(region, accessKey);
    }

    /** The access key of the SigV4 credential scope, or "" when unsigned. */
    static String accessKeyOf(String authorization) {
        return namespaceOf(authorization, NamespacePolicy.ACCESS_KEY_AND_REGION).accessKey();
    }

    /** The table a fault rule can target: TableName, or a batch's only table in RequestItems. */
    private static String faultTable(JsonNode request) {
        JsonNode t = Requests.member(request, "TableName");
        if (t != null && t.isTextual()) {
            return t.textValue();
        }
        JsonNode items = Requests.member(request, "RequestItems");
        if (items != null && items.isObject() && items.size() == 1) {
            return items.fieldNames().next();
        }
        return null;
    }

    private static final java.util.Set<String> READS = java.util.Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");
    private static final java.util.Set<String> WRITES =
        java.util.Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");

    /**
     * An injected ProvisionedThroughputExceededException on a read or write of one table carries the reason a real
     * throttle of that table would ({@code TableReadProvisionedThroughputExceeded} / {@code TableWrite...}), so retry
     * code that looks at ThrottlingReasons can be tested with faults too.
     */
    private static DynamoException withThrottlingReason(DynamoException e, RequestContext ctx, JsonNode request) {
        String table = faultTable(request);
        String op = ctx.operation();
        if (!ErrorTypes.PROVISIONED_THROUGHPUT_EXCEEDED.equals(e.type()) || table == null || !(READS.contains(op) || WRITES.contains(op))) {
            return e;
        }
        return new dev.dynamotest.engine.error.Throttled(e.type(), e.getMessage(), java.util.List.of(dev.dynamotest.engine.error.Throttled.Reason.of(
            false, WRITES.contains(op), dev.dynamotest.engine.error.Throttled.PROVISIONED, ctx.namespace().tableArn(table))), -1);
    }

    /** The key a fault rule can target: Key, or the attributes of Item (a superset of its key). */
    private static java.util.Map<String, dev.dynamotest.engine.model.AttributeValue> faultKey(JsonNode request) {
        JsonNode k = Requests.member(request, "Key");
        if (k == null) {
            k = Requests.member(request, "Item");
        }
        if (k == null || !k.isObject()) {
            return null;
        }
        try {
            return AttributeValueJson.readMap(k);
        } catch (DynamoException e) {
            return null; // the action reports the bad value itself
        }
    }

    /**
     * A fault's response: an error as the service sends it, a dropped connection, or (latency) null after
     * waiting, so the request goes on normally.
     */
    private static Response applyFault(dev.dynamotest.engine.faults.FaultRule rule, String requestId, RequestContext ctx, JsonNode request) {
        dev.dynamotest.engine.faults.FaultEffect effect = rule.effect();
        if (effect instanceof dev.dynamotest.engine.faults.FaultEffect.Error e) {
            return error(withThrottlingReason(e.exception(), ctx, request), requestId);
        }
        if (effect instanceof dev.dynamotest.engine.faults.FaultEffect.DropConnection) {
            return Response.dropped(requestId);
        }
        if (effect instanceof dev.dynamotest.engine.faults.FaultEffect.Latency l) {
            try {
                Thread.sleep(l.delay().toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }

    private static Response ok(byte[] body, String requestId) {
        return new Response(200, body, body.length, CONTENT_TYPE, requestId, crc(body));
    }

    /** The error body as the service sends it: {@code __type}, {@code message} and, for some errors, more. */
    public static Response error(DynamoException e, String requestId) {
        ByteArrayBuilder buffer = new ByteArrayBuilder(256);
        try (JsonGenerator g = Json.FACTORY.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("__type", e.wireType());
            if (e.getMessage() != null) {
                g.writeStringField("message", e.getMessage());
            }
            if (e instanceof ErrorDetails details) {
                details.writeDetails(g);
            } else if (e instanceof dev.dynamotest.engine.error.Throttled t && !t.reasons().isEmpty()) {
                g.writeArrayFieldStart(t.reasonsMember());
                for (dev.dynamotest.engine.error.Throttled.Reason r : t.reasons()) {
                    g.writeStartObject();
                    g.writeStringField("reason", r.reason());
                    g.writeStringField("resource", r.resource());
                    g.writeEndObject();
                }
                g.writeEndArray();
            } else if (e.item() != null) {
                AttributeValueJson.writeItemField(g, "Item", e.item());
            }
            g.writeEndObject();
        } catch (IOException io) {
            throw new IllegalStateException(io);
        }
        byte[] body = buffer.toByteArray();
        return new Response(e.status(), body, body.length, CONTENT_TYPE, requestId, crc(body));
    }

    static long crc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body, 0, body.length);
        return crc.getValue();
    }

    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    /** A request id shaped like the service's: 52 upper-case letters and digits. */
    static String newRequestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] c = new char[52];
        long bits = 0;
        for (int i = 0; i < 52; i++) {
            if (i % 10 == 0) {
                bits = r.nextLong() & Long.MAX_VALUE;
            }
            c[i] = ID_CHARS[(int) (bits % 36)];
            bits /= 36;
        }
        return new String(c);
    }

    /** Exceptions that add members to the error body (CancellationReasons, ...). */
    public interface ErrorDetails {
        void writeDetails(JsonGenerator g) throws IOException;
    }
}
