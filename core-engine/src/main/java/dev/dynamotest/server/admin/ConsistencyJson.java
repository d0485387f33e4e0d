package dev.dynamotest.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.consistency.Consistency;
import dev.dynamotest.engine.consistency.ConsistencySettings;
import dev.dynamotest.engine.consistency.Lag;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.protocol.Json;
import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.Map;

/**
 * {@code /_dynamotest/consistency}: the consistency model's settings, settle, seed and lag, for the engine or (query
 * parameters {@code region}, {@code accessKey}, {@code table}) one namespace or one table.
 */
final class ConsistencyJson {
    private ConsistencyJson() {
    }

    /** What a request targets: the engine (namespace null), a namespace, or a table of it. */
    record Scope(NamespaceId namespace, String table) {
    }

    static Scope scope(HttpServerExchange ex) {
        Map<String, Deque<String>> q = ex.getQueryParameters();
        String region = first(q, "region");
        String accessKey = first(q, "accessKey");
        String table = first(q, "table");
        if (region == null && accessKey == null && table == null) {
            return new Scope(null, null);
        }
        return new Scope(new NamespaceId(region == null ? NamespaceId.DEFAULT_REGION : region, accessKey == null ? "" : accessKey), table);
    }

    private static String first(Map<String, Deque<String>> q, String name) {
        Deque<String> d = q.get(name);
        return d == null || d.isEmpty() || d.peekFirst().isEmpty() ? null : d.peekFirst();
    }

    static ObjectNode describe(Engine engine, Scope scope) {
        Consistency c = engine.consistency();
        ConsistencySettings s = scope.namespace() == null ? c.settings()
            : scope.table() == null ? c.settings(scope.namespace()) : settingsOf(engine, scope);
        ObjectNode r = Json.object();
        r.put("consistency", s.toString());
        r.put("eventual", s.eventual());
        r.put("seed", s.seed());
        r.put("lag", s.lag().toString());
        r.put("ttlWindow", s.ttlWindow().toString());
        r.put("retainedVersions", c.retainedVersions());
        if (scope.namespace() != null) {
            r.put("staleReads", c.staleReads(scope.namespace()));
        }
        return r;
    }

    private static ConsistencySettings settingsOf(Engine engine, Scope scope) {
        var t = engine.namespace(scope.namespace()).find(scope.table());
        return t == null ? engine.consistency().settings(scope.namespace()) : engine.consistency().settings(t);
    }

    /**
     * Applies, in this order, any of {@code "consistency": "eventual:seed=1,lag=3ops"} (or {@code "strong"}),
     * {@code "seed": 42}, {@code "lag": "500ms"}, {@code "settle": true}; answers as GET does.
     */
    static ObjectNode apply(Engine engine, Scope scope, JsonNode req) {
        Consistency c = engine.consistency();
        for (var it = req.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("consistency") && !f.equals("seed") && !f.equals("lag") && !f.equals("settle")) {
                throw new AdminHandler.AdminError(400, "unknown member " + f + ": give \"consistency\", \"seed\", \"lag\" or \"settle\"");
            }
        }
        try {
            ConsistencySettings s = scope.namespace() == null ? c.settings()
                : scope.table() == null ? c.settings(scope.namespace()) : settingsOf(engine, scope);
            boolean changed = false;
            JsonNode text = req.get("consistency");
            if (text != null) {
                if (!text.isTextual()) {
                    throw new AdminHandler.AdminError(400, "\"consistency\" is a string: strong or eventual[:seed=N,lag=3ops|500ms,ttl=48h]");
                }
                s = ConsistencySettings.parse(text.textValue());
                changed = true;
            }
            JsonNode seed = req.get("seed");
            if (seed != null) {
                if (!seed.canConvertToLong() || !seed.isIntegralNumber()) {
                    throw new AdminHandler.AdminError(400, "\"seed\" is an integer");
                }
                s = s.withSeed(seed.longValue());
                changed = true;
            }
            JsonNode lag = req.get("lag");
            if (lag != null) {
                if (!lag.isTextual()) {
                    throw new AdminHandler.AdminError(400, "\"lag\" is a string: 3ops, 500ms, 2s");
                }
                s = s.withLag(Lag.parse(lag.textValue()));
                changed = true;
            }
            if (changed) {
                if (scope.namespace() == null) {
                    c.configure(s);
                } else if (scope.table() == null) {
                    c.configure(scope.namespace(), s);
                } else {
                    c.configure(scope.namespace(), scope.table(), s);
                }
            }
            JsonNode settle = req.get("settle");
            if (settle != null) {
                if (!settle.isBoolean()) {
                    throw new AdminHandler.AdminError(400, "\"settle\" is true or false");
                }
                if (settle.booleanValue()) {
                    if (scope.namespace() == null) {
                        c.settle();
                    } else {
                        c.settle(scope.namespace());
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new AdminHandler.AdminError(400, e.getMessage());
        }
        return describe(engine, scope);
    }
}
