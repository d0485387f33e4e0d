package dev.dynamotest.protocol.actions;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.Operand;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Values;
import dev.dynamotest.engine.query.SortCondition;
import dev.dynamotest.engine.table.KeyAttribute;
import dev.dynamotest.engine.table.KeySchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a resolved key-condition tree into the partition value and sort condition a Query reads, with the
 * service's rules: AND only, partition key equality required, at most one condition per key, one of = < <= > >=
 * BETWEEN begins_with on the sort key, values of the key's type.
 */
final class KeyConditions {
    private KeyConditions() {
    }

    record Parsed(AttributeValue partition, SortCondition sort) {
    }

    static final String MISSED_KEY = "Query condition missed key schema element: %s";
    static final String ONE_PER_KEY = "KeyConditionExpressions must only contain one condition per key";
    static final String INVALID_OPERATOR = "Invalid operator used in KeyConditionExpression: %s";
    static final String NOT_SUPPORTED = "Query key condition not supported";
    static final String NESTED_ATTRIBUTE = "KeyConditionExpressions cannot have conditions on nested attributes";
    static final String NESTED_OPERATION = "KeyConditionExpressions cannot contain nested operations";
    static final String MULTIPLE_NAMES =
        "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition";
    static final String NO_KEY_ATTRIBUTE = "Invalid condition in KeyConditionExpression: No key attribute specified";
    static final String KEY_FIRST =
        "Invalid condition in KeyConditionExpression: %s operator must have the key attribute as its first operand";
    /** A range condition on a RANGE attribute of a multi-attribute key that is followed by a condition on a later one. */
    static final String RANGE_BEFORE_LAST = "Query key condition not supported: only the last sort key attribute given "
        + "may use a range condition; %s must be an equality";
    static final String TYPE_MISMATCH = "One or more parameter values were invalid: Condition parameter type does not match schema type";

    static final String CONDITION_COUNT = "Conditions can be of length 1 or 2 only";
    static final String NOT_INDEXABLE = "Attempted conditional constraint is not an indexable operation";

    /**
     * The partition value and sort condition of a key condition, with the service's checks in its order: each
     * condition on its own (operators, operands, one per attribute), one or two conditions, then the key schema:
     * the partition key, then the sort key (missing, type, the partition's equality). {@code legacy}: the
     * condition came from KeyConditions, whose operators that cannot use a key have their own message.
     */
    static Parsed parse(Condition condition, KeySchema key, boolean legacy) {
        if (condition == null) {
            throw DynamoException.validation(CONDITION_COUNT); // an empty KeyConditions
        }
        List<Condition> parts = new ArrayList<>();
        Map<String, Term> terms = new LinkedHashMap<>();
        flatten(condition, parts, legacy);
        if (key.isMultiAttribute()) {
            return parseMultiAttribute(parts, key, legacy);
        }
        for (Condition c : parts) {
            Term t = term(c, legacy);
            if (terms.putIfAbsent(t.attribute, t) != null) {
                throw DynamoException.validation(ONE_PER_KEY);
            }
        }
        if (terms.size() != 1 && terms.size() != 2) {
            throw DynamoException.validation(CONDITION_COUNT);
        }
        if (key.sort() == null && terms.size() > 1) {
            throw DynamoException.validation(NOT_SUPPORTED);
        }
        Term hash = terms.get(key.partition().name());
        if (hash == null) {
            throw DynamoException.validation(String.format(MISSED_KEY, key.partition().name()));
        }
        checkType(hash.value, key.partition().type());
        if (hash.op != SortCondition.Op.EQ) {
            throw DynamoException.validation(NOT_SUPPORTED);
        }
        SortCondition sort = null;
        if (key.sort() != null) {
            Term range = terms.get(key.sort().name());
            if (range == null && terms.size() > 1) {
                throw DynamoException.validation(String.format(MISSED_KEY, key.sort().name()));
            }
            if (range != null) {
                checkType(range.value, key.sort().type());
                if (range.upper != null) {
                    checkType(range.upper, key.sort().type());
                }
                sort = new SortCondition(range.op, range.value, range.upper);
            }
        }
        return new Parsed(hash.value, sort);
    }

    /** An operator a key condition cannot use; KeyConditions (legacy) words it differently. */
    private static DynamoException invalidOperator(String operator, boolean legacy) {
        return DynamoException.validation(legacy ? NOT_INDEXABLE : String.format(INVALID_OPERATOR, operator));
    }

