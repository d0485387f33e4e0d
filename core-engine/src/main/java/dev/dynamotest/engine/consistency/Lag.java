package dev.dynamotest.engine.consistency;

import java.time.Duration;

/**
 * The bound of the lags the consistency model draws: a duration on the engine clock ({@code lag=500ms}), or a
 * number of later operations in the same namespace ({@code lag=3ops}) for tests that never move the clock. Each
 * write's lag is drawn uniformly from {@code [0, bound]}: it never exceeds the bound.
 */
public record Lag(Duration time, int operations) {
    /** The default: a write becomes visible after 0 to 3 later operations. */
    public static final Lag DEFAULT = operations(3);

    public Lag {
        if ((time == null) == (operations < 0)) {
            throw new IllegalArgumentException("a lag is either a duration or a number of operations");
        }
        if (time != null && time.isNegative()) {
            throw new IllegalArgumentException("a lag cannot be negative: " + time);
        }
    }

    public static Lag time(Duration bound) {
        return new Lag(bound, -1);
    }

    public static Lag operations(int bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("a lag cannot be negative: " + bound);
        }
        return new Lag(null, bound);
    }

    public boolean counted() {
        return time == null;
    }

    /** The bound in its unit: milliseconds or operations. */
    long bound() {
        return time == null ? operations : time.toMillis();
    }

    /**
     * Parses {@code 3ops}, {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1h}, or an ISO-8601 duration ({@code PT2S}).
     */
    public static Lag parse(String text) {
        String s = text.trim();
        try {
            if (s.endsWith("ops")) {
                return operations(Integer.parseInt(s.substring(0, s.length() - 3).trim()));
            }
            return time(ConsistencySettings.duration(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a lag (e.g. 3ops, 500ms, 2s): " + text);
        }
    }

    @Override
    public String toString() {
        return time == null ? operations + "ops" : ConsistencySettings.format(time);
    }
}
