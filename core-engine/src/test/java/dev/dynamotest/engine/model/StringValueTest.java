package dev.dynamotest.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AttributeValue.S} holds ASCII strings as bytes and others as Strings; whichever the forms, it behaves as
 * the record {@code S(String value)} it was: value, equality, hash code, text, size, UTF-8 order, begins_with and
 * contains.
 */
class StringValueTest {
    record Reference(String value) {
    }

    static final String[] PIECES = {"", "a", "b", "z", "A", "~", "\u007f", "\u0000", "\"", "\\", "é", "\u00ff", "\u0100",
        "\ue000", "\uffff", "\ud83d\ude00", "\ud800", "\udc00", "日本", "ab", "abc"};

    static List<String> strings() {
        List<String> out = new ArrayList<>(List.of(PIECES));
        Random random = new Random(3);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(5);
            for (int j = 0; j < n; j++) {
                sb.append(i % 3 == 0 ? PIECES[random.nextInt(PIECES.length)] : PIECES[1 + random.nextInt(6)]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void behavesAsTheRecordItWas() {
        List<String> all = strings();
        Random random = new Random(5);
        for (String s : all) {
            AttributeValue.S v = AttributeValue.s(s);
            assertThat(v.value()).isEqualTo(s);
            assertThat(v.hashCode()).as(esc(s)).isEqualTo(new Reference(s).hashCode());
            assertThat(v.toString()).isEqualTo(new Reference(s).toString().replace("Reference[", "S["));
            assertThat(v.sizeBytes()).as(esc(s)).isEqualTo(AttributeValue.utf8Length(s)); // as the record counted
            assertThat(v.utf8()).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
            assertThat(v.isEmpty()).isEqualTo(s.isEmpty());
            assertThat(v).isEqualTo(AttributeValue.s(new String(s)));
            for (int k = 0; k < 30; k++) {
                String t = all.get(random.nextInt(all.size()));
                AttributeValue.S w = AttributeValue.s(t);
                assertThat(Values.compareScalars(v, w)).as(esc(s) + " vs " + esc(t)).isEqualTo(Values.compareUtf8(s, t));
                assertThat(v.equals(w)).isEqualTo(s.equals(t));
                assertThat(v.startsWith(w)).as(esc(s) + " begins with " + esc(t)).isEqualTo(s.startsWith(t));
                assertThat(v.contains(w)).as(esc(s) + " contains " + esc(t)).isEqualTo(s.contains(t));
            }
        }
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }

    @Test
    void asciiIsHeldAsBytes() {
        assertThat(AttributeValue.s("plain ascii").sharedAsciiBytes()).isEqualTo("plain ascii".getBytes(StandardCharsets.US_ASCII));
        assertThat(AttributeValue.s("é").sharedAsciiBytes()).isNull();
        assertThat(AttributeValue.s("").sharedAsciiBytes()).isEmpty();
    }
}
