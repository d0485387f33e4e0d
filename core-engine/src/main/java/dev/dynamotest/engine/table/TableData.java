package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.model.Values;
import java.util.Comparator;
import org.pcollections.TreePMap;

/**
 * A table's items as an immutable, persistent structure: partitions ordered by (hash, value), and within each
 * partition the items ordered by sort key. Every change returns a new instance sharing structure with the old
 * one, so a snapshot is a reference and costs O(1); a change costs O(log n).
 */
public final class TableData {
    /** The sort-key slot used for tables without a sort key. */
    static final AttributeValue NO_SORT = AttributeValue.NULL;

    static final Comparator<AttributeValue> SORT_ORDER = (a, b) -> a == b ? 0 : Values.compareScalars(a, b);

    public static final TableData EMPTY = new TableData(TreePMap.empty(), 0, 0);

    private final TreePMap<PartitionId, TreePMap<AttributeValue, Item>> partitions;
    private final long itemCount;
    private final long sizeBytes;

    private TableData(TreePMap<PartitionId, TreePMap<AttributeValue, Item>> partitions, long itemCount, long sizeBytes) {
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

    public Item get(PrimaryKey key) {
        TreePMap<AttributeValue, Item> p = partitions.get(PartitionId.of(key.partition()));
        if (p == null) {
            return null;
        }
        return p.get(key.sort() == null ? NO_SORT : key.sort());
    }

    /** Returns the data with {@code item} stored under {@code key} ({@code item == null} deletes). */
    public TableData with(PrimaryKey key, Item oldItem, Item item) {
        PartitionId pid = PartitionId.of(key.partition());
        AttributeValue sk = key.sort() == null ? NO_SORT : key.sort();
        TreePMap<AttributeValue, Item> p = partitions.get(pid);
        long count = itemCount;
        long size = sizeBytes;
        if (oldItem != null) {
            count--;
            size -= oldItem.sizeBytes();
        }
        TreePMap<PartitionId, TreePMap<AttributeValue, Item>> next;
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
        return new TableData(next, count, size);
    }

    /** The partitions in scan order. */
    public TreePMap<PartitionId, TreePMap<AttributeValue, Item>> partitions() {
        return partitions;
    }

    /** One partition's items in sort-key order, or null. */
    public TreePMap<AttributeValue, Item> partition(AttributeValue partitionValue) {
        return partitions.get(PartitionId.of(partitionValue));
    }
}
