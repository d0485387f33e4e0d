package dev.dynamotest.engine.expr;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Bytes;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.model.Num;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a resolved update expression to an item, purely. Every SET value is computed from the item as it was
 * before the update; then SETs are applied (several appends past the end of one list in index order), REMOVEs
 * (list elements by their original indexes), ADDs and DELETEs. Key attributes cannot be touched. An update that
 * only takes away (REMOVE, DELETE) from an item that does not exist creates nothing.
 */
public final class UpdateApplier {
    private UpdateApplier() {
    }

    public static final String MISSING_ATTRIBUTE = "The provided expression refers to an attribute that does not exist in the item";
    public static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";

    /** {@code oldItem} may be null: the update then starts from the key attributes. */
    public static UpdateResult apply(UpdateExpression update, Item oldItem, Map<String, AttributeValue> key,
                                     Set<String> keyAttributes) {
        List<Path> touched = new ArrayList<>();
        update.set().forEach(a -> touched.add(a.path()));
        touched.addAll(update.remove());
        update.add().forEach(a -> touched.add(a.path()));
        update.delete().forEach(a -> touched.add(a.path()));
        for (Path p : touched) {
            if (keyAttributes.contains(p.attribute())) {
                throw DynamoException.validation(String.format(Messages.UPDATE_KEY_ATTRIBUTE, p.attribute()));
            }
        }
        if (oldItem == null && update.set().isEmpty() && update.add().isEmpty()) {
            // Only REMOVE / DELETE on an absent item: nothing to take away, and no item is created.
            return new UpdateResult(null, List.of());
        }
        LinkedHashMap<String, AttributeValue> attrs = oldItem != null ? oldItem.toMutableMap() : new LinkedHashMap<>(key);

        // values first, all against the old item
        List<UpdateExpression.SetAction> sets = new ArrayList<>(update.set());
        List<AttributeValue> setValues = new ArrayList<>(sets.size());
        for (UpdateExpression.SetAction a : sets) {
            AttributeValue v = setValue(a.value(), oldItem);
            if (a.path().size() - 1 + AttributeValue.nestingDepth(v, AttributeValue.MAX_NESTING_LEVELS)
                > AttributeValue.MAX_NESTING_LEVELS) {
                throw DynamoException.validation(Messages.NESTING_TOO_DEEP);
            }
            setValues.add(v);
        }
        // Paths never overlap, so the order only matters for appends past the end of one list: lowest index first.
        Integer[] order = new Integer[sets.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> lastIndex(sets.get(i).path())));
        for (int i : order) {
            DocumentPaths.set(attrs, sets.get(i).path(), setValues.get(i));
        }
        if (!update.remove().isEmpty()) {
            DocumentPaths.removeAll(attrs, update.remove());
        }
        for (UpdateExpression.AddAction a : update.add()) {
            AttributeValue operand = literal(a.value(), oldItem);
            AttributeValue current = DocumentPaths.get(attrs, a.path());
            DocumentPaths.set(attrs, a.path(), add(current, operand));
        }
        for (UpdateExpression.DeleteAction a : update.delete()) {
            AttributeValue operand = literal(a.value(), oldItem);
            AttributeValue current = DocumentPaths.get(attrs, a.path());
            if (current == null) {
                continue;
            }
            AttributeValue rest = delete(current, operand);
            if (rest == null) {
                DocumentPaths.remove(attrs, a.path());
            } else {
                DocumentPaths.set(attrs, a.path(), rest);
            }
        }
        return new UpdateResult(Item.wrap(attrs), touched);
    }

    /** The list index a path ends with, or -1 when it ends with a name. */
    private static int lastIndex(Path p) {
        return p.get(p.size() - 1) instanceof Path.Index ix ? ix.index() : -1;
    }

    private static AttributeValue literal(Operand o, Item old) {
        return setValue(o, old);
    }

    /** A SET value: path, literal, if_not_exists, list_append or a + b / a - b. */
    static AttributeValue setValue(Operand o, Item old) {
        if (o instanceof Operand.Literal l) {
            return l.value();
        }
        if (o instanceof Operand.PathOperand p) {
            AttributeValue v = DocumentPaths.get(old, p.path());
            if (v == null) {
                throw DynamoException.validation(MISSING_ATTRIBUTE);
            }
            return v;
        }
        if (o instanceof Operand.IfNotExists f) {
            AttributeValue v = f.path() instanceof Operand.PathOperand p ? DocumentPaths.get(old, p.path()) : null;
            return v != null ? v : setValue(f.fallback(), old);
        }
        if (o instanceof Operand.ListAppend f) {
            AttributeValue a = setValue(f.first(), old);
            AttributeValue b = setValue(f.second(), old);
            if (!(a instanceof AttributeValue.L la) || !(b instanceof AttributeValue.L lb)) {
                throw DynamoException.validation(WRONG_TYPE);
            }
            List<AttributeValue> joined = new ArrayList<>(la.value().size() + lb.value().size());
            joined.addAll(la.value());
            joined.addAll(lb.value());
            return new AttributeValue.L(Collections.unmodifiableList(joined));
        }
        if (o instanceof Operand.Arithmetic a) {
            AttributeValue l = setValue(a.left(), old);
            AttributeValue r = setValue(a.right(), old);
            if (!(l instanceof AttributeValue.N ln) || !(r instanceof AttributeValue.N rn)) {
                throw DynamoException.validation(WRONG_TYPE);
            }
            Num result = a.operator() == '+' ? ln.value().add(rn.value()) : ln.value().subtract(rn.value());
            return AttributeValue.n(result);
        }
        throw new IllegalStateException("operand not allowed in SET: " + o);
    }

    /** ADD: numbers add (absent counts as 0), sets union (absent: the operand set). */
    static AttributeValue add(AttributeValue current, AttributeValue operand) {
        if (operand instanceof AttributeValue.N n) {
            if (current == null) {
                return n;
            }
            if (current instanceof AttributeValue.N c) {
                return AttributeValue.n(c.value().add(n.value()));
            }
            throw DynamoException.validation(WRONG_TYPE);
        }
        if (!operand.type().isSet()) {
            throw DynamoException.validation(WRONG_TYPE);
        }
        if (current == null) {
            return operand;
        }
        if (current.type() != operand.type()) {
            throw DynamoException.validation(WRONG_TYPE);
        }
        if (current instanceof AttributeValue.SS c) {
            LinkedHashSet<String> u = new LinkedHashSet<>(c.value());
            u.addAll(((AttributeValue.SS) operand).value());
            return AttributeValue.SS.of(u);
        }
        if (current instanceof AttributeValue.NS c) {
            LinkedHashSet<Num> u = new LinkedHashSet<>(c.value());
            u.addAll(((AttributeValue.NS) operand).value());
            return AttributeValue.NS.of(u);
        }
        LinkedHashSet<Bytes> u = new LinkedHashSet<>(((AttributeValue.BS) current).value());
        u.addAll(((AttributeValue.BS) operand).value());
        return AttributeValue.BS.of(u);
    }

    /** DELETE: set difference; null when nothing is left (the attribute is then removed). */
    static AttributeValue delete(AttributeValue current, AttributeValue operand) {
        if (!operand.type().isSet() || current.type() != operand.type()) {
            throw DynamoException.validation(WRONG_TYPE);
        }
        if (current instanceof AttributeValue.SS c) {
            LinkedHashSet<String> d = new LinkedHashSet<>(c.value());
            d.removeAll(((AttributeValue.SS) operand).value());
            return d.isEmpty() ? null : AttributeValue.SS.of(d);
        }
        if (current instanceof AttributeValue.NS c) {
            LinkedHashSet<Num> d = new LinkedHashSet<>(c.value());
            d.removeAll(((AttributeValue.NS) operand).value());
            return d.isEmpty() ? null : AttributeValue.NS.of(d);
        }
        LinkedHashSet<Bytes> d = new LinkedHashSet<>(((AttributeValue.BS) current).value());
        d.removeAll(((AttributeValue.BS) operand).value());
        return d.isEmpty() ? null : AttributeValue.BS.of(d);
    }
}
