package dev.dynamotest.engine.model;

import java.util.function.IntUnaryOperator;

/**
 * An open-addressing hash index over the elements of an array, for the compact collections here once they are too
 * large to search linearly: a table of positions + 1 (0 is empty), at most half full, so a lookup is one hash and
 * a probe or two instead of the entry objects of a {@code LinkedHashMap}.
 */
final class ArrayIndex {
    /** Up to this many elements a linear search (comparing cached hash codes first) beats the index. */
    static final int LINEAR_MAX = 16;

    private ArrayIndex() {
    }

    /** The index of {@code n} elements found at {@code elements[i * stride]}, or null if small enough to scan. */
    static int[] build(Object[] elements, int n, int stride) {
        return build(n, i -> elements[i * stride].hashCode());
    }

    /** The index of {@code n} elements whose hash codes {@code hashAt} gives, or null if small enough to scan. */
    static int[] build(int n, IntUnaryOperator hashAt) {
        if (n <= LINEAR_MAX) {
            return null;
        }
        int[] table = new int[Integer.highestOneBit(n * 2 - 1) << 1];
        int mask = table.length - 1;
        for (int i = 0; i < n; i++) {
            int slot = spread(hashAt.applyAsInt(i)) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
        return table;
    }

    /** The position of {@code key} among the {@code n} elements, or -1. */
    static int find(Object[] elements, int n, int stride, int[] table, Object key) {
        if (key == null) {
            return -1;
        }
        int h = key.hashCode();
        if (table == null) {
            for (int i = 0; i < n; i++) {
                Object e = elements[i * stride];
                if (e == key || (e.hashCode() == h && e.equals(key))) {
                    return i;
                }
            }
            return -1;
        }
        int mask = table.length - 1;
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            int p = table[slot];
            if (p == 0) {
                return -1;
            }
            Object e = elements[(p - 1) * stride];
            if (e == key || (e.hashCode() == h && e.equals(key))) {
                return p - 1;
            }
        }
    }

    static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
