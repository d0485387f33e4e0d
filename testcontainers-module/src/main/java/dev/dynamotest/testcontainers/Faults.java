package dev.dynamotest.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault rules of a running container (the admin API's {@code /_dynamotest/faults}). Rules are ordered; the
 * first that fires decides.
 *
 * <pre>{@code
 * dynamo.faults().add(Fault.on("PutItem").table("Orders").times(2).error("ProvisionedThroughputExceededException"));
 * }</pre>
 */
public final class Faults {
    private final AdminClient admin;

    Faults(AdminClient admin) {
        this.admin = admin;
    }

    /** Adds a rule; returns its id. */
    public String add(Fault fault) {
        return admin.call("POST", "faults", fault.json()).get("id").asText();
    }

    /** The rules in force, with how often each has fired. */
    public List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : admin.call("GET", "faults", null).get("rules")) {
            List<String> ops = new ArrayList<>();
            r.get("operations").forEach(o -> ops.add(o.asText()));
            rules.add(new Rule(r.get("id").asText(), List.copyOf(ops), r.hasNonNull("table") ? r.get("table").asText() : null,
                r.get("effect").asText(), r.get("fired").asLong()));
        }
        return rules;
    }

    /** Removes every rule. */
    public void clear() {
        admin.call("DELETE", "faults", null);
    }

    /** A rule as the server reports it. */
    public record Rule(String id, List<String> operations, String table, String effect, long fired) {
    }
}
