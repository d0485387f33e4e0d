package dev.dynamotest.engine;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses writes that add data before the Java heap runs out, instead of failing with an OutOfMemoryError half
 * way through a request. Reads and deletes are never refused, so a full engine can still be read and emptied.
 *
 * <p>The check runs before each commit that writes an item: first {@link Runtime}'s cheap free-heap figure (a few
 * nanoseconds; enough while the heap has room); only when that is below the reserve, the heap in use after the last
 * garbage collection (live data, not garbage) is consulted, and the write is refused if what is left is below the
 * reserve. The reserve is {@value #DEFAULT_RESERVE_PERCENT}% of the maximum heap (at least 8 MB) unless set with
 * {@link #reserveBytes(long)} or {@code -Ddynamotest.memory.reserve=BYTES}.
 *
 * <p>The refusal is a 400 {@code LimitExceededException} (not retried by the SDKs: retrying cannot free memory)
 * with {@link #MESSAGE}; the server logs once a minute what to raise.
 */
public final class MemoryGuard {
    static final int DEFAULT_RESERVE_PERCENT = 10;
    private static final long MIN_RESERVE = 8L * 1024 * 1024;
    public static final String MESSAGE = "DynamoTest's in-memory engine has reached its memory limit (maximum Java heap %d MB, "
        + "less than %d MB left after garbage collection): writes that add data are refused, reads and deletes still work. "
        + "Delete items or tables, or give the server a larger heap (-Xmx, or JAVA_OPTS=-Xmx... for the container)";
    private static final Logger LOG = Logger.getLogger(MemoryGuard.class.getName());
    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final Runtime runtime = Runtime.getRuntime();
    private final List<MemoryPoolMXBean> heapPools;
    private volatile long reserveBytes;
    private volatile long lastLog = System.nanoTime() - LOG_INTERVAL_NANOS;

    public MemoryGuard() {
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        Long configured = Long.getLong("dynamotest.memory.reserve");
        this.reserveBytes = configured != null ? configured : defaultReserve(runtime.maxMemory());
    }

    static long defaultReserve(long maxHeap) {
        return Math.max(MIN_RESERVE, maxHeap / 100 * DEFAULT_RESERVE_PERCENT);
    }

    /** The heap kept free: writes that add data are refused when less would be left. 0 turns the guard off. */
    public MemoryGuard reserveBytes(long bytes) {
        this.reserveBytes = Math.max(0, bytes);
        return this;
    }

    public long reserveBytes() {
        return reserveBytes;
    }

    /** Throws the refusal if the heap has less than the reserve left; cheap while it has more. */
    public void checkWrite() {
        long reserve = reserveBytes;
        if (reserve == 0) {
            return;
        }
        long max = runtime.maxMemory();
        long used = runtime.totalMemory() - runtime.freeMemory(); // live data and garbage
        if (max - used >= reserve) {
            return;
        }
        long live = liveAfterLastCollection();
        if (live >= 0 && max - live >= reserve) {
            return; // what is used is mostly garbage the next collection frees
        }
        long now = System.nanoTime();
        if (now - lastLog >= LOG_INTERVAL_NANOS) {
            lastLog = now;
            LOG.log(Level.WARNING, "DynamoTest refuses writes: the Java heap is nearly full ({0} MB of {1} MB in use after "
                + "garbage collection, reserve {2} MB). Raise the heap with -Xmx (JAVA_OPTS=-Xmx1g for the container) or lower "
                + "the reserve with -Ddynamotest.memory.reserve=BYTES.",
                new Object[] {(live >= 0 ? live : used) >> 20, max >> 20, reserve >> 20});
        }
        throw refusal(max, reserve);
    }

    /** The answer to a write refused (or to an OutOfMemoryError caught at a request's boundary). */
    public DynamoException refusal() {
        return refusal(runtime.maxMemory(), reserveBytes);
    }

    private static DynamoException refusal(long max, long reserve) {
        return new DynamoException(ErrorTypes.LIMIT_EXCEEDED, String.format(MESSAGE, max >> 20, reserve >> 20), 400);
    }

    /** Heap in use just after the last collection of each pool (live data), or -1 if the JVM does not say. */
    private long liveAfterLastCollection() {
        long sum = 0;
        boolean any = false;
        for (MemoryPoolMXBean p : heapPools) {
            MemoryUsage u = p.getCollectionUsage();
            if (u != null) {
                sum += u.getUsed();
                any = true;
            }
        }
        return any ? sum : -1;
    }
}
