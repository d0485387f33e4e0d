package dev.dynamotest.engine.expr;

import dev.dynamotest.engine.model.Item;
import java.util.List;

/** The outcome of an update: the new item (null: deleted) and the document paths the update touched. */
public record UpdateResult(Item newItem, List<Path> updatedPaths) {
    public UpdateResult {
        updatedPaths = List.copyOf(updatedPaths);
    }
}
