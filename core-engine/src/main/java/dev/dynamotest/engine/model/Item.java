package dev.dynamotest.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable item: attribute name to value, with its DynamoDB size computed once. It holds the shared shape of
 * its names ({@link AttributeMap.Shape}) and its values encoded in one byte array ({@link ItemCodec}) rather than
 * an object per value: a stored item costs little more than its DynamoDB size. {@link #get} decodes one value,
 * {@link #attributes()} all of them, on each call.
 */
public final class Item {
    public static final int MAX_SIZE_BYTES = 400 * 1024;
    public static final Item EMPTY = new Item(AttributeMap.EMPTY);

    private static final byte[] NO_DATA = new byte[0];

    private final AttributeMap.Shape shape;
    private final byte[] data; // the values in the shape's order, encoded by ItemCodec
    private final int size;

    private Item(AttributeMap attributes) {
        this.shape = attributes.shape();
        AttributeValue[] values = attributes.valueArray();
        int s = 0;
        for (int i = 0; i < values.length; i++) {
            s += AttributeValue.utf8Length(shape.names[i]) + values[i].sizeBytes();
        }
        this.size = s;
        this.data = values.length == 0 ? NO_DATA : ItemCodec.encode(values, s);
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
        return new AttributeMap(shape, values());
    }

    private AttributeValue[] values() {
        return ItemCodec.decodeAll(data, shape.names.length);
    }

    public AttributeValue get(String name) {
        int i = ArrayIndex.find(shape.names, shape.names.length, 1, shape.index, name);
        return i < 0 ? null : ItemCodec.decodeAt(data, i);
    }

    public boolean isEmpty() {
        return shape.names.length == 0;
    }

    /** Attribute name bytes plus value bytes, as DynamoDB counts item size. */
    public int sizeBytes() {
        return size;
    }

    /** A mutable copy, for building a changed item. */
    public LinkedHashMap<String, AttributeValue> toMutableMap() {
        AttributeValue[] values = values();
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
