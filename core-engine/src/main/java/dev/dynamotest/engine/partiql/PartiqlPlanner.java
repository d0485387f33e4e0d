package dev.dynamotest.engine.partiql;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.ExpressionAttributes;
import dev.dynamotest.engine.expr.ExpressionKind;
import dev.dynamotest.engine.expr.Operand;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.expr.UpdateExpression;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.query.SortCondition;
import dev.dynamotest.engine.table.KeyAttribute;
import dev.dynamotest.engine.table.KeySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans parsed statements against a key schema: which single item a write (or a batch/transaction read)
 * addresses and what is left of its WHERE clause as a condition, and how a SELECT reads (one partition with a
 * sort-key range and direction, or a scan). It also runs the expression front end's static checks (operand
 * types, BETWEEN bounds, overlapping update paths) on the bound trees, with PartiQL's message texts. Pure: no
 * table access.
 */
public final class PartiqlPlanner {
    private PartiqlPlanner() {
    }

    public static final String MISSING_KEY_EQUALITY = "Where clause does not contain a mandatory equality on all key attributes";
    public static final String MULTIPLE_KEY_CONDITIONS =
        "Multiple conditions on same key %s. Only single item Update/Insert/Delete are supported";
    public static final String KEY_TYPE = "Key attribute's data type should match its data type in table's schema: Key %s";
    public static final String KEY_NOT_IN_ITEM = "Key attribute should be present in the item: Key %s";
    public static final String ORDER_BY_WITHOUT_WHERE = "Must have WHERE clause in the statement when using ORDER BY clause.";
    public static final String ORDER_BY_WITHOUT_HASH =
        "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.";
    public static final String ORDER_BY_NOT_KEY = "Variable reference %s in ORDER BY clause must be part of the primary key";

    /** The item a statement addresses by its full key, and the rest of the WHERE clause (null if nothing is left). */
    public record SingleItem(Map<String, AttributeValue> key, Condition rest) {
    }

    /**
     * How a SELECT reads its table or index: {@code partition} null for a scan; otherwise that partition, in
     * sort-key order ({@code forward}), restricted to {@code sort} when the WHERE clause bounds the sort key.
     */
    public record ReadPlan(AttributeValue partition, SortCondition sort, boolean forward) {
        public boolean isQuery() {
            return partition != null;
        }
    }

    // ------------------------------------------------------------------ static checks

    /**
     * The expression front end's checks on a bound condition (operand types, distinct operands, BETWEEN bounds,
     * function arity, attribute_type names), reported without the "Invalid FilterExpression: " prefix as PartiQL
     * reports them.
     */
    public static Condition check(Condition c) {
        if (c == null) {
            return null;
        }
        try {
            return new ExpressionAttributes(null, null).resolve(c, ExpressionKind.FILTER);
        } catch (DynamoException e) {
            throw unprefixed(e, ExpressionKind.FILTER);
        }
    }

    /** The same for an update: operand types, overlapping or conflicting paths. */
    public static UpdateExpression check(UpdateExpression u) {
        try {
            return new ExpressionAttributes(null, null).resolve(u);
        } catch (DynamoException e) {
            throw unprefixed(e, ExpressionKind.UPDATE);
        }
    }

    private static DynamoException unprefixed(DynamoException e, ExpressionKind kind) {
        String prefix = kind.invalid("");
        String m = e.getMessage();
        if (m != null && m.startsWith(prefix)) {
            return new DynamoException(e.type(), m.substring(prefix.length()), e.status(), e.item());
        }
        return e;
    }

    // ------------------------------------------------------------------ single items

    /** The top-level AND terms of a condition, in order. */
    public static List<Condition> conjuncts(Condition c) {
        List<Condition> out = new ArrayList<>();
        if (c != null) {
            collect(c, out);
        }
        return out;
    }

