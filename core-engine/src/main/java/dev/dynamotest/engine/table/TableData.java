package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.model.Values;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.pcollections.TreePMap;

/**
 * A table's items as an immutable, persistent structure: partitions ordered by (hash, value), and within each
 * partition the items ordered by sort key. Every change returns a new instance sharing structure with the old
 * one, so a snapshot is a reference and costs O(1); a change costs O(log n). In a table without a sort key a
 * partition is its one item, held as the partition's value itself rather than in a map of one entry.
 */
public final class TableData {
    /** The sort-key slot used for tables without a sort key. */
    static final AttributeValue NO_SORT = AttributeValue.NULL;

    static final Comparator<AttributeValue> SORT_ORDER = (a, b) -> a == b ? 0 : Values.compareScalars(a, b);

    public static final TableData EMPTY = new TableData(TreePMap.empty(), 0, 0, List.of(), new IndexData[0]);

    /** A partition's value: its Item (tables without a sort key) or its items by sort key (a TreePMap). */
    private final TreePMap<PartitionId, Object> partitions;
    private final long itemCount;
    private final long sizeBytes;
    private final List<IndexLayout> layouts;
    private final IndexData[] indexes; // aligned with layouts; never mutated after construction

    private TableData(TreePMap<PartitionId, Object> partitions, long itemCount, long sizeBytes,
                      List<IndexLayout> layouts, IndexData[] indexes) {
        this.partitions = partitions;
        this.itemCount = itemCount;
        this.sizeBytes = sizeBytes;
        this.layouts = layouts;
        this.indexes = indexes;
    }

    /** An empty table with the given secondary indexes. */
    public static TableData empty(List<IndexLayout> layouts) {
        IndexData[] idx = new IndexData[layouts.size()];
        Arrays.fill(idx, IndexData.EMPTY);
        return new TableData(TreePMap.empty(), 0, 0, List.copyOf(layouts), idx);
    }

    public List<IndexLayout> layouts() {
        return layouts;
    }

    /** The index's layout, or null. */
    public IndexLayout layout(String indexName) {
        for (IndexLayout l : layouts) {
            if (l.name().equals(indexName)) {
                return l;
            }
        }
        return null;
    }

    /** The index's entries, or null if the table has no such index. */
    public IndexData index(String indexName) {
        for (int i = 0; i < layouts.size(); i++) {
            if (layouts.get(i).name().equals(indexName)) {
                return indexes[i];
            }
        }
        return null;
    }

    /** Rejects a new item whose index key attributes are invalid for an index (before anything is applied). */
    public void checkIndexKeys(Item item) {
        if (item != null) {
            for (IndexLayout l : layouts) {
                l.check(item);
            }
        }
    }

    /**
     * The same items under a new set of indexes: indexes kept by name keep their entries, new ones are filled
     * from the table's items (backfill), dropped ones disappear.
     */
    public TableData withLayouts(List<IndexLayout> newLayouts) {
        IndexData[] idx = new IndexData[newLayouts.size()];
        for (int i = 0; i < newLayouts.size(); i++) {
            IndexLayout l = newLayouts.get(i);
            IndexData existing = null;
            for (int j = 0; j < layouts.size(); j++) {
                if (layouts.get(j).equals(l)) {
                    existing = indexes[j];
                }
            }
            if (existing == null) {
                existing = IndexData.EMPTY;
                for (Object p : partitions.values()) {
                    for (Item item : items(p)) {
                        PrimaryKey key = new PrimaryKey(item.get(l.tableKey().partition().name()),
                            l.tableKey().sort() == null ? null : item.get(l.tableKey().sort().name()));
                        existing = existing.with(l, key, null, item);
                    }
                }
            }
            idx[i] = existing;
        }
        return new TableData(partitions, itemCount, sizeBytes, List.copyOf(newLayouts), idx);
    }

