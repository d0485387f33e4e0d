package dev.dynamotest.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Item} keeps its values encoded ({@link ItemCodec}): every type comes back equal, in the same forms and order. */
class ItemEncodingTest {

    private static AttributeValue num(String s) {
        return AttributeValue.n(Num.parse(s));
    }

    private static Map<String, AttributeValue> everyType() {
        Map<String, AttributeValue> nested = new LinkedHashMap<>();
        nested.put("street", AttributeValue.s("Main St"));
        nested.put("zip", num("12345"));
        nested.put("deeper", AttributeValue.m(Map.of("x", AttributeValue.l(List.of(AttributeValue.NULL, AttributeValue.TRUE)))));
        nested.put("naïve ✓", AttributeValue.s("non-ASCII name"));
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("pk", AttributeValue.s("k1"));
        m.put("empty", AttributeValue.s(""));
        m.put("utf8", AttributeValue.s("héllo wörld ✓ 😀"));
        m.put("lone", AttributeValue.s("a\uD800b\uDC00"));
        m.put("small", num("7"));
        m.put("zero", num("0"));
        m.put("negative", num("-123.456"));
        m.put("tiny", num("1E-130"));
        m.put("huge", num("9.9999999999999999999999999999999999999E+125"));
        m.put("long", num("12345678901234567890123456789012345678"));
        m.put("negLong", num("-0.00012345678901234567890123456789"));
        m.put("bin", AttributeValue.b(Bytes.wrap(new byte[] {0, -1, 127, -128})));
        m.put("emptyBin", AttributeValue.b(Bytes.EMPTY));
        m.put("yes", AttributeValue.TRUE);
        m.put("no", AttributeValue.FALSE);
        m.put("nothing", AttributeValue.NULL);
        m.put("ss", AttributeValue.SS.of(List.of("b", "a", "ü", "\uDBFF")));
        m.put("ns", AttributeValue.NS.of(List.of(Num.parse("3"), Num.parse("-1.5"), Num.parse("1E+100"))));
        m.put("bs", AttributeValue.BS.of(List.of(Bytes.wrap(new byte[] {1}), Bytes.wrap(new byte[] {2, 3}))));
        m.put("map", AttributeValue.m(nested));
        m.put("emptyMap", AttributeValue.m(Map.of()));
        m.put("list", AttributeValue.l(List.of(num("1"), AttributeValue.s("x"), AttributeValue.l(List.of()), AttributeValue.m(nested))));
        m.put("emptyList", AttributeValue.l(List.of()));
        return m;
    }

    @Test
    void everyTypeComesBackEqualInOrder() {
        Map<String, AttributeValue> m = everyType();
        Item item = Item.of(m);
        assertThat(item.attributes()).isEqualTo(m);
        assertThat(List.copyOf(item.attributes().keySet())).containsExactlyElementsOf(m.keySet());
        assertThat(List.copyOf(item.attributes().values())).containsExactlyElementsOf(m.values());
        assertThat(item.attributes().hashCode()).isEqualTo(m.hashCode());
        assertThat(item.toString()).isEqualTo(m.toString());
        for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
            assertThat(item.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(item.get(e.getKey()).toString()).as(e.getKey()).isEqualTo(e.getValue().toString());
        }
        assertThat(item.get("absent")).isNull();
        assertThat(item.toMutableMap()).isEqualTo(m);
        assertThat(Item.of(item.toMutableMap())).isEqualTo(item);
    }

    @Test
    void sizeIsTheDynamoDbSize() {
        Map<String, AttributeValue> m = everyType();
        int expected = 0;
        for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
            expected += AttributeValue.utf8Length(e.getKey()) + e.getValue().sizeBytes();
        }
        assertThat(Item.of(m).sizeBytes()).isEqualTo(expected);
        assertThat(Item.EMPTY.sizeBytes()).isZero();
        assertThat(Item.EMPTY.isEmpty()).isTrue();
        assertThat(Item.EMPTY.attributes()).isEmpty();
    }

    @Test
    void decodedValuesKeepTheirCompactForms() {
        Item item = Item.of(everyType());
        assertThat(((AttributeValue.S) item.get("pk")).sharedAsciiBytes()).containsExactly('k', '1');
        assertThat(((AttributeValue.S) item.get("utf8")).sharedAsciiBytes()).isNull();
        assertThat(item.get("small")).isSameAs(AttributeValue.n(7));
        assertThat(((AttributeValue.N) item.get("long")).value().value()).isEqualTo(new BigDecimal("12345678901234567890123456789012345678"));
        assertThat(((AttributeValue.N) item.get("negative")).value()).isEqualTo(Num.parse("-123.456"));
        assertThat(((AttributeValue.SS) item.get("ss")).value()).containsExactly("b", "a", "ü", "\uDBFF");
        assertThat(((AttributeValue.SS) item.get("ss")).value().contains("ü")).isTrue();
        assertThat(((AttributeValue.NS) item.get("ns")).value()).containsExactly(Num.parse("3"), Num.parse("-1.5"), Num.parse("1E+100"));
        assertThat(((AttributeValue.NS) item.get("ns")).value().contains(Num.parse("-1.50"))).isTrue();
        assertThat(((AttributeValue.BS) item.get("bs")).value()).containsExactly(Bytes.wrap(new byte[] {1}), Bytes.wrap(new byte[] {2, 3}));
        assertThat(((AttributeValue.M) item.get("map")).value()).isInstanceOf(AttributeMap.class);
        assertThat(((AttributeValue.M) item.get("map")).value().keySet()).containsExactly("street", "zip", "deeper", "naïve ✓");
        assertThat(((AttributeValue.L) item.get("list")).value()).isInstanceOf(CompactList.class).hasSize(4);
        assertThat(((AttributeValue.S) item.get("lone")).value()).isEqualTo("a\uD800b\uDC00");
    }

    @Test
    void manyAttributesAndLargeValues() {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            big.append((char) ('a' + i % 26));
        }
        m.put("big", AttributeValue.s(big.toString()));
        LinkedHashSet<String> many = new LinkedHashSet<>();
        for (int i = 0; i < 100; i++) {
            m.put("a" + i, num(Integer.toString(i * 37 - 500)));
            many.add("s" + i);
        }
        m.put("many", AttributeValue.SS.of(many));
        m.put("bigList", AttributeValue.l(List.of(AttributeValue.s(big.substring(0, 70_000)), num("1"))));
        Item item = Item.of(m);
        assertThat(item.attributes()).isEqualTo(m);
        assertThat(item.get("a99")).isEqualTo(num(Integer.toString(99 * 37 - 500)));
        assertThat(item.get("many")).isEqualTo(m.get("many"));
        assertThat(item.get("bigList")).isEqualTo(m.get("bigList"));
    }
}
