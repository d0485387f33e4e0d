package dev.dynamotest.bench;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A do-nothing DynamoDB endpoint in the benchmark's JVM: reads the body and answers GetItem with a canned ~1 KB
 * item and anything else with {}. Its throughput is the ceiling HTTP and the SDK allow here.
 */
final class NullEndpoint implements AutoCloseable {
    private final Undertow server;
    private final int port;

    NullEndpoint() {
        byte[] item = ("{\"Item\":{\"pk\":{\"S\":\"k\"},\"v\":{\"S\":\"" + "x".repeat(900) + "\"}}}").getBytes(StandardCharsets.UTF_8);
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        String itemCrc = crc(item);
        String emptyCrc = crc(empty);
        HttpString target = new HttpString("X-Amz-Target");
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(2).setHandler(ex ->
            ex.getRequestReceiver().receiveFullBytes((e, body) -> {
                boolean get = String.valueOf(e.getRequestHeaders().getFirst(target)).endsWith(".GetItem");
                byte[] out = get ? item : empty;
                e.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/x-amz-json-1.0")
                    .put(new HttpString("x-amzn-RequestId"), "NULL")
                    .put(new HttpString("x-amz-crc32"), get ? itemCrc : emptyCrc);
                e.getResponseSender().send(ByteBuffer.wrap(out));
            })).build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    private static String crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return Long.toString(c.getValue());
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.stop();
    }
}
