package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.Item;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A table: its metadata and its data, both immutable values swapped atomically. Reads take the current value
 * without locking; writes to one table are serialised by its lock, so conditional writes are linearizable, and
 * go through {@link CommitPoint}.
 */
public final class Table {
    private final CommitPoint commitPoint;
    private final NamespaceId namespaceId;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile TableMetadata metadata;
    private volatile TableData data;

    Table(TableMetadata metadata, CommitPoint commitPoint, NamespaceId namespaceId) {
        this.metadata = metadata;
        this.commitPoint = commitPoint;
        this.namespaceId = namespaceId;
        this.data = TableData.empty(IndexLayout.of(metadata));
    }

    /** The namespace (region, access key) the table belongs to. */
    public NamespaceId namespaceId() {
        return namespaceId;
    }

    public String name() {
        return metadata.name();
    }

    public TableMetadata metadata() {
        return metadata;
    }

    public KeySchema keySchema() {
        return metadata.keySchema();
    }

    /** The current data: an immutable snapshot. */
    public TableData data() {
        return data;
    }

    public Item get(PrimaryKey key) {
        return data.get(key);
    }

    /**
     * Reads the item at {@code key}, computes its new state with {@code fn} and commits the change, all under the
     * table's lock. Returns the change (whose old and new items the caller uses for ReturnValues).
     */
    public ItemChange write(PrimaryKey key, WriteFunction fn, CommitListener.Origin origin) {
        lock.lock();
        try {
            Item old = data.get(key);
            Item updated = fn.apply(old);
            ItemChange change = new ItemChange(this, key, old, updated);
            commitPoint.commitLocked(List.of(change), origin);
            return change;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the metadata (control plane); serialised with writes. If the secondary indexes changed, the
     * data is re-laid: new indexes are backfilled from the table's items.
     */
    public TableMetadata updateMetadata(java.util.function.UnaryOperator<TableMetadata> change) {
        lock.lock();
        try {
            TableMetadata next = change.apply(metadata);
            java.util.List<IndexLayout> layouts = IndexLayout.of(next);
            if (!layouts.equals(data.layouts())) {
                data = data.withLayouts(layouts);
            }
            metadata = next;
            commitPoint.metadataChanged(this);
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** The commit point this table's writes go through. */
    public CommitPoint commitPoint() {
        return commitPoint;
    }

    ReentrantLock lock() {
        return lock;
    }

    /** Applies this table's changes of one commit in one swap; called by the commit point with the lock held. */
    void applyLocked(List<ItemChange> changes) {
        TableData d = data;
        for (ItemChange c : changes) {
            d = d.with(c.key(), c.oldItem(), c.newItem());
        }
        data = d;
    }

    /** Restores a snapshot (per-test reset); called with the lock held or before the table is visible. */
    void restore(TableMetadata m, TableData d) {
        lock.lock();
        try {
            metadata = m;
            data = d;
        } finally {
            lock.unlock();
        }
    }
}
