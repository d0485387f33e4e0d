package dev.dynamotest.bench;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One measured phase: {@code threads} client threads share a count of operations and stop at that count or at a
 * deadline, whichever comes first. Each operation is timed on its own thread; throughput is all threads' completed
 * operations over the phase's wall time. Uses only the JDK, so it runs on any class path.
 */
final class Phase {
    private Phase() {
    }

    @FunctionalInterface
    interface Body {
        void run(int thread, long i) throws Exception;
    }

    record Result(long count, long errors, double seconds, double opsPerSecond, double p50Micros, double p99Micros,
                  boolean truncated, String firstError) {
    }

    static Result run(int threads, long maxOps, long maxMillis, Body body) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        CountDownLatch go = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        long[] deadline = new long[1];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers[t] = new Thread(() -> {
                long[] lat = new long[1024];
                int n = 0;
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long i;
                while ((i = next.getAndIncrement()) < maxOps && System.nanoTime() < deadline[0]) {
                    long s = System.nanoTime();
                    try {
                        body.run(thread, i);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                        continue;
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - s;
                }
                latencies[thread] = lat;
                counts[thread] = n;
            }, "bench-client-" + t);
            workers[t].start();
        }
        long start = System.nanoTime();
        deadline[0] = start + maxMillis * 1_000_000L;
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), seconds, total / seconds, percentile(all, 50) / 1e3, percentile(all, 99) / 1e3,
            total + errors.get() < maxOps, firstError.get());
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