    /**
     * A multi-attribute GSI key: equality on every HASH attribute; RANGE attributes constrained left to right,
     * equality on all but the last one given, which may use any key operator. A RANGE attribute skipped before one
     * that is given is reported as missed (see docs/compatibility.md).
     */
    private static Parsed parseMultiAttribute(List<Condition> parts, KeySchema key, boolean legacy) {
        Map<String, Term> terms = new HashMap<>();
        for (Condition c : parts) {
            Term t = term(c, legacy);
            if (!key.isKeyAttribute(t.attribute)) {
                throw DynamoException.validation(String.format(MISSED_KEY, firstMissing(key.partitionAttributes(), terms)));
            }
            if (terms.put(t.attribute, t) != null) {
                throw DynamoException.validation(ONE_PER_KEY);
            }
        }
        List<AttributeValue> partition = new ArrayList<>();
        for (KeyAttribute a : key.partitionAttributes()) {
            Term t = terms.get(a.name());
            if (t == null) {
                throw DynamoException.validation(String.format(MISSED_KEY, a.name()));
            }
            if (t.op != SortCondition.Op.EQ) {
                throw DynamoException.validation(NOT_SUPPORTED);
            }
            checkType(t.value, a.type());
            partition.add(t.value);
        }
        List<KeyAttribute> ranges = key.sortAttributes();
        int given = 0;
        while (given < ranges.size() && terms.containsKey(ranges.get(given).name())) {
            given++;
        }
        for (int i = given; i < ranges.size(); i++) {
            if (terms.containsKey(ranges.get(i).name())) {
                throw DynamoException.validation(String.format(MISSED_KEY, ranges.get(given).name()));
            }
        }
        List<AttributeValue> prefix = new ArrayList<>();
        SortCondition last = null;
        for (int i = 0; i < given; i++) {
            Term t = terms.get(ranges.get(i).name());
            checkType(t.value, ranges.get(i).type());
            if (t.upper != null) {
                checkType(t.upper, ranges.get(i).type());
            }
            if (i < given - 1 || t.op == SortCondition.Op.EQ) {
                if (t.op != SortCondition.Op.EQ) {
                    throw DynamoException.validation(String.format(RANGE_BEFORE_LAST, ranges.get(i).name()));
                }
                prefix.add(t.value);
            } else {
                last = new SortCondition(t.op, t.value, t.upper);
            }
        }
        AttributeValue partitionValue = partition.size() == 1 ? partition.get(0) : new AttributeValue.L(partition);
        SortCondition sort;
        if (ranges.size() <= 1) {
            sort = last != null ? last : prefix.isEmpty() ? null : new SortCondition(SortCondition.Op.EQ, prefix.get(0), null);
        } else {
            sort = given == 0 ? null : SortCondition.composite(prefix, last);
        }
        return new Parsed(partitionValue, sort);
    }

    private static String firstMissing(List<KeyAttribute> attrs, Map<String, Term> terms) {
        for (KeyAttribute a : attrs) {
            if (!terms.containsKey(a.name())) {
                return a.name();
            }
        }
        return attrs.get(0).name();
    }

    private static void checkType(AttributeValue v, AttrType type) {
        if (v.type() != type) {
            throw DynamoException.validation(TYPE_MISMATCH);
        }
    }

    private static void flatten(Condition c, List<Condition> out, boolean legacy) {
        if (c instanceof Condition.And and) {
            flatten(and.left(), out, legacy);
            flatten(and.right(), out, legacy);
        } else if (c instanceof Condition.Or) {
            throw invalidOperator("OR", legacy);
        } else if (c instanceof Condition.Not) {
            throw invalidOperator("NOT", legacy);
        } else {
            out.add(c);
        }
    }

    private record Term(String attribute, SortCondition.Op op, AttributeValue value, AttributeValue upper) {
    }

