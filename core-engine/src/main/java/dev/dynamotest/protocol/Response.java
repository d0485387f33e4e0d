package dev.dynamotest.protocol;

/**
 * A protocol response, ready for any transport: status, body (the first {@code length} bytes of {@code body}),
 * content type, request id and the body's CRC32 as the service sends it in {@code x-amz-crc32}.
 */
public record Response(int status, byte[] body, int length, String contentType, String requestId, long crc32) {
}
