package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.Item;

/** One item's change at the commit point: {@code oldItem == null} is an insert, {@code newItem == null} a delete. */
public record ItemChange(Table table, PrimaryKey key, Item oldItem, Item newItem) {

    public boolean isNoop() {
        return oldItem == null ? newItem == null : oldItem.equals(newItem);
    }
}
