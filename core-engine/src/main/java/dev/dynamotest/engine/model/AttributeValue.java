package dev.dynamotest.engine.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable DynamoDB attribute value of one of the ten types. Instances are validated on construction by
 * the wire decoder ({@code dev.dynamotest.protocol.AttributeValueJson}) or by the expression evaluator; the
 * records here only hold values. Maps, lists and sets are held in the compact immutable forms of this package
 * ({@link AttributeMap}, {@link CompactList}, {@link CompactSet}), whatever collection they were made from: a
 * stored item is mostly these values, so their footprint is the engine's.
 */
public sealed interface AttributeValue {

    AttrType type();

    /** The size DynamoDB charges for the value (without the attribute name). */
    int sizeBytes();

    Bool TRUE = new Bool(true);
    Bool FALSE = new Bool(false);
    Null NULL = new Null();

    static S s(String v) {
        return new S(v);
    }

    /** The N of a number; those of the small integers shared. */
    static N n(Num v) {
        N cached = SmallNumbers.of(v);
        return cached != null ? cached : new N(v);
    }

    static N n(long v) {
        return n(Num.of(v));
    }

    static B b(Bytes v) {
        return new B(v);
    }

    static Bool bool(boolean v) {
        return v ? TRUE : FALSE;
    }

    static M m(Map<String, AttributeValue> v) {
        return new M(v);
    }

    static L l(List<AttributeValue> v) {
        return new L(v);
    }

    record S(String value) implements AttributeValue {
        public AttrType type() {
            return AttrType.S;
        }

        public int sizeBytes() {
            return utf8Length(value);
        }
    }

    record N(Num value) implements AttributeValue {
        public AttrType type() {
            return AttrType.N;
        }

        public int sizeBytes() {
            return value.sizeBytes();
        }
    }

    record B(Bytes value) implements AttributeValue {
        public AttrType type() {
            return AttrType.B;
        }

        public int sizeBytes() {
            return value.length();
        }
    }

    record Bool(boolean value) implements AttributeValue {
        public AttrType type() {
            return AttrType.BOOL;
        }

        public int sizeBytes() {
            return 1;
        }
    }

    record Null() implements AttributeValue {
        public AttrType type() {
            return AttrType.NULL;
        }

        public int sizeBytes() {
            return 1;
        }
    }

    /** A map; the map held is an immutable copy ({@link AttributeMap}) of the one given. */
    record M(Map<String, AttributeValue> value) implements AttributeValue {
        public M {
            value = AttributeMap.copyOf(value);
        }

        public AttrType type() {
            return AttrType.M;
        }

        public int sizeBytes() {
            AttributeMap m = (AttributeMap) value;
            int size = 3;
            for (int i = 0; i < m.size(); i++) {
                size += 1 + utf8Length(m.nameAt(i)) + m.valueAt(i).sizeBytes();
            }
            return size;
        }
    }

    /** A list; the list held is an immutable copy ({@link CompactList}) of the one given. */
    record L(List<AttributeValue> value) implements AttributeValue {
        public L {
            value = CompactList.copyOf(value);
        }

        public AttrType type() {
            return AttrType.L;
        }

        public int sizeBytes() {
            int size = 3;
            for (AttributeValue v : value) {
                size += 1 + v.sizeBytes();
            }
            return size;
        }
    }

    /** A string set: non-empty, duplicate-free, insertion order kept. */
    record SS(Set<String> value) implements AttributeValue {
        public SS {
            value = CompactSet.copyOf(value);
        }

        public static SS of(java.util.Collection<String> values) {
            return new SS(CompactSet.copyOf(values));
        }

        public AttrType type() {
            return AttrType.SS;
        }

        public int sizeBytes() {
            int size = 0;
            for (String s : value) {
                size += utf8Length(s);
            }
            return size;
        }
    }

    /** A number set: non-empty, duplicate-free by numeric value. */
    record NS(Set<Num> value) implements AttributeValue {
        public NS {
            value = CompactSet.copyOf(value);
        }

        public static NS of(java.util.Collection<Num> values) {
            return new NS(CompactSet.copyOf(values));
        }

        public AttrType type() {
            return AttrType.NS;
        }

        public int sizeBytes() {
            int size = 0;
            for (Num n : value) {
                size += n.sizeBytes();
            }
            return size;
        }
    }

    /** A binary set: non-empty, duplicate-free. */
    record BS(Set<Bytes> value) implements AttributeValue {
        public BS {
            value = CompactSet.copyOf(value);
        }

        public static BS of(java.util.Collection<Bytes> values) {
            return new BS(CompactSet.copyOf(values));
        }

        public AttrType type() {
            return AttrType.BS;
        }

        public int sizeBytes() {
            int size = 0;
            for (Bytes b : value) {
                size += b.length();
            }
            return size;
        }
    }

    /** UTF-8 byte length without encoding the string. */
    static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for the pair, 2 chars counted already
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

/** The N values of the integers {@link Num} shares, shared too. */
final class SmallNumbers {
    private static final AttributeValue.N[] CACHE = new AttributeValue.N[Num.SMALL_MAX + 1];

    static {
        for (int i = 0; i <= Num.SMALL_MAX; i++) {
            Num n = Num.small(i);
            CACHE[i] = n == null ? null : new AttributeValue.N(n);
        }
    }

    private SmallNumbers() {
    }

    /** The shared N of {@code n}, or null if it is not one of the shared integers. */
    static AttributeValue.N of(Num n) {
        int i = n.smallIndex();
        return i < 0 ? null : CACHE[i];
    }
}
