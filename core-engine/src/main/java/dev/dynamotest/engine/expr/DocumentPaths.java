package dev.dynamotest.engine.expr;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading, writing and removing values at document paths ({@code a.b[3].c}) of immutable items. */
public final class DocumentPaths {
    private DocumentPaths() {
    }

    public static final String INVALID_FOR_UPDATE = "The document path provided in the update expression is invalid for update";

    /** The value at {@code path}, or null if any step is missing or of the wrong kind. */
    public static AttributeValue get(Item item, Path path) {
        return item == null ? null : steps(item.get(path.attribute()), path);
    }

    /** The value at {@code path} in an item's attributes (a map being built, say), or null as above. */
    public static AttributeValue get(Map<String, AttributeValue> attributes, Path path) {
        return steps(attributes.get(path.attribute()), path);
    }

    private static AttributeValue steps(AttributeValue top, Path path) {
        AttributeValue v = top;
        for (int i = 1; i < path.size() && v != null; i++) {
            v = step(v, path.get(i));
        }
        return v;
    }

    static AttributeValue step(AttributeValue v, Path.PathElement e) {
        if (e instanceof Path.Name n) {
            return v instanceof AttributeValue.M m ? m.value().get(n.name()) : null;
        }
        int index = ((Path.Index) e).index();
        if (v instanceof AttributeValue.L l) {
            return index < l.value().size() ? l.value().get(index) : null;
        }
        return null;
    }

    /**
     * Sets {@code value} at {@code path} in a mutable top-level map. A nested path's parent must exist with the
     * right kind (map for a name, list for an index); a list index past the end appends.
     */
    public static void set(Map<String, AttributeValue> attributes, Path path, AttributeValue value) {
        if (path.isTopLevel()) {
            attributes.put(path.attribute(), value);
            return;
        }
        AttributeValue root = attributes.get(path.attribute());
        if (root == null) {
            throw DynamoException.validation(INVALID_FOR_UPDATE);
        }
        attributes.put(path.attribute(), setIn(root, path, 1, value));
    }

    private static AttributeValue setIn(AttributeValue container, Path path, int i, AttributeValue value) {
        Path.PathElement e = path.get(i);
        boolean last = i == path.size() - 1;
        if (e instanceof Path.Name n) {
            if (!(container instanceof AttributeValue.M m)) {
                throw DynamoException.validation(INVALID_FOR_UPDATE);
            }
            LinkedHashMap<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
            if (last) {
                copy.put(n.name(), value);
            } else {
                AttributeValue child = m.value().get(n.name());
                if (child == null) {
                    throw DynamoException.validation(INVALID_FOR_UPDATE);
                }
                copy.put(n.name(), setIn(child, path, i + 1, value));
            }
            return new AttributeValue.M(Collections.unmodifiableMap(copy));
        }
        int index = ((Path.Index) e).index();
        if (!(container instanceof AttributeValue.L l)) {
            throw DynamoException.validation(INVALID_FOR_UPDATE);
        }
        List<AttributeValue> copy = new ArrayList<>(l.value());
        if (last) {
            if (index < copy.size()) {
                copy.set(index, value);
            } else {
                copy.add(value);
            }
        } else {
            if (index >= copy.size()) {
                throw DynamoException.validation(INVALID_FOR_UPDATE);
            }
            copy.set(index, setIn(copy.get(index), path, i + 1, value));
        }
        return new AttributeValue.L(Collections.unmodifiableList(copy));
    }

    /**
     * Removes the value at {@code path}: a missing top-level attribute, map key or list index is a no-op; a
     * missing or wrong-kind parent of a nested path is an error, as in DynamoDB.
     */
    public static void remove(Map<String, AttributeValue> attributes, Path path) {
        removeAll(attributes, List.of(path));
    }

    /**
     * Removes several paths; list elements are removed by their indexes in the original list (so
     * {@code REMOVE l[1], l[2]} removes the second and third elements).
     */
    public static void removeAll(Map<String, AttributeValue> attributes, List<Path> paths) {
        List<Path> ordered = new ArrayList<>(paths);
        // Deeper paths first, and within one list higher indexes first, so every removal still finds its
        // element at the index it had in the original item.
        ordered.sort(java.util.Comparator.<Path>comparingInt(p -> -p.size())
            .thenComparing(p -> new Path(p.elements().subList(0, Math.max(1, p.size() - 1))).toString())
            .thenComparingInt(p -> p.get(p.size() - 1) instanceof Path.Index ix ? -ix.index() : Integer.MIN_VALUE));
        for (Path p : ordered) {
            if (p.isTopLevel()) {
                attributes.remove(p.attribute());
                continue;
            }
            AttributeValue root = attributes.get(p.attribute());
            if (root == null) {
                throw DynamoException.validation(INVALID_FOR_UPDATE);
            }
            attributes.put(p.attribute(), removeIn(root, p, 1));
        }
    }

    private static AttributeValue removeIn(AttributeValue container, Path path, int i) {
        Path.PathElement e = path.get(i);
        boolean last = i == path.size() - 1;
        if (e instanceof Path.Name n) {
            if (!(container instanceof AttributeValue.M m)) {
                throw DynamoException.validation(INVALID_FOR_UPDATE);
            }
            LinkedHashMap<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
            if (last) {
                copy.remove(n.name());
            } else {
                AttributeValue child = m.value().get(n.name());
                if (child == null) {
                    throw DynamoException.validation(INVALID_FOR_UPDATE);
                }
                copy.put(n.name(), removeIn(child, path, i + 1));
            }
            return new AttributeValue.M(Collections.unmodifiableMap(copy));
        }
        int index = ((Path.Index) e).index();
        if (!(container instanceof AttributeValue.L l)) {
            throw DynamoException.validation(INVALID_FOR_UPDATE);
        }
        List<AttributeValue> copy = new ArrayList<>(l.value());
        if (last) {
            if (index < copy.size()) {
                copy.remove(index);
            }
        } else {
            if (index >= copy.size()) {
                throw DynamoException.validation(INVALID_FOR_UPDATE);
            }
            copy.set(index, removeIn(copy.get(index), path, i + 1));
        }
        return new AttributeValue.L(Collections.unmodifiableList(copy));
    }
}
