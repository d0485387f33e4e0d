package dev.dynamotest.engine.model;

import java.nio.charset.StandardCharsets;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The elements of a string set (SS): a {@link CompactSet} of strings, except that an ASCII element is held as its
 * bytes alone, as {@link AttributeValue.S} holds an ASCII string. Iterating makes the Strings; {@link #contains},
 * the sizes and the JSON writer work on the bytes. Same iteration order, {@code equals}, {@code hashCode} and
 * {@code toString} as the unmodifiable {@code LinkedHashSet} it replaces; every change throws
 * {@link UnsupportedOperationException}.
 */
public final class StringSet extends AbstractSet<String> {
    private static final StringSet EMPTY = new StringSet(new Object[0]);

    private final Object[] elements; // byte[] for an ASCII element, else the String
    private final int[] index;       // past ArrayIndex.LINEAR_MAX elements: positions + 1 by String hash code

    private StringSet(Object[] elements) {
        this.elements = elements;
        this.index = ArrayIndex.build(elements.length, i -> hashOf(elements[i]));
    }

    /** The distinct strings of {@code values} in first-occurrence order; a {@code StringSet} as it is. */
    public static StringSet copyOf(Collection<String> values) {
        if (values instanceof StringSet s) {
            return s;
        }
        Object[] a = (values instanceof Set<?> ? values : new LinkedHashSet<>(values)).toArray();
        if (a.length == 0) {
            return EMPTY;
        }
        for (int i = 0; i < a.length; i++) {
            String s = (String) Objects.requireNonNull(a[i], "set element");
            a[i] = isAscii(s) ? s.getBytes(StandardCharsets.ISO_8859_1) : s;
        }
        return new StringSet(a);
    }

    /** For {@link ItemCodec}: the elements as held (byte[] of an ASCII element, else the String), not a copy. */
    Object[] heldElements() {
        return elements;
    }

    /** For {@link ItemCodec}: a set of these distinct elements as held, which the caller hands over. */
    static StringSet ofHeld(Object[] elements) {
        return elements.length == 0 ? EMPTY : new StringSet(elements);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String string(Object held) {
        return held instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : (String) held;
    }

    /** The String hash code of an element. */
    private static int hashOf(Object held) {
        if (held instanceof byte[] b) {
            int h = 0;
            for (byte x : b) {
                h = 31 * h + x;
            }
            return h;
        }
        return held.hashCode();
    }

    private static boolean matches(Object held, String s) {
        if (held instanceof byte[] b) {
            if (b.length != s.length()) {
                return false;
            }
            for (int i = 0; i < b.length; i++) {
                if (b[i] != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        return held.equals(s);
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof String s)) {
            return false;
        }
        if (index == null) {
            for (Object e : elements) {
                if (matches(e, s)) {
                    return true;
                }
            }
            return false;
        }
        int mask = index.length - 1;
        for (int slot = ArrayIndex.spread(s.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int p = index[slot];
            if (p == 0) {
                return false;
            }
            if (matches(elements[p - 1], s)) {
                return true;
            }
        }
    }

    /** The {@code i}-th element in iteration order. */
    public String get(int i) {
        return string(elements[i]);
    }

    /** The bytes the {@code i}-th element is held as if it is ASCII, shared (never to be changed); else null. */
    public byte[] sharedAsciiBytes(int i) {
        return elements[i] instanceof byte[] b ? b : null;
    }

    /** The UTF-8 lengths of the elements, summed. */
    public int utf8Length() {
        int size = 0;
        for (Object e : elements) {
            size += e instanceof byte[] b ? b.length : AttributeValue.utf8Length((String) e);
        }
        return size;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < elements.length;
            }

            @Override
            public String next() {
                if (i >= elements.length) {
                    throw new NoSuchElementException();
                }
                return string(elements[i++]);
            }
        };
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Object e : elements) {
            h += hashOf(e);
        }
        return h;
    }
}
