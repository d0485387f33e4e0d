package dev.dynamotest.engine.expr;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Projects an item to document paths: nested structure kept, missing paths left out, list elements kept in
 * index order and compacted ({@code l[3], l[1]} gives a list of the elements at 1 and 3).
 */
public final class Projector {
    private Projector() {
    }

    public static Item project(Item item, List<Path> paths) {
        Node root = new Node();
        for (Path p : paths) {
            AttributeValue top = item.get(p.attribute());
            if (top == null) {
                continue;
            }
            root.add(p, 0, item.get(p.attribute()));
        }
        LinkedHashMap<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Node> e : root.children.entrySet()) {
            AttributeValue v = e.getValue().build();
            if (v != null) {
                out.put((String) e.getKey(), v);
            }
        }
        return Item.wrap(out);
    }

    /** A node of the projection tree: a whole value, or selected map keys / list indexes of it. */
    private static final class Node {
        AttributeValue value;       // the value at this node
        boolean whole;               // the whole value is projected
        final Map<Object, Node> children = new LinkedHashMap<>();

        /** Adds path[i..] below this node, whose own value is {@code here}. */
        void add(Path p, int i, AttributeValue topValue) {
            Node n = children.computeIfAbsent(p.attribute(), k -> new Node());
            n.value = topValue;
            n.addBelow(p, 1);
        }

        void addBelow(Path p, int i) {
            if (i == p.size()) {
                whole = true;
                return;
            }
            Path.PathElement e = p.get(i);
            AttributeValue child = DocumentPaths.step(value, e);
            if (child == null) {
                return;
            }
            Object k = e instanceof Path.Name n ? n.name() : (Object) ((Path.Index) e).index();
            Node c = children.computeIfAbsent(k, x -> new Node());
            c.value = child;
            c.addBelow(p, i + 1);
        }

        AttributeValue build() {
            if (whole) {
                return value;
            }
            if (children.isEmpty()) {
                return null;
            }
            if (value instanceof AttributeValue.M) {
                LinkedHashMap<String, AttributeValue> m = new LinkedHashMap<>();
                for (Map.Entry<Object, Node> e : children.entrySet()) {
                    AttributeValue v = e.getValue().build();
                    if (v != null) {
                        m.put((String) e.getKey(), v);
                    }
                }
                return m.isEmpty() ? null : new AttributeValue.M(Collections.unmodifiableMap(m));
            }
            TreeMap<Integer, Node> ordered = new TreeMap<>();
            children.forEach((k, v) -> ordered.put((Integer) k, v));
            List<AttributeValue> l = new ArrayList<>();
            for (Node n : ordered.values()) {
                AttributeValue v = n.build();
                if (v != null) {
                    l.add(v);
                }
            }
            return l.isEmpty() ? null : new AttributeValue.L(Collections.unmodifiableList(l));
        }
    }
}
