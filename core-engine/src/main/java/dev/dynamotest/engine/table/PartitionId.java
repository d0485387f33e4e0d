package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Values;

/** A partition-key value with its hash, ordered by hash then value: the table's scan order. */
public record PartitionId(long hash, AttributeValue value) implements Comparable<PartitionId> {

    public static PartitionId of(AttributeValue value) {
        return new PartitionId(PrimaryKey.partitionHash(value), value);
    }

    @Override
    public int compareTo(PartitionId o) {
        int c = Long.compare(hash, o.hash);
        return c != 0 ? c : Values.compareScalars(value, o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionId p && hash == p.hash && value.equals(p.value);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash);
    }
}
