package dev.dynamotest.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.replication.Replication;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.protocol.Json;
import java.time.Instant;
import java.util.Map;

/**
 * {@code /_dynamotest/replication}: global tables replication.
 * <ul>
 *   <li>{@code GET [?accessKey=K]} → {@code {"pending": {"us-east-1 -> eu-west-1": 2}, "applied": 5, "discarded": 1,
 *       "conflicts": 0, "paused": [{"region": "eu-west-1", "accessKey": "", "since": "..."}]}}</li>
 *   <li>{@code POST} with {@code {"pause": "eu-west-1"}}, {@code {"resume": "eu-west-1"}} (either with
 *       {@code "accessKey"}, default {@code ""}) or {@code {"settle": true}} (with {@code "accessKey"}: that
 *       key's Regions only), answers the state as GET does, with {@code "applied"} counting what this call
 *       applied under {@code "appliedNow"}.</li>
 *   <li>{@code POST /_dynamotest/replication/settle}: the same as {@code {"settle": true}}.</li>
 * </ul>
 */
final class ReplicationAdmin {
    private ReplicationAdmin() {
    }

    static ObjectNode describe(Engine engine, String accessKey) {
        Replication r = engine.replication();
        ObjectNode out = Json.object();
        ObjectNode pending = out.putObject("pending");
        r.pendingByRegionPair(accessKey).forEach(pending::put);
        out.put("applied", r.applied());
        out.put("discarded", r.discarded());
        out.put("conflicts", r.conflicts());
        ArrayNode paused = out.putArray("paused");
        for (Map.Entry<NamespaceId, Instant> e : r.paused().entrySet()) {
            if (accessKey == null || accessKey.equals(e.getKey().accessKey())) {
                ObjectNode p = paused.addObject();
                p.put("region", e.getKey().region());
                p.put("accessKey", e.getKey().accessKey());
                p.put("since", e.getValue().toString());
            }
        }
        return out;
    }

    static ObjectNode apply(Engine engine, String accessKey, JsonNode req) {
        Replication r = engine.replication();
        String key = req.hasNonNull("accessKey") ? req.get("accessKey").asText() : accessKey;
        int given = (req.has("pause") ? 1 : 0) + (req.has("resume") ? 1 : 0) + (req.has("settle") ? 1 : 0);
        if (given != 1) {
            throw new AdminHandler.AdminError(400, "give exactly one of \"pause\": REGION, \"resume\": REGION or \"settle\": true");
        }
        int appliedNow = 0;
        if (req.has("settle")) {
            if (!req.get("settle").asBoolean(false)) {
                throw new AdminHandler.AdminError(400, "give {\"settle\": true}");
            }
            appliedNow = key == null ? r.settle(null) : settleKey(engine, key);
        } else {
            String field = req.has("pause") ? "pause" : "resume";
            JsonNode region = req.get(field);
            if (!region.isTextual() || region.asText().isEmpty()) {
                throw new AdminHandler.AdminError(400, "\"" + field + "\" takes a Region name, e.g. \"eu-west-1\"");
            }
            NamespaceId ns = new NamespaceId(region.asText(), key == null ? "" : key);
            if (req.has("pause")) {
                r.pause(ns);
            } else {
                appliedNow = r.resume(ns);
            }
        }
        ObjectNode out = describe(engine, key);
        out.put("appliedNow", appliedNow);
        return out;
    }

    /** Settles the writes from or to every Region of one access key that has a pending write. */
    private static int settleKey(Engine engine, String key) {
        int n = 0;
        for (String pair : engine.replication().pendingByRegionPair(key).keySet()) {
            n += engine.replication().settle(new NamespaceId(pair.substring(0, pair.indexOf(' ')), key));
        }
        return n;
    }
}
