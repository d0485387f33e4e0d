package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.Operand;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.expr.UpdateApplier;
import dev.dynamotest.engine.expr.UpdateResult;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.partiql.PartiqlParser;
import dev.dynamotest.engine.partiql.Statement;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans PartiQL statements onto the engine: writes become {@link ItemWrite}s (so they commit like the JSON API's
 * writes, singly or in a transaction), reads use the same readers and evaluator as Query and Scan.
 */
final class PartiqlStatements {
    private PartiqlStatements() {
    }

    static final String DUPLICATE_ITEM = "Duplicate primary key exists in table";
    static final String MISSING_KEY_EQUALITY = "Where clause does not contain a mandatory equality on all key attributes";

    static Statement parse(JsonNode req) {
        String text = Requests.string(req, "Statement");
        JsonNode params = Requests.array(req, "Parameters");
        List<AttributeValue> values = new ArrayList<>();
        if (params != null) {
            for (JsonNode p : params) {
                values.add(AttributeValueJson.read(p));
            }
        }
        return PartiqlParser.parse(text, values);
    }

    /**
     * Validates and parses a list of statements (BatchExecuteStatement's Statements, ExecuteTransaction's
     * TransactStatements): 1..max entries, all reads or all writes.
     */
    static List<Statement> parseAll(JsonNode list, String member, int max, String mixed) {
        dev.dynamotest.protocol.ValidationErrors v = new dev.dynamotest.protocol.ValidationErrors();
        if (v.notNull(member, list)) {
            if (list.size() == 0) {
                v.add("Value '[]' at '" + member + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
            } else if (list.size() > max) {
                v.add("Value '" + list + "' at '" + member + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
            }
        }
        v.throwIfAny();
        List<Statement> statements = new ArrayList<>();
        for (JsonNode s : list) {
            statements.add(parse(s));
        }
        boolean reads = isRead(statements.get(0));
        for (Statement s : statements) {
            if (isRead(s) != reads) {
                throw DynamoException.validation(mixed);
            }
        }
        return statements;
    }

    static Table table(RequestContext ctx, String name) {
        return Tables.require(ctx, name);
    }

    /** The top-level equality conditions {@code attr = literal} joined by AND, by attribute. */
    static Map<String, AttributeValue> equalities(Condition c) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        collect(c, out);
        return out;
    }

    private static void collect(Condition c, Map<String, AttributeValue> out) {
        if (c instanceof Condition.And a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else if (c instanceof Condition.Compare cmp && cmp.comparator() == Condition.Comparator.EQ) {
            if (cmp.left() instanceof Operand.PathOperand p && p.path().isTopLevel() && cmp.right() instanceof Operand.Literal l) {
                out.putIfAbsent(p.path().attribute(), l.value());
            } else if (cmp.right() instanceof Operand.PathOperand p && p.path().isTopLevel() && cmp.left() instanceof Operand.Literal l) {
                out.putIfAbsent(p.path().attribute(), l.value());
            }
        }
    }

    /** The full primary key named by the WHERE clause's equalities, or the service's error. */
    static PrimaryKey key(Table table, Condition where) {
        KeySchema ks = table.keySchema();
        Map<String, AttributeValue> eq = equalities(where);
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(ks.partition().name(), eq.get(ks.partition().name()));
        if (ks.sort() != null) {
            key.put(ks.sort().name(), eq.get(ks.sort().name()));
        }
        if (key.containsValue(null)) {
            throw DynamoException.validation(MISSING_KEY_EQUALITY);
        }
        return ks.keyOf(key);
    }

    /** Plans a write statement; {@code oldOnFailure}: ReturnValuesOnConditionCheckFailure = ALL_OLD. */
    static ItemWrite write(RequestContext ctx, Statement s, boolean oldOnFailure) {
        Table table = table(ctx, s.table());
        if (s instanceof Statement.Insert ins) {
            PrimaryKey key = table.keySchema().keyOfItem(ins.item());
            if (ins.item().sizeBytes() > Item.MAX_SIZE_BYTES) {
                throw DynamoException.validation(dev.dynamotest.engine.error.Messages.ITEM_TOO_LARGE);
            }
            return new ItemWrite(ItemWrite.Kind.PUT, table, key, null, oldOnFailure, old -> {
                if (old != null) {
                    throw new DynamoException(dev.dynamotest.engine.error.ErrorTypes.DUPLICATE_ITEM, DUPLICATE_ITEM, 400);
                }
                return new UpdateResult(ins.item(), List.of());
            });
        }
        if (s instanceof Statement.Update up) {
            PrimaryKey key = key(table, up.where());
            Map<String, AttributeValue> keyMap = table.keySchema().keyMap(key);
            // the item must exist, and every other condition of the WHERE clause must hold
            Condition exists = new Condition.Function("attribute_exists", List.of(new Operand.PathOperand(Path.of(table.keySchema().partition().name()))));
            Condition condition = new Condition.And(exists, up.where());
            return ItemWrite.update(table, key, condition, oldOnFailure,
                old -> UpdateApplier.apply(up.update(), old, keyMap, keyMap.keySet()));
        }
        if (s instanceof Statement.Delete del) {
            PrimaryKey key = key(table, del.where());
            Map<String, AttributeValue> eq = equalities(del.where());
            boolean keyOnly = onlyKeyEqualities(del.where(), table.keySchema());
            return ItemWrite.delete(table, key, keyOnly && eq.size() <= 2 ? null : del.where(), oldOnFailure);
        }
        throw DynamoException.validation("Unsupported operation: a SELECT is not a write");
    }

    /** True if the WHERE clause is nothing but equalities on the key attributes. */
    static boolean onlyKeyEqualities(Condition c, KeySchema ks) {
        if (c instanceof Condition.And a) {
            return onlyKeyEqualities(a.left(), ks) && onlyKeyEqualities(a.right(), ks);
        }
        return c instanceof Condition.Compare cmp && cmp.comparator() == Condition.Comparator.EQ
            && (cmp.left() instanceof Operand.PathOperand p && p.path().isTopLevel() && ks.isKeyAttribute(p.path().attribute())
                && cmp.right() instanceof Operand.Literal);
    }

    static boolean isRead(Statement s) {
        return s instanceof Statement.Select;
    }
}
