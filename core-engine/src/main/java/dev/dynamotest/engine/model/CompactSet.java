package dev.dynamotest.engine.model;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An immutable set in insertion order, as set values (SS, NS, BS) hold their elements: one array (plus, past
 * {@value ArrayIndex#LINEAR_MAX} elements, a hash index) instead of an unmodifiable {@code LinkedHashSet} with an
 * entry object per element. Same iteration order, {@code equals}, {@code hashCode} and {@code toString} as the set
 * it replaces; every change throws {@link UnsupportedOperationException}.
 */
public final class CompactSet<E> extends AbstractSet<E> {
    private static final CompactSet<?> EMPTY = new CompactSet<>(new Object[0]);

    private final Object[] elements;
    private final int[] index;

    private CompactSet(Object[] elements) {
        this.elements = elements;
        this.index = ArrayIndex.build(elements, elements.length, 1);
    }

    /** For {@link ItemCodec}: a set of these distinct, non-null elements, which the caller hands over. */
    @SuppressWarnings("unchecked")
    static <E> CompactSet<E> ofDistinct(Object[] elements) {
        return elements.length == 0 ? (CompactSet<E>) EMPTY : new CompactSet<>(elements);
    }

    /**
     * The distinct elements of {@code values} in first-occurrence order (as a {@code LinkedHashSet} would keep
     * them); a {@code CompactSet} is returned as it is.
     */
    @SuppressWarnings("unchecked")
    public static <E> CompactSet<E> copyOf(Collection<? extends E> values) {
        if (values instanceof CompactSet<?> c) {
            return (CompactSet<E>) c;
        }
        Object[] a = (values instanceof Set<?> ? values : new LinkedHashSet<>(values)).toArray();
        for (Object o : a) {
            java.util.Objects.requireNonNull(o, "set element");
        }
        return a.length == 0 ? (CompactSet<E>) EMPTY : new CompactSet<>(a);
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public boolean contains(Object o) {
        return ArrayIndex.find(elements, elements.length, 1, index, o) >= 0;
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < elements.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public E next() {
                if (i >= elements.length) {
                    throw new NoSuchElementException();
                }
                return (E) elements[i++];
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super E> action) {
        for (Object e : elements) {
            action.accept((E) e);
        }
    }

    @Override
    public Object[] toArray() {
        return elements.clone();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T[] toArray(T[] a) {
        if (a.length < elements.length) {
            return (T[]) Arrays.copyOf(elements, elements.length, a.getClass());
        }
        System.arraycopy(elements, 0, a, 0, elements.length);
        if (a.length > elements.length) {
            a[elements.length] = null;
        }
        return a;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Object e : elements) {
            h += e.hashCode();
        }
        return h;
    }
}
