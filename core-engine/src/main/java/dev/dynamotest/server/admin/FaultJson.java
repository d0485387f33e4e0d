package dev.dynamotest.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.faults.FaultRule;
import dev.dynamotest.protocol.AttributeValueJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fault rule from the admin API's JSON: {@code {"operations": ["PutItem"], "table": "Orders", "key": {"pk":
 * {"S": "a"}}, "nth": 1, "times": 2, "during": "PT1M", "probability": 0.5, "seed": 42, "error":
 * "ProvisionedThroughputExceededException" | {"type": ..., "message": ..., "status": 400}, "latency": "PT0.2S",
 * "drop": true, "timing": "before" | "after"}}.
 */
final class FaultJson {
    private FaultJson() {
    }

    static FaultRule rule(JsonNode n) {
        try {
            FaultRule.Builder b = FaultRule.builder();
            if (n.hasNonNull("id")) {
                b.id(n.get("id").asText());
            }
            if (n.has("operations")) {
                List<String> ops = new ArrayList<>();
                n.get("operations").forEach(o -> ops.add(o.asText()));
                b.operations(ops.toArray(new String[0]));
            }
            if (n.hasNonNull("table")) {
                b.table(n.get("table").asText());
            }
            if (n.hasNonNull("key")) {
                b.key(AttributeValueJson.readMap(n.get("key")));
            }
            if (n.has("nth")) {
                b.nth(n.get("nth").asInt());
            }
            if (n.has("times")) {
                b.times(n.get("times").asInt());
            }
            if (n.hasNonNull("during")) {
                b.during(Duration.parse(n.get("during").asText()));
            }
            if (n.has("probability")) {
                b.probability(n.get("probability").asDouble(), n.path("seed").asLong(0));
            }
            if (n.hasNonNull("timing")) {
                b.timing(FaultRule.Timing.valueOf(n.get("timing").asText().toUpperCase(java.util.Locale.ROOT)));
            }
            JsonNode error = n.get("error");
            if (error != null && error.isTextual()) {
                b.effect(FaultEffect.named(error.asText()));
            } else if (error != null && error.isObject()) {
                b.effect(new FaultEffect.Error(error.path("type").asText(), error.path("message").asText(null),
                    error.path("status").asInt(400)));
            } else if (n.hasNonNull("latency")) {
                b.effect(new FaultEffect.Latency(Duration.parse(n.get("latency").asText())));
            } else if (n.path("drop").asBoolean(false)) {
                b.effect(new FaultEffect.DropConnection());
            } else if (n.path("unprocessed").asBoolean(false)) {
                b.effect(FaultEffect.unprocessedAll());
            } else if (n.has("transactionConflict")) {
                b.effect(new FaultEffect.TransactionConflictOn(n.get("transactionConflict").asInt()));
            } else {
                throw new AdminHandler.AdminError(400, "a fault needs one of error, latency, drop, unprocessed or transactionConflict");
            }
            return b.build();
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new AdminHandler.AdminError(400, "bad fault rule: " + e.getMessage());
        } catch (DynamoException e) {
            throw new AdminHandler.AdminError(400, "bad key in fault rule: " + e.getMessage());
        }
    }
}
