package dev.dynamotest.assertj;

import dev.dynamotest.engine.consistency.ConsistencySettings;
import dev.dynamotest.engine.consistency.Lag;
import dev.dynamotest.junit.DynamoRuntime;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Table assertions that must hold eventually ({@link TableAssert#eventually}): polled on the embedded engine's clock,
 * never by sleeping. Each attempt reads with eventually consistent reads; between attempts the engine clock moves
 * one step (a tenth of the window), or, for a lag counted in operations, the attempt's own reads move the model on.
 * The window is the consistency model's lag bound unless {@link #within} says otherwise. When the window is used
 * up the test's writes are settled and the assertion is tried a last time; its failure is the test's, with the seed.
 */
public final class EventuallyTableAssert {
    static final int STEPS = 10;

    private final DynamoDbClient client;
    private final String table;
    private final DynamoRuntime runtime;
    private Duration window;

    EventuallyTableAssert(DynamoDbClient client, String table, DynamoRuntime runtime) {
        this.client = client;
        this.table = table;
        this.runtime = runtime;
    }

    /** Polls the engine clock across this window (e.g. two days for TTL deletions) instead of the lag bound. */
    public EventuallyTableAssert within(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the window cannot be negative: " + window);
        }
        this.window = window;
        return this;
    }

    public EventuallyTableAssert hasItemCount(long count) {
        return satisfies(t -> t.hasItemCount(count));
    }

    public EventuallyTableAssert isEmpty() {
        return satisfies(TableAssert::isEmpty);
    }

    public EventuallyTableAssert containsItemWithKey(String partitionKey, Object value) {
        return satisfies(t -> t.containsItemWithKey(partitionKey, value));
    }

    public EventuallyTableAssert containsItemWithKey(Map<String, AttributeValue> key) {
        return satisfies(t -> t.containsItemWithKey(key));
    }

    public EventuallyTableAssert doesNotContainItemWithKey(String partitionKey, Object value) {
        return satisfies(t -> t.doesNotContainItemWithKey(partitionKey, value));
    }

    public EventuallyTableAssert doesNotContainItemWithKey(Map<String, AttributeValue> key) {
        return satisfies(t -> t.doesNotContainItemWithKey(key));
    }

    /** Any table assertion, e.g. {@code t -> t.item("pk", "a").hasNumber("total", 3)}. */
    public EventuallyTableAssert satisfies(Consumer<TableAssert> assertion) {
        ConsistencySettings settings = runtime.consistency().settings();
        Lag lag = settings.lag();
        Duration span = window != null ? window : settings.eventual() && !lag.counted() ? lag.time() : Duration.ZERO;
        int attempts = window == null && settings.eventual() && lag.counted() ? lag.operations() + 1 : STEPS + 1;
        Duration step = span.dividedBy(STEPS);
        for (int i = 0; i < attempts; i++) {
            try {
                assertion.accept(new TableAssert(client, table, false));
                return this;
            } catch (AssertionError e) {
                if (!step.isZero()) {
                    runtime.clock().advance(step);
                }
            }
        }
        if (settings.eventual()) {
            runtime.consistency().settle();
        }
        try {
            assertion.accept(new TableAssert(client, table, false));
        } catch (AssertionError e) {
            AssertionError failure = new AssertionError(e.getMessage() + "\n(still failing after " + attempts + " attempts"
                + (span.isZero() ? "" : " across " + span + " of engine clock") + (settings.eventual() ? " and settle(); consistency "
                + settings : "") + ")", e);
            failure.setStackTrace(e.getStackTrace());
            throw failure;
        }
        return this;
    }
}
