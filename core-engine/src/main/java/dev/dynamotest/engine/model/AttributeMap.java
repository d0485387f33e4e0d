package dev.dynamotest.engine.model;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * An immutable map of attribute names to values in insertion order, as items and map values hold them: an array
 * of values and a {@link Shape}, the names in order (plus, past {@value ArrayIndex#LINEAR_MAX} names, a hash
 * index), instead of a {@code LinkedHashMap} with an entry object per attribute and a wrapper. Items of one table
 * mostly share a few shapes, so shapes are canonicalised: maps with the same names in the same order share one
 * (and its index). It behaves as the unmodifiable {@code LinkedHashMap} it replaces: same iteration order,
 * {@code equals}, {@code hashCode} and {@code toString}; every change throws {@link UnsupportedOperationException}.
 */
public final class AttributeMap implements Map<String, AttributeValue> {
    public static final AttributeMap EMPTY = new AttributeMap(Shape.EMPTY, new AttributeValue[0]);

    private final Shape shape;
    private final AttributeValue[] values; // aligned with shape.names

    /** Over a shape and the values aligned with its names, which the caller hands over (an item's, say). */
    AttributeMap(Shape shape, AttributeValue[] values) {
        this.shape = shape;
        this.values = values;
    }

    /**
     * The names of a map, in order, shared by every map with the same names in the same order: a canonical
     * instance (see {@link #canonical}) per distinct list of names.
     */
    static final class Shape {
        static final Shape EMPTY = new Shape(new String[0], false);
        /** Distinct shapes kept; past this the cache starts afresh (maps keep the shapes they have). */
        static final int CACHE_MAX = 4096;
        private static final ConcurrentHashMap<Shape, Shape> CACHE = new ConcurrentHashMap<>();

        final String[] names;
        final int[] index;
        private final int hash;

        private Shape(String[] names, boolean indexed) {
            this.names = names;
            this.index = indexed ? ArrayIndex.build(names, names.length, 1) : null;
            this.hash = Arrays.hashCode(names);
        }

        /** The shared shape of these names (distinct, non-null), which the caller hands over. */
        static Shape canonical(String[] names) {
            if (names.length == 0) {
                return EMPTY;
            }
            Shape probe = new Shape(names, false);
            Shape shared = CACHE.get(probe);
            if (shared != null) {
                return shared;
            }
            Shape shape = names.length > ArrayIndex.LINEAR_MAX ? new Shape(names, true) : probe;
            if (CACHE.size() >= CACHE_MAX) {
                CACHE.clear();
            }
            shared = CACHE.putIfAbsent(shape, shape);
            return shared != null ? shared : shape;
        }

        /** How many shapes the cache holds now. */
        static int cached() {
            return CACHE.size();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape other && hash == other.hash && Arrays.equals(names, other.names);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The same entries in the same order; an {@code AttributeMap} is returned as it is. */
    public static AttributeMap copyOf(Map<String, AttributeValue> m) {
        if (m instanceof AttributeMap a) {
            return a;
        }
        int n = m.size();
        if (n == 0) {
            return EMPTY;
        }
        String[] names = new String[n];
        AttributeValue[] values = new AttributeValue[n];
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
            names[i] = Objects.requireNonNull(e.getKey(), "attribute name");
            values[i++] = e.getValue();
        }
        if (i != n) {
            throw new java.util.ConcurrentModificationException();
        }
        return new AttributeMap(Shape.canonical(names), values);
    }

    public static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    /** Builds a map in insertion order; putting a name again replaces its value and keeps its position. */
    public static final class Builder {
        private String[] names;
        private AttributeValue[] values;
        private int n;
        private HashMap<String, Integer> positions; // only once past LINEAR_MAX entries

        private Builder(int expectedSize) {
            names = new String[Math.max(expectedSize, 1)];
            values = new AttributeValue[names.length];
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
                    String k = names[i];
                    if (k == name || (k.hashCode() == h && k.equals(name))) {
                        at = i;
                        break;
                    }
                }
            }
            if (at >= 0) {
                values[at] = value;
                return this;
            }
            if (n == names.length) {
                names = Arrays.copyOf(names, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            names[n] = name;
            values[n] = value;
            n++;
            if (positions != null) {
                positions.put(name, n - 1);
            } else if (n > ArrayIndex.LINEAR_MAX) {
                positions = new HashMap<>(n * 4);
                for (int i = 0; i < n; i++) {
                    positions.put(names[i], i);
                }
            }
            return this;
        }

        public AttributeMap build() {
            if (n == 0) {
                return EMPTY;
            }
            return new AttributeMap(Shape.canonical(n == names.length ? names : Arrays.copyOf(names, n)),
                n == values.length ? values : Arrays.copyOf(values, n));
        }
    }

    /** The names, shared with the other maps of the same names in the same order. */
    Shape shape() {
        return shape;
    }

    /** The values, aligned with the shape's names: the array held, not a copy. */
    AttributeValue[] valueArray() {
        return values;
    }

    /** The value of {@code name} in a map of this shape with these values, or null. */
    static AttributeValue get(Shape shape, AttributeValue[] values, Object name) {
        int i = ArrayIndex.find(shape.names, values.length, 1, shape.index, name);
        return i < 0 ? null : values[i];
    }

    /** The name of the {@code i}-th entry in iteration order. */
    public String nameAt(int i) {
        return shape.names[i];
    }

    /** The value of the {@code i}-th entry in iteration order. */
    public AttributeValue valueAt(int i) {
        return values[i];
    }

    private int find(Object name) {
        return ArrayIndex.find(shape.names, values.length, 1, shape.index, name);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isEmpty() {
        return values.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public boolean containsValue(Object value) {
        for (AttributeValue v : values) {
            if (Objects.equals(v, value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public AttributeValue get(Object key) {
        return get(shape, values, key);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
        String[] names = shape.names;
        for (int i = 0; i < values.length; i++) {
            action.accept(names[i], values[i]);
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
            return i < values.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (i >= values.length) {
                throw new NoSuchElementException();
            }
            int at = i++;
            return (T) (offset < 0 ? new AbstractMap.SimpleImmutableEntry<>(shape.names[at], values[at])
                : offset == 0 ? shape.names[at] : values[at]);
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
                return i >= 0 && Objects.equals(values[i], e.getValue());
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
        String[] names = shape.names;
        try {
            for (int i = 0; i < values.length; i++) {
                AttributeValue v = values[i];
                if (v == null) {
                    if (m.get(names[i]) != null || !m.containsKey(names[i])) {
                        return false;
                    }
                } else if (!v.equals(m.get(names[i]))) {
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
        for (int i = 0; i < values.length; i++) {
            h += shape.names[i].hashCode() ^ Objects.hashCode(values[i]);
        }
        return h;
    }

    /** As {@link AbstractMap#toString}: {@code {name=value, ...}}. */
    @Override
    public String toString() {
        if (values.length == 0) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder().append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape.names[i]).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }
}
