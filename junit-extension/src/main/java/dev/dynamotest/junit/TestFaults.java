package dev.dynamotest.junit;

import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.faults.FaultRule;
import dev.dynamotest.engine.faults.Faults;
import java.util.List;

/**
 * The fault rules of one test: added rules apply only to calls signed with the test's access key (so tests
 * running in parallel on the shared engine are not affected), and are removed when the test ends.
 */
public final class TestFaults {
    private final Faults faults;
    private final String accessKey;

    TestFaults(Faults faults, String accessKey) {
        this.faults = faults;
        this.accessKey = accessKey;
    }

    /** Adds a rule for this test's calls, e.g. {@code faults.add(FaultRule.builder().operations("PutItem").times(2)
     * .effect(FaultEffect.provisionedThroughputExceeded()))}. */
    public FaultRule add(FaultRule.Builder rule) {
        return faults.add(rule.accessKey(accessKey).build());
    }

    /** This test's rules with their fire counts. */
    public List<FaultRule> rules() {
        return faults.rules().stream().filter(r -> accessKey.equals(r.accessKey())).toList();
    }

    public void clear() {
        faults.clear(accessKey);
    }

    /** The service's error for a name such as {@code PROVISIONED_THROUGHPUT_EXCEEDED} or {@code ThrottlingException}. */
    public static FaultEffect.Error error(String name) {
        return FaultEffect.named(name);
    }
}
