package dev.dynamotest.junit;

import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.faults.FaultRule;
import dev.dynamotest.engine.faults.Faults;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    /**
     * Partial batch results: BatchWriteItem returns the requests {@code which} selects in UnprocessedItems, and
     * BatchGetItem the keys it selects in UnprocessedKeys, without applying or reading them. {@code which} sees each
     * request's key (the whole item for a put) as the SDK's attribute values, e.g.
     * {@code faults.add(FaultRule.builder().operations("BatchWriteItem").effect(TestFaults.unprocessed(
     * item -> item.get("pk").s().startsWith("b"))))}.
     *
     * @param which the requests to hand back unprocessed
     * @return the effect, for {@link FaultRule.Builder#effect}
     */
    public static FaultEffect.Unprocessed unprocessed(Predicate<Map<String, AttributeValue>> which) {
        return new FaultEffect.Unprocessed(key -> which.test(SdkValues.item(key)));
    }

    /**
     * A key predicate over the SDK's attribute values, for {@link FaultRule.Builder#keyMatching}: the rule matches
     * calls whose key (the item for a put) {@code which} accepts, e.g.
     * {@code FaultRule.builder().keyMatching(TestFaults.keyWhere(key -> key.get("pk").s().startsWith("hot")))}.
     *
     * @param which the keys to match
     * @return the predicate over the engine's values, converted at the boundary
     */
    public static Predicate<Map<String, dev.dynamotest.engine.model.AttributeValue>> keyWhere(
        Predicate<Map<String, AttributeValue>> which) {
        return key -> which.test(SdkValues.item(key));
    }

    /**
     * Every request of the batch is handed back unprocessed.
     *
     * @return the effect, for {@link FaultRule.Builder#effect}
     */
    public static FaultEffect.Unprocessed unprocessedAll() {
        return FaultEffect.unprocessedAll();
    }

    /** The service's error for a name such as {@code PROVISIONED_THROUGHPUT_EXCEEDED} or {@code ThrottlingException}. */
    public static FaultEffect.Error error(String name) {
        return FaultEffect.named(name);
    }
}
