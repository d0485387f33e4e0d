package dev.dynamotest.engine.table;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Bytes;
import dev.dynamotest.engine.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table's or index's key: partition (HASH) attribute and optional sort (RANGE) attribute. A global secondary index
 * may have a multi-attribute key: up to four HASH attributes (the partition is all their values together) and up to
 * four RANGE attributes (compared left to right); {@link #partition()} and {@link #sort()} are then the first of each,
 * and the index stores the composite values (see {@link IndexLayout#partitionValue}).
 */
public record KeySchema(KeyAttribute partition, KeyAttribute sort, List<KeyAttribute> partitionAttributes,
                        List<KeyAttribute> sortAttributes) {

    public static final int MAX_MULTI_ATTRIBUTE_ELEMENTS = 4;

    /** Without the attribute lists (a key saved before multi-attribute keys existed): the one HASH and RANGE. */
    public KeySchema {
        if (partitionAttributes == null) {
            partitionAttributes = List.of(partition);
        }
        if (sortAttributes == null) {
            sortAttributes = sort == null ? List.of() : List.of(sort);
        }
    }

    public KeySchema(KeyAttribute partition, KeyAttribute sort) {
        this(partition, sort, List.of(partition), sort == null ? List.of() : List.of(sort));
    }

    /** A key of HASH attributes then RANGE attributes (several of each only for a global secondary index). */
    public static KeySchema of(List<KeyAttribute> hash, List<KeyAttribute> range) {
        return new KeySchema(hash.get(0), range.isEmpty() ? null : range.get(0), List.copyOf(hash), List.copyOf(range));
    }

    /** More than one HASH or more than one RANGE attribute. */
    public boolean isMultiAttribute() {
        return partitionAttributes.size() > 1 || sortAttributes.size() > 1;
    }

    /** Every key attribute, HASH ones first, in schema order. */
    public List<KeyAttribute> attributes() {
        List<KeyAttribute> all = new ArrayList<>(partitionAttributes);
        all.addAll(sortAttributes);
        return all;
    }

    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    public static final int MAX_SORT_KEY_BYTES = 1024;

    public boolean hasSort() {
        return sort != null;
    }

    public boolean isKeyAttribute(String name) {
        if (partition.name().equals(name) || (sort != null && sort.name().equals(name))) {
            return true;
        }
        for (KeyAttribute a : partitionAttributes) {
            if (a.name().equals(name)) {
                return true;
            }
        }
        for (KeyAttribute a : sortAttributes) {
            if (a.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Extracts the primary key from a full item being written (PutItem), with DynamoDB's validation of presence,
     * type, emptiness and size.
     */
    public PrimaryKey keyOfItem(Item item) {
        AttributeValue p = item.get(partition.name());
        if (p == null) {
            throw DynamoException.validation(Messages.MISSING_KEY_IN_ITEM, partition.name());
        }
        AttributeValue s = null;
        if (sort != null) {
            s = item.get(sort.name());
            if (s == null) {
                throw DynamoException.validation(Messages.MISSING_KEY_IN_ITEM, sort.name());
            }
        }
        checkKeyValue(partition, p, true);
        if (s != null) {
            checkKeyValue(sort, s, false);
        }
        return new PrimaryKey(p, s);
    }

    /**
     * Reads a key given as the {@code Key} parameter of GetItem/UpdateItem/DeleteItem: exactly the key attributes,
     * nothing else.
     */
    public PrimaryKey keyOf(Map<String, AttributeValue> key) {
        int expected = sort == null ? 1 : 2;
        AttributeValue p = key.get(partition.name());
        AttributeValue s = sort == null ? null : key.get(sort.name());
        if (key.size() != expected || p == null || (sort != null && s == null)) {
            throw DynamoException.validation(Messages.KEY_SCHEMA_MISMATCH);
        }
        if (p.type() != partition.type() || (s != null && s.type() != sort.type())) {
            throw DynamoException.validation(Messages.KEY_SCHEMA_MISMATCH);
        }
        checkKeyValue(partition, p, true);
        if (s != null) {
            checkKeyValue(sort, s, false);
        }
        return new PrimaryKey(p, s);
    }

    private static void checkKeyValue(KeyAttribute attr, AttributeValue v, boolean partitionKey) {
        if (v.type() != attr.type()) {
            throw DynamoException.validation(Messages.KEY_TYPE_MISMATCH, attr.name(), attr.type(), v.type());
        }
        if (v instanceof AttributeValue.S str && str.isEmpty()) {
            throw DynamoException.validation(Messages.EMPTY_STRING_KEY, attr.name());
        }
        if (v instanceof AttributeValue.B bin && bin.value().length() == 0) {
            throw DynamoException.validation(Messages.EMPTY_BINARY_KEY, attr.name());
        }
        int size = v.sizeBytes();
        if (partitionKey && size > MAX_PARTITION_KEY_BYTES) {
            throw DynamoException.validation(Messages.HASH_KEY_TOO_LARGE);
        }
        if (!partitionKey && size > MAX_SORT_KEY_BYTES) {
            throw DynamoException.validation(Messages.RANGE_KEY_TOO_LARGE);
        }
    }

    /** The key attributes of an item as a map (for responses such as LastEvaluatedKey). */
    public Map<String, AttributeValue> keyMap(PrimaryKey key) {
        if (sort == null) {
            return Map.of(partition.name(), key.partition());
        }
        return Map.of(partition.name(), key.partition(), sort.name(), key.sort());
    }

    static boolean isEmptyKeyValue(AttributeValue v) {
        return (v instanceof AttributeValue.S s && s.isEmpty())
            || (v instanceof AttributeValue.B b && b.value().equals(Bytes.EMPTY));
    }

    static AttrType typeOf(AttributeValue v) {
        return v.type();
    }
}
