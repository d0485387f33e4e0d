package dev.dynamotest.persist;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.Backup;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.AttributeValueJson;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Durable storage for an engine ({@code -dbPath DIR} / {@code --data-dir DIR}): a write-ahead log of what the
 * commit point and the control plane change, plus checkpoints of the whole state.
 *
 * <p>Files in the directory: {@code snapshot-N.jsonl}, the state when log generation N began (the portable snapshot
 * format of {@link EngineSnapshots}), and {@code wal-N.log}, {@code wal-N+1.log}, ..., the records since. Each record
 * is one commit (a transaction's changes together, so a transaction is never half there), a table's new settings,
 * a created or dropped table, a backup, or a per-test reset, each as absolute state. A write is acknowledged after its
 * record is written to the log and, under {@link Durability#FSYNC} (the default), forced to stable storage by a group
 * commit. On open, the newest snapshot is loaded and the logs after it replayed; a torn record at the end of the last
 * log (a crash in the middle of an append) is cut with a log line, any other damage stops the start with a message
 * that names the file. Checkpoints run in the background when the log passes {@link #checkpointBytes} and at close.
 */
public final class DurableStore implements CommitListener, Closeable {
    static final String OP_COMMIT = "commit";
    static final String OP_CREATE = "create";
    static final String OP_METADATA = "metadata";
    static final String OP_DROP = "drop";
    static final String OP_RESTORE = "restore";
    static final String OP_BACKUP = "backup";
    static final String OP_UNBACKUP = "unbackup";

    private static final Logger LOG = Logger.getLogger(DurableStore.class.getName());

    /** What an acknowledged write survives. */
    public enum Durability {
        /** Forced to stable storage before the answer (group commit): survives a process crash and a power loss. */
        FSYNC,
        /**
         * Written to the operating system before the answer, forced within a second: survives a process crash
         * (kill -9), may lose the last second of writes when the machine itself stops.
         */
        WRITE
    }

    private final Engine engine;
    private final Path dir;
    private final Durability durability;
    private final long checkpointBytes;
    private final Wal wal;
    private long generation;
    private final AtomicBoolean checkpointRunning = new AtomicBoolean();
    private final ScheduledExecutorService background;
    private volatile boolean closed;

    private DurableStore(Engine engine, Path dir, Durability durability, long checkpointBytes, long generation)
        throws IOException {
        this.engine = engine;
        this.dir = dir;
        this.durability = durability;
        this.checkpointBytes = checkpointBytes;
        this.generation = generation;
        this.wal = new Wal(walFile(generation));
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dynamotest-durable");
            t.setDaemon(true);
            return t;
        });
        if (durability == Durability.WRITE) {
            background.scheduleWithFixedDelay(this::syncQuietly, 1, 1, TimeUnit.SECONDS);
        }
    }

    /**
     * Opens (or creates) the store in {@code dir}, loads what it holds into {@code engine} (which must be new) and
     * from then on records every change of the engine.
     *
     * @throws IOException with a message naming the damaged file when the store cannot be read
     */
    public static DurableStore open(Engine engine, Path dir, Durability durability) throws IOException {
        return open(engine, dir, durability, 64L * 1024 * 1024);
    }

    static DurableStore open(Engine engine, Path dir, Durability durability, long checkpointBytes) throws IOException {
        Files.createDirectories(dir);
        TreeMap<Long, Path> snapshots = numbered(dir, "snapshot-", ".jsonl");
        TreeMap<Long, Path> logs = numbered(dir, "wal-", ".log");
        long base = snapshots.isEmpty() ? 0 : snapshots.lastKey();
        EngineImage image;
        if (snapshots.isEmpty()) {
            image = new EngineImage();
        } else {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(snapshots.lastEntry().getValue()), 1 << 16)) {
                image = EngineSnapshots.read(in);
            } catch (IOException e) {
                throw new IOException("cannot read " + snapshots.lastEntry().getValue() + ": " + e.getMessage()
                    + "; the store is damaged and was left as it is", e);
            }
        }
        long last = base;
        List<Long> replay = new ArrayList<>(logs.tailMap(base, true).keySet());
        for (int i = 0; i < replay.size(); i++) {
            long gen = replay.get(i);
            replay(image, logs.get(gen), i == replay.size() - 1);
            last = gen;
        }
        image.install(engine, true);
        DurableStore store = new DurableStore(engine, dir, durability, checkpointBytes, last);
        engine.commitPoint().addListener(store);
        // older files are no longer needed once the newest snapshot exists
        for (var e : snapshots.headMap(base).entrySet()) {
            Files.deleteIfExists(e.getValue());
        }
        for (var e : logs.headMap(base).entrySet()) {
            Files.deleteIfExists(e.getValue());
        }
        return store;
    }

    private static TreeMap<Long, Path> numbered(Path dir, String prefix, String suffix) throws IOException {
        TreeMap<Long, Path> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && n.endsWith(suffix)) {
                    try {
                        out.put(Long.parseLong(n.substring(prefix.length(), n.length() - suffix.length())), p);
                    } catch (NumberFormatException e) {
                        // not one of ours
                    }
                }
            }
        }
        return out;
    }

    /** Replays one log into the image; in the last log a torn record at the very end is cut off. */
    private static void replay(EngineImage image, Path file, boolean lastLog) throws IOException {
        long size;
        long good = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            size = ch.size();
            ByteBuffer header = ByteBuffer.allocate(Wal.HEADER_BYTES);
            while (good < size) {
                String torn = null;
                header.clear();
                int n = readFully(ch, header, good);
                int length = n == Wal.HEADER_BYTES ? header.getInt(0) : -1;
                byte[] payload = null;
                if (n < Wal.HEADER_BYTES) {
                    torn = "an incomplete record header";
                } else if (length < 0 || length > size - good - Wal.HEADER_BYTES) {
                    torn = "a record longer than the file";
                } else {
                    payload = new byte[length];
                    readFully(ch, ByteBuffer.wrap(payload), good + Wal.HEADER_BYTES);
                    if (Wal.crc(payload, 0, length) != (header.getInt(4) & 0xFFFFFFFFL)) {
                        torn = "a record whose checksum does not match";
                    }
                }
                long end = payload == null ? size : good + Wal.HEADER_BYTES + length;
                if (torn != null) {
                    if (!lastLog || end < size) {
                        throw new IOException("the store is damaged: " + file + " has " + torn + " at byte " + good
                            + " followed by more data; refusing to start rather than lose data (move the directory"
                            + " aside to start empty)");
                    }
                    LOG.warning("DynamoTest store: cut a torn record at the end of " + file + " (" + torn + " at byte "
                        + good + ", " + (size - good) + " bytes): the write it held was never acknowledged");
                    break;
                }
                JsonNode record;
                try {
                    record = StateJson.MAPPER.readTree(payload);
                    image.apply(record);
                } catch (IOException | RuntimeException e) {
                    throw new IOException("the store is damaged: " + file + " has a record at byte " + good
                        + " that cannot be applied (" + e.getMessage() + "); refusing to start", e);
                }
                good = end;
            }
        }
        if (good < size) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(good);
                ch.force(true);
            }
        }
    }

    private static int readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private Path walFile(long gen) {
        return dir.resolve("wal-" + gen + ".log");
    }

    private Path snapshotFile(long gen) {
        return dir.resolve("snapshot-" + gen + ".jsonl");
    }

    // ---- recording -------------------------------------------------------------------------------------------

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Writes one record and waits until it is as durable as the store promises. */
    private void record(NamespaceId ns, String op, Body body) {
        if (closed) {
            return;
        }
        ByteArrayBuilder buffer = new ByteArrayBuilder(256);
        try {
            try (JsonGenerator g = StateJson.MAPPER.getFactory().createGenerator(buffer)) {
                g.writeStartObject();
                g.writeStringField("op", op);
                StateJson.writeNamespace(g, ns);
                body.write(g);
                g.writeEndObject();
            }
            long seq = wal.append(buffer.toByteArray());
            if (durability == Durability.FSYNC) {
                wal.sync(seq);
            }
        } catch (IOException e) {
            LOG.severe("DynamoTest store: cannot write to " + dir + ": " + e);
            throw DynamoException.internal("Internal server error");
        }
        if (wal.size() > checkpointBytes && checkpointRunning.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    checkpoint();
                } catch (IOException | RuntimeException e) {
                    LOG.warning("DynamoTest store: checkpoint failed, the log keeps growing: " + e);
                } finally {
                    checkpointRunning.set(false);
                }
            });
        }
    }

    @Override
    public void onCommit(List<ItemChange> changes, Origin origin) {
        NamespaceId ns = changes.get(0).table().namespaceId();
        record(ns, OP_COMMIT, g -> {
            g.writeArrayFieldStart("changes");
            for (ItemChange c : changes) {
                g.writeStartObject();
                g.writeStringField("table", c.table().name());
                if (c.newItem() != null) {
                    StateJson.writeItem(g, "put", c.newItem());
                } else {
                    StateJson.writeKey(g, "delete", c.table().keySchema(), c.key());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    @Override
    public void onTableCreated(Table table) {
        TableMetadata m = table.metadata();
        TableData d = table.data();
        record(table.namespaceId(), OP_CREATE, g -> {
            StateJson.writeMetadata(g, "table", m);
            writeItems(g, "items", d);
        });
    }

    @Override
    public void onMetadataChanged(Table table) {
        TableMetadata m = table.metadata();
        record(table.namespaceId(), OP_METADATA, g -> StateJson.writeMetadata(g, "table", m));
    }

    @Override
    public void onTableDeleted(Table table) {
        record(table.namespaceId(), OP_DROP, g -> g.writeStringField("name", table.name()));
    }

    @Override
    public void onBackupChanged(NamespaceId namespace, Backup backup, boolean added) {
        if (added) {
            record(namespace, OP_BACKUP, g -> {
                g.writeFieldName("backup");
                writeBackup(g, backup);
            });
        } else {
            record(namespace, OP_UNBACKUP, g -> g.writeStringField("arn", backup.arn()));
        }
    }

    @Override
    public void onRestore(NamespaceId namespace, List<TableMetadata> tables) {
        Namespace ns = engine.namespace(namespace);
        Namespace.Snapshot state = ns.snapshot();
        record(namespace, OP_RESTORE, g -> {
            g.writeArrayFieldStart("tables");
            for (Namespace.Snapshot.Entry e : state.entries()) {
                g.writeStartObject();
                StateJson.writeMetadata(g, "table", e.metadata());
                writeItems(g, "items", e.data());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("backups");
            for (Backup b : state.backups()) {
                writeBackup(g, b);
            }
            g.writeEndArray();
        });
    }

    private static void writeBackup(JsonGenerator g, Backup b) throws IOException {
        g.writeStartObject();
        g.writeStringField("arn", b.arn());
        g.writeStringField("name", b.name());
        g.writeStringField("type", b.type());
        g.writeStringField("creationTime", b.creationTime().toString());
        StateJson.writeMetadata(g, "source", b.source());
        writeItems(g, "items", b.data());
        g.writeEndObject();
    }

    private static void writeItems(JsonGenerator g, String field, TableData data) throws IOException {
        g.writeArrayFieldStart(field);
        for (Item item : data.allItems()) {
            AttributeValueJson.writeItem(g, item);
        }
        g.writeEndArray();
    }

    // ---- checkpoints -----------------------------------------------------------------------------------------

    /**
     * Writes the whole state as a new snapshot and starts a new log generation, then removes the files the snapshot
     * replaces. The state and the switch of log are taken together with every table locked, so the snapshot holds
     * exactly the records of the logs before it.
     */
    public synchronized void checkpoint() throws IOException {
        long next = generation + 1;
        IOException[] rotateFailure = new IOException[1];
        List<EngineSnapshots.Captured> state = EngineSnapshots.capture(engine, (ns, t) -> true, () -> {
            try {
                wal.rotate(walFile(next));
            } catch (IOException e) {
                rotateFailure[0] = e;
            }
        });
        if (rotateFailure[0] != null) {
            throw rotateFailure[0];
        }
        long previous = generation;
        generation = next;
        Path tmp = dir.resolve("snapshot-" + next + ".jsonl.tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            EngineSnapshots.write(state, out);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, snapshotFile(next), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        for (long g = previous; g >= 0; g--) {
            boolean any = Files.deleteIfExists(walFile(g));
            any |= Files.deleteIfExists(snapshotFile(g));
            if (!any && g < previous) {
                break;
            }
        }
    }

    private void forceDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be opened; the rename is still atomic
        }
    }

    private void syncQuietly() {
        try {
            wal.syncAll();
        } catch (IOException e) {
            LOG.warning("DynamoTest store: cannot sync " + dir + ": " + e);
        }
    }

    public Path directory() {
        return dir;
    }

    public Durability durability() {
        return durability;
    }

    /** Stops recording; everything recorded so far is made durable. No checkpoint: the next open replays the log. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        engine.commitPoint().removeListener(this);
        background.shutdown();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
            wal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
