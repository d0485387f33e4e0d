package dev.dynamotest.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.error.DynamoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The service's deserializer, before any validation: every member of a request is checked against the JSON type its
 * shape has in the service model (a table generated from botocore's models by {@code core-engine/tools/shapes.py}),
 * in document order, and the first mismatch answers a SerializationException with the deserializer's text. As the
 * service's deserializer does, a boolean member also takes the strings {@code true}/{@code false}/{@code yes}/
 * {@code no}/{@code 1}/{@code 0} (any case) and an integer member a decimal number (rounded down); both are rewritten
 * in place so that the actions see the converted value. Unknown members and nulls are left alone (the actions treat
 * them as absent). The texts are the ones other emulators recorded from the service (dynalite's type checks).
 */
public final class RequestShapes {
    /** The Java package the service's deserializer names its classes in. */
    private static final String MODEL_PACKAGE = "com.amazonaws.dynamodb.v20120810.";
    static final String UNEXPECTED_FIELD = "Unexpected field type";
    static final String UNEXPECTED_VALUE = "Unexpected value type in payload";
    static final String START_OF_STRUCTURE = "Start of structure or map found where not expected";
    static final String UNEXPECTED_TOKEN = "Unexpected token received from parser";
    /** A list or a map nested directly in another collection: the deserializer's own failure, as the service says it. */
    static final String PARAMETERIZED = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast "
        + "to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class "
        + "are in module java.base of loader 'bootstrap')";
    /** Decimals at or beyond this magnitude cannot be read into an integer member. */
    private static final double LONG_RANGE = 9.2e18;
    /** Nesting deeper than this is left to the readers' own depth limits. */
    private static final int MAX_DEPTH = 64;

    private record Shape(String name, String type, Map<String, String> members, String element, String value) {
    }

    private record Model(Map<String, String> operations, Map<String, Shape> shapes) {
    }

    private static final Model DYNAMODB;
    private static final Model STREAMS;

    static {
        try (InputStream in = RequestShapes.class.getResourceAsStream("request-shapes.json")) {
            JsonNode root = Json.MAPPER.readTree(in);
            DYNAMODB = model(root.get("dynamodb"));
            STREAMS = model(root.get("streams"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RequestShapes() {
    }

    private static Model model(JsonNode node) {
        Map<String, String> operations = new HashMap<>();
        node.get("operations").fields().forEachRemaining(e -> operations.put(e.getKey(), e.getValue().asText()));
        Map<String, Shape> shapes = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.get("shapes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode s = e.getValue();
            Map<String, String> members = null;
            if (s.has("m")) {
                members = new HashMap<>();
                Map<String, String> m = members;
                s.get("m").fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asText()));
            }
            shapes.put(e.getKey(), new Shape(e.getKey(), s.get("t").asText(), members,
                s.has("e") ? s.get("e").asText() : null, s.has("v") ? s.get("v").asText() : null));
        }
        return new Model(operations, shapes);
    }

    /** Checks a DynamoDB ({@code streams} false) or DynamoDB Streams request of {@code operation}. */
    public static void check(boolean streams, String operation, ObjectNode request) {
        Model model = streams ? STREAMS : DYNAMODB;
        String input = model.operations().get(operation);
        if (input != null) {
            members(model, model.shapes().get(input), request, 0);
        }
    }

    private static void members(Model model, Shape structure, ObjectNode node, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String target = structure.members().get(e.getKey());
            if (target != null && !e.getValue().isNull()) {
                JsonNode converted = value(model, model.shapes().get(target), e.getValue(), Position.FIELD, depth + 1);
                if (converted != e.getValue()) {
                    e.setValue(converted);
                }
            }
        }
    }

    /** Where a value sits: a structure's member, or a list element or map value. */
    private enum Position { FIELD, VALUE }

    /** Checks {@code node} against {@code shape}; answers the node to keep (a converted scalar, or {@code node}). */
    private static JsonNode value(Model model, Shape shape, JsonNode node, Position position, int depth) {
        switch (shape.type()) {
            case "structure":
                if (node.isArray()) {
                    throw serialization("Unrecognized collection type class " + MODEL_PACKAGE + shape.name());
                }
                if (!node.isObject()) {
                    throw serialization(position == Position.FIELD ? UNEXPECTED_FIELD : UNEXPECTED_VALUE);
                }
                members(model, shape, (ObjectNode) node, depth);
                return node;
            case "list":
                if (node.isObject()) {
                    throw serialization(START_OF_STRUCTURE);
                }
                if (!node.isArray()) {
                    throw serialization(position == Position.VALUE ? PARAMETERIZED : UNEXPECTED_FIELD);
                }
                elements(model, model.shapes().get(shape.element()), (ArrayNode) node, depth);
                return node;
            case "map":
                if (node.isArray()) {
                    throw serialization("Unrecognized collection type java.util.Map<java.lang.String, "
                        + javaType(model, model.shapes().get(shape.value())) + ">");
                }
                if (!node.isObject()) {
                    throw serialization(position == Position.VALUE ? PARAMETERIZED : UNEXPECTED_FIELD);
                }
                if (depth <= MAX_DEPTH) {
                    Shape valueShape = model.shapes().get(shape.value());
                    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (!e.getValue().isNull()) {
                            JsonNode converted = value(model, valueShape, e.getValue(), Position.VALUE, depth + 1);
                            if (converted != e.getValue()) {
                                e.setValue(converted);
                            }
                        }
                    }
                }
                return node;
            case "boolean":
                return bool(node);
            case "integer":
                return integer(node, "Integer");
            case "long":
                return integer(node, "Long");
            case "double":
                return number(node, "Double");
            case "blob":
                return scalar(node, "java.nio.ByteBuffer", null);
            case "timestamp": // epoch seconds, as the JSON protocol sends dates; a text is left to the action
                if (node.isNumber() || node.isTextual()) {
                    return node;
                }
                return scalar(node, "java.util.Date", "Date");
            default: // string and enums
                if (node.isTextual()) {
                    return node;
                }
                return scalar(node, "java.lang.String", "String");
        }
    }

    private static void elements(Model model, Shape element, ArrayNode array, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode e = array.get(i);
            if (!e.isNull()) {
                JsonNode converted = value(model, element, e, Position.VALUE, depth + 1);
                if (converted != e) {
                    array.set(i, converted);
                }
            }
        }
    }

    /** The Java type the deserializer names for a map's values. */
    private static String javaType(Model model, Shape shape) {
        switch (shape.type()) {
            case "structure":
                return MODEL_PACKAGE + shape.name();
            case "list":
                return "java.util.List<" + javaType(model, model.shapes().get(shape.element())) + ">";
            case "map":
                return "java.util.Map<java.lang.String, " + javaType(model, model.shapes().get(shape.value())) + ">";
            default:
                return "java.lang.String";
        }
    }

    private static JsonNode bool(JsonNode node) {
        if (node.isBoolean()) {
            return node;
        }
        if (node.isTextual()) {
            switch (node.textValue().toUpperCase(Locale.ROOT)) {
                case "TRUE": case "YES": case "1":
                    return BooleanNode.TRUE;
                case "FALSE": case "NO": case "0":
                    return BooleanNode.FALSE;
                default:
                    throw serialization(UNEXPECTED_TOKEN);
            }
        }
        return scalar(node, "java.lang.Boolean", "Boolean");
    }

    private static JsonNode integer(JsonNode node, String javaType) {
        if (node.isIntegralNumber()) {
            return node;
        }
        if (node.isNumber()) {
            // the deserializer reads a decimal into an integer member rounded down; one out of a long's range is refused
            double d = node.doubleValue();
            if (Double.isFinite(d) && Math.abs(d) < LONG_RANGE) {
                return LongNode.valueOf((long) Math.floor(d));
            }
        }
        return scalar(node, "java.lang." + javaType, javaType);
    }

    private static JsonNode number(JsonNode node, String javaType) {
        if (node.isNumber()) {
            return node;
        }
        return scalar(node, "java.lang." + javaType, javaType);
    }

    /** A scalar member holding something else: the deserializer's texts for each kind of token. */
    private static JsonNode scalar(JsonNode node, String javaClass, String javaType) {
        if (node.isObject()) {
            throw serialization(START_OF_STRUCTURE);
        }
        if (node.isArray()) {
            throw serialization("Unrecognized collection type class " + javaClass);
        }
        if (javaType == null) { // a blob from a number or a boolean
            if (!node.isTextual()) {
                throw serialization("only base-64-encoded strings are convertible to bytes");
            }
            return node;
        }
        if (node.isTextual() && javaType.equals("String")) {
            return node;
        }
        throw serialization(Requests.token(node) + " cannot be converted to " + javaType);
    }

    private static DynamoException serialization(String message) {
        return DynamoException.serialization(message);
    }
}
