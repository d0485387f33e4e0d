package dev.dynamotest.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.error.Throttled;
import dev.dynamotest.engine.journal.Transport;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.protocol.autoscaling.AutoScalingEndpoint;
import dev.dynamotest.protocol.pipeline.Exchange;
import dev.dynamotest.protocol.pipeline.Pipeline;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;

/**
 * The transport-independent request handler: takes the target header, the Authorization header and the body,
 * runs the operation through the request {@link Pipeline} and returns the complete response. The Undertow
 * endpoint and the in-process SDK transport both call it, so their behaviour cannot drift.
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
        ACCESS_KEY_AND_REGION,
        /**
         * One namespace for every access key and every region, as DynamoDB Local does with -sharedDb (its one
         * database); its ARNs name the default region, us-east-1.
         */
        SHARED
    }

    private final Engine engine;
    private final Operations operations;
    private final NamespacePolicy namespacePolicy;
    private final Pipeline pipeline;

    public RequestHandler(Engine engine) {
        this(engine, Operations.standard(), NamespacePolicy.REGION);
    }

    public RequestHandler(Engine engine, NamespacePolicy namespacePolicy) {
        this(engine, Operations.standard(), namespacePolicy);
    }

    public RequestHandler(Engine engine, Operations operations, NamespacePolicy namespacePolicy) {
        this(engine, operations, namespacePolicy, Pipeline.standard(operations));
    }

    /** A handler running requests through {@code pipeline} (e.g. the standard one with a stage added). */
    public RequestHandler(Engine engine, Operations operations, NamespacePolicy namespacePolicy, Pipeline pipeline) {
        this.engine = engine;
        this.operations = operations;
        this.namespacePolicy = namespacePolicy;
        this.pipeline = pipeline;
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Handles one request that came over HTTP.
     *
     * @param target        the {@code X-Amz-Target} header (may be null)
     * @param authorization the {@code Authorization} header (may be null: the default region is used)
     * @param body          the request body; only {@code length} bytes are read
     */
    public Response handle(String target, String authorization, byte[] body, int length) {
        return handle(Transport.HTTP, target, authorization, body, length);
    }

    /** Handles one request that came by {@code transport}: runs it through the {@link Pipeline}. */
    public Response handle(Transport transport, String target, String authorization, byte[] body, int length) {
        String requestId = newRequestId();
        engine.autoScaling().catchUp(); // auto scaling decisions due on the engine clock are taken before any request
        if (target != null && target.startsWith(AutoScalingEndpoint.TARGET_PREFIX)) {
            // Application Auto Scaling (JSON 1.1) on the same endpoint: its own protocol, not DynamoDB's pipeline
            String operation = target.substring(AutoScalingEndpoint.TARGET_PREFIX.length());
            return AutoScalingEndpoint.handle(engine, operations.autoScaling(operation), namespaceOf(authorization, namespacePolicy),
                operation, requestId, body, length);
        }
        Exchange exchange = new Exchange(engine, transport, target, authorization, body, length, requestId,
            namespaceOf(authorization, namespacePolicy));
        try {
            return pipeline.run(exchange);
        } catch (IOException | RuntimeException e) {
            return unexpected(e, requestId);
        }
    }

    /** The stages every request goes through. */
    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * The caller's namespace, read from the SigV4 credential scope ({@code Credential=AKID/date/region/...}):
     * its region (default us-east-1) and, under {@link NamespacePolicy#ACCESS_KEY_AND_REGION}, its access key.
     * Under {@link NamespacePolicy#SHARED} every caller is in the default region's namespace.
     */
    public static NamespaceId namespaceOf(String authorization, NamespacePolicy policy) {
        if (policy == NamespacePolicy.SHARED) {
            return NamespaceId.region(NamespaceId.DEFAULT_REGION);
        }
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

    /**
     * The service's answer to a target naming no operation: {@code {"__type":"com.amazon.coral.service#UnknownOperationException"}}
     * without a message, as the service sends it (docs/compatibility.md, Security defaults).
     */
    public static Response unknownOperation() {
        return unknownOperation(newRequestId());
    }

    private static Response unknownOperation(String requestId) {
        return error(new DynamoException(ErrorTypes.UNKNOWN_OPERATION, null, 400), requestId);
    }

    /** A body over {@link #MAX_REQUEST_BYTES}: 413 with the service's JSON error, whichever layer noticed. */
    public static Response tooLarge(long length) {
        return tooLarge(length, newRequestId());
    }

    private static Response tooLarge(long length, String requestId) {
        return error(tooLargeError(length), requestId);
    }

    /** The service's RequestEntityTooLarge error for a body of {@code length} bytes. */
    public static DynamoException tooLargeError(long length) {
        return new DynamoException(ErrorTypes.REQUEST_ENTITY_TOO_LARGE,
            "Request size " + length + " exceeded " + MAX_REQUEST_BYTES + " bytes", 413);
    }

    /** The service's generic answer to a failure of its own; the text of the exception stays in the server's log. */
    public static final String INTERNAL_ERROR_MESSAGE = "Internal server error";
    private static final Logger LOG = Logger.getLogger(RequestHandler.class.getName());

    /**
     * The answer to an exception no validation foresaw: the service's InternalServerError with its generic text,
     * never the exception's text; the stack goes to the log. An OutOfMemoryError is answered (and logged) the same.
     */
    public static Response unexpected(Throwable e) {
        return unexpected(e, newRequestId());
    }

    private static Response unexpected(Throwable e, String requestId) {
        LOG.log(Level.SEVERE, "Internal server error answering request " + requestId
            + (e instanceof OutOfMemoryError ? " (out of heap: raise -Xmx, see README \"Security and limits\")" : ""), e);
        return error(DynamoException.internal(INTERNAL_ERROR_MESSAGE), requestId);
    }

    /** A 200 response with {@code body}. */
    public static Response ok(byte[] body, String requestId) {
        return new Response(200, body, body.length, CONTENT_TYPE, requestId, crc(body));
    }

    /** The error body as the service sends it: {@code __type}, {@code message} and, for some errors, more. */
    public static Response error(DynamoException e, String requestId) {
        ByteArrayBuilder buffer = new ByteArrayBuilder(256);
        try (JsonGenerator g = Json.FACTORY.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("__type", e.wireType());
            if (e.getMessage() != null) {
                // the service's deserializer writes its member capitalised (dynalite's recordings of the service)
                g.writeStringField(ErrorTypes.SERIALIZATION.equals(e.type()) ? "Message" : "message", e.getMessage());
            }
            if (e instanceof ErrorDetails details) {
                details.writeDetails(g);
            } else if (e instanceof Throttled t && !t.reasons().isEmpty()) {
                g.writeArrayFieldStart(t.reasonsMember());
                for (Throttled.Reason r : t.reasons()) {
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
    public static String newRequestId() {
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
