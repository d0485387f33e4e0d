package dev.dynamotest.persist;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;

/**
 * An append-only log of records, each framed as {@code [length:int][crc32:int][payload]}. Appends are written to
 * the file at once (so a killed process loses nothing it appended); {@link #sync} makes them durable with group
 * commit: one {@code fsync} covers every record appended before it, however many threads wait for it.
 */
final class Wal implements Closeable {
    static final int HEADER_BYTES = 8;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition synced = lock.newCondition();
    private FileChannel channel;
    private long appended;
    private long durable;
    private boolean syncing;
    private long bytes;

    Wal(Path file) throws IOException {
        open(file);
    }

    private void open(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        bytes = channel.size();
    }

    /** Appends a record; returns its sequence number for {@link #sync}. */
    long append(byte[] payload) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        buf.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        lock.lock();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            bytes += HEADER_BYTES + payload.length;
            return ++appended;
        } finally {
            lock.unlock();
        }
    }

    /** Returns once every record up to {@code seq} is on stable storage. */
    void sync(long seq) throws IOException {
        lock.lock();
        try {
            while (durable < seq) {
                if (syncing) {
                    synced.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                long target = appended;
                FileChannel c = channel;
                lock.unlock();
                IOException failure = null;
                try {
                    c.force(false);
                } catch (IOException e) {
                    failure = e;
                } finally {
                    lock.lock();
                    syncing = false;
                    synced.signalAll();
                }
                if (failure != null) {
                    throw failure;
                }
                durable = Math.max(durable, target);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Syncs everything appended so far. */
    void syncAll() throws IOException {
        long seq;
        lock.lock();
        try {
            seq = appended;
        } finally {
            lock.unlock();
        }
        sync(seq);
    }

    /** Bytes in the current file. */
    long size() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes everything appended so far durable, then continues in {@code next}; records appended from now on go
     * there. Called while no record is being appended (the store holds its gate).
     */
    void rotate(Path next) throws IOException {
        lock.lock();
        try {
            while (syncing) {
                synced.awaitUninterruptibly();
            }
            channel.force(false);
            channel.close();
            durable = appended;
            open(next);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            while (syncing) {
                synced.awaitUninterruptibly();
            }
            if (channel.isOpen()) {
                channel.force(false);
                channel.close();
            }
            durable = appended;
        } finally {
            lock.unlock();
        }
    }

    static long crc(byte[] payload, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(payload, offset, length);
        return crc.getValue() & 0xFFFFFFFFL;
    }
}
