package dev.dynamotest.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.model.AttributeMap;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Bytes;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.model.Num;
import dev.dynamotest.engine.model.StringSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** DynamoDB JSON ({@code {"S": "x"}}, ...) to engine values and back, with the service's validation. */
public final class AttributeValueJson {
    private AttributeValueJson() {
    }

    /** The longest attribute name, in UTF-8 bytes (the service model's AttributeName: max 65535). */
    public static final int MAX_NAME_BYTES = 65_535;
    static final String NAME_TOO_LONG =
        "One or more parameter values were invalid: Attribute name size has exceeded the maximum size limit of 65535 bytes";

    /** Reads an attribute value; wrong JSON shapes are SerializationExceptions, bad values ValidationExceptions. */
    public static AttributeValue read(JsonNode node) {
        return read(node, 0);
    }

    /** {@code depth}: how many maps and lists enclose the value; the recursion stops at the service's limit. */
    private static AttributeValue read(JsonNode node, int depth) {
        if (node == null || node.isNull()) {
            throw DynamoException.validation(Messages.AV_NO_TYPE);
        }
        if (!node.isObject()) {
            throw DynamoException.serialization(Requests.unexpected(node, "structure"));
        }
        int fields = 0;
        String type = null;
        JsonNode value = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                continue; // a null member is as if absent
            }
            fields++;
            type = e.getKey();
            value = e.getValue();
        }
        if (fields == 0) {
            throw DynamoException.validation(Messages.AV_NO_TYPE);
        }
        if (fields > 1) {
            throw DynamoException.validation(Messages.AV_MULTIPLE_TYPES);
        }
        switch (type) {
            case "S":
                return AttributeValue.s(text(value));
            case "N":
                return AttributeValue.n(Num.parse(text(value)));
            case "B":
                return AttributeValue.b(binary(value));
            case "BOOL":
                if (!value.isBoolean()) {
                    throw DynamoException.serialization(Requests.unexpected(value, "boolean"));
                }
                return AttributeValue.bool(value.booleanValue());
            case "NULL":
                if (!value.isBoolean()) {
                    throw DynamoException.serialization(Requests.unexpected(value, "boolean"));
                }
                if (!value.booleanValue()) {
                    throw DynamoException.validation(Messages.NULL_MUST_BE_TRUE);
                }
                return AttributeValue.NULL;
            case "M": {
                if (!value.isObject()) {
                    throw DynamoException.serialization(Requests.unexpected(value, "map"));
                }
                return new AttributeValue.M(readAttributeMap(value, nested(depth)));
            }
            case "L": {
                if (!value.isArray()) {
                    throw DynamoException.serialization(Requests.unexpected(value, "list"));
                }
                int inner = nested(depth);
                List<AttributeValue> l = new ArrayList<>(value.size());
                for (JsonNode v : value) {
                    l.add(read(v, inner));
                }
                return new AttributeValue.L(l);
            }
            case "SS": {
                List<String> raw = new ArrayList<>();
                for (JsonNode v : array(value)) {
                    raw.add(text(v));
                }
                return stringSet(raw);
            }
            case "NS": {
                List<Num> nums = new ArrayList<>();
                for (JsonNode v : array(value)) {
                    nums.add(Num.parse(text(v)));
                }
                return numberSet(nums);
            }
            case "BS": {
                List<Bytes> bs = new ArrayList<>();
                List<String> raw = new ArrayList<>();
                for (JsonNode v : array(value)) {
                    bs.add(binary(v));
                    raw.add(v.textValue());
                }
                if (bs.isEmpty()) {
                    throw DynamoException.validation(Messages.EMPTY_BINARY_SET);
                }
                LinkedHashSet<Bytes> set = new LinkedHashSet<>(bs);
                if (set.size() != bs.size()) {
                    throw DynamoException.validation(Messages.BINARY_SET_DUPLICATES, raw.toString());
                }
                return new AttributeValue.BS(set);
            }
            default:
                // An unknown member name: the service's deserializer ignores unknown members, leaving no type.
                throw DynamoException.validation(Messages.AV_NO_TYPE);
        }
    }

    private static JsonNode array(JsonNode value) {
        if (!value.isArray()) {
            throw DynamoException.serialization(Requests.unexpected(value, "list"));
        }
        return value;
    }

    private static String text(JsonNode value) {
        if (!value.isTextual()) {
            throw DynamoException.serialization(Requests.unexpected(value, "string"));
        }
        return value.textValue();
    }

    /** An SS value from its members as sent: not empty, no duplicates. */
    static AttributeValue stringSet(List<String> raw) {
        if (raw.isEmpty()) {
            throw DynamoException.validation(Messages.EMPTY_SET, "string");
        }
        LinkedHashSet<String> set = new LinkedHashSet<>(raw);
        if (set.size() != raw.size()) {
            throw DynamoException.validation(Messages.SET_DUPLICATES, raw.toString());
        }
        return new AttributeValue.SS(set);
    }

    /** An NS value from its members: not empty, no duplicates (by numeric value). */
    static AttributeValue numberSet(List<Num> nums) {
        if (nums.isEmpty()) {
            throw DynamoException.validation(Messages.EMPTY_SET, "number");
        }
        LinkedHashSet<Num> set = new LinkedHashSet<>(nums);
        if (set.size() != nums.size()) {
            throw DynamoException.validation(Messages.NUMBER_SET_DUPLICATES);
        }
        return new AttributeValue.NS(set);
    }

    private static Bytes binary(JsonNode value) {
        if (!value.isTextual()) {
            throw DynamoException.serialization(Requests.unexpected(value, "blob"));
        }
        return binary(value.textValue());
    }

    /** A B value's base64 text, decoded as strictly as the service does. */
    static Bytes binary(String text) {
        if (text.length() % 4 != 0) {
            throw DynamoException.serialization(BASE64_LENGTH + text.length());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw DynamoException.serialization(BASE64_INVALID);
        }
        if (!canonicalTail(text)) {
            throw DynamoException.serialization(BASE64_INVALID);
        }
        return Bytes.wrap(bytes);
    }

    /** The service decodes strictly: padded to a multiple of 4, no stray characters, no bits left over. */
    static final String BASE64_LENGTH = "Base64 encoded length is expected a multiple of 4 bytes but found: ";
    /** The service's text (its spelling) for an illegal character or a last character with leftover bits. */
    static final String BASE64_INVALID = "Invalid last non-pad Base64 character dectected";
    private static final String BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** With one '=' the last data character's low 2 bits must be zero, with two '=' its low 4 bits. */
    private static boolean canonicalTail(String text) {
        int n = text.length();
        int pad = n >= 2 && text.charAt(n - 2) == '=' ? 2 : n >= 1 && text.charAt(n - 1) == '=' ? 1 : 0;
        if (pad == 0) {
            return true;
        }
        int last = BASE64_ALPHABET.indexOf(text.charAt(n - pad - 1));
        return (last & (pad == 2 ? 0xF : 0x3)) == 0;
    }

    /** The depth of a map's or list's members; past {@link AttributeValue#MAX_NESTING_LEVELS} the value is refused. */
    private static int nested(int depth) {
        if (depth + 1 > AttributeValue.MAX_NESTING_LEVELS) {
            throw DynamoException.validation(Messages.NESTING_TOO_DEEP);
        }
        return depth + 1;
    }

    /** An attribute name or map key longer than 65,535 UTF-8 bytes is refused. */
    static String name(String name) {
        // a char is at most 3 UTF-8 bytes: only long names need counting
        if (name.length() > MAX_NAME_BYTES / 3 && AttributeValue.utf8Length(name) > MAX_NAME_BYTES) {
            throw DynamoException.validation(NAME_TOO_LONG);
        }
        return name;
    }

    /** Reads a map of attribute values (an item, a key, ExpressionAttributeValues). */
    public static Map<String, AttributeValue> readMap(JsonNode node) {
        if (node instanceof StreamingRequestReader.Preread p) {
            return new LinkedHashMap<>(p.attributes());
        }
        if (!node.isObject()) {
            throw DynamoException.serialization(Requests.unexpected(node, "map"));
        }
        LinkedHashMap<String, AttributeValue> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(name(e.getKey()), read(e.getValue(), 0));
        }
        return m;
    }

    /** Reads an item: as {@link #readMap}, into the compact form items hold. */
    public static Item readItem(JsonNode node) {
        if (node instanceof StreamingRequestReader.Preread p) {
            return Item.wrap(p.attributes());
        }
        if (!node.isObject()) {
            throw DynamoException.serialization(Requests.unexpected(node, "map"));
        }
        return Item.wrap(readAttributeMap(node, 0));
    }

    /** The members of an object node (whose names are distinct) as an {@link AttributeMap}. */
    private static AttributeMap readAttributeMap(JsonNode node, int depth) {
        AttributeMap.Builder m = AttributeMap.builder(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(name(e.getKey()), read(e.getValue(), depth));
        }
        return m.build();
    }

    public static void write(JsonGenerator g, AttributeValue v) throws IOException {
        g.writeStartObject();
        switch (v.type()) {
            case S: {
                AttributeValue.S s = (AttributeValue.S) v;
                byte[] ascii = s.sharedAsciiBytes();
                g.writeFieldName("S");
                if (ascii != null) {
                    g.writeUTF8String(ascii, 0, ascii.length); // escapes as writeString does
                } else {
                    g.writeString(s.value());
                }
                break;
            }
            case N:
                g.writeStringField("N", ((AttributeValue.N) v).value().toString());
                break;
            case B:
                g.writeStringField("B", ((AttributeValue.B) v).value().base64());
                break;
            case BOOL:
                g.writeBooleanField("BOOL", ((AttributeValue.Bool) v).value());
                break;
            case NULL:
                g.writeBooleanField("NULL", true);
                break;
            case M:
                g.writeFieldName("M");
                writeMap(g, ((AttributeValue.M) v).value());
                break;
            case L:
                g.writeArrayFieldStart("L");
                for (AttributeValue e : ((AttributeValue.L) v).value()) {
                    write(g, e);
                }
                g.writeEndArray();
                break;
            case SS: {
                StringSet set = (StringSet) ((AttributeValue.SS) v).value();
                g.writeArrayFieldStart("SS");
                for (int i = 0; i < set.size(); i++) {
                    byte[] ascii = set.sharedAsciiBytes(i);
                    if (ascii != null) {
                        g.writeUTF8String(ascii, 0, ascii.length); // escapes as writeString does
                    } else {
                        g.writeString(set.get(i));
                    }
                }
                g.writeEndArray();
                break;
            }
            case NS:
                g.writeArrayFieldStart("NS");
                for (Num n : ((AttributeValue.NS) v).value()) {
                    g.writeString(n.toString());
                }
                g.writeEndArray();
                break;
            case BS:
                g.writeArrayFieldStart("BS");
                for (Bytes b : ((AttributeValue.BS) v).value()) {
                    g.writeString(b.base64());
                }
                g.writeEndArray();
                break;
            default:
                throw new IllegalStateException(v.type().toString());
        }
        g.writeEndObject();
    }

    public static void writeMap(JsonGenerator g, Map<String, AttributeValue> m) throws IOException {
        g.writeStartObject();
        if (m instanceof AttributeMap a) {
            for (int i = 0; i < a.size(); i++) {
                g.writeFieldName(a.nameAt(i));
                write(g, a.valueAt(i));
            }
            g.writeEndObject();
            return;
        }
        for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
            g.writeFieldName(e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    public static void writeItem(JsonGenerator g, Item item) throws IOException {
        writeMap(g, item.attributes());
    }

    /** Writes {@code "field": {...item...}}. */
    public static void writeItemField(JsonGenerator g, String field, Item item) throws IOException {
        g.writeFieldName(field);
        writeMap(g, item.attributes());
    }
}
