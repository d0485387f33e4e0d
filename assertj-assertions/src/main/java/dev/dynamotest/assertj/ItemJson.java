package dev.dynamotest.assertj;

import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items and attribute values as readable DynamoDB JSON, attributes in sorted order (the same item always prints
 * the same way, whatever map it came in), e.g.
 * {@code {"pk": {"S": "order-1"}, "tags": {"SS": ["a", "b"]}, "total": {"N": "12.5"}}}: on one line with
 * {@link #of(Map)}, over several lines when it is longer than {@value #WIDTH} characters with {@link #block(Map,
 * String)}. Used in every failure message instead of the SDK's {@code toString()}; public so other assertions
 * (stream records) print the same way.
 */
public final class ItemJson {
    /** The longest item or value {@link #block} prints on one line. */
    public static final int WIDTH = 100;

    private ItemJson() {
    }

    /**
     * The item on one line after {@code indent} if it fits in {@value #WIDTH} characters, else one attribute per
     * line (nested maps and lists too long for a line are opened the same way), every line after {@code indent}.
     *
     * @param item   the item (null prints {@code null})
     * @param indent what every line starts with
     * @return the printed item, without a final line break
     */
    public static String block(Map<String, AttributeValue> item, String indent) {
        String line = of(item);
        if (item == null || line.length() <= WIDTH) {
            return indent + line;
        }
        StringBuilder b = new StringBuilder(indent);
        prettyMap(b, item, indent);
        return b.toString();
    }

    private static void prettyMap(StringBuilder b, Map<String, AttributeValue> map, String indent) {
        b.append("{\n");
        Iterator<Map.Entry<String, AttributeValue>> it = sorted(map).entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, AttributeValue> e = it.next();
            b.append(indent).append("  ");
            string(b, e.getKey());
            b.append(": ");
            pretty(b, e.getValue(), indent + "  ", e.getKey().length() + 4);
            b.append(it.hasNext() ? ",\n" : "\n");
        }
        b.append(indent).append('}');
    }

    /** {@code v} after a prefix of {@code used} characters on a line starting with {@code indent}. */
    private static void pretty(StringBuilder b, AttributeValue v, String indent, int used) {
        String line = of(v);
        if (v == null || indent.length() + used + line.length() <= WIDTH) {
            b.append(line);
        } else if (v.type() == AttributeValue.Type.M) {
            b.append("{\"M\": ");
            prettyMap(b, v.m(), indent);
            b.append('}');
        } else if (v.type() == AttributeValue.Type.L) {
            b.append("{\"L\": [\n");
            for (int i = 0; i < v.l().size(); i++) {
                b.append(indent).append("  ");
                pretty(b, v.l().get(i), indent + "  ", 0);
                b.append(i + 1 < v.l().size() ? ",\n" : "\n");
            }
            b.append(indent).append("]}");
        } else {
            b.append(line);
        }
    }

    private static Map<String, AttributeValue> sorted(Map<String, AttributeValue> map) {
        return map instanceof TreeMap<String, AttributeValue> t && t.comparator() == null ? t : new TreeMap<>(map);
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
        Iterator<Map.Entry<String, AttributeValue>> it = sorted(map).entrySet().iterator();
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