    private static Term term(Condition c, boolean legacy) {
        if (c instanceof Condition.Compare cmp) {
            if (cmp.comparator() == Condition.Comparator.NE) {
                throw invalidOperator("<>", legacy);
            }
            Path path = keyAttribute(List.of(cmp.left(), cmp.right()));
            AttributeValue value = literalOf(cmp.right());
            SortCondition.Op op = op(cmp.comparator(), legacy);
            if (pathOf(cmp.left()) == null) {
                // value on the left: `:v < sk` means `sk > :v`
                value = literalOf(cmp.left());
                op = flip(op);
            }
            return new Term(path.attribute(), op, value, null);
        }
        if (c instanceof Condition.Between b) {
            if (pathOf(b.value()) == null) {
                throw DynamoException.validation(String.format(KEY_FIRST, "BETWEEN"));
            }
            Path path = keyAttribute(List.of(b.value(), b.low(), b.high()));
            AttributeValue lo = literalOf(b.low());
            AttributeValue hi = literalOf(b.high());
            if (Values.comparable(lo, hi) && Values.compareScalars(lo, hi) > 0) {
                throw DynamoException.validation("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be "
                    + "greater than or equal to lower bound; lower bound operand: AttributeValue: {" + lo.type() + ":"
                    + scalarText(lo) + "}, upper bound operand: AttributeValue: {" + hi.type() + ":" + scalarText(hi) + "}");
            }
            return new Term(path.attribute(), SortCondition.Op.BETWEEN, lo, hi);
        }
        if (c instanceof Condition.In) {
            throw invalidOperator("IN", legacy);
        }
        if (c instanceof Condition.Function f) {
            if (!f.name().equals("begins_with")) {
                throw invalidOperator(f.name(), legacy);
            }
            if (pathOf(f.arguments().get(0)) == null) {
                throw DynamoException.validation(String.format(KEY_FIRST, "begins_with"));
            }
            Path path = keyAttribute(f.arguments());
            AttributeValue prefix = literalOf(f.arguments().get(1));
            if (prefix.type() != AttrType.S && prefix.type() != AttrType.B) {
                throw DynamoException.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; "
                    + "operator or function: begins_with, operand type: " + prefix.type());
            }
            return new Term(path.attribute(), SortCondition.Op.BEGINS_WITH, prefix, null);
        }
        throw DynamoException.validation(NOT_SUPPORTED);
    }

    static String scalarText(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return s.value();
        }
        if (v instanceof AttributeValue.N n) {
            return n.value().toString();
        }
        if (v instanceof AttributeValue.B b) {
            return b.value().base64();
        }
        return v.toString();
    }

    /**
     * The one key attribute a condition is on, its operands checked in order as the service does: a second
     * attribute, a nested path or a nested operation ({@code size(sk)}) each has its message; values are fine.
     */
    private static Path keyAttribute(List<Operand> operands) {
        Path found = null;
        for (Operand o : operands) {
            if (o instanceof Operand.PathOperand p) {
                if (found != null) {
                    throw DynamoException.validation(MULTIPLE_NAMES);
                }
                if (!p.path().isTopLevel()) {
                    throw DynamoException.validation(NESTED_ATTRIBUTE);
                }
                found = p.path();
            } else if (!(o instanceof Operand.Literal)) {
                throw DynamoException.validation(NESTED_OPERATION);
            }
        }
        if (found == null) {
            throw DynamoException.validation(NO_KEY_ATTRIBUTE);
        }
        return found;
    }

    private static Path pathOf(Operand o) {
        return o instanceof Operand.PathOperand p ? p.path() : null;
    }

    private static AttributeValue literalOf(Operand o) {
        return o instanceof Operand.Literal l ? l.value() : null;
    }

    private static SortCondition.Op op(Condition.Comparator c, boolean legacy) {
        switch (c) {
            case EQ: return SortCondition.Op.EQ;
            case LT: return SortCondition.Op.LT;
            case LE: return SortCondition.Op.LE;
            case GT: return SortCondition.Op.GT;
            case GE: return SortCondition.Op.GE;
            default: throw invalidOperator(c.symbol, legacy);
        }
    }

    private static SortCondition.Op flip(SortCondition.Op op) {
        switch (op) {
            case LT: return SortCondition.Op.GT;
            case LE: return SortCondition.Op.GE;
            case GT: return SortCondition.Op.LT;
            case GE: return SortCondition.Op.LE;
            default: return op;
        }
    }

    /** Top-level attribute names a condition reads (for "Filter Expression can only contain non-primary key attributes"). */
    static void attributes(Condition c, java.util.Set<String> out) {
        if (c instanceof Condition.And a) {
            attributes(a.left(), out);
            attributes(a.right(), out);
        } else if (c instanceof Condition.Or o) {
            attributes(o.left(), out);
            attributes(o.right(), out);
        } else if (c instanceof Condition.Not n) {
            attributes(n.condition(), out);
        } else if (c instanceof Condition.Compare cmp) {
            operandAttributes(cmp.left(), out);
            operandAttributes(cmp.right(), out);
        } else if (c instanceof Condition.Between b) {
            operandAttributes(b.value(), out);
            operandAttributes(b.low(), out);
            operandAttributes(b.high(), out);
        } else if (c instanceof Condition.In in) {
            operandAttributes(in.value(), out);
            in.candidates().forEach(o -> operandAttributes(o, out));
        } else if (c instanceof Condition.Function f) {
            f.arguments().forEach(o -> operandAttributes(o, out));
        }
    }

    private static void operandAttributes(Operand o, java.util.Set<String> out) {
        if (o instanceof Operand.PathOperand p) {
            out.add(p.path().attribute());
        } else if (o instanceof Operand.Size s) {
            operandAttributes(s.path(), out);
        }
    }
}
