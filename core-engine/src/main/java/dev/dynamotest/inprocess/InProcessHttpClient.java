package dev.dynamotest.inprocess;

import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.protocol.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An SDK {@link SdkHttpClient} that hands each request to the same {@link RequestHandler} the HTTP endpoint
 * uses, on the calling thread, without a socket. The SDK's whole request path (marshalling, signing, retries,
 * interceptors, error unmarshalling) still runs; only the network is skipped.
 */
public final class InProcessHttpClient implements SdkHttpClient {
    private final RequestHandler handler;

    public InProcessHttpClient(RequestHandler handler) {
        this.handler = handler;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                Response r = InProcessExchange.handle(handler, request.httpRequest(), readBody(request.contentStreamProvider()));
                if (r.dropConnection()) {
                    throw new IOException("Connection reset: the server closed the connection without a response");
                }
                SdkHttpFullResponse response = InProcessExchange.response(r, handler);
                InputStream body = new ByteArrayInputStream(r.body(), 0, r.length());
                return HttpExecuteResponse.builder().response(response)
                    .responseBody(AbortableInputStream.create(body)).build();
            }

            @Override
            public void abort() {
                // the call runs synchronously on the caller's thread; there is nothing in flight to abort
            }
        };
    }

    private static byte[] readBody(Optional<ContentStreamProvider> provider) throws IOException {
        if (provider.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = provider.get().newStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public String clientName() {
        return "DynamoTestInProcess";
    }

    @Override
    public void close() {
        // owns nothing: the engine outlives its clients
    }

    /** Header lookup shared with the async client. */
    static String header(SdkHttpRequest request, String name) {
        for (Map.Entry<String, List<String>> e : request.headers().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
