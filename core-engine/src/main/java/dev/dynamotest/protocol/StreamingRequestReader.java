package dev.dynamotest.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dynamotest.engine.model.AttributeMap;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Num;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast way in for the point operations: one pass of Jackson's streaming parser over the body that reads the
 * item or key (the bulk of the request) straight into engine values, without the JSON tree of every attribute value
 * that {@link Json#parse} builds and {@link AttributeValueJson} then walks. The other members are kept as tree
 * nodes, as {@link Json#parse} makes them; the attribute map stands in the tree as a {@link Preread} node, which
 * {@link AttributeValueJson#readMap} and {@link AttributeValueJson#readItem} answer from directly.
 *
 * <p>It only takes requests it reads exactly as the tree path would: on anything else (malformed JSON, a JSON null
 * inside a value, an unknown or second type member, an empty or duplicate set, a bad number or base64, a long
 * name, deep nesting, a repeated member, trailing content, ...) it gives up and returns null, and the request is
 * parsed by {@link Json#parse} and validated as before. Every error answer therefore comes from the one tree path,
 * in the same order of validations, whichever way the request came in.
 */
final class StreamingRequestReader {
    private StreamingRequestReader() {
    }

    /** The member read straight into engine values for {@code operation}, or null if none is. */
    static String attributeMember(String operation) {
        if (operation == null) {
            return null;
        }
        switch (operation) {
            case "PutItem":
                return "Item";
            case "GetItem":
            case "DeleteItem":
            case "UpdateItem":
                return "Key";
            default:
                return null;
        }
    }

    /** A request member read into engine values: an object node without children that holds the attributes. */
    static final class Preread extends ObjectNode {
        private static final long serialVersionUID = 1L;
        private final transient AttributeMap attributes;

        Preread(AttributeMap attributes) {
            super(Json.NODES);
            this.attributes = attributes;
        }

        AttributeMap attributes() {
            return attributes;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Thrown (without a stack) when the request is not one this reader takes: the tree path reads it instead. */
    private static final class NotFast extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFast() {
            super(null, null, false, false);
        }
    }

    private static final NotFast NOT_FAST = new NotFast();

    /**
     * The request as a tree whose {@code member} holds engine values, or null when the tree path must read it
     * (anything unusual, every error included).
     */
    static ObjectNode read(byte[] body, int offset, int length, String member) {
        try (JsonParser p = Json.FACTORY.createParser(body, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode request = Json.object();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                JsonNode node;
                if (name.equals(member) && v == JsonToken.START_OBJECT) {
                    node = new Preread(readMap(p, 0));
                } else if (v == JsonToken.VALUE_STRING) {
                    node = TextNode.valueOf(p.getText());
                } else if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
                    node = BooleanNode.valueOf(v == JsonToken.VALUE_TRUE);
                } else if (v == JsonToken.VALUE_NULL) {
                    node = NullNode.getInstance();
                } else {
                    node = Json.MAPPER.readTree(p); // numbers, arrays and other objects: exactly as the tree path
                }
                if (request.replace(name, node) != null || node == null) {
                    return null; // a repeated member: the tree path decides which one counts
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
            return request;
        } catch (Exception e) { // NotFast, malformed JSON, a bad value: all for the tree path to answer
            return null;
        } // no StackOverflowError to catch: nesting stops at the item limit (nested)
    }

    /** The members of an attribute map, the parser on its START_OBJECT; {@code depth} as in AttributeValueJson. */
    private static AttributeMap readMap(JsonParser p, int depth) throws IOException {
        AttributeMap.Builder m = AttributeMap.builder(8);
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (name.length() > AttributeValueJson.MAX_NAME_BYTES / 3) {
                throw NOT_FAST;
            }
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw NOT_FAST;
            }
            m.put(name, readValue(p, depth));
            n++;
        }
        if (t != JsonToken.END_OBJECT) {
            throw NOT_FAST;
        }
        AttributeMap built = m.build();
        if (built.size() != n) {
            throw NOT_FAST; // a repeated name
        }
        return built;
    }

    /**
     * One attribute value, {@code {"S": "x"}} and the like, the parser on its START_OBJECT: exactly one member
     * whose value has the type's shape.
     */
    private static AttributeValue readValue(JsonParser p, int depth) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME) {
            throw NOT_FAST;
        }
        String type = p.currentName();
        JsonToken v = p.nextToken();
        AttributeValue value;
        switch (type) {
            case "S":
                value = AttributeValue.s(string(p, v));
                break;
            case "N":
                value = AttributeValue.n(Num.parse(string(p, v)));
                break;
            case "B":
                value = AttributeValue.b(AttributeValueJson.binary(string(p, v)));
                break;
            case "BOOL":
                if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                    throw NOT_FAST;
                }
                value = AttributeValue.bool(v == JsonToken.VALUE_TRUE);
                break;
            case "NULL":
                if (v != JsonToken.VALUE_TRUE) {
                    throw NOT_FAST;
                }
                value = AttributeValue.NULL;
                break;
            case "M":
                if (v != JsonToken.START_OBJECT) {
                    throw NOT_FAST;
                }
                value = new AttributeValue.M(readMap(p, nested(depth)));
                break;
            case "L": {
                if (v != JsonToken.START_ARRAY) {
                    throw NOT_FAST;
                }
                int inner = nested(depth);
                List<AttributeValue> l = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    if (e != JsonToken.START_OBJECT) {
                        throw NOT_FAST;
                    }
                    l.add(readValue(p, inner));
                }
                value = new AttributeValue.L(l);
                break;
            }
            case "SS": {
                List<String> raw = new ArrayList<>();
                for (JsonToken e = array(v, p); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    raw.add(string(p, e));
                }
                value = AttributeValueJson.stringSet(raw);
                break;
            }
            case "NS": {
                List<Num> nums = new ArrayList<>();
                for (JsonToken e = array(v, p); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    nums.add(Num.parse(string(p, e)));
                }
                value = AttributeValueJson.numberSet(nums);
                break;
            }
            default:
                throw NOT_FAST; // BS, unknown members: the tree path
        }
        if (p.nextToken() != JsonToken.END_OBJECT) {
            throw NOT_FAST; // a second member (or a null one): the tree path
        }
        return value;
    }

    private static JsonToken array(JsonToken v, JsonParser p) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            throw NOT_FAST;
        }
        return p.nextToken();
    }

    private static String string(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            throw NOT_FAST;
        }
        return p.getText();
    }

    private static int nested(int depth) {
        if (depth + 1 > AttributeValue.MAX_NESTING_LEVELS) {
            throw NOT_FAST;
        }
        return depth + 1;
    }
}
