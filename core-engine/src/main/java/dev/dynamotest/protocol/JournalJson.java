package dev.dynamotest.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.journal.JournalEntry;
import dev.dynamotest.engine.journal.KeyRef;
import dev.dynamotest.engine.journal.Transport;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.table.NamespaceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Journal entries as JSON lines (the admin API's {@code GET /_dynamotest/journal}, the server's
 * {@code --journal FILE}), and back (the Testcontainers module, replay). Keys are in DynamoDB JSON.
 */
public final class JournalJson {
    private JournalJson() {
    }

    /** One entry as one line of JSON (no line break). */
    public static String line(JournalEntry e) {
        ByteArrayBuilder buffer = new ByteArrayBuilder(256);
        try (JsonGenerator g = Json.FACTORY.createGenerator(buffer)) {
            write(g, e);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
    }

    public static void write(JsonGenerator g, JournalEntry e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("sequence", e.sequence());
        g.writeStringField("requestId", e.requestId());
        g.writeStringField("region", e.namespace().region());
        if (!e.namespace().accessKey().isEmpty()) {
            g.writeStringField("accessKey", e.namespace().accessKey());
        }
        g.writeStringField("transport", e.transport() == Transport.HTTP ? "http" : "in-process");
        if (e.operation() != null) {
            g.writeStringField("operation", e.operation());
        }
        g.writeArrayFieldStart("tables");
        for (String t : e.tables()) {
            g.writeString(t);
        }
        g.writeEndArray();
        if (e.index() != null) {
            g.writeStringField("index", e.index());
        }
        if (!e.keys().isEmpty()) {
            g.writeArrayFieldStart("keys");
            for (KeyRef k : e.keys()) {
                g.writeStartObject();
                g.writeStringField("table", k.table());
                if (k.index() != null) {
                    g.writeStringField("index", k.index());
                }
                g.writeFieldName("key");
                AttributeValueJson.writeMap(g, k.key());
                if (k.write()) {
                    g.writeBooleanField("write", true);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!e.expressions().isEmpty()) {
            g.writeObjectFieldStart("expressions");
            for (Map.Entry<String, String> x : e.expressions().entrySet()) {
                g.writeStringField(x.getKey(), x.getValue());
            }
            g.writeEndObject();
        }
        g.writeNumberField("readUnits", e.readUnits());
        g.writeNumberField("writeUnits", e.writeUnits());
        if (e.scannedCount() >= 0) {
            g.writeNumberField("scannedCount", e.scannedCount());
            g.writeNumberField("returnedCount", e.returnedCount());
        }
        g.writeNumberField("status", e.status());
        if (e.errorType() != null) {
            g.writeStringField("errorType", e.errorType());
        }
        if (e.errorMessage() != null) {
            g.writeStringField("errorMessage", e.errorMessage());
        }
        if (!e.conditionFailures().isEmpty()) {
            g.writeArrayFieldStart("conditionFailures");
            for (String c : e.conditionFailures()) {
                g.writeString(c);
            }
            g.writeEndArray();
        }
        g.writeStringField("time", e.time().toString());
        g.writeNumberField("latencyMicros", e.latencyNanos() / 1000);
        if (!e.attributes().isEmpty()) {
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, Object> a : e.attributes().entrySet()) {
                Object v = a.getValue();
                if (v instanceof Boolean b) {
                    g.writeBooleanField(a.getKey(), b);
                } else if (v instanceof Number n) {
                    g.writeNumberField(a.getKey(), n.doubleValue());
                } else {
                    g.writeStringField(a.getKey(), String.valueOf(v));
                }
            }
            g.writeEndObject();
        }
        if (e.requestBody() != null) {
            g.writeStringField("request", e.requestBody());
        }
        if (e.responseBody() != null) {
            g.writeStringField("response", e.responseBody());
        }
        g.writeEndObject();
    }

    /** An entry read back from {@link #line}. */
    public static JournalEntry read(String line) {
        JsonNode n;
        try {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            n = Json.parse(bytes, 0, bytes.length);
        } catch (IOException io) {
            throw new IllegalArgumentException("not a journal line: " + io.getMessage(), io);
        }
        List<String> tables = new ArrayList<>();
        n.path("tables").forEach(t -> tables.add(t.asText()));
        List<KeyRef> keys = new ArrayList<>();
        for (JsonNode k : n.path("keys")) {
            Map<String, AttributeValue> key = AttributeValueJson.readMap(k.get("key"));
            keys.add(new KeyRef(k.path("table").asText(), text(k, "index"), key, k.path("write").asBoolean(false)));
        }
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("expressions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> x = it.next();
            expressions.put(x.getKey(), x.getValue().asText());
        }
        List<String> failures = new ArrayList<>();
        n.path("conditionFailures").forEach(c -> failures.add(c.asText()));
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("attributes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            JsonNode v = a.getValue();
            attributes.put(a.getKey(), v.isBoolean() ? v.booleanValue() : v.isNumber() ? v.doubleValue() : v.asText());
        }
        return new JournalEntry(n.path("sequence").asLong(), text(n, "requestId"),
            new NamespaceId(n.path("region").asText(NamespaceId.DEFAULT_REGION), n.path("accessKey").asText("")),
            "in-process".equals(text(n, "transport")) ? Transport.IN_PROCESS : Transport.HTTP, text(n, "operation"),
            List.copyOf(tables), text(n, "index"), List.copyOf(keys), Collections.unmodifiableMap(expressions),
            n.path("readUnits").asDouble(), n.path("writeUnits").asDouble(), n.path("scannedCount").asInt(-1),
            n.path("returnedCount").asInt(-1), n.path("status").asInt(), text(n, "errorType"), text(n, "errorMessage"),
            List.copyOf(failures), Instant.parse(n.path("time").asText()), n.path("latencyMicros").asLong() * 1000,
            Collections.unmodifiableMap(attributes), text(n, "request"), text(n, "response"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
