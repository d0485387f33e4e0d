package dev.dynamotest.engine.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable DynamoDB attribute value of one of the ten types. Instances are validated on construction by
 * the wire decoder ({@code dev.dynamotest.protocol.AttributeValueJson}) or by the expression evaluator; the
 * records here only hold values. Maps, lists and sets are held in the compact immutable forms of this package
 * ({@link AttributeMap}, {@link CompactList}, {@link CompactSet}, {@link StringSet}), whatever collection they were made from: a
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

    /** Maps and lists nest at most this deep in an item (a top-level attribute that is a map is at level 1). */
    int MAX_NESTING_LEVELS = 32;

    /**
     * How many documents (maps, lists) are nested in {@code v}: 0 for a scalar or a set, 1 for a map of scalars.
     * Counting stops past {@code limit} (the result is then {@code limit + 1}), so the recursion is bounded.
     */
    static int nestingDepth(AttributeValue v, int limit) {
        Iterable<AttributeValue> children;
        if (v instanceof M m) {
            children = m.value().values();
        } else if (v instanceof L l) {
            children = l.value();
        } else {
            return 0;
        }
        if (limit <= 0) {
            return 1;
        }
        int deepest = 0;
        for (AttributeValue c : children) {
            deepest = Math.max(deepest, nestingDepth(c, limit - 1));
            if (deepest >= limit) {
                break;
            }
        }
        return 1 + deepest;
    }

    /**
     * A string. An ASCII string, the common case, is held as its bytes alone (which are its UTF-8 and its Latin-1
     * encoding alike): one array instead of a String object around one; any other string is held as the String.
     * {@link #value()} makes the String of an ASCII value on each call, so the hot paths (key ordering, partition
     * hashing, JSON writing, key checks, begins_with) use the methods here, which work on either form. Equality,
     * hash code and text are those of the record {@code S(String value)} it was.
     */
    final class S implements AttributeValue {
        private final Object held; // byte[] of an ASCII string, else the String

        public S(String value) {
            this.held = value != null && isAscii(value) ? value.getBytes(StandardCharsets.ISO_8859_1) : value;
        }

        private S(byte[] ascii) {
            this.held = ascii;
        }

        /** For {@link ItemCodec}: the S of ASCII text held as these bytes, which the caller hands over. */
        static S ofAscii(byte[] ascii) {
            return new S(ascii);
        }

        /** For {@link ItemCodec}: the String of a non-ASCII value, null for an ASCII one. */
        String heldString() {
            return held instanceof String s ? s : null;
        }

        private static boolean isAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }

        public String value() {
            return held instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : (String) held;
        }

        /** The bytes an ASCII value is held as, shared (never to be changed); null for any other value. */
        public byte[] sharedAsciiBytes() {
            return held instanceof byte[] b ? b : null;
        }

        /** The UTF-8 encoding, a new array. */
        public byte[] utf8() {
            return held instanceof byte[] b ? b.clone() : AttributeValue.utf8((String) held);
        }

        public boolean isEmpty() {
            return held instanceof byte[] b ? b.length == 0 : ((String) held).isEmpty();
        }

        public AttrType type() {
            return AttrType.S;
        }

        public int sizeBytes() {
            return held instanceof byte[] b ? b.length : utf8Length((String) held);
        }

        /** {@code value().startsWith(prefix.value())}. */
        public boolean startsWith(S prefix) {
            if (held instanceof byte[] b && prefix.held instanceof byte[] p) {
                return p.length <= b.length && java.util.Arrays.equals(b, 0, p.length, p, 0, p.length);
            }
            return value().startsWith(prefix.value());
        }

        /** {@code value().contains(part.value())}. */
        public boolean contains(S part) {
            if (held instanceof byte[] b && part.held instanceof byte[] p) {
                outer:
                for (int i = 0; i + p.length <= b.length; i++) {
                    for (int j = 0; j < p.length; j++) {
                        if (b[i + j] != p[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
                return false;
            }
            return value().contains(part.value());
        }

        /** {@link Values#compareUtf8} of the two values. */
        static int compare(S a, S b) {
            if (a.held instanceof byte[] x) {
                if (b.held instanceof byte[] y) {
                    return java.util.Arrays.compareUnsigned(x, y); // ASCII: byte order is code point order
                }
                return compareAsciiTo(x, (String) b.held);
            }
            if (b.held instanceof byte[] y) {
                return -compareAsciiTo(y, (String) a.held);
            }
            return Values.compareUtf8((String) a.held, (String) b.held);
        }

        /** {@code Values.compareUtf8(ascii as a String, s)}, to the same value. */
        private static int compareAsciiTo(byte[] ascii, String s) {
            int n = Math.min(ascii.length, s.length());
            for (int i = 0; i < n; i++) {
                char ca = (char) ascii[i];
                char cb = s.charAt(i);
                if (ca != cb) {
                    return Character.isSurrogate(cb) ? -1 : ca - cb;
                }
            }
            return ascii.length - s.length();
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof S other)) {
                return false;
            }
            if (held instanceof byte[] b) {
                return other.held instanceof byte[] ob && java.util.Arrays.equals(b, ob);
            }
            return java.util.Objects.equals(held, other.held); // either form is the only one for its values
        }

        /** {@code value().hashCode()}, as the record's. */
        @Override
        public int hashCode() {
            if (held instanceof byte[] b) {
                int h = 0;
                for (byte x : b) {
                    h = 31 * h + x; // String.hashCode of Latin-1 (here ASCII) text
                }
                return h;
            }
            return held == null ? 0 : held.hashCode();
        }

        /** As the record's: {@code S[value=...]}. */
        @Override
        public String toString() {
            return "S[value=" + value() + "]";
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
            value = StringSet.copyOf(value);
        }

        public static SS of(java.util.Collection<String> values) {
            return new SS(StringSet.copyOf(values));
        }

        public AttrType type() {
            return AttrType.SS;
        }

        public int sizeBytes() {
            return ((StringSet) value).utf8Length();
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
