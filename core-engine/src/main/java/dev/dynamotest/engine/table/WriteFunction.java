package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.Item;

/**
 * Computes an item's new state from its current one, purely: returns the new item, or null to delete it. It may
 * throw a {@link dev.dynamotest.engine.error.DynamoException} (a failed condition, a validation error); then
 * nothing is written.
 */
@FunctionalInterface
public interface WriteFunction {
    Item apply(Item current);
}
