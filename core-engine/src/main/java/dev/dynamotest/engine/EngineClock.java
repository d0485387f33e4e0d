package dev.dynamotest.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's clock: the system clock by default, or a manual clock that tests advance. Every timestamp the
 * engine produces comes from here.
 */
public final class EngineClock extends Clock {
    private final Clock system;
    private final AtomicReference<Instant> manual;
    private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private EngineClock(Clock system, Instant manualStart) {
        this.system = system;
        this.manual = new AtomicReference<>(manualStart);
    }

    public static EngineClock system() {
        return new EngineClock(Clock.systemUTC(), null);
    }

    /** A manual clock starting at {@code start}; it moves only when advanced or set. */
    public static EngineClock manual(Instant start) {
        return new EngineClock(Clock.systemUTC(), start);
    }

    /** Wraps any clock (for embedding); not manual. */
    public static EngineClock of(Clock clock) {
        return new EngineClock(clock, null);
    }

    public boolean isManual() {
        return manual.get() != null;
    }

    @Override
    public Instant instant() {
        Instant m = manual.get();
        return m != null ? m : system.instant();
    }

    /** Moves a manual clock forward; switches a system clock to manual at now + d. */
    public Instant advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot move the clock backwards: " + d);
        }
        Instant now = manual.updateAndGet(m -> (m != null ? m : system.instant()).plus(d));
        fire();
        return now;
    }

    /** Runs {@code listener} after every advance or set (the engine's time-driven work hangs here). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void fire() {
        for (Runnable r : listeners) {
            r.run();
        }
    }

    /** Sets the clock (making it manual). */
    public Instant set(Instant instant) {
        manual.set(instant);
        fire();
        return instant;
    }

    /** Goes back to following the underlying (system) clock; used to undo a test's clock changes. */
    public void useSystemTime() {
        manual.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
