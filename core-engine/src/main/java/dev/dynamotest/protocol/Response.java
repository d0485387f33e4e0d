package dev.dynamotest.protocol;

/**
 * A protocol response, ready for any transport: status, body (the first {@code length} bytes of {@code body}),
 * content type, request id and the body's CRC32 as the service sends it in {@code x-amz-crc32}.
 */
public record Response(int status, byte[] body, int length, String contentType, String requestId, long crc32,
                       boolean dropConnection) {

    public Response(int status, byte[] body, int length, String contentType, String requestId, long crc32) {
        this(status, body, length, contentType, requestId, crc32, false);
    }

    /** A response the transport must not send: it closes the connection instead (fault injection). */
    public static Response dropped(String requestId) {
        return new Response(0, new byte[0], 0, RequestHandler.CONTENT_TYPE, requestId, 0, true);
    }
}
