package dev.dynamotest.engine.journal;

import dev.dynamotest.engine.model.AttributeValue;
import java.util.Map;

/**
 * A key a request touched: the table, the index (null for the table), the key attributes (the full primary key for
 * item reads and writes, the partition key alone for a Query) and whether it was written.
 */
public record KeyRef(String table, String index, Map<String, AttributeValue> key, boolean write) {
    public KeyRef {
        key = Map.copyOf(key);
    }

    /** {@code table[/index] {name=value, ...}}, the attributes in name order, for messages. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(table);
        if (index != null) {
            b.append('/').append(index);
        }
        b.append(" {");
        boolean first = true;
        for (String name : new java.util.TreeSet<>(key.keySet())) {
            if (!first) {
                b.append(", ");
            }
            first = false;
            b.append(name).append('=').append(show(key.get(name)));
        }
        return b.append('}').toString();
    }

    /** A key value as people write it: a string quoted, a number as is, binary as its type and size. */
    static String show(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return '"' + s.value() + '"';
        }
        if (v instanceof AttributeValue.N n) {
            return n.value().toString();
        }
        return v.toString();
    }
}
