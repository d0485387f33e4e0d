package dev.dynamotest.protocol.pipeline;

import dev.dynamotest.engine.journal.Transport;
import dev.dynamotest.protocol.Response;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission: at most {@code permits} in-process requests run their action at once (by default as many as the
 * machine has cores); the others wait, blocked, in arrival order (a fair semaphore). Without it, with more client
 * threads than cores, every thread is runnable and CPU-bound, the OS scheduler preempts one in the middle of its
 * request and it waits a whole scheduling round (several milliseconds) before it finishes, with any engine monitor
 * it held blocking the rest: a long p99 tail while the median stays low. Admitted requests run to the end instead,
 * and waiting ones cost no CPU.
 *
 * <p>Only in-process requests are gated (the HTTP server has its own bounded worker pool and I/O threads) and
 * only the action (after reading and fault injection, so an injected latency does not hold a permit). It cannot
 * deadlock: a thread that already holds a permit (a request made from inside another, say by a commit listener)
 * passes through, and a request that has waited {@link #MAX_WAIT_MS} ms runs without one. Sized by the system
 * property {@value #PERMITS_PROPERTY} (0 turns it off).
 */
public final class AdmissionStage implements Stage {
    public static final String PERMITS_PROPERTY = "dynamotest.admission.permits";
    /** Past this wait a request runs without a permit, so a stuck holder never stops the engine. */
    static final long MAX_WAIT_MS = 1000;
    private static final ThreadLocal<Boolean> ADMITTED = new ThreadLocal<>();

    private final Semaphore permits;

    /** {@code permits} at once; 0 or less lets every request through. */
    public AdmissionStage(int permits) {
        this.permits = permits > 0 ? new Semaphore(permits, true) : null;
    }

    /** Sized by {@value #PERMITS_PROPERTY}, else the number of cores (at least 2). */
    public static AdmissionStage fromSystem() {
        String p = System.getProperty(PERMITS_PROPERTY);
        int n;
        try {
            n = p == null ? Math.max(2, Runtime.getRuntime().availableProcessors()) : Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            n = Math.max(2, Runtime.getRuntime().availableProcessors());
        }
        return new AdmissionStage(n);
    }

    @Override
    public Response apply(Exchange exchange, Chain next) throws IOException {
        if (permits == null || exchange.transport() != Transport.IN_PROCESS || ADMITTED.get() != null) {
            return next.proceed(exchange);
        }
        boolean acquired;
        try {
            acquired = permits.tryAcquire(MAX_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        ADMITTED.set(Boolean.TRUE);
        try {
            return next.proceed(exchange);
        } finally {
            ADMITTED.remove();
            if (acquired) {
                permits.release();
            }
        }
    }

    /** Permits free now (for tests); -1 when off. */
    int available() {
        return permits == null ? -1 : permits.availablePermits();
    }
}
