package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import org.pcollections.TreePMap;

/**
 * One secondary index's entries, persistent like {@link TableData}: partitions by (hash, value) of the index
 * partition key, entries by {@link IndexEntryKey}. Holds projected items only.
 */
public final class IndexData {
    public static final IndexData EMPTY = new IndexData(TreePMap.empty(), 0, 0);

    private final TreePMap<PartitionId, TreePMap<IndexEntryKey, Item>> partitions;
    private final long itemCount;
    private final long sizeBytes;

    private IndexData(TreePMap<PartitionId, TreePMap<IndexEntryKey, Item>> partitions, long itemCount, long sizeBytes) {
        this.partitions = partitions;
        this.itemCount = itemCount;
        this.sizeBytes = sizeBytes;
    }

    public long itemCount() {
        return itemCount;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public TreePMap<PartitionId, TreePMap<IndexEntryKey, Item>> partitions() {
        return partitions;
    }

    public TreePMap<IndexEntryKey, Item> partition(AttributeValue partitionValue) {
        return partitions.get(PartitionId.of(partitionValue));
    }

    /** Applies a base-table change to this index. */
    IndexData with(IndexLayout layout, PrimaryKey key, Item oldItem, Item newItem) {
        boolean hadEntry = layout.covers(oldItem);
        boolean hasEntry = layout.covers(newItem);
        if (!hadEntry && !hasEntry) {
            return this;
        }
        Item oldProjected = hadEntry ? layout.project(oldItem) : null;
        Item newProjected = hasEntry ? layout.project(newItem) : null;
        IndexData d = this;
        if (hadEntry) {
            d = d.remove(layout, key, oldItem, oldProjected);
        }
        if (hasEntry) {
            d = d.add(layout, key, newItem, newProjected);
        }
        return d;
    }

    private static PartitionId pid(IndexLayout layout, Item item) {
        return PartitionId.of(layout.partitionValue(item));
    }

    private static IndexEntryKey entryKey(IndexLayout layout, PrimaryKey key, Item item) {
        return new IndexEntryKey(layout.sortValue(item), key.partition(), key.sort());
    }

    private IndexData remove(IndexLayout layout, PrimaryKey key, Item item, Item projected) {
        PartitionId pid = pid(layout, item);
        TreePMap<IndexEntryKey, Item> p = partitions.get(pid);
        if (p == null) {
            return this;
        }
        IndexEntryKey ek = entryKey(layout, key, item);
        if (!p.containsKey(ek)) {
            return this;
        }
        TreePMap<IndexEntryKey, Item> np = p.minus(ek);
        return new IndexData(np.isEmpty() ? partitions.minus(pid) : partitions.plus(pid, np), itemCount - 1,
            sizeBytes - projected.sizeBytes());
    }

    private IndexData add(IndexLayout layout, PrimaryKey key, Item item, Item projected) {
        PartitionId pid = pid(layout, item);
        TreePMap<IndexEntryKey, Item> p = partitions.get(pid);
        if (p == null) {
            p = TreePMap.empty();
        }
        return new IndexData(partitions.plus(pid, p.plus(entryKey(layout, key, item), projected)), itemCount + 1,
            sizeBytes + projected.sizeBytes());
    }
}
