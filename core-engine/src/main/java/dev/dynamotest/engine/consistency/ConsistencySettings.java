package dev.dynamotest.engine.consistency;

import java.time.Duration;
import java.util.Locale;

/**
 * How reads see writes. {@link #STRONG} (the default) is today's behaviour: every read sees the latest commit.
 * {@link #eventual} turns the model on: reads without ConsistentRead, GSIs and stream readers may lag by up to
 * {@code lag}; expired items are deleted at a seeded time within {@code ttlWindow} of their expiry. The same seed
 * gives the same stale reads for the same sequence of operations.
 *
 * <p>Text form (server flag, admin API): {@code strong}, or {@code eventual[:seed=N,lag=3ops|500ms,ttl=48h]}.
 */
public record ConsistencySettings(boolean eventual, long seed, Lag lag, Duration ttlWindow) {
    /** The window after expiry within which the service deletes expired items (it documents "within a few days"). */
    public static final Duration DEFAULT_TTL_WINDOW = Duration.ofHours(48);
    public static final ConsistencySettings STRONG = new ConsistencySettings(false, 0, Lag.DEFAULT, DEFAULT_TTL_WINDOW);

    public ConsistencySettings {
        if (lag == null) {
            lag = Lag.DEFAULT;
        }
        if (ttlWindow == null) {
            ttlWindow = DEFAULT_TTL_WINDOW;
        }
        if (ttlWindow.isNegative()) {
            throw new IllegalArgumentException("the TTL window cannot be negative: " + ttlWindow);
        }
    }

    /** The model on, with the default lag (0 to 3 operations) and TTL window (48 hours). */
    public static ConsistencySettings eventual(long seed) {
        return new ConsistencySettings(true, seed, Lag.DEFAULT, DEFAULT_TTL_WINDOW);
    }

    public ConsistencySettings withSeed(long s) {
        return new ConsistencySettings(eventual, s, lag, ttlWindow);
    }

    public ConsistencySettings withLag(Lag l) {
        return new ConsistencySettings(eventual, seed, l, ttlWindow);
    }

    public ConsistencySettings withTtlWindow(Duration w) {
        return new ConsistencySettings(eventual, seed, lag, w);
    }

    /** Parses the text form; unknown options and bad values are IllegalArgumentExceptions naming them. */
    public static ConsistencySettings parse(String text) {
        String s = text == null ? "" : text.trim();
        String mode = s;
        String options = "";
        int colon = s.indexOf(':');
        if (colon >= 0) {
            mode = s.substring(0, colon).trim();
            options = s.substring(colon + 1).trim();
        }
        ConsistencySettings out;
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "strong", "off" -> out = STRONG;
            case "eventual", "on" -> out = eventual(0);
            default -> throw new IllegalArgumentException("consistency is 'strong' or 'eventual[:seed=N,lag=3ops|500ms,ttl=48h]', not: " + text);
        }
        if (!options.isEmpty()) {
            for (String option : options.split(",")) {
                int eq = option.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("consistency option without a value: " + option);
                }
                String name = option.substring(0, eq).trim();
                String value = option.substring(eq + 1).trim();
                try {
                    out = switch (name) {
                        case "seed" -> out.withSeed(Long.parseLong(value));
                        case "lag" -> out.withLag(Lag.parse(value));
                        case "ttl" -> out.withTtlWindow(duration(value));
                        default -> throw new IllegalArgumentException("unknown consistency option: " + name
                            + " (seed, lag, ttl)");
                    };
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number: " + option);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return eventual ? "eventual:seed=" + seed + ",lag=" + lag + ",ttl=" + format(ttlWindow) : "strong";
    }

    /** {@code 250ms}, {@code 2s}, {@code 5m}, {@code 48h}, {@code 2d}, or ISO-8601 ({@code PT2S}). */
    static Duration duration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException("not a duration (e.g. 500ms, 2s, 48h): " + s);
            };
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && !(e instanceof NumberFormatException)) {
                throw e;
            }
            throw new IllegalArgumentException("not a duration (e.g. 500ms, 2s, 48h): " + s);
        }
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 1000 == 0 && ms > 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
