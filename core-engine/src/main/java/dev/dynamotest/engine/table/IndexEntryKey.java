package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Values;

/**
 * Orders entries within one index partition: by the index sort key, then by the table's primary key (several
 * items may share an index key; the table key makes each entry unique and the order deterministic).
 */
public record IndexEntryKey(AttributeValue indexSort, AttributeValue tablePartition, AttributeValue tableSort)
    implements Comparable<IndexEntryKey> {

    @Override
    public int compareTo(IndexEntryKey o) {
        int c = compareNullable(indexSort, o.indexSort);
        if (c != 0) {
            return c;
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
