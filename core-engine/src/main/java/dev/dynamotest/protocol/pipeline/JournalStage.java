package dev.dynamotest.protocol.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.journal.Journal;
import dev.dynamotest.engine.journal.JournalEntry;
import dev.dynamotest.engine.journal.RequestTrace;
import dev.dynamotest.protocol.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every request in the engine's {@link Journal}: opens a {@link RequestTrace} the engine fills while the
 * request runs (units at the commit point and in the readers, keys, counts, failed conditions), then closes the
 * entry with what the request named (tables, index, expressions as sent: member lookups, no second parse) and its
 * outcome. With the journal off it only checks the switch.
 */
public final class JournalStage implements Stage {
    /** Request members holding expressions, as sent. */
    private static final List<String> EXPRESSIONS = List.of("KeyConditionExpression", "FilterExpression",
        "ProjectionExpression", "ConditionExpression", "UpdateExpression", "Statement");
    private static final List<String> TRANSACT_KINDS = List.of("Put", "Update", "Delete", "ConditionCheck", "Get");

    @Override
    public Response apply(Exchange exchange, Chain next) throws IOException {
        Journal journal = exchange.engine().journal();
        if (!journal.enabled()) {
            return next.proceed(exchange);
        }
        Instant time = exchange.engine().clock().instant();
        long start = System.nanoTime();
        RequestTrace trace = new RequestTrace();
        RequestTrace previous = RequestTrace.begin(trace);
        Response response;
        try {
            response = next.proceed(exchange);
        } finally {
            RequestTrace.end(previous);
        }
        long latency = System.nanoTime() - start;
        try {
            journal.record(trace.complete(entry(exchange, journal, response, time, latency)));
        } catch (RuntimeException e) {
            // the journal (a sink, a full disk) never fails the request it records
        }
        return response;
    }

    private static JournalEntry entry(Exchange exchange, Journal journal, Response response, Instant time, long latency) {
        JsonNode request = exchange.request();
        List<String> tables = new ArrayList<>(1);
        Map<String, String> expressions = new LinkedHashMap<>();
        String index = null;
        if (request != null) {
            tables(request, tables, expressions);
            JsonNode i = request.get("IndexName");
            index = i != null && i.isTextual() ? i.textValue() : null;
        }
        DynamoException error = exchange.error();
        boolean bodies = journal.keepBodies();
        return new JournalEntry(journal.nextSequence(), exchange.requestId(), exchange.namespaceId(),
            exchange.transport(), exchange.operation(), List.copyOf(tables), index, List.of(), Collections.unmodifiableMap(expressions),
            0, 0, -1, -1, response.status(), error == null ? null : error.type(), error == null ? null : error.getMessage(),
            List.of(), time, latency, Map.of(),
            bodies ? new String(exchange.body(), 0, Math.max(0, exchange.length()), StandardCharsets.UTF_8) : null,
            bodies ? new String(response.body(), 0, response.length(), StandardCharsets.UTF_8) : null);
    }

    /** TableName, RequestItems' tables, TransactItems' tables and the expressions of each, in request order. */
    private static void tables(JsonNode request, List<String> tables, Map<String, String> expressions) {
        addTable(request.get("TableName"), tables);
        expressions(request, "", expressions);
        JsonNode items = request.get("RequestItems");
        if (items != null && items.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!tables.contains(e.getKey())) {
                    tables.add(e.getKey());
                }
                expressions(e.getValue(), e.getKey() + ".", expressions); // BatchGetItem's ProjectionExpression
            }
        }
        JsonNode transact = request.get("TransactItems");
        if (transact != null && transact.isArray()) {
            for (int i = 0; i < transact.size(); i++) {
                for (String kind : TRANSACT_KINDS) {
                    JsonNode action = transact.get(i).get(kind);
                    if (action != null && action.isObject()) {
                        addTable(action.get("TableName"), tables);
                        expressions(action, "TransactItems[" + i + "]." + kind + ".", expressions);
                    }
                }
            }
        }
        JsonNode statements = request.get("Statements"); // BatchExecuteStatement, ExecuteTransaction (TransactStatements)
        if (statements == null) {
            statements = request.get("TransactStatements");
        }
        if (statements != null && statements.isArray()) {
            for (int i = 0; i < statements.size(); i++) {
                expressions(statements.get(i), "Statements[" + i + "].", expressions);
            }
        }
    }

    private static void addTable(JsonNode name, List<String> tables) {
        if (name != null && name.isTextual() && !tables.contains(name.textValue())) {
            tables.add(name.textValue());
        }
    }

    private static void expressions(JsonNode node, String prefix, Map<String, String> out) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (String member : EXPRESSIONS) {
            JsonNode v = node.get(member);
            if (v != null && v.isTextual()) {
                out.put(prefix + member, v.textValue());
            }
        }
    }
}
