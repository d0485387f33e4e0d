package dev.dynamotest.engine.model;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map of attribute names to values in insertion order, as items and map values hold them: one array
 * of names and values side by side (plus, past {@value ArrayIndex#LINEAR_MAX} entries, a hash index), instead of a
 * {@code LinkedHashMap} with an entry object per attribute and a wrapper. It behaves as the unmodifiable
 * {@code LinkedHashMap} it replaces: same iteration order, {@code equals}, {@code hashCode} and {@code toString};
 * every change throws {@link UnsupportedOperationException}.
 */
public final class AttributeMap implements Map<String, AttributeValue> {
    public static final AttributeMap EMPTY = new AttributeMap(new Object[0], null);

    /** Names at even positions, their values at the odd position after. */
    private final Object[] kv;
    private final int[] index;

    private AttributeMap(Object[] kv, int[] index) {
        this.kv = kv;
        this.index = index;
    }

    private static AttributeMap of(Object[] kv) {
        return kv.length == 0 ? EMPTY : new AttributeMap(kv, ArrayIndex.build(kv, kv.length / 2, 2));
    }

    /** The same entries in the same order; an {@code AttributeMap} is returned as it is. */
    public static AttributeMap copyOf(Map<String, AttributeValue> m) {
        if (m instanceof AttributeMap a) {
            return a;
        }
        Object[] kv = new Object[m.size() * 2];
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
            kv[i++] = Objects.requireNonNull(e.getKey(), "attribute name");
            kv[i++] = e.getValue();
        }
        if (i != kv.length) {
            throw new java.util.ConcurrentModificationException();
        }
        return of(kv);
    }

    public static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    /** Builds a map in insertion order; putting a name again replaces its value and keeps its position. */
    public static final class Builder {
        private Object[] kv;
        private int n;
        private HashMap<String, Integer> positions; // only once past LINEAR_MAX entries

        private Builder(int expectedSize) {
            kv = new Object[Math.max(expectedSize, 1) * 2];
        }

        public Builder put(String name, AttributeValue value) {
            Objects.requireNonNull(name, "attribute name");
            int at = -1;
            if (positions != null) {
                Integer p = positions.get(name);
                at = p == null ? -1 : p;
            } else {
                int h = name.hashCode();
                for (int i = 0; i < n; i++) {
                    Object k = kv[2 * i];
                    if (k == name || (k.hashCode() == h && k.equals(name))) {
                        at = i;
                        break;
                    }
                }
            }
            if (at >= 0) {
                kv[2 * at + 1] = value;
                return this;
            }
            if (2 * n == kv.length) {
                kv = java.util.Arrays.copyOf(kv, kv.length * 2);
            }
            kv[2 * n] = name;
            kv[2 * n + 1] = value;
            n++;
            if (positions != null) {
                positions.put(name, n - 1);
            } else if (n > ArrayIndex.LINEAR_MAX) {
                positions = new HashMap<>(n * 4);
                for (int i = 0; i < n; i++) {
                    positions.put((String) kv[2 * i], i);
                }
            }
            return this;
        }

        public AttributeMap build() {
            return of(2 * n == kv.length ? kv : java.util.Arrays.copyOf(kv, 2 * n));
        }
    }

    /** The name of the {@code i}-th entry in iteration order. */
    public String nameAt(int i) {
        java.util.Objects.checkIndex(i, kv.length / 2);
        return (String) kv[2 * i];
    }

    /** The value of the {@code i}-th entry in iteration order. */
    public AttributeValue valueAt(int i) {
        java.util.Objects.checkIndex(i, kv.length / 2);
        return (AttributeValue) kv[2 * i + 1];
    }

    private int find(Object name) {
        return ArrayIndex.find(kv, kv.length / 2, 2, index, name);
    }

    @Override
    public int size() {
        return kv.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return kv.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public boolean containsValue(Object value) {
        for (int i = 1; i < kv.length; i += 2) {
            if (Objects.equals(kv[i], value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public AttributeValue get(Object key) {
        int i = find(key);
        return i < 0 ? null : (AttributeValue) kv[2 * i + 1];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
        for (int i = 0; i < kv.length; i += 2) {
            action.accept((String) kv[i], (AttributeValue) kv[i + 1]);
        }
    }

    @Override
    public AttributeValue put(String key, AttributeValue value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AttributeValue remove(Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putAll(Map<? extends String, ? extends AttributeValue> m) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }

    /** Iterates the names ({@code offset} 0), the values (1) or the entries (-1). */
    private final class Iter<T> implements Iterator<T> {
        private final int offset;
        private int i;

        Iter(int offset) {
            this.offset = offset;
        }

        @Override
        public boolean hasNext() {
            return i < kv.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (i >= kv.length) {
                throw new NoSuchElementException();
            }
            int at = i;
            i += 2;
            return (T) (offset < 0 ? new AbstractMap.SimpleImmutableEntry<>((String) kv[at], (AttributeValue) kv[at + 1])
                : kv[at + offset]);
        }
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return new Iter<>(0);
            }

            @Override
            public int size() {
                return AttributeMap.this.size();
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }
        };
    }

    @Override
    public Collection<AttributeValue> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<AttributeValue> iterator() {
                return new Iter<>(1);
            }

            @Override
            public int size() {
                return AttributeMap.this.size();
            }

            @Override
            public boolean contains(Object o) {
                return containsValue(o);
            }
        };
    }

    @Override
    public Set<Map.Entry<String, AttributeValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, AttributeValue>> iterator() {
                return new Iter<>(-1);
            }

            @Override
            public int size() {
                return AttributeMap.this.size();
            }

            @Override
            public boolean contains(Object o) {
                if (!(o instanceof Map.Entry<?, ?> e)) {
                    return false;
                }
                int i = find(e.getKey());
                return i >= 0 && Objects.equals(kv[2 * i + 1], e.getValue());
            }
        };
    }

    /** As {@link AbstractMap#equals}: the same mappings, whatever the other map's kind or order. */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Map<?, ?> m) || m.size() != size()) {
            return false;
        }
        try {
            for (int i = 0; i < kv.length; i += 2) {
                Object v = kv[i + 1];
                if (v == null) {
                    if (m.get(kv[i]) != null || !m.containsKey(kv[i])) {
                        return false;
                    }
                } else if (!v.equals(m.get(kv[i]))) {
                    return false;
                }
            }
        } catch (ClassCastException | NullPointerException e) {
            return false;
        }
        return true;
    }

    /** As {@link AbstractMap#hashCode}: the sum of {@code name.hashCode() ^ value.hashCode()}. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < kv.length; i += 2) {
            h += kv[i].hashCode() ^ Objects.hashCode(kv[i + 1]);
        }
        return h;
    }

    /** As {@link AbstractMap#toString}: {@code {name=value, ...}}. */
    @Override
    public String toString() {
        if (kv.length == 0) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder().append('{');
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(kv[i]).append('=').append(kv[i + 1]);
        }
        return sb.append('}').toString();
    }
}
