package dev.dynamotest.protocol;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Where a response body is written: one growable array per thread, reused from request to request, so writing a
 * response costs one exact-size copy at the end instead of a chain of blocks and a copy of them. A buffer is taken
 * with {@link #acquire} and given back with {@link #release}; a request that runs another inside it (never today)
 * simply gets a fresh one. An array grown past {@link #KEEP_BYTES} is not kept.
 */
public final class ResponseBuffer extends OutputStream {
    /** Bigger arrays (a 1 MB Query page) are dropped after the request rather than held by the thread. */
    static final int KEEP_BYTES = 64 * 1024;
    private static final int INITIAL_BYTES = 1024;
    private static final ThreadLocal<ResponseBuffer> OWN = ThreadLocal.withInitial(ResponseBuffer::new);

    private byte[] bytes = new byte[INITIAL_BYTES];
    private int count;
    private boolean inUse;

    private ResponseBuffer() {
    }

    /** The calling thread's buffer, empty (a new one while the thread's own is in use). */
    public static ResponseBuffer acquire() {
        ResponseBuffer b = OWN.get();
        if (b.inUse) {
            return new ResponseBuffer();
        }
        b.inUse = true;
        return b;
    }

    /** Gives the buffer back for the thread's next response. */
    public static void release(ResponseBuffer b) {
        b.count = 0;
        b.inUse = false;
        if (b.bytes.length > KEEP_BYTES) {
            b.bytes = new byte[INITIAL_BYTES];
        }
    }

    @Override
    public void write(int b) {
        ensure(count + 1);
        bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(count + len);
        System.arraycopy(b, off, bytes, count, len);
        count += len;
    }

    private void ensure(int needed) {
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }

    /** The bytes written, as a new array of their exact length. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, count);
    }
}
