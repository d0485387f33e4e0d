package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import java.util.List;
import java.util.NavigableMap;

/** Item-collection sizes (a partition's items plus their local-index entries), for LSI tables. */
public final class ItemCollections {
    private ItemCollections() {
    }

    public static long sizeBytes(TableData data, List<IndexLayout> localIndexes, AttributeValue partition) {
        NavigableMap<AttributeValue, Item> items = data.partition(partition);
        if (items == null) {
            return 0;
        }
        long size = 0;
        for (Item item : items.values()) {
            size += item.sizeBytes();
            for (IndexLayout l : localIndexes) {
                if (l.covers(item)) {
                    size += l.project(item).sizeBytes();
                }
            }
        }
        return size;
    }
}
