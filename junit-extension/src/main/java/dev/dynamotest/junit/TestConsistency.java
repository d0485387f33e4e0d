package dev.dynamotest.junit;

import dev.dynamotest.engine.consistency.Consistency;
import dev.dynamotest.engine.consistency.ConsistencySettings;
import dev.dynamotest.engine.consistency.Lag;
import dev.dynamotest.engine.table.NamespaceId;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The eventual-consistency model for one test's namespace ({@code runtime.consistency()}): turn it on or off,
 * settle (make every write visible, the moral equivalent of waiting), change the seed or the lag, and see whether a
 * response was stale. Changes end with the test.
 */
public final class TestConsistency {
    /** The header DynamoTest sets on a response answered from an older version. */
    public static final String STALE_HEADER = "x-dynamotest-stale";

    private final Consistency consistency;
    private final NamespaceId namespace;

    TestConsistency(Consistency consistency, NamespaceId namespace) {
        this.consistency = consistency;
        this.namespace = namespace;
    }

    /** The settings in effect for this test. */
    public ConsistencySettings settings() {
        return consistency.settings(namespace);
    }

    /** Turns the model on for this test with this seed (keeping the lag); settles first. */
    public TestConsistency eventual(long seed) {
        ConsistencySettings s = settings();
        consistency.configure(namespace, ConsistencySettings.eventual(seed).withLag(s.lag()).withTtlWindow(s.ttlWindow()));
        return this;
    }

    /** These settings for this test (settles and restarts the draws). */
    public TestConsistency consistencyFor(ConsistencySettings s) {
        consistency.configure(namespace, s);
        return this;
    }

    /** Back to strong consistency for this test: every read sees the latest write. */
    public TestConsistency strong() {
        consistency.configure(namespace, ConsistencySettings.STRONG);
        return this;
    }

    /** Makes every write of this test visible to every reader. */
    public TestConsistency settle() {
        consistency.settle(namespace);
        return this;
    }

    /** A new seed: everything settles and the draws start again. */
    public TestConsistency seed(long seed) {
        consistency.seed(namespace, seed);
        return this;
    }

    public long seed() {
        return settings().seed();
    }

    /** A new lag bound: {@code "3ops"}, {@code "500ms"}. */
    public TestConsistency lag(String lag) {
        return lag(Lag.parse(lag));
    }

    public TestConsistency lag(Lag lag) {
        consistency.lag(namespace, lag);
        return this;
    }

    /** How many reads of this test answered from an older version. */
    public long staleReads() {
        return consistency.staleReads(namespace);
    }

    /** Whether this response was answered from an older version (its {@code x-dynamotest-stale} header). */
    public static boolean wasStale(SdkResponse response) {
        return response.sdkHttpResponse() != null
            && response.sdkHttpResponse().firstMatchingHeader(STALE_HEADER).map("true"::equals).orElse(false);
    }

    @Override
    public String toString() {
        return settings().toString();
    }
}
