package dev.dynamotest.protocol.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.Operations;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.protocol.RequestShapes;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.Response;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the request: the operation named by the target header, the size limit, the JSON body. It is also the
 * error boundary of the stages after it: a {@link DynamoException} becomes the service's error response, anything
 * else an InternalServerError, never a Java exception text on the wire.
 */
public final class ReadStage implements Stage {
    private static final Logger LOG = Logger.getLogger(ReadStage.class.getName());
    private final Operations operations;

    public ReadStage(Operations operations) {
        this.operations = operations;
    }

    @Override
    public Response apply(Exchange exchange, Chain next) {
        String target = exchange.target();
        String operation = null;
        Action action = null;
        if (target != null) {
            if (target.startsWith(RequestHandler.DYNAMODB_TARGET_PREFIX)) {
                operation = target.substring(RequestHandler.DYNAMODB_TARGET_PREFIX.length());
                action = operations.dynamodb(operation);
            } else if (target.startsWith(RequestHandler.STREAMS_TARGET_PREFIX)) {
                operation = target.substring(RequestHandler.STREAMS_TARGET_PREFIX.length());
                action = operations.streams(operation);
            }
        }
        if (action == null) {
            return error(exchange, new DynamoException(ErrorTypes.UNKNOWN_OPERATION, null, 400));
        }
        exchange.dispatch(operation, action);
        int length = exchange.length();
        if (length > RequestHandler.MAX_REQUEST_BYTES) {
            return error(exchange, RequestHandler.tooLargeError(length));
        }
        exchange.context(new RequestContext(exchange.engine(), exchange.namespaceId(), operation, exchange.requestId()));
        try {
            JsonNode request;
            try {
                request = Json.parseRequest(operation, exchange.body(), 0, length);
            } catch (JsonProcessingException e) {
                throw DynamoException.serialization(e.getOriginalMessage());
            }
            if (request == null || request.isMissingNode()) {
                request = Json.object();
            }
            if (!request.isObject()) {
                throw DynamoException.serialization(Requests.unexpected(request, "structure"));
            }
            RequestShapes.check(target.startsWith(RequestHandler.STREAMS_TARGET_PREFIX), operation, (ObjectNode) request);
            exchange.request(request);
            return next.proceed(exchange);
        } catch (DynamoException e) {
            return error(exchange, e);
        } catch (IOException | RuntimeException e) {
            // never the exception's text on the wire: the service's generic message, the stack in the log
            LOG.log(Level.SEVERE, "Internal server error answering request " + exchange.requestId(), e);
            return error(exchange, DynamoException.internal(RequestHandler.INTERNAL_ERROR_MESSAGE));
        } catch (OutOfMemoryError e) {
            // the heap ran out inside this request despite the MemoryGuard: the same answer as its refusal
            LOG.log(Level.SEVERE, "Out of heap answering request " + exchange.requestId()
                + ": raise -Xmx (see README, Security and limits)", e);
            return error(exchange, exchange.engine().commitPoint().memoryGuard().refusal());
        }
    }

    /** The service's error response, remembered on the exchange for the stages before this one (the journal). */
    static Response error(Exchange exchange, DynamoException e) {
        exchange.error(e);
        return RequestHandler.error(e, exchange.requestId());
    }
}
