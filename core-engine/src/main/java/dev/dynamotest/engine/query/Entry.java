package dev.dynamotest.engine.query;

import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.PrimaryKey;

/** One item met by a read: its table key, the item (projected, for an index) and the index's sort value. */
public record Entry(PrimaryKey tableKey, Item item) {
}
