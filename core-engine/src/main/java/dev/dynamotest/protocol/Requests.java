package dev.dynamotest.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of request members. A member of the wrong JSON type is a SerializationException, as the service's
 * deserializer reports it; an absent (or JSON null) member reads as null.
 */
public final class Requests {
    private Requests() {
    }

    /** Members the service's model types as Long (the other integers are Integer), for the deserializer's messages. */
    private static final java.util.Set<String> LONG_MEMBERS = java.util.Set.of("ReadCapacityUnits", "WriteCapacityUnits",
        "MaxReadRequestUnits", "MaxWriteRequestUnits", "ReadUnitsPerSecond", "WriteUnitsPerSecond");

    /**
     * The SerializationException text for {@code node} where {@code expected} (string, integer, long, boolean, blob,
     * timestamp, structure, map, list) was expected. For scalars these are the service's deserializer's texts:
     * "NUMBER_VALUE cannot be converted to String", "Start of structure or map found where not expected",
     * "Unrecognized collection type class java.lang.String".
     */
    public static String unexpected(JsonNode node, String expected) {
        String javaType;
        switch (expected) {
            case "string": javaType = "String"; break;
            case "integer": javaType = "Integer"; break;
            case "long": javaType = "Long"; break;
            case "boolean": javaType = "Boolean"; break;
            case "blob": javaType = "ByteBuffer"; break;
            case "timestamp": javaType = "Date"; break;
            default: javaType = null;
        }
        if (javaType != null) {
            if (node.isObject()) {
                return "Start of structure or map found where not expected";
            }
            if (node.isArray()) {
                return "Unrecognized collection type class " + (javaType.equals("ByteBuffer") ? "java.nio.ByteBuffer"
                    : javaType.equals("Date") ? "java.util.Date" : "java.lang." + javaType);
            }
            return token(node) + " cannot be converted to " + javaType;
        }
        // the deserializer's texts for collections (see RequestShapes, which checks every member before this)
        if (expected.equals("list")) {
            return node.isObject() ? RequestShapes.START_OF_STRUCTURE : RequestShapes.UNEXPECTED_FIELD;
        }
        if (expected.equals("map") && !node.isNull()) {
            return node.isArray() ? "Unrecognized collection type java.util.Map<java.lang.String, "
                + "com.amazonaws.dynamodb.v20120810.AttributeValue>" : RequestShapes.UNEXPECTED_FIELD;
        }
        return "Unexpected token " + token(node) + " where a " + expected + " was expected";
    }

    /** The deserializer's name of the JSON token a value starts with. */
    static String token(JsonNode node) {
        if (node.isTextual()) {
            return "STRING_VALUE";
        } else if (node.isIntegralNumber()) {
            return "NUMBER_VALUE";
        } else if (node.isNumber()) {
            return "DECIMAL_VALUE";
        } else if (node.isBoolean()) {
            return node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
        } else if (node.isArray()) {
            return "START_ARRAY";
        } else if (node.isObject()) {
            return "START_OBJECT";
        }
        return "VALUE_NULL";
    }

    /** A timestamp member: epoch seconds, possibly with a fraction, as the JSON protocol sends dates (null if absent). */
    public static Instant timestamp(JsonNode request, String name) {
        JsonNode n = member(request, name);
        if (n == null) {
            return null;
        }
        if (!n.isNumber()) {
            throw DynamoException.serialization(unexpected(n, "timestamp"));
        }
        // seconds to milliseconds as a double-to-long cast does: beyond the range of a long (or infinite), saturated
        double seconds = n.doubleValue();
        if (!Double.isFinite(seconds) || Math.abs(seconds) > 9.0e15) {
            return Instant.ofEpochMilli(seconds > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
        BigDecimal millis = n.decimalValue().movePointRight(3);
        return Instant.ofEpochMilli(millis.setScale(0, RoundingMode.FLOOR).longValueExact());
    }

    public static JsonNode member(JsonNode request, String name) {
        JsonNode n = request.get(name);
        return n == null || n.isNull() ? null : n;
    }

    public static String string(JsonNode request, String name) {
        JsonNode n = member(request, name);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw DynamoException.serialization(unexpected(n, "string"));
        }
        return n.textValue();
    }

    public static Boolean bool(JsonNode request, String name) {
        JsonNode n = member(request, name);
        if (n == null) {
            return null;
        }
        if (!n.isBoolean()) {
            throw DynamoException.serialization(unexpected(n, "boolean"));
        }
        return n.booleanValue();
    }

    public static Long integer(JsonNode request, String name) {
        JsonNode n = member(request, name);
        if (n == null) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw DynamoException.serialization(unexpected(n, LONG_MEMBERS.contains(name) ? "long" : "integer"));
        }
        return n.longValue();
    }

    public static JsonNode object(JsonNode request, String name) {
        JsonNode n = member(request, name);
        if (n != null && !n.isObject()) {
            throw DynamoException.serialization(unexpected(n, "structure"));
        }
        return n;
    }

    public static JsonNode array(JsonNode request, String name) {
        JsonNode n = member(request, name);
        if (n != null && !n.isArray()) {
            throw DynamoException.serialization(unexpected(n, "list"));
        }
        return n;
    }

    public static List<String> stringList(JsonNode request, String name) {
        JsonNode n = array(request, name);
        if (n == null) {
            return null;
        }
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw DynamoException.serialization(unexpected(e, "string"));
            }
            out.add(e.textValue());
        }
        return out;
    }

    /** A string-to-string map (ExpressionAttributeNames), null when absent. */
    public static Map<String, String> stringMap(JsonNode request, String name) {
        JsonNode n = object(request, name);
        if (n == null) {
            return null;
        }
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw DynamoException.serialization(unexpected(e.getValue(), "string"));
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return Collections.unmodifiableMap(out);
    }

    /** A map of attribute values (Key, Item, ExpressionAttributeValues), null when absent. */
    public static Map<String, AttributeValue> attributeMap(JsonNode request, String name) {
        JsonNode n = member(request, name);
        return n == null ? null : AttributeValueJson.readMap(n);
    }

    public static Item item(JsonNode request, String name) {
        JsonNode n = member(request, name);
        return n == null ? null : AttributeValueJson.readItem(n);
    }
}
