package dev.dynamotest.engine.query;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.model.Values;
import dev.dynamotest.engine.table.IndexData;
import dev.dynamotest.engine.table.IndexEntryKey;
import dev.dynamotest.engine.table.IndexLayout;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.PartitionId;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.TableData;
import java.util.Collections;
import java.util.Iterator;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Ordered reads over one immutable snapshot of a table or index. Query positions on the sort-key range in the
 * partition's ordered map (O(log n)) and then walks only the matching entries (O(k)); Scan walks partitions in
 * (hash, value) order, a parallel-scan segment being a contiguous hash range. Both resume after an exclusive
 * start position.
 */
public final class Reader {
    private Reader() {
    }

    /** A position to resume after: the table key, and for index reads the index key values too. */
    public record Position(PrimaryKey tableKey, AttributeValue indexPartition, AttributeValue indexSort) {
    }

    // ---------------------------------------------------------------- Query

    /** One partition of the table in sort-key order (reversed if !forward), after {@code start}. */
    public static Iterator<Entry> queryTable(TableData data, KeySchema key, AttributeValue partition, SortCondition sort,
                                             boolean forward, Position start) {
        NavigableMap<AttributeValue, Item> p = data.partition(partition);
        if (p == null) {
            return Collections.emptyIterator();
        }
        if (!key.hasSort()) {
            return start != null ? Collections.emptyIterator() : single(new Entry(keyOf(p.firstEntry().getValue(), key), p.firstEntry().getValue()));
        }
        NavigableMap<AttributeValue, Item> range = p;
        if (sort != null) {
            AttributeValue lo = sort.lowerBound();
            AttributeValue hi = sort.upperBound();
            if (lo != null && hi != null && Values.compareScalars(lo, hi) > 0) {
                return Collections.emptyIterator();
            }
            if (lo != null && hi != null) {
                range = range.subMap(lo, sort.lowerInclusive(), hi, sort.upperInclusive());
            } else if (lo != null) {
                range = range.tailMap(lo, sort.lowerInclusive());
            } else if (hi != null) {
                range = range.headMap(hi, sort.upperInclusive());
            }
        }
        if (start != null && start.tableKey().sort() != null) {
            AttributeValue s = start.tableKey().sort();
            range = forward ? range.tailMap(s, false) : range.headMap(s, false);
        }
        NavigableMap<AttributeValue, Item> ordered = forward ? range : range.descendingMap();
        String sortName = key.sort().name();
        return contiguous(ordered.values().iterator(), sort == null ? null : item -> sort.matches(item.get(sortName)),
            item -> new Entry(keyOf(item, key), item));
    }

    /** One index partition, ordered by index sort key then table key (reversed if !forward), after {@code start}. */
    public static Iterator<Entry> queryIndex(IndexData index, IndexLayout layout, AttributeValue partition, SortCondition sort,
                                             boolean forward, Position start) {
        NavigableMap<IndexEntryKey, Item> p = index.partition(partition);
        if (p == null) {
            return Collections.emptyIterator();
        }
        NavigableMap<IndexEntryKey, Item> range = p;
        boolean sorted = layout.keySchema().sort() != null;
        if (sort != null && sorted) {
            AttributeValue lo = sort.lowerBound();
            AttributeValue hi = sort.upperBound();
            if (lo != null && hi != null && Values.compareScalars(lo, hi) > 0) {
                return Collections.emptyIterator();
            }
            IndexEntryKey from = lo == null ? null : sort.lowerInclusive() ? IndexEntryKey.lowest(lo) : IndexEntryKey.highest(lo);
            IndexEntryKey to = hi == null ? null : sort.upperInclusive() ? IndexEntryKey.highest(hi) : IndexEntryKey.lowest(hi);
            if (from != null && to != null) {
                range = range.subMap(from, false, to, false);
            } else if (from != null) {
                range = range.tailMap(from, false);
            } else if (to != null) {
                range = range.headMap(to, false);
            }
        }
        if (start != null) {
            IndexEntryKey s = new IndexEntryKey(start.indexSort(), start.tableKey().partition(), start.tableKey().sort());
            range = forward ? range.tailMap(s, false) : range.headMap(s, false);
        }
        NavigableMap<IndexEntryKey, Item> ordered = forward ? range : range.descendingMap();
        return contiguous(ordered.entrySet().iterator(),
            sort == null || !sorted ? null : e -> sort.matches(layout.sortValue(e.getValue())),
            e -> new Entry(e.getKey().tableKey(), e.getValue()));
    }

    // ---------------------------------------------------------------- Scan

