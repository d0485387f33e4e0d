package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Values;

/** A partition-key value with its hash, ordered by hash then value: the table's scan order. */
public record PartitionId(long hash, AttributeValue value) implements Comparable<PartitionId> {

    public static PartitionId of(AttributeValue value) {
        return new PartitionId(PrimaryKey.partitionHash(value), value);
    }

    /** A bound that sorts before every partition whose hash is {@code >= hash} (value null). */
    public static PartitionId lowerBound(long hash) {
        return new PartitionId(hash, null);
    }

    @Override
    public int compareTo(PartitionId o) {
        int c = Long.compare(hash, o.hash);
        if (c != 0) {
            return c;
        }
        if (value == null || o.value == null) {
            return value == null ? (o.value == null ? 0 : -1) : 1;
        }
        return Values.compareScalars(value, o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionId p && hash == p.hash && java.util.Objects.equals(value, p.value);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash);
    }
}
