package dev.dynamotest.engine.faults;

import dev.dynamotest.engine.model.AttributeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A targeted fault: which calls it matches (operations, table, key, the Nth match), how often it fires
 * ({@code times}, for a duration of engine clock, or with a seeded probability), what it does (an error as the
 * service sends it, added latency, a dropped connection) and whether the operation is applied first
 * ({@link Timing#AFTER}: as when a response is lost) or not ({@link Timing#BEFORE}).
 */
public final class FaultRule {
    /** Whether the operation runs before the fault takes effect. */
    public enum Timing { BEFORE, AFTER }

    final String id;
    final Set<String> operations;
    final String table;
    final Predicate<Map<String, AttributeValue>> key;
    final int nth;
    final int times;
    final Duration duration;
    final double probability;
    final Random random;
    final Long seed;
    final FaultEffect effect;
    final Timing timing;
    final String accessKey;
    private final AtomicInteger matched = new AtomicInteger();
    private final AtomicInteger fired = new AtomicInteger();
    private volatile Instant firstFired;

    private FaultRule(Builder b) {
        this.id = b.id;
        this.operations = b.operations == null ? Set.of() : Set.copyOf(b.operations);
        this.table = b.table;
        this.key = b.key;
        this.nth = b.nth;
        this.times = b.times;
        this.duration = b.duration;
        this.probability = b.probability;
        this.seed = b.seed;
        this.random = b.seed == null ? new Random() : new Random(b.seed);
        this.effect = b.effect;
        this.timing = b.timing;
        this.accessKey = b.accessKey;
        if (effect == null) {
            throw new IllegalArgumentException("a fault rule needs an effect");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String id() {
        return id;
    }

    /** How often the rule fired so far. */
    public int fired() {
        return fired.get();
    }

    public FaultEffect effect() {
        return effect;
    }

    public Timing timing() {
        return timing;
    }

    /** The access key whose calls the rule applies to, or null for every caller. */
    public String accessKey() {
        return accessKey;
    }

    public Set<String> operations() {
        return operations;
    }

    public String table() {
        return table;
    }

    /** Decides, for one call that matches the target, whether the rule fires now (counting both). */
    synchronized boolean fires(String operation, String tableName, Map<String, AttributeValue> itemKey, String callerKey, Instant now) {
        if (accessKey != null && !accessKey.equals(callerKey)) {
            return false;
        }
        if (!operations.isEmpty() && !operations.contains(operation)) {
            return false;
        }
        if (table != null && !table.equals(tableName)) {
            return false;
        }
        if (key != null && (itemKey == null || !key.test(itemKey))) {
            return false;
        }
        int n = matched.incrementAndGet();
        if (n < nth) {
            return false;
        }
        if (times > 0 && fired.get() >= times) {
            return false;
        }
        if (duration != null && firstFired != null && !now.isBefore(firstFired.plus(duration))) {
            return false;
        }
        if (probability < 1.0 && random.nextDouble() >= probability) {
            return false;
        }
        if (firstFired == null) {
            firstFired = now;
        }
        fired.incrementAndGet();
        return true;
    }

    @Override
    public String toString() {
        return "FaultRule[" + id + ", operations=" + operations + ", table=" + table + ", effect=" + effect
            + ", timing=" + timing + ", fired=" + fired() + "]";
    }

    public static final class Builder {
        private String id;
        private Set<String> operations;
        private String table;
        private Predicate<Map<String, AttributeValue>> key;
        private int nth = 1;
        private int times;
        private Duration duration;
        private double probability = 1.0;
        private Long seed;
        private FaultEffect effect;
        private Timing timing = Timing.BEFORE;
        private String accessKey;

        /** Only calls signed with this access key (one test's namespace on a shared engine). */
        public Builder accessKey(String accessKey) {
            this.accessKey = accessKey;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Operation names as on the wire ("PutItem", "Query", ...); none means every operation. */
        public Builder operations(String... operations) {
            this.operations = Set.of(operations);
            return this;
        }

        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** Matches calls whose item key (Key, or the key attributes of Item) equals {@code exact}. */
        public Builder key(Map<String, AttributeValue> exact) {
            Map<String, AttributeValue> copy = Map.copyOf(exact);
            this.key = k -> k.entrySet().containsAll(copy.entrySet());
            return this;
        }

        public Builder keyMatching(Predicate<Map<String, AttributeValue>> predicate) {
            this.key = predicate;
            return this;
        }

        /** Start firing at the Nth matching call (1 = the first). */
        public Builder nth(int nth) {
            this.nth = Math.max(1, nth);
            return this;
        }

        /** Fire at most this many times (0 = unlimited). */
        public Builder times(int times) {
            this.times = times;
            return this;
        }

        /** Fire for this long (engine clock) from the first time it fires. */
        public Builder during(Duration duration) {
            this.duration = duration;
            return this;
        }

        /** Fire with this probability, drawn from a source seeded with {@code seed}: the same seed, the same sequence. */
        public Builder probability(double probability, long seed) {
            this.probability = probability;
            this.seed = seed;
            return this;
        }

        public Builder effect(FaultEffect effect) {
            this.effect = effect;
            return this;
        }

        /** BEFORE (default): the operation is not applied. AFTER: applied, then the fault (a lost response). */
        public Builder timing(Timing timing) {
            this.timing = timing;
            return this;
        }

        public FaultRule build() {
            if (id == null) {
                id = "rule-" + Integer.toHexString(System.identityHashCode(this));
            }
            return new FaultRule(this);
        }
    }
}