    /** The table's items in scan order, restricted to a parallel-scan segment, after {@code start}. */
    public static Iterator<Entry> scanTable(TableData data, KeySchema key, int segment, int totalSegments, Position start) {
        NavigableMap<PartitionId, Object> parts = segmentRange(data.partitions(), segment, totalSegments);
        PartitionId startPid = start == null ? null : PartitionId.of(start.tableKey().partition());
        AttributeValue startSort = start == null ? null : start.tableKey().sort();
        return new Flattening<>(parts, startPid,
            p -> TableData.items(p).iterator(),
            p -> startSort == null ? Collections.<Item>emptyIterator()
                : TableData.asSortMap(p).tailMap(startSort, false).values().iterator(),
            item -> new Entry(keyOf(item, key), item));
    }

    /** An index's entries in scan order, restricted to a segment, after {@code start}. */
    public static Iterator<Entry> scanIndex(IndexData index, int segment, int totalSegments, Position start) {
        NavigableMap<PartitionId, org.pcollections.TreePMap<IndexEntryKey, Item>> parts =
            segmentRange(index.partitions(), segment, totalSegments);
        PartitionId startPid = start == null ? null : PartitionId.of(start.indexPartition());
        IndexEntryKey startKey = start == null ? null
            : new IndexEntryKey(start.indexSort(), start.tableKey().partition(), start.tableKey().sort());
        return new Flattening<>(parts, startPid,
            p -> p.entrySet().iterator(),
            p -> p.tailMap(startKey, false).entrySet().iterator(),
            e -> new Entry(e.getKey().tableKey(), e.getValue()));
    }

    /** The segment's share of the 32-bit hash space: [segment * 2^32 / total, (segment + 1) * 2^32 / total). */
    public static <V> NavigableMap<PartitionId, V> segmentRange(NavigableMap<PartitionId, V> parts, int segment, int totalSegments) {
        if (totalSegments <= 1) {
            return parts;
        }
        long space = 1L << 32;
        long lo = segment * space / totalSegments;
        long hi = (segment + 1L) * space / totalSegments;
        return parts.subMap(PartitionId.lowerBound(lo), true, PartitionId.lowerBound(hi), false);
    }

    /** The parallel-scan segment a partition-key value belongs to. */
    public static int segmentOf(AttributeValue partition, int totalSegments) {
        long h = PrimaryKey.partitionHash(partition);
        return (int) ((h * totalSegments) >>> 32);
    }

    // ---------------------------------------------------------------- helpers

    public static PrimaryKey keyOf(Item item, KeySchema key) {
        return new PrimaryKey(item.get(key.partition().name()), key.sort() == null ? null : item.get(key.sort().name()));
    }

    private static Iterator<Entry> single(Entry e) {
        return Collections.singletonList(e).iterator();
    }

    /**
     * Maps the elements of an ordered range; with a predicate, skips leading non-matches and stops at the first
     * non-match after a match (matching entries of a sorted range are contiguous), so begins_with costs O(k).
     */
    private static <T> Iterator<Entry> contiguous(Iterator<T> it, Predicate<T> keep, Function<T, Entry> map) {
        return new Iterator<>() {
            boolean matched;
            Entry next = advance();

            private Entry advance() {
                while (it.hasNext()) {
                    T t = it.next();
                    if (keep == null || keep.test(t)) {
                        matched = true;
                        return map.apply(t);
                    }
                    if (matched) {
                        return null;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Entry next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Entry e = next;
                next = advance();
                return e;
            }
        };
    }

    /** Iterates the inner maps of consecutive partitions, resuming inside the start partition if given. */
    private static final class Flattening<M, T> implements Iterator<Entry> {
        private final Iterator<M> partitions;
        private final Function<M, Iterator<T>> whole;
        private final Function<T, Entry> map;
        private Iterator<T> current;

        Flattening(NavigableMap<PartitionId, M> parts, PartitionId startPid, Function<M, Iterator<T>> whole,
                   Function<M, Iterator<T>> resume, Function<T, Entry> map) {
            this.whole = whole;
            this.map = map;
            if (startPid != null) {
                M first = parts.get(startPid);
                current = first == null ? Collections.emptyIterator() : resume.apply(first);
                this.partitions = parts.tailMap(startPid, false).values().iterator();
            } else {
                current = Collections.emptyIterator();
                this.partitions = parts.values().iterator();
            }
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!partitions.hasNext()) {
                    return false;
                }
                current = whole.apply(partitions.next());
            }
            return true;
        }

        @Override
        public Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return map.apply(current.next());
        }
    }
}
