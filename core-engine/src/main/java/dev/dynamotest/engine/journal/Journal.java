package dev.dynamotest.engine.journal;

import dev.dynamotest.engine.table.NamespaceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The request journal: every request and its outcome, per namespace, in bounded rings. On by default with
 * {@value #DEFAULT_CAPACITY} entries per namespace; {@link #enabled(boolean) off}, a request costs one volatile read.
 * Sinks (the server's {@code --journal FILE}) see every entry as it is recorded.
 */
public final class Journal {
    public static final int DEFAULT_CAPACITY = 10_000;

    private volatile boolean enabled = true;
    private volatile int capacity = DEFAULT_CAPACITY;
    private volatile boolean keepBodies;
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentHashMap<NamespaceId, NamespaceJournal> namespaces = new ConcurrentHashMap<>();
    private final List<Consumer<JournalEntry>> sinks = new CopyOnWriteArrayList<>();

    public boolean enabled() {
        return enabled;
    }

    /** Records requests (true, the default) or not. */
    public Journal enabled(boolean on) {
        this.enabled = on;
        return this;
    }

    /** Entries kept per namespace (older ones are dropped and counted). */
    public int capacity() {
        return capacity;
    }

    public Journal capacity(int entries) {
        if (entries < 0) {
            throw new IllegalArgumentException("capacity must be >= 0: " + entries);
        }
        this.capacity = entries;
        return this;
    }

    /** Whether entries keep the request and response JSON (needed to replay a journal); default false. */
    public boolean keepBodies() {
        return keepBodies;
    }

    public Journal keepBodies(boolean keep) {
        this.keepBodies = keep;
        return this;
    }

    /** A sink that sees every entry recorded (in the recording thread; keep it quick). */
    public void addSink(Consumer<JournalEntry> sink) {
        sinks.add(sink);
    }

    public void removeSink(Consumer<JournalEntry> sink) {
        sinks.remove(sink);
    }

    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    public void record(JournalEntry entry) {
        namespace(entry.namespace()).add(entry);
        for (Consumer<JournalEntry> s : sinks) {
            s.accept(entry);
        }
    }

    /** The journal of one namespace (empty if it has seen no request). */
    public NamespaceJournal namespace(NamespaceId id) {
        NamespaceJournal j = namespaces.get(id);
        return j != null ? j : namespaces.computeIfAbsent(id, k -> new NamespaceJournal(k, this));
    }

    /** The journal of the region's namespace without access key (the server's default namespaces). */
    public NamespaceJournal region(String region) {
        return namespace(NamespaceId.region(region));
    }

    public Collection<NamespaceJournal> namespaces() {
        return List.copyOf(namespaces.values());
    }

    /** Every kept entry of every namespace, in sequence order. */
    public List<JournalEntry> entries() {
        return entries(e -> true);
    }

    public List<JournalEntry> entries(Predicate<JournalEntry> filter) {
        List<JournalEntry> all = new ArrayList<>();
        for (NamespaceJournal j : namespaces.values()) {
            for (JournalEntry e : j.entries()) {
                if (filter.test(e)) {
                    all.add(e);
                }
            }
        }
        all.sort(Comparator.comparingLong(JournalEntry::sequence));
        return all;
    }

    /** Entries dropped over all namespaces. */
    public long dropped() {
        long d = 0;
        for (NamespaceJournal j : namespaces.values()) {
            d += j.dropped();
        }
        return d;
    }

    /** Forgets every entry of every namespace. */
    public void clear() {
        for (NamespaceJournal j : namespaces.values()) {
            j.clear();
        }
    }
}
