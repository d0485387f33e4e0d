package dev.dynamotest.protocol.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.error.Throttled;
import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.faults.FaultRule;
import dev.dynamotest.engine.faults.Faults;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fault injection: the first matching rule of the engine's {@link Faults} answers before the action (an error, a
 * dropped connection, latency), after it (the write is applied, then its response lost or replaced), or is handed
 * to the action to carry out (partial batch results, a transaction conflict). Costs one emptiness check when no
 * rule is set.
 */
public final class FaultStage implements Stage {
    private static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");

    @Override
    public Response apply(Exchange exchange, Chain next) throws IOException {
        Faults faults = exchange.engine().faults();
        if (faults.isEmpty()) {
            return next.proceed(exchange);
        }
        JsonNode request = exchange.request();
        RequestContext ctx = exchange.context();
        FaultRule fault = faults.match(exchange.operation(), faultTable(request), faultKey(request),
            RequestHandler.namespaceOf(exchange.authorization(), RequestHandler.NamespacePolicy.ACCESS_KEY_AND_REGION).accessKey());
        if (fault != null && (fault.effect() instanceof FaultEffect.Unprocessed
            || fault.effect() instanceof FaultEffect.TransactionConflictOn)) {
            ctx.partialFault(fault.effect()); // the action carries these out
            fault = null;
        }
        if (fault != null && fault.timing() == FaultRule.Timing.BEFORE) {
            Response r = applyFault(fault, exchange);
            if (r != null) {
                return r;
            }
        }
        Response response = next.proceed(exchange);
        if (fault != null && fault.timing() == FaultRule.Timing.AFTER && response.status() == 200) {
            Response r = applyFault(fault, exchange); // applied, then the response is lost or replaced
            if (r != null) {
                return r;
            }
        }
        return response;
    }

    /** The table a fault rule can target: TableName, or a batch's only table in RequestItems. */
    static String faultTable(JsonNode request) {
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

    /** The key a fault rule can target: Key, or the attributes of Item (a superset of its key). */
    private static Map<String, AttributeValue> faultKey(JsonNode request) {
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
    private static Response applyFault(FaultRule rule, Exchange exchange) {
        FaultEffect effect = rule.effect();
        if (effect instanceof FaultEffect.Error e) {
            return ReadStage.error(exchange, withThrottlingReason(e.exception(), exchange.context(), exchange.request()));
        }
        if (effect instanceof FaultEffect.DropConnection) {
            return Response.dropped(exchange.requestId());
        }
        if (effect instanceof FaultEffect.Latency l) {
            try {
                Thread.sleep(l.delay().toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }

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
        return new Throttled(e.type(), e.getMessage(), List.of(Throttled.Reason.of(
            false, WRITES.contains(op), Throttled.PROVISIONED, ctx.namespace().tableArn(table))), -1);
    }
}
