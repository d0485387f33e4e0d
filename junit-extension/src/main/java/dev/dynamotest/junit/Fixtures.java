package dev.dynamotest.junit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads fixtures: DynamoDB JSON, plain JSON, or the AWS CLI batch-write-item request. Pure: no I/O beyond the
 * string it is given. Problems are reported as {@link ExtensionConfigurationException}s naming the source, the
 * item and what is wrong.
 */
final class Fixtures {
    private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M");
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final int SHOWN = 160;

    private Fixtures() {
    }

    /** One write: a put of {@code item}, or (batch-write-item's DeleteRequest) a delete of the key {@code item}. */
    record Entry(String table, Map<String, AttributeValue> item, boolean delete, String location) {
    }

    /**
     * Parses a fixture.
     *
     * @param source       how to name it in messages ({@code orders.json}, {@code inline JSON})
     * @param defaultTable the table for item lists (null or empty when not given)
     */
    static List<Entry> parse(String content, String source, String defaultTable, SeedFormat format) {
        String table = defaultTable == null || defaultTable.isEmpty() ? null : defaultTable;
        List<Entry> entries = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(content)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw fail(source + " is empty");
            }
            if (t == JsonToken.START_ARRAY) {
                if (format == SeedFormat.BATCH_WRITE_ITEM) {
                    throw fail(source + " is a JSON array, but the batch-write-item format is an object: "
                        + "{\"TableName\": [{\"PutRequest\": {\"Item\": {...}}}]}");
                }
                String target = requireTable(table, source);
                int n = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    n++;
                    int line = p.currentTokenLocation().getLineNr();
                    JsonNode node = MAPPER.readTree(p);
                    String location = source + ", item #" + n + " (line " + line + ") " + show(node);
                    entries.add(new Entry(target, item(node, format, location), false, location));
                }
                requireEnd(p, source);
            } else if (t == JsonToken.START_OBJECT) {
                JsonNode root = MAPPER.readTree(p);
                requireEnd(p, source);
                boolean batch = format == SeedFormat.BATCH_WRITE_ITEM || (format == SeedFormat.AUTO && looksLikeBatch(root));
                if (batch) {
                    batch(root, source, table, entries);
                } else {
                    String location = source + ", item #1 " + show(root);
                    entries.add(new Entry(requireTable(table, source), item(root, format, location), false, location));
                }
            } else {
                throw fail(source + " must hold a JSON array of items, one item, or a batch-write-item request, not "
                    + show(MAPPER.readTree(p)));
            }
        } catch (JsonProcessingException e) {
            throw fail(source + " is not valid JSON: " + e.getOriginalMessage()
                + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")" : ""));
        } catch (IOException e) {
            throw fail("cannot read " + source + ": " + e);
        }
        return entries;
    }

    private static void requireEnd(JsonParser p, String source) throws IOException {
        if (p.nextToken() != null) {
            throw fail(source + " has more content after its JSON value (line " + p.currentTokenLocation().getLineNr()
                + "); put several items in a JSON array");
        }
    }

    private static String requireTable(String table, String source) {
        if (table == null) {
            throw fail(source + " holds items but @Seed names no table: add table = \"...\" "
                + "(only the batch-write-item format names its tables)");
        }
        return table;
    }

    private static boolean looksLikeBatch(JsonNode root) {
        if (root.isEmpty()) {
            return false;
        }
        for (JsonNode requests : root) {
            if (!requests.isArray()) {
                return false;
            }
            for (JsonNode r : requests) {
                if (!r.isObject() || r.size() != 1 || !(r.has("PutRequest") || r.has("DeleteRequest"))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void batch(JsonNode root, String source, String table, List<Entry> entries) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (table != null && !table.equals(name)) {
                throw fail(source + " writes to table '" + name + "' but @Seed names table '" + table
                    + "'; leave table empty to use the tables named in the file");
            }
            if (!e.getValue().isArray()) {
                throw fail(source + ", table '" + name + "': expected a list of write requests, found " + show(e.getValue()));
            }
            int n = 0;
            for (JsonNode r : e.getValue()) {
                n++;
                String location = source + ", table '" + name + "', request #" + n + " " + show(r);
                JsonNode put = r.get("PutRequest");
                JsonNode delete = r.get("DeleteRequest");
                if (r.isObject() && r.size() == 1 && put != null && put.isObject() && put.has("Item")) {
                    entries.add(new Entry(name, item(put.get("Item"), SeedFormat.AUTO, location), false, location));
                } else if (r.isObject() && r.size() == 1 && delete != null && delete.isObject() && delete.has("Key")) {
                    entries.add(new Entry(name, item(delete.get("Key"), SeedFormat.AUTO, location), true, location));
                } else {
                    throw fail(location + ": expected {\"PutRequest\": {\"Item\": {...}}} or "
                        + "{\"DeleteRequest\": {\"Key\": {...}}}");
                }
            }
        }
    }

    /** One item, in DynamoDB JSON or plain JSON (detected per item for AUTO). */
    static Map<String, AttributeValue> item(JsonNode node, SeedFormat format, String location) {
        if (!node.isObject()) {
            throw fail(location + ": an item must be a JSON object, not " + kind(node));
        }
        boolean typed;
        if (format == SeedFormat.DYNAMODB_JSON) {
            typed = true;
        } else if (format == SeedFormat.PLAIN_JSON) {
            typed = false;
        } else {
            String typedExample = null;
            String plainExample = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (looksTyped(e.getValue())) {
                    typedExample = typedExample == null ? e.getKey() : typedExample;
                } else {
                    plainExample = plainExample == null ? e.getKey() : plainExample;
                }
            }
            if (typedExample != null && plainExample != null) {
                throw fail(location + ": the item mixes DynamoDB JSON (attribute '" + typedExample + "' is "
                    + show(node.get(typedExample)) + ") and plain JSON (attribute '" + plainExample + "' is "
                    + show(node.get(plainExample)) + "); write every attribute one way, or set "
                    + "@Seed(format = SeedFormat.PLAIN_JSON) or SeedFormat.DYNAMODB_JSON");
            }
            typed = typedExample != null;
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            item.put(e.getKey(), typed ? typed(e.getValue(), e.getKey(), location) : plain(e.getValue()));
        }
        return item;
    }

    private static boolean looksTyped(JsonNode v) {
        return v.isObject() && v.size() == 1 && TYPES.contains(v.fieldNames().next());
    }

    static AttributeValue typed(JsonNode v, String path, String location) {
        if (!looksTyped(v)) {
            throw attr(location, path, "expected a DynamoDB JSON value such as {\"S\": \"text\"} or {\"N\": \"1\"}, found "
                + show(v));
        }
        String type = v.fieldNames().next();
        JsonNode x = v.get(type);
        switch (type) {
            case "S":
                return AttributeValue.fromS(text(x, path, location, "S"));
            case "N":
                return AttributeValue.fromN(number(x, path, location));
            case "B":
                return AttributeValue.fromB(binary(x, path, location));
            case "BOOL":
                if (!x.isBoolean()) {
                    throw attr(location, path, "BOOL must be true or false, found " + show(x));
                }
                return AttributeValue.fromBool(x.booleanValue());
            case "NULL":
                if (!x.isBoolean() || !x.booleanValue()) {
                    throw attr(location, path, "NULL must be true, found " + show(x));
                }
                return AttributeValue.fromNul(true);
            case "SS": {
                List<String> values = new ArrayList<>();
                for (JsonNode e : set(x, path, location, "SS")) {
                    values.add(text(e, path, location, "SS element"));
                }
                return AttributeValue.fromSs(values);
            }
            case "NS": {
                List<String> values = new ArrayList<>();
                for (JsonNode e : set(x, path, location, "NS")) {
                    values.add(number(e, path, location));
                }
                return AttributeValue.fromNs(values);
            }
            case "BS": {
                List<SdkBytes> values = new ArrayList<>();
                for (JsonNode e : set(x, path, location, "BS")) {
                    values.add(binary(e, path, location));
                }
                return AttributeValue.fromBs(values);
            }
            case "L": {
                if (!x.isArray()) {
                    throw attr(location, path, "L must be a JSON array, found " + show(x));
                }
                List<AttributeValue> values = new ArrayList<>();
                int i = 0;
                for (JsonNode e : x) {
                    values.add(typed(e, path + "[" + i++ + "]", location));
                }
                return AttributeValue.fromL(values);
            }
            case "M": {
                if (!x.isObject()) {
                    throw attr(location, path, "M must be a JSON object, found " + show(x));
                }
                Map<String, AttributeValue> values = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    values.put(e.getKey(), typed(e.getValue(), path + "." + e.getKey(), location));
                }
                return AttributeValue.fromM(values);
            }
            default:
                throw new IllegalStateException(type);
        }
    }

    /** Plain JSON: strings, numbers, booleans, null, arrays as lists, objects as maps. */
    static AttributeValue plain(JsonNode v) {
        switch (v.getNodeType()) {
            case STRING:
                return AttributeValue.fromS(v.textValue());
            case NUMBER:
                return AttributeValue.fromN(v.isIntegralNumber() ? v.bigIntegerValue().toString() : v.decimalValue().toString());
            case BOOLEAN:
                return AttributeValue.fromBool(v.booleanValue());
            case NULL:
                return AttributeValue.fromNul(true);
            case ARRAY: {
                List<AttributeValue> values = new ArrayList<>();
                for (JsonNode e : v) {
                    values.add(plain(e));
                }
                return AttributeValue.fromL(values);
            }
            case OBJECT: {
                Map<String, AttributeValue> values = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    values.put(e.getKey(), plain(e.getValue()));
                }
                return AttributeValue.fromM(values);
            }
            default:
                throw new IllegalStateException("unexpected JSON node " + v.getNodeType());
        }
    }

    private static String text(JsonNode x, String path, String location, String what) {
        if (!x.isTextual()) {
            throw attr(location, path, what + " must be a JSON string, found " + show(x));
        }
        return x.textValue();
    }

    private static String number(JsonNode x, String path, String location) {
        String s;
        if (x.isTextual()) {
            s = x.textValue();
        } else if (x.isNumber()) {
            s = x.isIntegralNumber() ? x.bigIntegerValue().toString() : x.decimalValue().toString();
        } else {
            throw attr(location, path, "N must be a number in a JSON string, found " + show(x));
        }
        try {
            new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw attr(location, path, "\"" + s + "\" is not a number");
        }
        return s.trim();
    }

    private static SdkBytes binary(JsonNode x, String path, String location) {
        if (!x.isTextual()) {
            throw attr(location, path, "B must be base64 in a JSON string, found " + show(x));
        }
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(x.textValue()));
        } catch (IllegalArgumentException e) {
            throw attr(location, path, "\"" + abbreviate(x.textValue()) + "\" is not valid base64");
        }
    }

    private static JsonNode set(JsonNode x, String path, String location, String type) {
        if (!x.isArray()) {
            throw attr(location, path, type + " must be a JSON array, found " + show(x));
        }
        if (x.isEmpty()) {
            throw attr(location, path, "an empty " + type + " is not allowed (DynamoDB has no empty sets)");
        }
        return x;
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array " + show(n);
            case STRING -> "a string " + show(n);
            case NUMBER -> "a number " + show(n);
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> show(n);
        };
    }

    private static ExtensionConfigurationException attr(String location, String path, String problem) {
        return fail(location + ": attribute '" + path + "': " + problem);
    }

    static String show(JsonNode n) {
        return abbreviate(n.toString());
    }

    static String abbreviate(String s) {
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN - 3) + "...";
    }

    private static ExtensionConfigurationException fail(String message) {
        return new ExtensionConfigurationException(message);
    }
}
