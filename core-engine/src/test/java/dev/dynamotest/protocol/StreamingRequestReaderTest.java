package dev.dynamotest.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.model.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader takes a request only if the tree path reads it without error into the same values: checked
 * on hand-written unusual bodies and on random ones (with random damage), member by member.
 */
public class StreamingRequestReaderTest {

    /** Bodies with something unusual, for table "t". */
    public static final List<String> UNUSUAL = List.of(
        "{\"Item\":{\"pk\":{\"S\":\"a\"}},\"TableName\":\"t\"}", // member order
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"pk\":{\"S\":\"b\"}}}", // duplicate attribute
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"Item\":{\"pk\":{\"S\":\"b\"}}}", // duplicate member
        "{\"TableName\":\"t\",\"TableName\":\"u\",\"Item\":{\"pk\":{\"S\":\"a\"}}}",
        "{\"TableName\":\"t\",\"Unknown\":{\"x\":[1,2.5,{\"y\":null}]},\"Item\":{\"pk\":{\"S\":\"a\"}}}", // unknown member
        "{\"TableName\":\"t\",\"Item\":{\"p\\u006b\":{\"S\":\"\\u00e9\\ud83d\\ude00\\n\"}}}", // unicode escapes
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"12345678901234567890123456789012345678\"}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"123456789012345678901234567890123456789\"}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"-1E+125\"}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1e126\"}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\" 1\"}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":1}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\",\"N\":null}}}", // null member beside the type
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"N\":null,\"S\":\"a\"}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\",\"N\":\"1\"}}}", // two types
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"X\":\"a\"}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":null}}",
        "{\"TableName\":\"t\",\"Item\":null}",
        "{\"TableName\":\"t\",\"Item\":[]}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"s\":{\"SS\":[\"x\",\"x\"]}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"s\":{\"SS\":[]}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"s\":{\"NS\":[\"1\",\"1.0\"]}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"s\":{\"NS\":[\"1\",\"2\"]}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"s\":{\"BS\":[\"AA==\"]}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"b\":{\"B\":\"AB==\"}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"b\":{\"B\":\"AA=\"}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"b\":{\"B\":\"AQID\"}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"z\":{\"NULL\":false}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"z\":{\"NULL\":true},\"y\":{\"BOOL\":false}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"m\":{\"M\":{\"a\":{\"L\":[{\"S\":\"x\"},{\"M\":{}},{\"L\":[]}]}}}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"m\":{\"L\":[null]}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"}}} ",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"}}}{}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},}}",
        "[]", "", "null", "{}", "{\"Key\":{}}", "{\"Item\":{}}",
        "{\"TableName\":\"t\",\"ReturnConsumedCapacity\":\"TOTAL\",\"ConsistentRead\":true,\"Limit\":10,\"X\":1.5e3,"
            + "\"Item\":{\"pk\":{\"S\":\"a\"}}}",
        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}},"
            + "\"ConditionExpression\":\"a <> :v\",\"Expected\":null}");

    @Test
    void unusualBodiesAreReadAsTheTreePathReadsThemOrLeftToIt() {
        for (String body : UNUSUAL) {
            check(body, "Item");
            check(body.replace("\"Item\"", "\"Key\""), "Key");
        }
    }

    @Test
    void randomBodiesAndRandomDamage() {
        Random r = new Random(42);
        int fast = 0;
        for (int i = 0; i < 3000; i++) {
            String body = "{\"TableName\":\"t\",\"Item\":" + map(r, 0) + (r.nextBoolean() ? ",\"ReturnValues\":\"ALL_OLD\"" : "") + "}";
            if (i % 3 == 1) {
                body = damage(body, r);
            }
            if (check(body, "Item")) {
                fast++;
            }
        }
        assertThat(fast).isGreaterThan(500); // the ordinary bodies (about a fifth of all: sets and damage send the rest to the tree) take the fast way
    }

    /** Checks one body; true if the streaming reader took it. */
    private static boolean check(String body, String member) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ObjectNode fast = StreamingRequestReader.read(bytes, 0, bytes.length, member);
        if (fast == null) {
            return false;
        }
        JsonNode tree;
        try {
            tree = Json.parse(bytes, 0, bytes.length);
        } catch (Exception e) {
            throw new AssertionError("the streaming reader took a body the tree path refuses (" + e + "): " + body);
        }
        if (!(fast.get(member) instanceof StreamingRequestReader.Preread)) {
            assertThat(fast).as(body).isEqualTo(tree); // nothing read into engine values: the same tree
            return true;
        }
        Map<String, AttributeValue> treeValues;
        try {
            treeValues = AttributeValueJson.readItem(tree.get(member)).attributes();
        } catch (Exception e) {
            throw new AssertionError("the streaming reader took a value the tree path refuses (" + e + "): " + body);
        }
        Map<String, AttributeValue> fastValues = AttributeValueJson.readItem(fast.get(member)).attributes();
        assertThat(fastValues).as(body).isEqualTo(treeValues);
        assertThat(new ArrayList<>(fastValues.keySet())).as(body).isEqualTo(new ArrayList<>(treeValues.keySet()));
        assertThat(AttributeValueJson.readMap(fast.get(member))).as(body).isEqualTo(AttributeValueJson.readMap(tree.get(member)));
        List<String> fastNames = names(fast);
        assertThat(fastNames).as(body).isEqualTo(names(tree));
        for (String name : fastNames) {
            if (!name.equals(member)) {
                assertThat(fast.get(name)).as(body + " " + name).isEqualTo(tree.get(name));
            }
        }
        return true;
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static final String[] NAMES = {"pk", "sk", "a", "b", "é", "x y", "\\u0041", "pk"};

    /** A random attribute map (DynamoDB JSON), {@code depth} levels down. */
    public static String map(Random r, int depth) {
        StringBuilder b = new StringBuilder("{");
        int n = r.nextInt(depth == 0 ? 8 : 4) + (depth == 0 ? 1 : 0);
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? "," : "").append('"').append(NAMES[r.nextInt(NAMES.length)]).append(i == 0 ? "" : Integer.toString(r.nextInt(3)))
                .append("\":").append(value(r, depth));
        }
        return b.append('}').toString();
    }

    private static String value(Random r, int depth) {
        switch (r.nextInt(depth < 3 ? 11 : 9)) {
            case 0: return "{\"S\":\"" + (r.nextBoolean() ? "v" + r.nextInt(100) : "\\u00e9\\\"\\\\ \\t") + "\"}";
            case 1: return "{\"N\":\"" + (r.nextBoolean() ? Long.toString(r.nextLong()) : r.nextInt(1000) + "." + r.nextInt(100) + "E" + (r.nextInt(300) - 150)) + "\"}";
            case 2: return "{\"B\":\"" + new String[] {"AQID", "AA==", "AAA=", "", "AB=="}[r.nextInt(5)] + "\"}";
            case 3: return "{\"BOOL\":" + r.nextBoolean() + "}";
            case 4: return "{\"NULL\":" + (r.nextInt(5) != 0) + "}";
            case 5: return "{\"SS\":[\"a\"" + (r.nextBoolean() ? ",\"b\"" : r.nextBoolean() ? ",\"a\"" : "") + "]}";
            case 6: return "{\"NS\":[\"1\"" + (r.nextBoolean() ? ",\"2\"" : r.nextBoolean() ? ",\"1.00\"" : "") + "]}";
            case 7: return "{\"BS\":[\"AQID\"]}";
            case 8: return "{\"S\":\"x\"" + (r.nextInt(4) == 0 ? ",\"N\":null" : "") + "}";
            case 9: return "{\"M\":" + map(r, depth + 1) + "}";
            default: {
                StringBuilder b = new StringBuilder("{\"L\":[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(value(r, depth + 1));
                }
                return b.append("]}").toString();
            }
        }
    }

    /** The body with one random edit (a character dropped, a quote, a null or an object inserted). */
    public static String damage(String body, Random r) {
        int at = r.nextInt(body.length());
        switch (r.nextInt(4)) {
            case 0: return body.substring(0, at) + body.substring(at + 1);
            case 1: return body.substring(0, at) + "\"" + body.substring(at);
            case 2: return body.substring(0, at) + "null" + body.substring(at);
            default: return body.substring(0, at) + "{}" + body.substring(at);
        }
    }
}
