package dev.dynamotest.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
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

    public static String unexpected(JsonNode node, String expected) {
        String actual;
        if (node.isTextual()) {
            actual = "STRING_VALUE";
        } else if (node.isNumber()) {
            actual = "NUMBER_VALUE";
        } else if (node.isBoolean()) {
            actual = node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
        } else if (node.isArray()) {
            actual = "START_ARRAY";
        } else if (node.isObject()) {
            actual = "START_OBJECT";
        } else {
            actual = "VALUE_NULL";
        }
        return "Unexpected token " + actual + " where a " + expected + " was expected";
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
            throw DynamoException.serialization(unexpected(n, "integer"));
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
