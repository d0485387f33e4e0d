package dev.dynamotest.protocol.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.journal.Transport;
import dev.dynamotest.protocol.Operations;
import dev.dynamotest.protocol.Response;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admission stage bounds concurrent in-process actions, lets HTTP and re-entrant requests through, never deadlocks. */
class AdmissionStageTest {
    final Engine engine = new Engine();
    final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    Exchange exchange(Transport transport) {
        return new Exchange(engine, transport, "DynamoDB_20120810.GetItem", null, new byte[0], 0, "REQ", null);
    }

    interface Wait {
        void run() throws InterruptedException;
    }

    /** A wait inside a chain, which may only throw IOException. */
    static void pause(Wait w) throws InterruptedIOException {
        try {
            w.run();
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
    }

    static Response ok() {
        return new Response(200, new byte[0], 0, "application/x-amz-json-1.0", "REQ", 0);
    }

    @Test
    void atMostThePermitsRunInProcessActionsAtOnce() throws Exception {
        AdmissionStage stage = new AdmissionStage(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<Response>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            done.add(pool.submit(() -> stage.apply(exchange(Transport.IN_PROCESS), x -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                pause(() -> Thread.sleep(30));
                inside.decrementAndGet();
                return ok();
            })));
        }
        for (Future<Response> f : done) {
            assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(stage.available()).isEqualTo(2);
    }

    @Test
    void aRequestMadeInsideAnotherPassesThrough() throws Exception {
        AdmissionStage stage = new AdmissionStage(1);
        Future<Response> f = pool.submit(() -> stage.apply(exchange(Transport.IN_PROCESS),
            outer -> stage.apply(exchange(Transport.IN_PROCESS), inner -> ok())));
        assertThat(f.get(500, TimeUnit.MILLISECONDS).status()).isEqualTo(200); // well under MAX_WAIT_MS
        assertThat(stage.available()).isEqualTo(1);
    }

    @Test
    void httpRequestsAndAStageOfZeroPermitsAreNotGated() throws Exception {
        for (AdmissionStage stage : List.of(new AdmissionStage(1), new AdmissionStage(0))) {
            Transport transport = stage.available() < 0 ? Transport.IN_PROCESS : Transport.HTTP;
            CountDownLatch both = new CountDownLatch(2);
            List<Future<Response>> done = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                done.add(pool.submit(() -> stage.apply(exchange(transport), x -> {
                    both.countDown();
                    pause(() -> assertThat(both.await(5, TimeUnit.SECONDS)).isTrue()); // both inside at once
                    return ok();
                })));
            }
            for (Future<Response> f : done) {
                assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void aStuckHolderDelaysOthersByAtMostTheMaximumWait() throws Exception {
        AdmissionStage stage = new AdmissionStage(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        Future<Response> holder = pool.submit(() -> stage.apply(exchange(Transport.IN_PROCESS), x -> {
            holding.countDown();
            pause(() -> release.await(10, TimeUnit.SECONDS));
            return ok();
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        Response r = stage.apply(exchange(Transport.IN_PROCESS), x -> ok());
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.status()).isEqualTo(200);
        assertThat(waitedMs).isBetween(AdmissionStage.MAX_WAIT_MS - 50, AdmissionStage.MAX_WAIT_MS + 5_000);
        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(stage.available()).isEqualTo(1);
    }

    @Test
    void theStandardPipelineHasItBeforeTheAction() {
        List<Stage> stages = Pipeline.standard(Operations.standard()).stages();
        assertThat(stages.get(stages.size() - 2)).isInstanceOf(AdmissionStage.class);
        assertThat(stages.get(stages.size() - 1)).isInstanceOf(ActionStage.class);
    }
}