    public long itemCount() {
        return itemCount;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Item get(PrimaryKey key) {
        Object p = partitions.get(PartitionId.of(key.partition()));
        if (p == null) {
            return null;
        }
        if (p instanceof Item item) {
            return key.sort() == null ? item : null;
        }
        return sortMap(p).get(key.sort() == null ? NO_SORT : key.sort());
    }

    @SuppressWarnings("unchecked")
    private static TreePMap<AttributeValue, Item> sortMap(Object partition) {
        return (TreePMap<AttributeValue, Item>) partition;
    }

    /** The items of a partition value of {@link #partitions()}, in sort-key order. */
    public static Iterable<Item> items(Object partition) {
        return partition instanceof Item item ? List.of(item) : sortMap(partition).values();
    }

    /**
     * Every item of the table, partition after partition in scan order and by sort key within a partition: the walk
     * that snapshots, checkpoints and exports write out. Lazy; it reads this immutable instance, so it needs no lock.
     */
    public Iterable<Item> allItems() {
        return () -> new Iterator<>() {
            private final Iterator<Object> parts = partitions.values().iterator();
            private Iterator<Item> inPartition = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!inPartition.hasNext() && parts.hasNext()) {
                    inPartition = items(parts.next()).iterator();
                }
                return inPartition.hasNext();
            }

            @Override
            public Item next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return inPartition.next();
            }
        };
    }

    /** A partition value of {@link #partitions()} as a map by sort key (a map of one entry for an item). */
    public static TreePMap<AttributeValue, Item> asSortMap(Object partition) {
        return partition instanceof Item item ? TreePMap.<AttributeValue, Item>empty(SORT_ORDER).plus(NO_SORT, item)
            : sortMap(partition);
    }

    /** Returns the data with {@code item} stored under {@code key} ({@code item == null} deletes). */
    public TableData with(PrimaryKey key, Item oldItem, Item item) {
        PartitionId pid = PartitionId.of(key.partition());
        Object partition = partitions.get(pid);
        long count = itemCount;
        long size = sizeBytes;
        if (oldItem != null) {
            count--;
            size -= oldItem.sizeBytes();
        }
        TreePMap<PartitionId, Object> next;
        if (key.sort() == null && (partition == null || partition instanceof Item)) {
            if (item == null) {
                if (partition == null) {
                    return this;
                }
                next = partitions.minus(pid);
            } else {
                next = partitions.plus(pid, item);
                count++;
                size += item.sizeBytes();
            }
        } else {
            AttributeValue sk = key.sort() == null ? NO_SORT : key.sort();
            TreePMap<AttributeValue, Item> p = partition == null ? null : asSortMap(partition);
            if (item == null) {
                if (p == null || !p.containsKey(sk)) {
                    return this;
                }
                TreePMap<AttributeValue, Item> np = p.minus(sk);
                next = np.isEmpty() ? partitions.minus(pid) : partitions.plus(pid, np);
            } else {
                if (p == null) {
                    p = TreePMap.empty(SORT_ORDER);
                }
                next = partitions.plus(pid, p.plus(sk, item));
                count++;
                size += item.sizeBytes();
            }
        }
        IndexData[] idx = indexes;
        if (idx.length > 0) {
            idx = idx.clone();
            for (int i = 0; i < idx.length; i++) {
                idx[i] = idx[i].with(layouts.get(i), key, oldItem, item);
            }
        }
        return new TableData(next, count, size, layouts, idx);
    }

    /**
     * The partitions in scan order. A value is an {@link Item} (a table without a sort key) or the partition's
     * items by sort key: read it with {@link #items} or {@link #asSortMap}.
     */
    public TreePMap<PartitionId, Object> partitions() {
        return partitions;
    }

    /** One partition's items in sort-key order, or null. */
    public TreePMap<AttributeValue, Item> partition(AttributeValue partitionValue) {
        Object p = partitions.get(PartitionId.of(partitionValue));
        return p == null ? null : asSortMap(p);
    }
}