    private static void collect(Condition c, List<Condition> out) {
        if (c instanceof Condition.And a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else {
            out.add(c);
        }
    }

    /** {@code attr = literal} or {@code literal = attr} on a top-level attribute: the attribute and the value. */
    private static Map.Entry<String, AttributeValue> equality(Condition c) {
        if (c instanceof Condition.Compare cmp && cmp.comparator() == Condition.Comparator.EQ) {
            if (cmp.left() instanceof Operand.PathOperand p && p.path().isTopLevel() && cmp.right() instanceof Operand.Literal l) {
                return Map.entry(p.path().attribute(), l.value());
            }
            if (cmp.right() instanceof Operand.PathOperand p && p.path().isTopLevel() && cmp.left() instanceof Operand.Literal l) {
                return Map.entry(p.path().attribute(), l.value());
            }
        }
        return null;
    }

    /**
     * The full key a write (or a batch/transaction SELECT) names with top-level equalities, and the rest of its
     * WHERE clause. A key attribute named twice, a missing one, or a value of the wrong type is the service's
     * error.
     */
    public static SingleItem singleItem(Condition where, KeySchema ks) {
        Map<String, AttributeValue> found = new LinkedHashMap<>();
        List<Condition> rest = new ArrayList<>();
        for (Condition c : conjuncts(where)) {
            Map.Entry<String, AttributeValue> eq = equality(c);
            if (eq != null && ks.isKeyAttribute(eq.getKey())) {
                if (found.containsKey(eq.getKey())) {
                    throw DynamoException.validation(String.format(MULTIPLE_KEY_CONDITIONS, eq.getKey()));
                }
                found.put(eq.getKey(), eq.getValue());
            } else {
                rest.add(c);
            }
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeyAttribute a : keyAttributes(ks)) {
            AttributeValue v = found.get(a.name());
            if (v == null) {
                throw DynamoException.validation(MISSING_KEY_EQUALITY);
            }
            key.put(a.name(), v);
        }
        for (KeyAttribute a : keyAttributes(ks)) {
            if (key.get(a.name()).type() != a.type()) {
                throw DynamoException.validation(String.format(KEY_TYPE, a.name()));
            }
        }
        ks.keyOf(key); // empty strings and binaries, sizes
        return new SingleItem(key, and(rest));
    }

    /** The key of an item to insert, with PartiQL's messages for a missing key attribute or a wrong type. */
    public static void checkItemKey(Item item, KeySchema ks) {
        for (KeyAttribute a : keyAttributes(ks)) {
            AttributeValue v = item.get(a.name());
            if (v == null) {
                throw DynamoException.validation(String.format(KEY_NOT_IN_ITEM, a.name()));
            }
            if (v.type() != a.type()) {
                throw DynamoException.validation(String.format(KEY_TYPE, a.name()));
            }
        }
        ks.keyOfItem(item);
    }

    private static List<KeyAttribute> keyAttributes(KeySchema ks) {
        return ks.hasSort() ? List.of(ks.partition(), ks.sort()) : List.of(ks.partition());
    }

    /** The conditions joined with AND, or null for none. */
    public static Condition and(List<Condition> conditions) {
        Condition c = null;
        for (Condition x : conditions) {
            c = c == null ? x : new Condition.And(c, x);
        }
        return c;
    }

    // ------------------------------------------------------------------ reads

    /**
     * Plans a SELECT on a table or index with key schema {@code target}: a top-level equality on the partition
     * key makes it a query on that partition, and the first top-level comparison, BETWEEN or begins_with on the
     * sort key bounds the range. The whole WHERE clause is still applied as a filter by the caller.
     */
    /** DynamoTest does not plan ORDER BY over a multi-attribute GSI key (see docs/compatibility.md). */
    static final String ORDER_BY_MULTI_ATTRIBUTE = "ORDER BY is not supported on an index with a multi-attribute key";

    public static ReadPlan read(Statement.Select s, KeySchema target) {
        if (target.isMultiAttribute()) {
            if (!s.orderBy().isEmpty()) {
                throw DynamoException.validation(ORDER_BY_MULTI_ATTRIBUTE);
            }
            return new ReadPlan(null, null, true); // a multi-attribute GSI key: read as a filtered scan of the index
        }
        List<Condition> terms = conjuncts(s.where());
        if (!s.orderBy().isEmpty()) {
            if (s.where() == null) {
                throw DynamoException.validation(ORDER_BY_WITHOUT_WHERE);
            }
            for (Statement.OrderBy o : s.orderBy()) {
                if (!target.isKeyAttribute(o.attribute())) {
                    throw DynamoException.validation(String.format(ORDER_BY_NOT_KEY, o.attribute()));
                }
            }
        }
        AttributeValue partition = null;
        for (Condition c : terms) {
            Map.Entry<String, AttributeValue> eq = equality(c);
            if (eq != null && eq.getKey().equals(target.partition().name())) {
                partition = eq.getValue();
                if (partition.type() != target.partition().type()) {
                    throw DynamoException.validation(String.format(KEY_TYPE, target.partition().name()));
                }
                break;
            }
        }
        if (partition == null) {
            if (!s.orderBy().isEmpty()) {
                throw DynamoException.validation(ORDER_BY_WITHOUT_HASH);
            }
            return new ReadPlan(null, null, true);
        }
        SortCondition sort = null;
        if (target.hasSort()) {
            for (Condition c : terms) {
                sort = sortCondition(c, target.sort());
                if (sort != null) {
                    break;
                }
            }
        }
        boolean forward = true;
        for (Statement.OrderBy o : s.orderBy()) {
            if (target.hasSort() && o.attribute().equals(target.sort().name())) {
                forward = !o.descending();
            }
        }
        return new ReadPlan(partition, sort, forward);
    }

    private static SortCondition sortCondition(Condition c, KeyAttribute sk) {
        if (c instanceof Condition.Compare cmp && cmp.comparator() != Condition.Comparator.NE) {
            boolean pathLeft = isAttribute(cmp.left(), sk) && cmp.right() instanceof Operand.Literal;
            boolean pathRight = isAttribute(cmp.right(), sk) && cmp.left() instanceof Operand.Literal;
            if (!pathLeft && !pathRight) {
                return null;
            }
            AttributeValue v = ((Operand.Literal) (pathLeft ? cmp.right() : cmp.left())).value();
            checkSortType(v, sk);
            SortCondition.Op op;
            switch (cmp.comparator()) {
                case EQ: op = SortCondition.Op.EQ; break;
                case LT: op = pathLeft ? SortCondition.Op.LT : SortCondition.Op.GT; break;
                case LE: op = pathLeft ? SortCondition.Op.LE : SortCondition.Op.GE; break;
                case GT: op = pathLeft ? SortCondition.Op.GT : SortCondition.Op.LT; break;
                default: op = pathLeft ? SortCondition.Op.GE : SortCondition.Op.LE; break;
            }
            return new SortCondition(op, v, null);
        }
        if (c instanceof Condition.Between b && isAttribute(b.value(), sk)
            && b.low() instanceof Operand.Literal lo && b.high() instanceof Operand.Literal hi) {
            checkSortType(lo.value(), sk);
            checkSortType(hi.value(), sk);
            return new SortCondition(SortCondition.Op.BETWEEN, lo.value(), hi.value());
        }
        if (c instanceof Condition.Function f && f.name().equals("begins_with") && f.arguments().size() == 2
            && isAttribute(f.arguments().get(0), sk) && f.arguments().get(1) instanceof Operand.Literal l) {
            checkSortType(l.value(), sk);
            return new SortCondition(SortCondition.Op.BEGINS_WITH, l.value(), null);
        }
        return null;
    }

    private static void checkSortType(AttributeValue v, KeyAttribute sk) {
        if (v.type() != sk.type()) {
            throw DynamoException.validation(String.format(KEY_TYPE, sk.name()));
        }
    }

    private static boolean isAttribute(Operand o, KeyAttribute a) {
        return o instanceof Operand.PathOperand p && p.path().isTopLevel() && p.path().attribute().equals(a.name());
    }

    /** The paths of a projection as one top-level attribute each, e.g. to check what an index projects. */
    public static List<String> topLevelAttributes(List<Path> paths) {
        List<String> out = new ArrayList<>();
        for (Path p : paths) {
            if (!out.contains(p.attribute())) {
                out.add(p.attribute());
            }
        }
        return out;
    }
}
