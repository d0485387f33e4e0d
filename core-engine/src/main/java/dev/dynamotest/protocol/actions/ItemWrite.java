package dev.dynamotest.protocol.actions;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.ConditionEvaluator;
import dev.dynamotest.engine.expr.ConditionExplainer;
import dev.dynamotest.engine.expr.ExpressionKind;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.expr.UpdateResult;
import dev.dynamotest.engine.journal.KeyRef;
import dev.dynamotest.engine.journal.RequestTrace;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One validated, parsed item write, not yet applied: the target, the condition and how the new item follows
 * from the old one. PutItem, UpdateItem, DeleteItem, BatchWriteItem and TransactWriteItems all build these;
 * applying one is pure ({@link #apply}), so the commit point stays the only place that changes data.
 */
final class ItemWrite {
    enum Kind { PUT, UPDATE, DELETE, CONDITION_CHECK }

    final Kind kind;
    final Table table;
    final PrimaryKey key;
    final Condition condition;
    final boolean oldOnFailure;
    private final java.util.function.Function<Item, UpdateResult> change;

    ItemWrite(Kind kind, Table table, PrimaryKey key, Condition condition, boolean oldOnFailure,
              java.util.function.Function<Item, UpdateResult> change) {
        this.kind = kind;
        this.table = table;
        this.key = key;
        this.condition = condition;
        this.oldOnFailure = oldOnFailure;
        this.change = change;
    }

    static ItemWrite put(Table table, PrimaryKey key, Item item, Condition condition, boolean oldOnFailure) {
        return new ItemWrite(Kind.PUT, table, key, condition, oldOnFailure, old -> new UpdateResult(item, List.of()));
    }

    static ItemWrite delete(Table table, PrimaryKey key, Condition condition, boolean oldOnFailure) {
        return new ItemWrite(Kind.DELETE, table, key, condition, oldOnFailure, old -> new UpdateResult(null, List.of()));
    }

    static ItemWrite conditionCheck(Table table, PrimaryKey key, Condition condition, boolean oldOnFailure) {
        return new ItemWrite(Kind.CONDITION_CHECK, table, key, condition, oldOnFailure, old -> new UpdateResult(old, List.of()));
    }

    static ItemWrite update(Table table, PrimaryKey key, Condition condition, boolean oldOnFailure,
                            java.util.function.Function<Item, UpdateResult> change) {
        return new ItemWrite(Kind.UPDATE, table, key, condition, oldOnFailure, change);
    }

    /** For the journal: which part of the condition was false and the values compared (failure path only). */
    void explainFailure(Item old) {
        RequestTrace trace = RequestTrace.current();
        if (trace != null && condition != null) {
            for (String why : ConditionExplainer.explain(condition, old, ExpressionKind.CONDITION)) {
                trace.conditionFailed(new KeyRef(table.name(), null, table.keySchema().keyMap(key), true) + ": " + why);
            }
        }
    }

    /** True if the condition holds for the current item (no condition: true). */
    boolean conditionHolds(Item old) {
        return condition == null || ConditionEvaluator.evaluate(condition, old, ExpressionKind.CONDITION);
    }

    /**
     * The new item (null: deleted) and the updated paths, or a ConditionalCheckFailedException / a validation
     * error. Pure: nothing is written.
     */
    UpdateResult apply(Item old) {
        if (!conditionHolds(old)) {
            explainFailure(old);
            throw DynamoException.conditionalCheckFailed(oldOnFailure ? old : null);
        }
        UpdateResult r = change.apply(old);
        if (r.newItem() != null && r.newItem().sizeBytes() > Item.MAX_SIZE_BYTES) {
            throw DynamoException.validation(kind == Kind.UPDATE ? UpdateItem.ITEM_TOO_LARGE
                : Messages.ITEM_TOO_LARGE);
        }
        return r;
    }

    /** Adapts to the table's write function, recording the updated paths for ReturnValues. */
    UnaryOperator<Item> function(List<Path>[] updatedPaths) {
        return old -> {
            UpdateResult r = apply(old);
            if (updatedPaths != null) {
                updatedPaths[0] = r.updatedPaths();
            }
            return r.newItem();
        };
    }
}
