package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Values;

/**
 * Orders entries within one index partition: by the index sort key, then by the table's primary key (several
 * items may share an index key; the table key makes each entry unique and the order deterministic).
 * {@code bound} is 0 for real entries; -1 / +1 make a search key that sorts before / after every entry with
 * the same index sort value.
 */
public record IndexEntryKey(AttributeValue indexSort, AttributeValue tablePartition, AttributeValue tableSort, int bound)
    implements Comparable<IndexEntryKey> {

    public IndexEntryKey(AttributeValue indexSort, AttributeValue tablePartition, AttributeValue tableSort) {
        this(indexSort, tablePartition, tableSort, 0);
    }

    /** Sorts before every entry whose index sort value is {@code sort}. */
    public static IndexEntryKey lowest(AttributeValue sort) {
        return new IndexEntryKey(sort, null, null, -1);
    }

    /** Sorts after every entry whose index sort value is {@code sort}. */
    public static IndexEntryKey highest(AttributeValue sort) {
        return new IndexEntryKey(sort, null, null, 1);
    }

    @Override
    public int compareTo(IndexEntryKey o) {
        int c = compareNullable(indexSort, o.indexSort);
        if (c != 0) {
            return c;
        }
        if (bound != 0 || o.bound != 0) {
            return Integer.compare(bound, o.bound);
        }
        c = Long.compare(PrimaryKey.partitionHash(tablePartition), PrimaryKey.partitionHash(o.tablePartition));
        if (c != 0) {
            return c;
        }
        c = Values.compareScalars(tablePartition, o.tablePartition);
        if (c != 0) {
            return c;
        }
        return compareNullable(tableSort, o.tableSort);
    }

    private static int compareNullable(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return Values.compareScalars(a, b);
    }

    /** The table's primary key of this entry. */
    public PrimaryKey tableKey() {
        return new PrimaryKey(tablePartition, tableSort);
    }
}
