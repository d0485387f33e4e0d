package dev.dynamotest.engine.capacity;

import dev.dynamotest.engine.model.Item;

/**
 * DynamoDB's capacity-unit arithmetic: a read unit per 4 KB (half for eventually consistent reads), a write unit
 * per 1 KB, rounded up, at least one unit (half a unit for an eventually consistent read).
 */
public final class CapacityUnits {
    private CapacityUnits() {
    }

    public static final int READ_UNIT_BYTES = 4096;
    public static final int WRITE_UNIT_BYTES = 1024;

    public static double read(long sizeBytes, boolean consistent) {
        long units = Math.max(1, (sizeBytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
        return consistent ? units : units / 2.0;
    }

    public static double write(long sizeBytes) {
        return Math.max(1, (sizeBytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
    }

    /** A write's units: by the larger of the item before and after the write. */
    public static double write(Item oldItem, Item newItem) {
        long size = Math.max(oldItem == null ? 0 : oldItem.sizeBytes(), newItem == null ? 0 : newItem.sizeBytes());
        return write(size);
    }

    public static double read(Item item, boolean consistent) {
        return read(item == null ? 0 : item.sizeBytes(), consistent);
    }
}
