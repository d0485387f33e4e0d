package dev.dynamotest.examples.retry;

import java.util.Random;

/**
 * Exponential backoff with full jitter, capped ("Exponential Backoff And Jitter", AWS Architecture Blog): the pause
 * before retry {@code n} (0 for the first retry) is uniformly random in {@code [0, min(cap, base * 2^n)]}
 * milliseconds. Full jitter spreads clients that were throttled together, so they do not come back together.
 */
public final class Backoff {
    private final long baseMillis;
    private final long capMillis;
    private final Random random;

    /**
     * @param baseMillis the ceiling of the first pause (at least 1)
     * @param capMillis  the largest ceiling, however many retries (at least {@code baseMillis}, at most
     *                   {@link Integer#MAX_VALUE} - 1)
     * @param random     where the jitter comes from; seed it to make the pauses reproducible
     */
    public Backoff(long baseMillis, long capMillis, Random random) {
        if (baseMillis < 1 || capMillis < baseMillis || capMillis >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("need 1 <= base <= cap < 2^31 - 1 ms, got base " + baseMillis + ", cap " + capMillis);
        }
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
        this.random = random;
    }

    /** The longest pause before retry {@code retry}: {@code base * 2^retry}, no more than the cap. */
    public long ceiling(int retry) {
        if (retry < 0) {
            throw new IllegalArgumentException("retry must not be negative: " + retry);
        }
        // base < 2^31, so base << 30 cannot overflow; from 31 doublings on the cap (< 2^31) is always smaller
        return retry > 30 ? capMillis : Math.min(capMillis, baseMillis << retry);
    }

    /** The pause before retry {@code retry}: uniform in {@code [0, ceiling(retry)]} milliseconds. */
    public long delay(int retry) {
        return random.nextInt((int) ceiling(retry) + 1);
    }
}
