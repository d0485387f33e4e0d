package dev.dynamotest.inprocess;

import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.protocol.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The async counterpart of {@link InProcessHttpClient}: collects the request body, runs the shared
 * {@link RequestHandler} on an executor (async callers must not be blocked by the engine), and publishes the
 * response body as one buffer.
 */
public final class InProcessAsyncHttpClient implements SdkAsyncHttpClient {
    private final RequestHandler handler;
    private final Executor executor;

    public InProcessAsyncHttpClient(RequestHandler handler) {
        this(handler, ForkJoinPool.commonPool());
    }

    public InProcessAsyncHttpClient(RequestHandler handler, Executor executor) {
        this.handler = handler;
        this.executor = executor;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        SdkAsyncHttpResponseHandler responseHandler = request.responseHandler();
        request.requestContentPublisher().subscribe(new Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer b) {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                body.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable t) {
                responseHandler.onError(t);
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                executor.execute(() -> respond(request, body.toByteArray(), responseHandler, done));
            }
        });
        return done;
    }

    private void respond(AsyncExecuteRequest request, byte[] body, SdkAsyncHttpResponseHandler responseHandler,
                         CompletableFuture<Void> done) {
        try {
            Response r = InProcessExchange.handle(handler, request.request(), body);
            if (r.dropConnection()) {
                IOException e = new IOException("Connection reset: the server closed the connection without a response");
                responseHandler.onError(e);
                done.completeExceptionally(e);
                return;
            }
            responseHandler.onHeaders(InProcessExchange.response(r, handler));
            responseHandler.onStream(singleBuffer(ByteBuffer.wrap(r.body(), 0, r.length())));
            done.complete(null);
        } catch (RuntimeException e) {
            responseHandler.onError(e);
            done.completeExceptionally(e);
        }
    }

    /** A publisher of one buffer that honours demand and cancellation. */
    private static Publisher<ByteBuffer> singleBuffer(ByteBuffer buffer) {
        return subscriber -> subscriber.onSubscribe(new Subscription() {
            private boolean finished;

            @Override
            public synchronized void request(long n) {
                if (finished || n <= 0) {
                    return;
                }
                finished = true;
                if (buffer.hasRemaining()) {
                    subscriber.onNext(buffer);
                }
                subscriber.onComplete();
            }

            @Override
            public synchronized void cancel() {
                finished = true;
            }
        });
    }

    @Override
    public String clientName() {
        return "DynamoTestInProcessAsync";
    }

    @Override
    public void close() {
        // owns nothing
    }
}
