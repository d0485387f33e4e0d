package dev.dynamotest.junit;

import dev.dynamotest.inprocess.InProcessAsyncHttpClient;
import dev.dynamotest.inprocess.InProcessHttpClient;
import dev.dynamotest.protocol.RequestHandler;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * Views of the shared HTTP clients for one scope. Closing a view does not close the shared client, but makes every
 * later request through it fail at once: a client that leaks out of its test cannot reach the namespace its access
 * key is recycled into.
 */
final class ScopedHttpClients {
    private final SharedResources shared;
    private volatile boolean closed;
    private volatile SdkHttpClient sync;
    private volatile SdkAsyncHttpClient async;

    private final RequestHandler inProcess;

    /** {@code inProcess}: the engine's handler when clients should skip the socket, else null (HTTP). */
    ScopedHttpClients(SharedResources shared, RequestHandler inProcess) {
        this.shared = shared;
        this.inProcess = inProcess;
    }

    void close() {
        closed = true;
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("this DynamoTest client belongs to a test that has finished and is closed; "
            + "inject a client into the test that uses it");
    }

    synchronized SdkHttpClient sync() {
        if (sync == null) {
            SdkHttpClient delegate = inProcess != null ? new InProcessHttpClient(inProcess) : shared.syncHttp();
            sync = new SdkHttpClient() {
                @Override
                public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                    if (closed) {
                        throw closedException();
                    }
                    return delegate.prepareRequest(request);
                }

                @Override
                public String clientName() {
                    return delegate.clientName();
                }

                @Override
                public void close() {
                    // the shared client is closed with the test plan
                }
            };
        }
        return sync;
    }

    synchronized SdkAsyncHttpClient async() {
        if (async == null) {
            SdkAsyncHttpClient delegate = inProcess != null ? new InProcessAsyncHttpClient(inProcess) : shared.asyncHttp();
            async = new SdkAsyncHttpClient() {
                @Override
                public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
                    if (closed) {
                        IllegalStateException e = closedException();
                        request.responseHandler().onError(e);
                        return CompletableFuture.failedFuture(e);
                    }
                    return delegate.execute(request);
                }

                @Override
                public String clientName() {
                    return delegate.clientName();
                }

                @Override
                public void close() {
                    // the shared client is closed with the test plan
                }
            };
        }
        return async;
    }
}
