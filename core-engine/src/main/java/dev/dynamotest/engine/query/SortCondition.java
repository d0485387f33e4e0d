package dev.dynamotest.engine.query;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The sort-key part of a key condition: one comparison, BETWEEN or begins_with on the sort key. For a
 * multi-attribute index key ({@code prefix} not null) the sort value is the list of RANGE values: {@code prefix}
 * holds the values the first RANGE attributes must equal, and {@code op} (null when there is none) constrains the
 * next RANGE attribute.
 */
public record SortCondition(Op op, AttributeValue value, AttributeValue upper, List<AttributeValue> prefix) {

    public enum Op { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    public SortCondition(Op op, AttributeValue value, AttributeValue upper) {
        this(op, value, upper, null);
    }

    /** A condition on a multi-attribute sort key: equality on {@code prefix}, then {@code last} (or null) on the next. */
    public static SortCondition composite(List<AttributeValue> prefix, SortCondition last) {
        return last == null ? new SortCondition(null, null, null, List.copyOf(prefix))
            : new SortCondition(last.op(), last.value(), last.upper(), List.copyOf(prefix));
    }

    public boolean matches(AttributeValue v) {
        if (prefix != null) {
            if (!(v instanceof AttributeValue.L l) || l.value().size() <= prefix.size() && op != null) {
                return false;
            }
            for (int i = 0; i < prefix.size(); i++) {
                if (!Values.comparable(l.value().get(i), prefix.get(i)) || Values.compareScalars(l.value().get(i), prefix.get(i)) != 0) {
                    return false;
                }
            }
            return op == null || new SortCondition(op, value, upper).matches(l.value().get(prefix.size()));
        }
        if (v == null || v.type() != value.type()) {
            return false;
        }
        switch (op) {
            case EQ: return Values.compareScalars(v, value) == 0;
            case LT: return Values.compareScalars(v, value) < 0;
            case LE: return Values.compareScalars(v, value) <= 0;
            case GT: return Values.compareScalars(v, value) > 0;
            case GE: return Values.compareScalars(v, value) >= 0;
            case BETWEEN: return Values.compareScalars(v, value) >= 0 && Values.compareScalars(v, upper) <= 0;
            case BEGINS_WITH:
                if (v instanceof AttributeValue.S s) {
                    return s.startsWith((AttributeValue.S) value);
                }
                return ((AttributeValue.B) v).value().startsWith(((AttributeValue.B) value).value());
            default: throw new IllegalStateException();
        }
    }

    /** The prefix followed by {@code v}: a search bound in a multi-attribute sort key's order. */
    private AttributeValue withPrefix(AttributeValue v) {
        List<AttributeValue> l = new ArrayList<>(prefix);
        if (v != null) {
            l.add(v);
        }
        return new AttributeValue.L(l);
    }

    /** The smallest value the range can hold (inclusive), or null for unbounded below. */
    AttributeValue lowerBound() {
        if (prefix != null) {
            boolean own = op != null && op != Op.LT && op != Op.LE;
            return withPrefix(own ? value : null);
        }
        switch (op) {
            case EQ: case GE: case GT: case BETWEEN: case BEGINS_WITH: return value;
            default: return null;
        }
    }

    boolean lowerInclusive() {
        return op != Op.GT;
    }

    /** The largest value (inclusive unless LT), or null for unbounded above (begins_with ends by predicate). */
    AttributeValue upperBound() {
        if (prefix != null) {
            if (op == null || op == Op.GT || op == Op.GE || op == Op.BEGINS_WITH) {
                return withPrefix(null);
            }
            return withPrefix(op == Op.BETWEEN ? upper : value);
        }
        switch (op) {
            case EQ: case LE: case LT: return value;
            case BETWEEN: return upper;
            default: return null;
        }
    }

    boolean upperInclusive() {
        return op != Op.LT;
    }
}
