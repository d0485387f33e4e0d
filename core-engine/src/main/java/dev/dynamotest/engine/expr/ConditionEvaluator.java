package dev.dynamotest.engine.expr;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.model.Num;
import dev.dynamotest.engine.model.Values;

/**
 * Evaluates resolved condition, filter and key-condition trees against an item. An absent attribute makes
 * comparisons false ({@code <>} true), ordering comparisons between different types are false, functions on
 * the wrong types are false: DynamoDB's rules, where only statically wrong expressions are errors (those the
 * parser/resolver already rejected).
 */
public final class ConditionEvaluator {
    private ConditionEvaluator() {
    }

    /** {@code item} may be null (no such item): every path is then absent. */
    public static boolean evaluate(Condition condition, Item item, ExpressionKind kind) {
        if (condition instanceof Condition.And a) {
            return evaluate(a.left(), item, kind) && evaluate(a.right(), item, kind);
        }
        if (condition instanceof Condition.Or o) {
            return evaluate(o.left(), item, kind) || evaluate(o.right(), item, kind);
        }
        if (condition instanceof Condition.Not n) {
            return !evaluate(n.condition(), item, kind);
        }
        if (condition instanceof Condition.Compare c) {
            return compare(value(c.left(), item), c.comparator(), value(c.right(), item));
        }
        if (condition instanceof Condition.Between b) {
            AttributeValue v = value(b.value(), item);
            AttributeValue lo = value(b.low(), item);
            AttributeValue hi = value(b.high(), item);
            if (v == null || lo == null || hi == null || !Values.comparable(v, lo) || !Values.comparable(v, hi)) {
                return false;
            }
            return Values.compareScalars(v, lo) >= 0 && Values.compareScalars(v, hi) <= 0;
        }
        if (condition instanceof Condition.In in) {
            AttributeValue v = value(in.value(), item);
            if (v == null) {
                return false;
            }
            for (Operand candidate : in.candidates()) {
                if (v.equals(value(candidate, item))) {
                    return true;
                }
            }
            return false;
        }
        if (condition instanceof Condition.Function f) {
            return function(f, item);
        }
        throw new IllegalStateException("unknown condition " + condition);
    }

    private static boolean compare(AttributeValue l, Condition.Comparator op, AttributeValue r) {
        switch (op) {
            case EQ:
                return l != null && l.equals(r);
            case NE:
                return l == null || !l.equals(r);
            default:
                if (l == null || r == null || !Values.comparable(l, r)) {
                    return false;
                }
                int c = Values.compareScalars(l, r);
                switch (op) {
                    case LT: return c < 0;
                    case LE: return c <= 0;
                    case GT: return c > 0;
                    case GE: return c >= 0;
                    default: throw new IllegalStateException();
                }
        }
    }

    private static boolean function(Condition.Function f, Item item) {
        switch (f.name()) {
            case "attribute_exists":
                return value(f.arguments().get(0), item) != null;
            case "attribute_not_exists":
                return value(f.arguments().get(0), item) == null;
            case "attribute_type": {
                AttributeValue v = value(f.arguments().get(0), item);
                AttributeValue t = value(f.arguments().get(1), item);
                return v != null && t instanceof AttributeValue.S s && v.type().name().equals(s.value());
            }
            case "begins_with": {
                AttributeValue v = value(f.arguments().get(0), item);
                AttributeValue p = value(f.arguments().get(1), item);
                if (v instanceof AttributeValue.S s && p instanceof AttributeValue.S ps) {
                    return s.startsWith(ps);
                }
                if (v instanceof AttributeValue.B b && p instanceof AttributeValue.B pb) {
                    return b.value().startsWith(pb.value());
                }
                return false;
            }
            case "contains": {
                AttributeValue v = value(f.arguments().get(0), item);
                AttributeValue x = value(f.arguments().get(1), item);
                return contains(v, x);
            }
            default:
                throw DynamoException.validation("Invalid function name; function: " + f.name());
        }
    }

    static boolean contains(AttributeValue v, AttributeValue x) {
        if (v == null || x == null) {
            return false;
        }
        if (v instanceof AttributeValue.S s) {
            return x instanceof AttributeValue.S xs && s.contains(xs);
        }
        if (v instanceof AttributeValue.B b) {
            return x instanceof AttributeValue.B xb && b.value().contains(xb.value());
        }
        if (v instanceof AttributeValue.SS ss) {
            return x instanceof AttributeValue.S xs && ss.value().contains(xs.value());
        }
        if (v instanceof AttributeValue.NS ns) {
            return x instanceof AttributeValue.N xn && ns.value().contains(xn.value());
        }
        if (v instanceof AttributeValue.BS bs) {
            return x instanceof AttributeValue.B xb && bs.value().contains(xb.value());
        }
        if (v instanceof AttributeValue.L l) {
            return l.value().contains(x);
        }
        return false;
    }

    /** An operand's value against the item, or null if absent (or size() of something without a size). */
    static AttributeValue value(Operand o, Item item) {
        if (o instanceof Operand.Literal l) {
            return l.value();
        }
        if (o instanceof Operand.PathOperand p) {
            return DocumentPaths.get(item, p.path());
        }
        if (o instanceof Operand.Size s) {
            AttributeValue v = value(s.path(), item);
            int size = size(v);
            return size < 0 ? null : AttributeValue.n(Num.of(size));
        }
        throw new IllegalStateException("operand not allowed in a condition: " + o);
    }

    /** size(): characters of a string, bytes of a binary, elements of a set, list or map; -1 otherwise. */
    static int size(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return s.value().codePointCount(0, s.value().length());
        }
        if (v instanceof AttributeValue.B b) {
            return b.value().length();
        }
        if (v instanceof AttributeValue.SS s) {
            return s.value().size();
        }
        if (v instanceof AttributeValue.NS s) {
            return s.value().size();
        }
        if (v instanceof AttributeValue.BS s) {
            return s.value().size();
        }
        if (v instanceof AttributeValue.L l) {
            return l.value().size();
        }
        if (v instanceof AttributeValue.M m) {
            return m.value().size();
        }
        return -1;
    }

    static boolean isType(AttributeValue v, AttrType t) {
        return v != null && v.type() == t;
    }
}
