package dev.dynamotest.engine.streams;

import dev.dynamotest.engine.table.NamespaceId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An in-process stream consumer: one delivery thread reads each shard of the table's streams in lineage order
 * and hands batches to the handler, retrying a failed batch until it succeeds (with a short pause).
 */
public final class Subscription implements AutoCloseable {
    private final StreamRegistry registry;
    private final NamespaceId ns;
    private final String tableName;
    private final int batchSize;
    private final Consumer<List<StreamRecord>> handler;
    private final Map<String, Integer> positions = new java.util.concurrent.ConcurrentHashMap<>(); // shard id -> next index
    private final Object signal = new Object();
    private volatile boolean running = true;
    private volatile boolean busy;
    private long wakeups;
    private volatile int failures;
    private Thread thread;

    Subscription(StreamRegistry registry, NamespaceId ns, String tableName, int batchSize, Consumer<List<StreamRecord>> handler) {
        this.registry = registry;
        this.ns = ns;
        this.tableName = tableName;
        this.batchSize = Math.max(1, Math.min(10_000, batchSize));
        this.handler = handler;
    }

    void start() {
        thread = new Thread(this::run, "dynamotest-stream-" + tableName);
        thread.setDaemon(true);
        thread.start();
    }

    void wake() {
        synchronized (signal) {
            wakeups++;
            signal.notifyAll();
        }
    }

    /** How many batch deliveries failed (and were retried) so far. */
    public int failures() {
        return failures;
    }

    private void run() {
        while (running) {
            long seen;
            synchronized (signal) {
                seen = wakeups;
            }
            boolean delivered = deliverAvailable();
            synchronized (signal) {
                if (!delivered && wakeups == seen && running) {
                    busy = false;
                    signal.notifyAll();
                    try {
                        signal.wait(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                busy = true;
            }
        }
    }

    /** Delivers at most one batch; true if one was delivered (or retried). */
    private boolean deliverAvailable() {
        for (Stream s : registry.streams(ns, tableName)) {
            for (Shard shard : s.shards()) {
                int from = Math.max(positions.getOrDefault(shard.shardId(), 0), shard.firstRetained());
                if (from >= shard.size()) {
                    continue;
                }
                List<StreamRecord> batch = shard.records(from, from + batchSize);
                try {
                    handler.accept(batch);
                    positions.put(shard.shardId(), from + batch.size());
                } catch (RuntimeException | Error e) {
                    failures++;
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException ie) {
                        running = false;
                    }
                }
                return true; // in order: finish this shard before moving on
            }
        }
        return false;
    }

    /**
     * Waits until every record committed before the call has been delivered successfully, or the timeout passes;
     * returns whether it got there.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        wake();
        synchronized (signal) {
            long target = wakeups;
            while (true) {
                if (!busy && wakeupsProcessed(target)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                signal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    private boolean wakeupsProcessed(long target) {
        return wakeups >= target && !pending();
    }

    private boolean pending() {
        for (Stream s : registry.streams(ns, tableName)) {
            for (Shard shard : s.shards()) {
                if (Math.max(positions.getOrDefault(shard.shardId(), 0), shard.firstRetained()) < shard.size()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        registry.unsubscribe(this);
        wake();
    }
}
