package dev.dynamotest.engine.faults;

import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.engine.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The engine's ordered fault rules: the first rule that fires for a call decides its fault. */
public final class Faults {
    private final EngineClock clock;
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    public Faults(EngineClock clock) {
        this.clock = clock;
    }

    public FaultRule add(FaultRule rule) {
        rules.add(rule);
        return rule;
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    public boolean remove(String id) {
        return rules.removeIf(r -> r.id().equals(id));
    }

    public void clear() {
        rules.clear();
    }

    /** Removes the rules scoped to one access key. */
    public void clear(String accessKey) {
        rules.removeIf(r -> accessKey.equals(r.accessKey()));
    }

    /** True when no rule exists: the request path skips fault matching entirely. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The rule that fires for this call, or null. */
    public FaultRule match(String operation, String table, Map<String, AttributeValue> key, String accessKey) {
        for (FaultRule r : rules) {
            if (r.fires(operation, table, key, accessKey, clock.instant())) {
                return r;
            }
        }
        return null;
    }
}
