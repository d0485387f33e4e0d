package dev.dynamotest.engine.query;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Values;

/** The sort-key part of a key condition: one comparison, BETWEEN or begins_with on the sort key. */
public record SortCondition(Op op, AttributeValue value, AttributeValue upper) {

    public enum Op { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    public boolean matches(AttributeValue v) {
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

    /** The smallest value the range can hold (inclusive), or null for unbounded below. */
    AttributeValue lowerBound() {
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
