package dev.dynamotest.engine.journal;

import dev.dynamotest.engine.table.NamespaceId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The journal of one namespace: a ring of the latest entries (oldest dropped first, counted), in arrival order.
 * Memory grows with the entries actually recorded, up to the journal's capacity.
 */
public final class NamespaceJournal {
    private final NamespaceId namespace;
    private final Journal journal;
    private final ArrayDeque<JournalEntry> ring = new ArrayDeque<>();
    private long dropped;

    NamespaceJournal(NamespaceId namespace, Journal journal) {
        this.namespace = namespace;
        this.journal = journal;
    }

    public NamespaceId namespace() {
        return namespace;
    }

    synchronized void add(JournalEntry e) {
        int capacity = journal.capacity();
        while (ring.size() >= capacity && !ring.isEmpty()) {
            ring.pollFirst();
            dropped++;
        }
        if (capacity > 0) {
            ring.addLast(e);
        } else {
            dropped++;
        }
    }

    /** The entries kept, oldest first. */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(ring);
    }

    public List<JournalEntry> entries(Predicate<JournalEntry> filter) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : entries()) {
            if (filter.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The last {@code n} entries, oldest first. */
    public synchronized List<JournalEntry> last(int n) {
        List<JournalEntry> all = new ArrayList<>(ring);
        return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
    }

    public synchronized int size() {
        return ring.size();
    }

    /** Entries dropped because the ring was full, since the last {@link #clear()}. */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized void clear() {
        ring.clear();
        dropped = 0;
    }
}
