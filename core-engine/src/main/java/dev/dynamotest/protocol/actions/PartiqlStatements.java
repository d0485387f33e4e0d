package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.ConditionEvaluator;
import dev.dynamotest.engine.expr.DocumentPaths;
import dev.dynamotest.engine.expr.ExpressionKind;
import dev.dynamotest.engine.expr.Operand;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.expr.UpdateApplier;
import dev.dynamotest.engine.expr.UpdateExpression;
import dev.dynamotest.engine.expr.UpdateResult;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.partiql.PartiqlParser;
import dev.dynamotest.engine.partiql.PartiqlPlanner;
import dev.dynamotest.engine.partiql.Statement;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the three PartiQL actions share: reading a statement and its parameters from the request, finding the
 * table, and planning writes onto {@link ItemWrite}s, so they are checked and committed exactly like the JSON
 * API's writes (singly or through TransactWriteItems' commit).
 */
final class PartiqlStatements {
    private PartiqlStatements() {
    }

    static final String DUPLICATE_ITEM = "Duplicate primary key exists in table";
    static final String EXISTS_OUTSIDE_TRANSACTION = "EXISTS can only be used in ExecuteTransaction write requests.";
    /** DynamoDB Local 2.6.1 words an EXISTS failure with a full stop, unlike other condition failures. */
    static final String EXISTS_FAILED = "The conditional request failed.";

