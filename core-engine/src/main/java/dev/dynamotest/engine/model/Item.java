package dev.dynamotest.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable item: attribute name to value, with its DynamoDB size computed once. It holds the parts of an
 * {@link AttributeMap} (the shared shape of its names and its values) rather than the map object, and
 * {@link #attributes()} is a view over them.
 */
public final class Item {
    public static final int MAX_SIZE_BYTES = 400 * 1024;
    public static final Item EMPTY = new Item(AttributeMap.EMPTY);

    private final AttributeMap.Shape shape;
    private final AttributeValue[] values;
    private int size = -1;

    private Item(AttributeMap attributes) {
        this.shape = attributes.shape();
        this.values = attributes.valueArray();
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

    /** The attributes in their order; an unmodifiable {@link AttributeMap}. */
    public Map<String, AttributeValue> attributes() {
        return new AttributeMap(shape, values);
    }

    public AttributeValue get(String name) {
        return AttributeMap.get(shape, values, name);
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    /** Attribute name bytes plus value bytes, as DynamoDB counts item size. */
    public int sizeBytes() {
        int s = size;
        if (s < 0) {
            s = 0;
            for (int i = 0; i < values.length; i++) {
                s += AttributeValue.utf8Length(shape.names[i]) + values[i].sizeBytes();
            }
            size = s;
        }
        return s;
    }

    /** A mutable copy, for building a changed item. */
    public LinkedHashMap<String, AttributeValue> toMutableMap() {
        LinkedHashMap<String, AttributeValue> m = new LinkedHashMap<>(Math.max(16, values.length * 4 / 3 + 1));
        for (int i = 0; i < values.length; i++) {
            m.put(shape.names[i], values[i]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Item && attributes().equals(((Item) o).attributes());
    }

    @Override
    public int hashCode() {
        return attributes().hashCode();
    }

    @Override
    public String toString() {
        return attributes().toString();
    }
}
