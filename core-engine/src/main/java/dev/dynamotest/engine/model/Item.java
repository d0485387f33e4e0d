package dev.dynamotest.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable item: attribute name to value, held as an {@link AttributeMap}, with its DynamoDB size computed
 * once.
 */
public final class Item {
    public static final int MAX_SIZE_BYTES = 400 * 1024;
    public static final Item EMPTY = new Item(AttributeMap.EMPTY);

    private final AttributeMap attributes;
    private int size = -1;

    private Item(AttributeMap attributes) {
        this.attributes = attributes;
    }

    /** Copies the map (an {@link AttributeMap}, being immutable, is taken as it is). */
    public static Item of(Map<String, AttributeValue> attributes) {
        return new Item(AttributeMap.copyOf(attributes));
    }

    /**
     * From a map the caller will not change again. The item holds an immutable copy (an {@link AttributeMap} as it
     * is), so later changes of the map would not show.
     */
    public static Item wrap(Map<String, AttributeValue> attributes) {
        return new Item(AttributeMap.copyOf(attributes));
    }

    /** The attributes in their order; unmodifiable. */
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
            for (int i = 0; i < attributes.size(); i++) {
                s += AttributeValue.utf8Length(attributes.nameAt(i)) + attributes.valueAt(i).sizeBytes();
            }
            size = s;
        }
        return s;
    }

    /** A mutable copy, for building a changed item. */
    public LinkedHashMap<String, AttributeValue> toMutableMap() {
        LinkedHashMap<String, AttributeValue> m = new LinkedHashMap<>(Math.max(16, attributes.size() * 4 / 3 + 1));
        for (int i = 0; i < attributes.size(); i++) {
            m.put(attributes.nameAt(i), attributes.valueAt(i));
        }
        return m;
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