    /** Validates and parses {@code Statement} and {@code Parameters} of a request or of one list entry. */
    static Statement parse(JsonNode node, String memberPrefix) {
        String text = Requests.string(node, "Statement");
        JsonNode params = Requests.array(node, "Parameters");
        ValidationErrors v = new ValidationErrors();
        v.notNull(memberPrefix + "statement", text);
        v.minLength(memberPrefix + "statement", text, 1);
        v.maxLength(memberPrefix + "statement", text, 8192);
        if (params != null && params.size() == 0) {
            v.add("Value '[]' at '" + memberPrefix + "parameters' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        v.oneOf(memberPrefix + "returnValuesOnConditionCheckFailure", Requests.string(node, "ReturnValuesOnConditionCheckFailure"),
            ItemRequests.RETURN_VALUES_ON_CCF);
        v.throwIfAny();
        List<AttributeValue> values = new ArrayList<>();
        if (params != null) {
            for (JsonNode p : params) {
                values.add(AttributeValueJson.read(p));
            }
        }
        return PartiqlParser.parse(text, values);
    }

    /**
     * Validates a statement list (BatchExecuteStatement's Statements, ExecuteTransaction's TransactStatements):
     * present, 1..max entries.
     */
    static void checkList(JsonNode list, String member, int max) {
        String shape = member.equals("statements") ? "BatchStatementRequest" : "ParameterizedStatement";
        ValidationErrors v = new ValidationErrors();
        if (v.notNull(member, list)) {
            if (list.size() == 0) {
                v.add("Value '[]' at '" + member + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
            } else if (list.size() > max) {
                v.add("Value '" + ValidationErrors.javaText(list, shape) + "' at '" + member + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
            }
        }
        v.throwIfAny();
    }

    static final String BAD_NAME = "Table name should be within the length [3, 255] and only contain 'a-z', 'A-Z', '0-9', '-', '_', '.'.";

    private static void checkName(String name) {
        if (name != null && (name.length() < 3 || name.length() > 255 || !ValidationErrors.TABLE_NAME_PATTERN.matcher(name).matches())) {
            throw DynamoException.validation(BAD_NAME);
        }
    }

    /**
     * The statement's table, or ResourceNotFoundException with {@code notFound}. Table and index names of reads,
     * updates and deletes must be valid names first (DynamoDB Local 2.6.1 does not check INSERT's).
     */
    static Table table(RequestContext ctx, Statement s, String notFound) {
        Statement.Select sel = s instanceof Statement.Select x ? x : s instanceof Statement.Exists e ? e.select() : null;
        if (!(s instanceof Statement.Insert)) {
            checkName(s.table());
            checkName(sel == null ? null : sel.index());
        }
        return table(ctx, s.table(), notFound);
    }

    /** The table, or ResourceNotFoundException with {@code notFound}. */
    static Table table(RequestContext ctx, String name, String notFound) {
        Table t = Tables.find(ctx.namespace(), name);
        if (t == null) {
            throw DynamoException.resourceNotFound(notFound);
        }
        return t;
    }

    static boolean isWrite(Statement s) {
        return s instanceof Statement.Insert || s instanceof Statement.Update || s instanceof Statement.Delete;
    }

    static Statement.Returning returning(Statement s) {
        if (s instanceof Statement.Update u) {
            return u.returning();
        }
        if (s instanceof Statement.Delete d) {
            return d.returning();
        }
        return null;
    }

    private static Condition exists(Table table) {
        return new Condition.Function("attribute_exists",
            List.of(new Operand.PathOperand(Path.of(table.keySchema().partition().name()))));
    }

    private static Condition notExists(Table table) {
        return new Condition.Function("attribute_not_exists",
            List.of(new Operand.PathOperand(Path.of(table.keySchema().partition().name()))));
    }

    /**
     * Plans INSERT, UPDATE, DELETE (and a transaction's EXISTS) on {@code table}. INSERT puts only if no item has
     * the key (DuplicateItemException); UPDATE requires the item to exist and the rest of the WHERE clause to hold;
     * DELETE of an existing item requires the rest of the WHERE clause to hold, and deleting a missing item is no
     * error (DynamoDB Local 2.6.1 answers so even with extra conditions).
     */
    static ItemWrite write(Table table, Statement s, boolean oldOnFailure) {
        if (s instanceof Statement.Insert ins) {
            PartiqlPlanner.checkItemKey(ins.item(), table.keySchema());
            PrimaryKey key = table.keySchema().keyOfItem(ins.item());
            if (ins.item().sizeBytes() > Item.MAX_SIZE_BYTES) {
                throw DynamoException.validation(Messages.ITEM_TOO_LARGE);
            }
            return new ItemWrite(ItemWrite.Kind.PUT, table, key, null, oldOnFailure, old -> {
                if (old != null) {
                    throw new DynamoException(ErrorTypes.DUPLICATE_ITEM, DUPLICATE_ITEM, 400);
                }
                return new UpdateResult(ins.item(), List.of());
            });
        }
        if (s instanceof Statement.Update up) {
            PartiqlPlanner.SingleItem target = PartiqlPlanner.singleItem(up.where(), table.keySchema());
            UpdateExpression update = PartiqlPlanner.check(up.update());
            Condition rest = PartiqlPlanner.check(target.rest());
            Map<String, AttributeValue> keyMap = target.key();
            PrimaryKey key = table.keySchema().keyOf(keyMap);
            Condition condition = rest == null ? exists(table) : new Condition.And(exists(table), rest);
            return ItemWrite.update(table, key, condition, oldOnFailure,
                old -> UpdateApplier.apply(update, old, keyMap, keyMap.keySet()));
        }
        if (s instanceof Statement.Delete del) {
            PartiqlPlanner.SingleItem target = PartiqlPlanner.singleItem(del.where(), table.keySchema());
            Condition rest = PartiqlPlanner.check(target.rest());
            PrimaryKey key = table.keySchema().keyOf(target.key());
            return ItemWrite.delete(table, key, rest == null ? null : new Condition.Or(notExists(table), rest), oldOnFailure);
        }
        if (s instanceof Statement.Exists ex) {
            PartiqlPlanner.SingleItem target = PartiqlPlanner.singleItem(ex.select().where(), table.keySchema());
            Condition rest = PartiqlPlanner.check(target.rest());
            if (rest == null) {
                throw DynamoException.validation("EXISTS() must contain a single item read with additional condition");
            }
            PrimaryKey key = table.keySchema().keyOf(target.key());
            return new ItemWrite(ItemWrite.Kind.CONDITION_CHECK, table, key, null, oldOnFailure, old -> {
                if (old == null || !ConditionEvaluator.evaluate(rest, old, ExpressionKind.CONDITION)) {
                    throw new DynamoException(ErrorTypes.CONDITIONAL_CHECK_FAILED, EXISTS_FAILED, 400, oldOnFailure ? old : null);
                }
                return new UpdateResult(old, List.of());
            });
        }
        throw new IllegalArgumentException("not a write: " + s);
    }

    /** The item a write's RETURNING clause asks for, or null. */
    static Item returned(Statement.Returning returning, ItemChange change, List<Path> updated) {
        if (returning == null) {
            return null;
        }
        switch (returning) {
            case ALL_OLD:
                return change.oldItem();
            case ALL_NEW:
                return change.newItem();
            case MODIFIED_OLD:
                return UpdateItem.updatedPaths(change.oldItem(), updated);
            default:
                return UpdateItem.updatedPaths(change.newItem(), updated);
        }
    }

    /**
     * A SELECT's projection: each path's value under the name PartiQL gives it ({@code SELECT m.n.d} answers
     * {@code {"d": ...}}); paths the item lacks are left out; {@code null} projection is {@code *}.
     */
    static Item project(Item item, List<Path> projection) {
        if (projection == null) {
            return item;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Path p : projection) {
            AttributeValue v = DocumentPaths.get(item, p);
            if (v != null) {
                out.put(PartiqlParser.resultName(p), v);
            }
        }
        return Item.of(out);
    }

    /** The identity of one item across tables, for the duplicate checks of batches and transactions. */
    static String target(Table table, PrimaryKey key) {
        return table.metadata().arn() + "\u0000" + key.partition() + "\u0000" + key.sort();
    }

    /** The error code of a BatchExecuteStatement entry: the exception's type without "Exception". */
    static String batchCode(DynamoException e) {
        switch (e.type()) {
            case ErrorTypes.CONDITIONAL_CHECK_FAILED: return "ConditionalCheckFailed";
            case ErrorTypes.DUPLICATE_ITEM: return "DuplicateItem";
            case ErrorTypes.RESOURCE_NOT_FOUND: return "ResourceNotFound";
            case ErrorTypes.VALIDATION: return "ValidationError";
            case ErrorTypes.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED: return "ItemCollectionSizeLimitExceeded";
            case ErrorTypes.TRANSACTION_CONFLICT: return "TransactionConflict";
            case ErrorTypes.PROVISIONED_THROUGHPUT_EXCEEDED: return "ProvisionedThroughputExceeded";
            case ErrorTypes.THROTTLING: return "ThrottlingError";
            default: return "InternalServerError";
        }
    }
}
