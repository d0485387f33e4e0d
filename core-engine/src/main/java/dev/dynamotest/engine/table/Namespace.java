package dev.dynamotest.engine.table;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables visible to one caller scope: today a region (later region + access key, to isolate tests running
 * in parallel). Names and ARNs are unique within it.
 */
public final class Namespace {
    private final NamespaceId id;
    private final CommitPoint commitPoint;
    private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();
    /** On-demand backups in creation order; replaced whole (copy on write) under {@link #backupLock}. */
    private volatile List<Backup> backups = List.of();
    private final Object backupLock = new Object();

    public Namespace(NamespaceId id, CommitPoint commitPoint) {
        this.id = id;
        this.commitPoint = commitPoint;
    }

    public NamespaceId id() {
        return id;
    }

    public String region() {
        return id.region();
    }

    /** The ARN of a table in this namespace. */
    public String tableArn(String tableName) {
        return "arn:aws:dynamodb:" + id.region() + ":" + id.accountId() + ":table/" + tableName;
    }

    /** Creates the table, or fails with ResourceInUseException if the name is taken. */
    public Table create(TableMetadata metadata) {
        Table t = new Table(metadata, commitPoint, id);
        Table existing = tables.putIfAbsent(metadata.name(), t);
        if (existing != null) {
            throw DynamoException.resourceInUse(String.format(Messages.TABLE_ALREADY_EXISTS, metadata.name()));
        }
        commitPoint.created(t);
        return t;
    }

    /**
     * Creates a table that starts with {@code data} (a restore from a backup); the data is re-laid if the
     * metadata's secondary indexes differ from its layout. Fails with TableAlreadyExistsException if the name
     * is taken.
     */
    public Table createWithData(TableMetadata metadata, TableData data) {
        Table t = new Table(metadata, commitPoint, id);
        List<IndexLayout> layouts = IndexLayout.of(metadata);
        t.restore(metadata, layouts.equals(data.layouts()) ? data : data.withLayouts(layouts));
        Table existing = tables.putIfAbsent(metadata.name(), t);
        if (existing != null) {
            throw new DynamoException(ErrorTypes.TABLE_ALREADY_EXISTS,
                String.format(Messages.TABLE_ALREADY_EXISTS, metadata.name()), 400);
        }
        commitPoint.created(t);
        return t;
    }

    /**
     * Backs the table up as it is now (metadata and data read together under the table's lock); {@code arn} is
     * the backup's ARN, chosen by the caller.
     */
    public Backup createBackup(Table table, String arn, String name, java.time.Instant now) {
        Backup b;
        table.lock().lock();
        try {
            b = new Backup(arn, name, Backup.USER, now, table.metadata(), table.data());
        } finally {
            table.lock().unlock();
        }
        synchronized (backupLock) {
            List<Backup> next = new ArrayList<>(backups);
            next.add(b);
            backups = List.copyOf(next);
            commitPoint.backupChanged(id, b, true);
        }
        return b;
    }

    /** The backup with this ARN, or null. */
    public Backup backup(String arn) {
        for (Backup b : backups) {
            if (b.arn().equals(arn)) {
                return b;
            }
        }
        return null;
    }

    /** Every backup of the namespace, in creation order. */
    public List<Backup> backups() {
        return backups;
    }

    /** Removes the backup; returns it, or null if there is none with this ARN. */
    public Backup deleteBackup(String arn) {
        synchronized (backupLock) {
            Backup b = backup(arn);
            if (b != null) {
                List<Backup> next = new ArrayList<>(backups);
                next.remove(b);
                backups = List.copyOf(next);
                commitPoint.backupChanged(id, b, false);
            }
            return b;
        }
    }

    /** The table, or null. */
    public Table find(String name) {
        return tables.get(name);
    }

    /** The table for a data-plane request, or ResourceNotFoundException with the data-plane message. */
    public Table require(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw DynamoException.resourceNotFound(Messages.RESOURCE_NOT_FOUND);
        }
        return t;
    }

    /** The table for a control-plane request, or ResourceNotFoundException naming the table. */
    public Table requireDescribed(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw DynamoException.resourceNotFound(String.format(Messages.TABLE_NOT_FOUND, name));
        }
        return t;
    }

    /** All tables (a snapshot of the name map's values). */
    public java.util.Collection<Table> tables() {
        return new ArrayList<>(tables.values());
    }

    /** Deletes the table (DeleteTable): the commit point's listeners drop what belonged to it. */
    public Table remove(String name) {
        Table t = tables.remove(name);
        if (t != null) {
            commitPoint.deleted(t);
        }
        return t;
    }

    /** Table names in DynamoDB's order (ascending, by UTF-8 bytes). */
    public List<String> tableNames() {
        List<String> names = new ArrayList<>(tables.keySet());
        names.sort(Values::compareUtf8);
        return names;
    }

    public CommitPoint commitPoint() {
        return commitPoint;
    }

    /** An O(#tables) snapshot of every table's metadata and data, and of the backups, for per-test reset. */
    public Snapshot snapshot() {
        List<Snapshot.Entry> entries = new ArrayList<>();
        for (Table t : tables.values()) {
            entries.add(new Snapshot.Entry(t.metadata(), t.data()));
        }
        return new Snapshot(entries, backups);
    }

    /**
     * Puts the namespace back to a snapshot: tables created since are dropped, the others restored; the backups
     * become the snapshot's (those created since are gone, those deleted since are back).
     */
    public void restore(Snapshot snapshot) {
        synchronized (backupLock) {
            backups = snapshot.backups();
        }
        java.util.Set<String> keep = new java.util.HashSet<>();
        for (Snapshot.Entry e : snapshot.entries()) {
            keep.add(e.metadata().name());
            Table t = tables.get(e.metadata().name());
            if (t == null) {
                t = new Table(e.metadata(), commitPoint, id);
                tables.put(e.metadata().name(), t);
            }
            t.restore(e.metadata(), e.data());
        }
        tables.keySet().removeIf(name -> !keep.contains(name));
        List<TableMetadata> restored = new ArrayList<>();
        snapshot.entries().forEach(e -> restored.add(e.metadata()));
        commitPoint.restored(id, restored);
    }

    /** Immutable state of a namespace at one moment: its tables and its backups. */
    public record Snapshot(List<Entry> entries, List<Backup> backups) {
        public Snapshot {
            entries = List.copyOf(entries);
            backups = backups == null ? List.of() : List.copyOf(backups);
        }

        /** Tables only, no backups (an empty snapshot: {@code new Snapshot(List.of())}). */
        public Snapshot(List<Entry> entries) {
            this(entries, List.of());
        }

        public record Entry(TableMetadata metadata, TableData data) {
        }
    }
}
