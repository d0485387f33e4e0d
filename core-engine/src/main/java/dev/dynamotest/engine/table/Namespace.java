package dev.dynamotest.engine.table;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
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
        return t;
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
        names.sort(dev.dynamotest.engine.model.Values::compareUtf8);
        return names;
    }

    public CommitPoint commitPoint() {
        return commitPoint;
    }

    /** An O(#tables) snapshot of every table's metadata and data, for per-test reset. */
    public Snapshot snapshot() {
        List<Snapshot.Entry> entries = new ArrayList<>();
        for (Table t : tables.values()) {
            entries.add(new Snapshot.Entry(t.metadata(), t.data()));
        }
        return new Snapshot(entries);
    }

    /** Puts the namespace back to a snapshot: tables created since are dropped, the others restored. */
    public void restore(Snapshot snapshot) {
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

    /** Immutable state of a namespace at one moment. */
    public record Snapshot(List<Entry> entries) {
        public record Entry(TableMetadata metadata, TableData data) {
        }
    }
}
