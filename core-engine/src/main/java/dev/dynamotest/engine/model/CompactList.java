package dev.dynamotest.engine.model;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * An immutable list over one array, as list values (L) hold their elements, instead of an unmodifiable wrapper
 * around an {@code ArrayList}. Unlike {@link List#copyOf} it answers {@code contains(null)} with false, as the
 * lists it replaces did. Every change throws {@link UnsupportedOperationException}.
 */
public final class CompactList<E> extends AbstractList<E> implements RandomAccess {
    private static final CompactList<?> EMPTY = new CompactList<>(new Object[0]);

    private final Object[] elements;

    private CompactList(Object[] elements) {
        this.elements = elements;
    }

    /** For {@link ItemCodec}: a list over this array, which the caller hands over. */
    @SuppressWarnings("unchecked")
    static <E> CompactList<E> ofArray(Object[] elements) {
        return elements.length == 0 ? (CompactList<E>) EMPTY : new CompactList<>(elements);
    }

    /** The elements of {@code values} in order; a {@code CompactList} is returned as it is. */
    @SuppressWarnings("unchecked")
    public static <E> CompactList<E> copyOf(Collection<? extends E> values) {
        if (values instanceof CompactList<?> c) {
            return (CompactList<E>) c;
        }
        Object[] a = values.toArray();
        if (a.length == 0) {
            return (CompactList<E>) EMPTY;
        }
        if (a.getClass() != Object[].class) {
            a = java.util.Arrays.copyOf(a, a.length, Object[].class);
        }
        return new CompactList<>(a);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) elements[index];
    }

    @Override
    public int size() {
        return elements.length;
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
}
