package dev.dynamotest.engine.table;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Bytes;
import dev.dynamotest.engine.model.Item;
import java.util.Map;

/** A table's or index's key: partition (HASH) attribute and optional sort (RANGE) attribute. */
public record KeySchema(KeyAttribute partition, KeyAttribute sort) {

    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    public static final int MAX_SORT_KEY_BYTES = 1024;

    public boolean hasSort() {
        return sort != null;
    }

    public boolean isKeyAttribute(String name) {
        return partition.name().equals(name) || (sort != null && sort.name().equals(name));
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
