package dev.dynamotest.protocol.autoscaling;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.Response;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Application Auto Scaling on DynamoTest's endpoint: {@code X-Amz-Target: AnyScaleFrontendService.<Operation>}, the
 * AWS JSON 1.1 protocol (responses in {@code application/x-amz-json-1.1}, errors as
 * {@code {"__type": "ObjectNotFoundException", "Message": "..."}}), for the {@code dynamodb} service namespace.
 */
public final class AutoScalingEndpoint {
    public static final String TARGET_PREFIX = "AnyScaleFrontendService.";
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private AutoScalingEndpoint() {
    }

    /** The operations, by name. */
    public static Map<String, Action> operations() {
        Map<String, Action> ops = new HashMap<>();
        ops.put("RegisterScalableTarget", new RegisterScalableTarget());
        ops.put("DeregisterScalableTarget", new DeregisterScalableTarget());
        ops.put("DescribeScalableTargets", new DescribeScalableTargets());
        ops.put("PutScalingPolicy", new PutScalingPolicy());
        ops.put("DeleteScalingPolicy", new DeleteScalingPolicy());
        ops.put("DescribeScalingPolicies", new DescribeScalingPolicies());
        ops.put("DescribeScalingActivities", new DescribeScalingActivities());
        return ops;
    }

    /** Runs one request ({@code action} null: an unknown operation). */
    public static Response handle(Engine engine, Action action, NamespaceId namespace, String operation, String requestId,
                                  byte[] body, int length) {
        if (action == null) {
            return error(new DynamoException(ErrorTypes.UNKNOWN_OPERATION, null, 400), requestId);
        }
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
            ByteArrayBuilder buffer = new ByteArrayBuilder(512);
            try (JsonGenerator g = Json.FACTORY.createGenerator(buffer)) {
                action.execute(new RequestContext(engine, namespace, operation, requestId), request, g);
            }
            byte[] out = buffer.toByteArray();
            return new Response(200, out, out.length, CONTENT_TYPE, requestId, crc(out));
        } catch (DynamoException e) {
            return error(e, requestId);
        } catch (IOException | RuntimeException e) {
            return error(new DynamoException("InternalServiceException", "Internal server error: " + e, 500), requestId);
        }
    }

    static Response error(DynamoException e, String requestId) {
        ByteArrayBuilder buffer = new ByteArrayBuilder(256);
        try (JsonGenerator g = Json.FACTORY.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("__type", e.type());
            if (e.getMessage() != null) {
                g.writeStringField("Message", e.getMessage());
            }
            g.writeEndObject();
        } catch (IOException io) {
            throw new IllegalStateException(io);
        }
        byte[] out = buffer.toByteArray();
        return new Response(e.status(), out, out.length, CONTENT_TYPE, requestId, crc(out));
    }

    private static long crc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body, 0, body.length);
        return crc.getValue();
    }
}
