package dev.dynamotest.inprocess;

import dev.dynamotest.engine.journal.Transport;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.protocol.Response;
import dev.dynamotest.server.DynamoTestServer;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/** What both in-process clients do: route the request like the HTTP endpoint and shape the SDK response. */
final class InProcessExchange {
    private InProcessExchange() {
    }

    static Response handle(RequestHandler handler, SdkHttpRequest request, byte[] body) {
        String target = InProcessHttpClient.header(request, "X-Amz-Target");
        String authorization = InProcessHttpClient.header(request, "Authorization");
        return handler.handle(Transport.IN_PROCESS, target, authorization, body, body.length);
    }

    static SdkHttpFullResponse response(Response r, RequestHandler handler) {
        SdkHttpFullResponse.Builder b = SdkHttpFullResponse.builder()
            .statusCode(r.status())
            .putHeader("Content-Type", r.contentType())
            .putHeader("Content-Length", Integer.toString(r.length()))
            .putHeader("x-amzn-RequestId", r.requestId())
            .putHeader("x-amz-crc32", Long.toString(r.crc32()));
        if (handler.engine().consistency().wasStale(r.requestId())) {
            b.putHeader(DynamoTestServer.STALE_HEADER, "true");
        }
        return b.build();
    }
}
