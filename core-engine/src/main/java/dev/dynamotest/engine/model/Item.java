package dev.dynamotest.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable item: attribute name to value, with its DynamoDB size computed once. */
public final class Item {
    public static final int MAX_SIZE_BYTES = 400 * 1024;
    public static final Item EMPTY = new Item(Collections.emptyMap());

    private final Map<String, AttributeValue> attributes;
    private int size = -1;

    private Item(Map<String, AttributeValue> attributes) {
        this.attributes = attributes;
    }

    /** Copies the map. */
    public static Item of(Map<String, AttributeValue> attributes) {
        return new Item(Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
    }

    /** Takes ownership of a map the caller will not change again. */
    public static Item wrap(Map<String, AttributeValue> attributes) {
        return new Item(Collections.unmodifiableMap(attributes));
    }

    public Map<String, AttributeValue> attributes() {
        return attributes;
    }

    public AttributeValue get(String name) {
        return attributes.get(name);
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    /** Attribute name bytes plus value bytes, as DynamoDB counts item size. */
    public int sizeBytes() {
        int s = size;
        if (s < 0) {
            s = 0;
            for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
                s += AttributeValue.utf8Length(e.getKey()) + e.getValue().sizeBytes();
            }
            size = s;
        }
        return s;
    }

    /** A mutable copy, for building a changed item. */
    public LinkedHashMap<String, AttributeValue> toMutableMap() {
        return new LinkedHashMap<>(attributes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Item && attributes.equals(((Item) o).attributes);
    }

    @Override
    public int hashCode() {
        return attributes.hashCode();
    }

    @Override
    public String toString() {
        return attributes.toString();
    }
}
