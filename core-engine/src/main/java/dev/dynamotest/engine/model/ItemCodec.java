package dev.dynamotest.engine.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * The stored form of an item's values: one byte array for all of them instead of an object per value (plus its
 * array, its {@link Num}, its set or map object). An {@link Item} keeps the names in its shared
 * {@link AttributeMap.Shape} and the values encoded here, and decodes a value when it is asked for. The encoding
 * is private to the engine (never written anywhere) and exact: decoding gives values equal to those encoded, in
 * the same forms (an ASCII string as its bytes, the shared small numbers, sets and maps in their order).
 *
 * <p>Each value is a tag byte then its payload; lengths and counts are unsigned varints:
 * <ul>
 *   <li>S: ASCII (length, bytes), UTF-8 (length, bytes) or, for text with unpaired surrogates that UTF-8 cannot
 *   carry, UTF-16 (chars, two bytes each);</li>
 *   <li>N: a compact number as zigzag varints of its unscaled digits and scale; a longer one as its scale and the
 *   bytes of its unscaled BigInteger;</li>
 *   <li>B: length, bytes; BOOL and NULL: the tag alone;</li>
 *   <li>SS, NS, BS, M, L: the byte length of the rest, the count, the elements (a map's as name then value), so
 *   that a value can be skipped without reading it.</li>
 * </ul>
 */
final class ItemCodec {
    private static final byte S_ASCII = 1;
    private static final byte S_UTF8 = 2;
    private static final byte S_UTF16 = 3;
    private static final byte N_COMPACT = 4;
    private static final byte N_BIG = 5;
    private static final byte B = 6;
    private static final byte TRUE = 7;
    private static final byte FALSE = 8;
    private static final byte NULL = 9;
    private static final byte SS = 10;
    private static final byte NS = 11;
    private static final byte BS = 12;
    private static final byte M = 13;
    private static final byte L = 14;

    private ItemCodec() {
    }

    /** The encoding of {@code values}, in order; {@code sizeHint} (their DynamoDB size, say) sizes the buffer. */
    static byte[] encode(AttributeValue[] values, int sizeHint) {
        Out out = new Out(Math.max(16, sizeHint + 4 * values.length + 16));
        for (AttributeValue v : values) {
            write(out, v);
        }
        return out.toArray();
    }

    /** Every value, decoded, in order. */
    static AttributeValue[] decodeAll(byte[] data, int count) {
        AttributeValue[] values = new AttributeValue[count];
        In in = new In(data, 0);
        for (int i = 0; i < count; i++) {
            values[i] = read(in);
        }
        return values;
    }

    /** The {@code i}-th value, decoded (the ones before it skipped). */
    static AttributeValue decodeAt(byte[] data, int i) {
        In in = new In(data, 0);
        for (int k = 0; k < i; k++) {
            skip(in);
        }
        return read(in);
    }

    // ---- writing

    private static void write(Out out, AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            byte[] ascii = s.sharedAsciiBytes();
            if (ascii != null) {
                out.put(S_ASCII);
                out.varint(ascii.length);
                out.put(ascii, 0, ascii.length);
            } else {
                writeText(out, s.heldString(), S_UTF8, S_UTF16);
            }
        } else if (v instanceof AttributeValue.N n) {
            writeNum(out, n.value());
        } else if (v instanceof AttributeValue.B b) {
            byte[] bytes = b.value().shared();
            out.put(B);
            out.varint(bytes.length);
            out.put(bytes, 0, bytes.length);
        } else if (v instanceof AttributeValue.Bool bool) {
            out.put(bool.value() ? TRUE : FALSE);
        } else if (v instanceof AttributeValue.Null) {
            out.put(NULL);
        } else if (v instanceof AttributeValue.SS ss) {
            int at = open(out, SS, ss.value().size());
            for (Object e : ((StringSet) ss.value()).heldElements()) {
                if (e instanceof byte[] ascii) {
                    out.put(S_ASCII);
                    out.varint(ascii.length);
                    out.put(ascii, 0, ascii.length);
                } else {
                    writeText(out, (String) e, S_UTF8, S_UTF16);
                }
            }
            close(out, at);
        } else if (v instanceof AttributeValue.NS ns) {
            int at = open(out, NS, ns.value().size());
            for (Num n : ns.value()) {
                writeNum(out, n);
            }
            close(out, at);
        } else if (v instanceof AttributeValue.BS bs) {
            int at = open(out, BS, bs.value().size());
            for (Bytes b : bs.value()) {
                out.varint(b.length());
                out.put(b.shared(), 0, b.length());
            }
            close(out, at);
        } else if (v instanceof AttributeValue.M m) {
            AttributeMap map = (AttributeMap) m.value();
            int at = open(out, M, map.size());
            for (int i = 0; i < map.size(); i++) {
                writeText(out, map.nameAt(i), S_UTF8, S_UTF16);
                write(out, map.valueAt(i));
            }
            close(out, at);
        } else if (v instanceof AttributeValue.L l) {
            int at = open(out, L, l.value().size());
            for (AttributeValue e : l.value()) {
                write(out, e);
            }
            close(out, at);
        } else {
            throw new IllegalArgumentException("no encoding for " + v);
        }
    }

    /** A string (an attribute name, a non-ASCII value): UTF-8 if it round-trips, else its UTF-16 chars. */
    private static void writeText(Out out, String s, byte utf8Tag, byte utf16Tag) {
        if (hasUnpairedSurrogate(s)) {
            out.put(utf16Tag);
            out.varint(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                out.put((byte) (c >>> 8));
                out.put((byte) c);
            }
        } else {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.put(utf8Tag);
            out.varint(utf8.length);
            out.put(utf8, 0, utf8.length);
        }
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static void writeNum(Out out, Num n) {
        BigDecimal big = n.bigOrNull();
        if (big == null) {
            out.put(N_COMPACT);
            out.varlong(zigzag(n.compactUnscaled()));
            out.varlong(zigzag(n.compactScale()));
        } else {
            byte[] unscaled = big.unscaledValue().toByteArray();
            out.put(N_BIG);
            out.varlong(zigzag(big.scale()));
            out.varint(unscaled.length);
            out.put(unscaled, 0, unscaled.length);
        }
    }

    /** Writes the tag, room for the byte length (filled by {@link #close}) and the count; returns where the length goes. */
    private static int open(Out out, byte tag, int count) {
        out.put(tag);
        int at = out.size;
        out.reserveLength();
        out.varint(count);
        return at;
    }

    private static void close(Out out, int at) {
        out.fillLength(at);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    // ---- reading

    private static AttributeValue read(In in) {
        byte tag = in.data[in.pos++];
        switch (tag) {
            case S_ASCII:
                return AttributeValue.S.ofAscii(in.bytes(in.varint()));
            case S_UTF8:
            case S_UTF16:
                return new AttributeValue.S(readText(in, tag));
            case N_COMPACT:
            case N_BIG:
                return AttributeValue.n(readNum(in, tag));
            case B:
                return new AttributeValue.B(Bytes.wrap(in.bytes(in.varint())));
            case TRUE:
                return AttributeValue.TRUE;
            case FALSE:
                return AttributeValue.FALSE;
            case NULL:
                return AttributeValue.NULL;
            case SS: {
                in.varint(); // byte length
                Object[] elements = new Object[in.varint()];
                for (int i = 0; i < elements.length; i++) {
                    byte t = in.data[in.pos++];
                    elements[i] = t == S_ASCII ? in.bytes(in.varint()) : readText(in, t);
                }
                return new AttributeValue.SS(StringSet.ofHeld(elements));
            }
            case NS: {
                in.varint();
                Object[] elements = new Object[in.varint()];
                for (int i = 0; i < elements.length; i++) {
                    elements[i] = readNum(in, in.data[in.pos++]);
                }
                return new AttributeValue.NS(CompactSet.ofDistinct(elements));
            }
            case BS: {
                in.varint();
                Object[] elements = new Object[in.varint()];
                for (int i = 0; i < elements.length; i++) {
                    elements[i] = Bytes.wrap(in.bytes(in.varint()));
                }
                return new AttributeValue.BS(CompactSet.ofDistinct(elements));
            }
            case M: {
                in.varint();
                int n = in.varint();
                String[] names = new String[n];
                AttributeValue[] values = new AttributeValue[n];
                for (int i = 0; i < n; i++) {
                    names[i] = readText(in, in.data[in.pos++]);
                    values[i] = read(in);
                }
                return new AttributeValue.M(new AttributeMap(AttributeMap.Shape.canonical(names), values));
            }
            case L: {
                in.varint();
                Object[] elements = new Object[in.varint()];
                for (int i = 0; i < elements.length; i++) {
                    elements[i] = read(in);
                }
                return new AttributeValue.L(CompactList.ofArray(elements));
            }
            default:
                throw new IllegalStateException("bad tag " + tag + " at " + (in.pos - 1));
        }
    }

    private static String readText(In in, byte tag) {
        int n = in.varint();
        if (tag == S_UTF16) {
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = (char) (((in.data[in.pos] & 0xff) << 8) | (in.data[in.pos + 1] & 0xff));
                in.pos += 2;
            }
            return new String(chars);
        }
        String s = new String(in.data, in.pos, n, tag == S_ASCII ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        in.pos += n;
        return s;
    }

    private static Num readNum(In in, byte tag) {
        if (tag == N_COMPACT) {
            long unscaled = unzigzag(in.varlong());
            int scale = (int) unzigzag(in.varlong());
            return Num.restore(unscaled, scale, null);
        }
        int scale = (int) unzigzag(in.varlong());
        byte[] unscaled = in.bytes(in.varint());
        return Num.restore(0, 0, new BigDecimal(new BigInteger(unscaled), scale));
    }

    private static void skip(In in) {
        byte tag = in.data[in.pos++];
        switch (tag) {
            case S_ASCII, S_UTF8, B, SS, NS, BS, M, L -> {
                int n = in.varint();
                in.pos += n;
            }
            case S_UTF16 -> {
                int n = in.varint();
                in.pos += 2 * n;
            }
            case N_COMPACT -> {
                in.varlong();
                in.varlong();
            }
            case N_BIG -> {
                in.varlong();
                int n = in.varint();
                in.pos += n;
            }
            case TRUE, FALSE, NULL -> {
            }
            default -> throw new IllegalStateException("bad tag " + tag + " at " + (in.pos - 1));
        }
    }

    /** A growable byte buffer. */
    private static final class Out {
        /** Bytes reserved for a byte length filled in later: a varint of up to 2^28 - 1 (items are at most 400 KB). */
        private static final int LENGTH_BYTES = 4;
        byte[] buf;
        int size;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void room(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        void put(byte b) {
            room(1);
            buf[size++] = b;
        }

        void put(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        void varint(int v) {
            varlong(v & 0xffffffffL);
        }

        void varlong(long v) {
            room(10);
            while ((v & ~0x7fL) != 0) {
                buf[size++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        void reserveLength() {
            room(LENGTH_BYTES);
            size += LENGTH_BYTES;
        }

        /** Writes the number of bytes after the reserved slot at {@code at} as a padded 4-byte varint. */
        void fillLength(int at) {
            int len = size - at - LENGTH_BYTES;
            if (len >= 1 << 28) {
                throw new IllegalStateException("value too large to encode: " + len + " bytes");
            }
            for (int i = 0; i < LENGTH_BYTES - 1; i++) {
                buf[at + i] = (byte) ((len & 0x7f) | 0x80);
                len >>>= 7;
            }
            buf[at + LENGTH_BYTES - 1] = (byte) len;
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** A read position in an encoding. */
    private static final class In {
        final byte[] data;
        int pos;

        In(byte[] data, int pos) {
            this.data = data;
            this.pos = pos;
        }

        int varint() {
            return (int) varlong();
        }

        long varlong() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte b = data[pos++];
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
                shift += 7;
            }
        }

        byte[] bytes(int n) {
            byte[] b = Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return b;
        }
    }
}
