package dev.dynamotest.assertj;

import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items and attribute values as readable DynamoDB JSON on one line, e.g.
 * {@code {"pk": {"S": "order-1"}, "total": {"N": "12.5"}, "tags": {"SS": ["a", "b"]}}}. Used in every failure
 * message instead of the SDK's {@code toString()}; public so other assertions (stream records) print the same way.
 */
public final class ItemJson {
    private ItemJson() {
    }

    public static String of(Map<String, AttributeValue> item) {
        if (item == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        writeMap(b, item);
        return b.toString();
    }

    public static String of(AttributeValue value) {
        if (value == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        write(b, value);
        return b.toString();
    }

    private static void writeMap(StringBuilder b, Map<String, AttributeValue> map) {
        b.append('{');
        Iterator<Map.Entry<String, AttributeValue>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, AttributeValue> e = it.next();
            string(b, e.getKey());
            b.append(": ");
            write(b, e.getValue());
            if (it.hasNext()) {
                b.append(", ");
            }
        }
        b.append('}');
    }

    private static void write(StringBuilder b, AttributeValue v) {
        if (v == null) {
            b.append("null");
            return;
        }
        switch (v.type()) {
            case S -> typed(b, "S", () -> string(b, v.s()));
            case N -> typed(b, "N", () -> string(b, v.n()));
            case B -> typed(b, "B", () -> string(b, base64(v.b())));
            case BOOL -> typed(b, "BOOL", () -> b.append(v.bool()));
            case NUL -> typed(b, "NULL", () -> b.append("true"));
            case SS -> typed(b, "SS", () -> strings(b, v.ss()));
            case NS -> typed(b, "NS", () -> strings(b, v.ns()));
            case BS -> typed(b, "BS", () -> strings(b, v.bs().stream().map(ItemJson::base64).toList()));
            case L -> typed(b, "L", () -> {
                b.append('[');
                for (int i = 0; i < v.l().size(); i++) {
                    if (i > 0) {
                        b.append(", ");
                    }
                    write(b, v.l().get(i));
                }
                b.append(']');
            });
            case M -> typed(b, "M", () -> writeMap(b, v.m()));
            default -> b.append("{\"?\": ").append('"').append(v).append("\"}");
        }
    }

    private static void typed(StringBuilder b, String type, Runnable value) {
        b.append("{\"").append(type).append("\": ");
        value.run();
        b.append('}');
    }

    private static void strings(StringBuilder b, List<String> values) {
        b.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            string(b, values.get(i));
        }
        b.append(']');
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder();
        string(b, s);
        return b.toString();
    }
}
