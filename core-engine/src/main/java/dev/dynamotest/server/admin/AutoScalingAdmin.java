package dev.dynamotest.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.autoscaling.AutoScaling;
import dev.dynamotest.engine.autoscaling.ScalableDimension;
import dev.dynamotest.engine.autoscaling.ScalableTarget;
import dev.dynamotest.engine.autoscaling.ScalingActivity;
import dev.dynamotest.engine.autoscaling.TargetTrackingPolicy;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.protocol.Json;

/**
 * {@code /_dynamotest/autoscaling}: every namespace's scalable targets, policies and scaling activities (GET), and
 * one call that sets a table's or GSI's read or write capacity up for target tracking (POST), for clients outside
 * the JVM that do not want to speak Application Auto Scaling.
 */
final class AutoScalingAdmin {
    private AutoScalingAdmin() {
    }

    static ObjectNode describe(Engine engine) {
        AutoScaling as = engine.autoScaling();
        as.catchUp();
        ObjectNode r = Json.object();
        ArrayNode targets = r.putArray("targets");
        ArrayNode activities = r.putArray("activities");
        for (NamespaceId ns : as.namespaces()) {
            for (ScalableTarget t : as.targets(ns)) {
                ObjectNode o = targets.addObject();
                where(o, ns);
                o.put("resourceId", t.resourceId());
                o.put("scalableDimension", t.dimension().wire());
                o.put("minCapacity", t.minCapacity());
                o.put("maxCapacity", t.maxCapacity());
                ArrayNode policies = o.putArray("policies");
                for (TargetTrackingPolicy p : as.policies(ns)) {
                    if (p.resourceId().equals(t.resourceId()) && p.dimension() == t.dimension()) {
                        ObjectNode po = policies.addObject();
                        po.put("policyName", p.name());
                        po.put("targetValue", p.targetValue());
                        if (p.scaleOutCooldown() != null) {
                            po.put("scaleOutCooldown", p.scaleOutCooldown());
                        }
                        if (p.scaleInCooldown() != null) {
                            po.put("scaleInCooldown", p.scaleInCooldown());
                        }
                        po.put("disableScaleIn", Boolean.TRUE.equals(p.disableScaleIn()));
                    }
                }
            }
            for (ScalingActivity a : as.activities(ns)) {
                ObjectNode o = activities.addObject();
                where(o, ns);
                o.put("resourceId", a.resourceId());
                o.put("scalableDimension", a.dimension().wire());
                o.put("time", a.startTime().toString());
                o.put("from", a.fromCapacity());
                o.put("to", a.toCapacity());
                o.put("statusCode", a.statusCode());
                o.put("description", a.description());
                o.put("cause", a.cause());
            }
        }
        return r;
    }

    private static void where(ObjectNode o, NamespaceId ns) {
        o.put("region", ns.region());
        if (!ns.accessKey().isEmpty()) {
            o.put("accessKey", ns.accessKey());
        }
    }

    /**
     * {@code {"table": "orders", "index": "byStatus" (optional), "dimension": "read"|"write", "min": 5, "max": 100,
     * "targetUtilization": 70, "region": "us-east-1", "accessKey": "..."}}.
     */
    static ObjectNode enable(Engine engine, JsonNode req) {
        String table = text(req, "table", null);
        String dimension = text(req, "dimension", null);
        if (table == null || !("read".equals(dimension) || "write".equals(dimension)) || !req.path("min").isIntegralNumber()
            || !req.path("max").isIntegralNumber()) {
            throw new AdminHandler.AdminError(400, "give {\"table\": \"...\", \"dimension\": \"read\"|\"write\", \"min\": N, \"max\": N"
                + " [, \"index\": \"...\", \"targetUtilization\": 70, \"region\": \"us-east-1\", \"accessKey\": \"...\"]}");
        }
        String index = text(req, "index", null);
        NamespaceId ns = new NamespaceId(text(req, "region", NamespaceId.DEFAULT_REGION), text(req, "accessKey", ""));
        String resourceId = "table/" + table + (index == null ? "" : "/index/" + index);
        double target = req.has("targetUtilization") ? req.get("targetUtilization").asDouble() : 70;
        try {
            engine.autoScaling().enable(ns, resourceId, ScalableDimension.of(index != null, "write".equals(dimension)),
                req.get("min").asLong(), req.get("max").asLong(), target);
        } catch (DynamoException e) {
            throw new AdminHandler.AdminError(400, e.getMessage());
        }
        return describe(engine);
    }

    private static String text(JsonNode req, String field, String dflt) {
        JsonNode n = req.get(field);
        return n == null || !n.isTextual() ? dflt : n.asText();
    }
}
