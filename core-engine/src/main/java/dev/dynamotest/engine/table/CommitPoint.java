package dev.dynamotest.engine.table;

import dev.dynamotest.engine.MemoryGuard;
import dev.dynamotest.engine.capacity.CapacityModel;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The single place where every write is applied. It takes already computed, validated changes, applies them to
 * their tables and tells the listeners (indexes, streams, capacity). Multi-item commits (transactions) lock their
 * tables in a fixed order, so they are atomic and serializable against single-item writes.
 */
public final class CommitPoint {
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private volatile CapacityModel capacity;

    /**
     * The capacity model charged (and possibly throttling) before any change of a commit is applied; told of
     * restores and deletions like the listeners.
     */
    private final MemoryGuard memory = new MemoryGuard();

    /** The heap check run before each write that adds data. */
    public MemoryGuard memoryGuard() {
        return memory;
    }

    public void capacity(CapacityModel capacity) {
        this.capacity = capacity;
    }

    public void addListener(CommitListener listener) {
        listeners.add(listener);
    }

    public void removeListener(CommitListener listener) {
        listeners.remove(listener);
    }

    /** The first listener of this type, or null (lets the protocol layer reach, say, the replication from a table). */
    public <T extends CommitListener> T listener(Class<T> type) {
        for (CommitListener l : listeners) {
            if (type.isInstance(l)) {
                return type.cast(l);
            }
        }
        return null;
    }

    /** Tells the capacity model and the listeners a namespace was restored from a snapshot. */
    void restored(NamespaceId namespace, List<TableMetadata> tables) {
        if (capacity != null) {
            capacity.onRestore(namespace, tables);
        }
        for (CommitListener l : listeners) {
            l.onRestore(namespace, tables);
        }
    }

    /** Tells the capacity model and the listeners a table was deleted. */
    void deleted(Table table) {
        if (capacity != null) {
            capacity.onTableDeleted(table);
        }
        for (CommitListener l : listeners) {
            l.onTableDeleted(table);
        }
    }

    /** Tells the listeners a table was created (empty, or with the data of a restore). */
    void created(Table table) {
        for (CommitListener l : listeners) {
            l.onTableCreated(table);
        }
    }

    /** Tells the listeners a table's metadata changed; called with the table's lock held. */
    void metadataChanged(Table table) {
        for (CommitListener l : listeners) {
            l.onMetadataChanged(table);
        }
    }

    /** Tells the listeners a backup was added to or removed from a namespace. */
    void backupChanged(NamespaceId namespace, Backup backup, boolean added) {
        for (CommitListener l : listeners) {
            l.onBackupChanged(namespace, backup, added);
        }
    }

    /** The item-collection size limit of tables with local secondary indexes (10 GB; settable for tests). */
    private volatile long itemCollectionLimitBytes = 10L * 1024 * 1024 * 1024;

    public void itemCollectionLimitBytes(long limit) {
        this.itemCollectionLimitBytes = limit;
    }

    public long itemCollectionLimitBytes() {
        return itemCollectionLimitBytes;
    }

    /**
     * For tables with an LSI, an item collection (all items, with their LSI entries, sharing a partition key)
     * may not grow past the limit: ItemCollectionSizeLimitExceededException.
     */
    private void checkItemCollection(ItemChange c) {
        TableData data = c.table().data();
        List<IndexLayout> lsis = new ArrayList<>();
        for (IndexLayout l : data.layouts()) {
            if (!l.global()) {
                lsis.add(l);
            }
        }
        if (lsis.isEmpty() || c.newItem() == null) {
            return;
        }
        long growth = c.newItem().sizeBytes() - (c.oldItem() == null ? 0 : c.oldItem().sizeBytes());
        if (growth <= 0) {
            return;
        }
        long size = ItemCollections.sizeBytes(data, lsis, c.key().partition()) + growth;
        for (IndexLayout l : lsis) {
            if (l.covers(c.newItem())) {
                size += l.project(c.newItem()).sizeBytes();
            }
        }
        if (size > itemCollectionLimitBytes) {
            throw new DynamoException(
                ErrorTypes.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED,
                "Item collection size limit exceeded", 400);
        }
    }

    /** Commits changes whose tables are locked by the caller. No-op changes are applied but not announced. */
    void commitLocked(List<ItemChange> changes, CommitListener.Origin origin) {
        for (CommitListener l : listeners) {
            l.beforeCommit(changes, origin);
        }
        if (origin != CommitListener.Origin.TTL) {
            for (ItemChange c : changes) {
                if (c.newItem() != null) {
                    memory.checkWrite(); // writes that add data; deletes stay possible when the heap is full
                    break;
                }
            }
        }
        for (ItemChange c : changes) {
            c.table().data().checkIndexKeys(c.newItem()); // validate all before applying any
            checkItemCollection(c);
        }
        if (capacity != null && origin != CommitListener.Origin.TTL) {
            capacity.chargeWrites(changes, origin); // TTL deletions consume no capacity
        }
        List<ItemChange> effective = changes;
        for (ItemChange c : changes) {
            if (c.isNoop()) {
                effective = new ArrayList<>(changes.size());
                for (ItemChange d : changes) {
                    if (!d.isNoop()) {
                        effective.add(d);
                    }
                }
                break;
            }
        }
        if (effective.size() == 1) {
            effective.get(0).table().applyLocked(effective);
        } else {
            // one data swap per table, so no reader sees part of a multi-item commit
            java.util.Map<Table, List<ItemChange>> byTable = new java.util.LinkedHashMap<>();
            for (ItemChange c : effective) {
                byTable.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c);
            }
            byTable.forEach(Table::applyLocked);
        }
        if (!effective.isEmpty()) {
            for (CommitListener l : listeners) {
                l.onCommit(effective, origin);
            }
        }
    }

    /**
     * Reads several tables' current data as one consistent snapshot (no multi-table commit is half visible):
     * the tables are locked, in the same order as commits lock them, just long enough to take their data.
     */
    public java.util.Map<Table, TableData> snapshot(List<Table> tables) {
        java.util.Map<Table, TableData> out = new java.util.LinkedHashMap<>();
        atomically(tables, () -> {
            for (Table t : tables) {
                out.put(t, t.data());
            }
            return List.of();
        }, CommitListener.Origin.WRITE);
        return out;
    }

    /**
     * Runs {@code work} with the given tables locked (in name order, so concurrent multi-table commits cannot
     * deadlock). The work reads the tables' current data, computes its changes, and returns them; they are committed
     * before the locks are released. If the work throws, nothing is committed.
     */
    public List<ItemChange> atomically(List<Table> tables, java.util.function.Supplier<List<ItemChange>> work,
                                       CommitListener.Origin origin) {
        List<Table> ordered = new ArrayList<>(new java.util.LinkedHashSet<>(tables));
        ordered.sort(Comparator.comparing(Table::name).thenComparingInt(System::identityHashCode));
        int locked = 0;
        try {
            for (Table t : ordered) {
                t.lock().lock();
                locked++;
            }
            List<ItemChange> changes = work.get();
            commitLocked(changes, origin);
            return changes;
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                ordered.get(i).lock().unlock();
            }
        }
    }
}
