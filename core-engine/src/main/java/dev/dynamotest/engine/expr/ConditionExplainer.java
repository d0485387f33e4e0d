package dev.dynamotest.engine.expr;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a condition was false for an item: the parts that decided it and the values they compared, e.g.
 * {@code status = :s was false: status is "SHIPPED", :s is "NEW"}. Run again over the old item on the failure path
 * only (for the request journal), so it costs nothing while conditions hold.
 */
public final class ConditionExplainer {
    private static final int MAX_VALUE_CHARS = 120;

    private ConditionExplainer() {
    }

    /** The false parts of {@code condition} for {@code item} (null: no such item); empty if it holds. */
    public static List<String> explain(Condition condition, Item item, ExpressionKind kind) {
        List<String> out = new ArrayList<>(2);
        if (!ConditionEvaluator.evaluate(condition, item, kind)) {
            falseParts(condition, item, kind, out);
        }
        return out;
    }

    /** Adds why {@code c}, known to be false, is false. */
    private static void falseParts(Condition c, Item item, ExpressionKind kind, List<String> out) {
        if (c instanceof Condition.And a) {
            // evaluation stops at the first false side
            falseParts(ConditionEvaluator.evaluate(a.left(), item, kind) ? a.right() : a.left(), item, kind, out);
        } else if (c instanceof Condition.Or o) {
            falseParts(o.left(), item, kind, out);
            falseParts(o.right(), item, kind, out);
        } else if (c instanceof Condition.Not n) {
            out.add("NOT (" + text(n.condition()) + ") was false: " + text(n.condition()) + " was true" + values(n.condition(), item));
        } else {
            out.add(text(c) + " was false" + values(c, item));
        }
    }

    /** ": a is 1, :v is 2" for the operands of a leaf. */
    private static String values(Condition c, Item item) {
        List<Operand> operands = new ArrayList<>();
        if (c instanceof Condition.Compare x) {
            operands.add(x.left());
            operands.add(x.right());
        } else if (c instanceof Condition.Between b) {
            operands.add(b.value());
            operands.add(b.low());
            operands.add(b.high());
        } else if (c instanceof Condition.In in) {
            operands.add(in.value());
            operands.addAll(in.candidates());
        } else if (c instanceof Condition.Function f) {
            operands.addAll(f.arguments());
        } else {
            return "";
        }
        StringBuilder b = new StringBuilder(": ");
        boolean first = true;
        for (Operand o : operands) {
            if (!first) {
                b.append(", ");
            }
            first = false;
            AttributeValue v;
            try {
                v = ConditionEvaluator.value(o, item);
            } catch (RuntimeException e) {
                v = null;
            }
            b.append(operand(o)).append(v == null ? " is absent" : " is " + show(v));
        }
        return b.toString();
    }

    /** The expression text of a condition, rebuilt from its tree (paths resolved, placeholders kept). */
    public static String text(Condition c) {
        if (c instanceof Condition.And a) {
            return "(" + text(a.left()) + ") AND (" + text(a.right()) + ")";
        }
        if (c instanceof Condition.Or o) {
            return "(" + text(o.left()) + ") OR (" + text(o.right()) + ")";
        }
        if (c instanceof Condition.Not n) {
            return "NOT (" + text(n.condition()) + ")";
        }
        if (c instanceof Condition.Compare x) {
            return operand(x.left()) + " " + x.comparator().symbol + " " + operand(x.right());
        }
        if (c instanceof Condition.Between b) {
            return operand(b.value()) + " BETWEEN " + operand(b.low()) + " AND " + operand(b.high());
        }
        if (c instanceof Condition.In in) {
            List<String> cs = new ArrayList<>();
            in.candidates().forEach(o -> cs.add(operand(o)));
            return operand(in.value()) + " IN (" + String.join(", ", cs) + ")";
        }
        if (c instanceof Condition.Function f) {
            List<String> args = new ArrayList<>();
            f.arguments().forEach(o -> args.add(operand(o)));
            return f.name() + "(" + String.join(", ", args) + ")";
        }
        return String.valueOf(c);
    }

    private static String operand(Operand o) {
        if (o instanceof Operand.PathOperand p) {
            return p.path().toString();
        }
        if (o instanceof Operand.Literal l) {
            return l.placeholder() != null ? l.placeholder() : show(l.value());
        }
        if (o instanceof Operand.ValueRef r) {
            return r.placeholder();
        }
        if (o instanceof Operand.Size s) {
            return "size(" + operand(s.path()) + ")";
        }
        return String.valueOf(o);
    }

    /** A value as people write it: strings quoted, numbers plain, others in their type's notation, shortened. */
    public static String show(AttributeValue v) {
        String s;
        if (v instanceof AttributeValue.S x) {
            s = '"' + x.value() + '"';
        } else if (v instanceof AttributeValue.N n) {
            s = n.value().toString();
        } else if (v instanceof AttributeValue.Bool b) {
            s = Boolean.toString(b.value());
        } else if (v instanceof AttributeValue.Null) {
            s = "NULL";
        } else {
            s = v.toString();
        }
        return s.length() > MAX_VALUE_CHARS ? s.substring(0, MAX_VALUE_CHARS) + "..." : s;
    }
}
