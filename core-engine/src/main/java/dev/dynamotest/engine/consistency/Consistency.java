package dev.dynamotest.engine.consistency;

import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.engine.capacity.CapacityModel;
import dev.dynamotest.engine.streams.StreamRecord;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;
import dev.dynamotest.engine.table.TableMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Eventual consistency, deterministically. Off by default: every read sees the latest commit and this class costs
 * one volatile read per read and per commit. When on (for the engine, a namespace or a table), it keeps, like
 * {@link dev.dynamotest.engine.table.PitrHistory}, the table's immutable data after each commit (a persistent
 * structure: a version costs what the commit cost), and gives each commit two lags drawn from the seed: one for
 * eventually consistent base-table reads, one for its global secondary indexes. A read answers from the newest
 * version whose commit, and every commit before it, has become visible (a replica applies writes in order);
 * versions are dropped as soon as they are visible to every reader, and at most {@link #MAX_VERSIONS} are kept
 * per table (older ones are then treated as visible).
 *
 * <p>Strongly consistent reads, TransactGetItems, conditions, transactions and the read before a write do not ask
 * this class: they read the table's current data. Local secondary indexes are updated with their table, so they
 * read the same version as the table. Stream records become readable after their own lag; expired items are
 * deleted at a seeded time within the TTL window after their expiry.
 *
 * <p>Lags are drawn from a hash of (seed, the namespace's commit number, purpose), so the same seed gives the same
 * lags for the same sequence of operations in a namespace; {@link #seed} and {@link #settle} start the sequence
 * again.
 */
public final class Consistency implements CommitListener {
    public static final int MAX_VERSIONS = 1_000;
    private static final int STALE_REQUESTS_KEPT = 4_096;

    /** The data a read answers from, and whether it is older than the latest commit. */
    public record View(TableData data, boolean stale) {
    }

    /** The table after one commit, with when it becomes visible: epoch millis, or an operation count. */
    private record Version(TableData data, long baseDue, long indexDue, boolean counted) {
    }

    /** Per-namespace state: its settings override, its operation and commit counters, its settle marks. */
    private static final class Scope {
        volatile ConsistencySettings settings; // null: the engine's
        final AtomicLong operations = new AtomicLong();
        final AtomicLong commits = new AtomicLong();
        final AtomicLong staleReads = new AtomicLong();
        volatile Instant settledAt = Instant.MIN; // items expired by then are deleted without delay
        volatile String settledSequence = ""; // stream records up to this sequence number are visible
        final Map<String, Long> streamDue = new ConcurrentHashMap<>(); // counted lags of stream records, by sequence number
        final Map<String, Long> indexThrottles = new ConcurrentHashMap<>(); // last seen throttled GSI writes, by index ARN
    }

    private final EngineClock clock;
    private final CapacityModel capacity;
    private volatile ConsistencySettings settings = ConsistencySettings.STRONG;
    private final Map<String, ConsistencySettings> tableSettings = new ConcurrentHashMap<>(); // by namespace + name
    private final Map<NamespaceId, Scope> scopes = new ConcurrentHashMap<>();
    private final Map<Table, ArrayDeque<Version>> histories = new ConcurrentHashMap<>();
    private final Map<String, Boolean> staleRequests = Collections.synchronizedMap(
        new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > STALE_REQUESTS_KEPT;
            }
        });
    /** True when any setting is eventual: the fast path of every read and commit checks only this. */
    private volatile boolean active;
    private volatile Consumer<NamespaceId> afterSettle = ns -> { };
    private volatile Supplier<String> lastSequence = () -> "";

    public Consistency(EngineClock clock, CapacityModel capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    /** The stream sequence number of the latest record (settle makes the records up to it visible). */
    public void lastStreamSequence(Supplier<String> s) {
        this.lastSequence = s;
    }

    /**
     * Run after a settle with the namespace settled (null: all); the engine sweeps the TTL deletions it made due,
     * in that namespace only.
     */
    public void afterSettle(Consumer<NamespaceId> r) {
        this.afterSettle = r;
    }

    // ---- settings ----

    /** The engine-wide settings (namespaces and tables without their own follow them). */
    public ConsistencySettings settings() {
        return settings;
    }

    public synchronized void configure(ConsistencySettings s) {
        settings = s;
        restart(null);
        refreshActive();
    }

    /** Settings for one namespace (one test); null goes back to the engine's. */
    public synchronized void configure(NamespaceId namespace, ConsistencySettings s) {
        scope(namespace).settings = s;
        restart(namespace);
        refreshActive();
    }

    /** Settings for one table of a namespace, by name; null goes back to the namespace's. */
    public synchronized void configure(NamespaceId namespace, String table, ConsistencySettings s) {
        if (s == null) {
            tableSettings.remove(tableKey(namespace, table));
        } else {
            tableSettings.put(tableKey(namespace, table), s);
        }
        restart(namespace);
        refreshActive();
    }

    /**
     * Forgets a namespace (a finished test's): its settings, table settings, counters and retained versions; it
     * follows the engine's settings again.
     */
    public synchronized void forget(NamespaceId namespace) {
        Scope s = scopes.remove(namespace);
        String prefix = tableKey(namespace, "");
        boolean hadTables = tableSettings.keySet().removeIf(k -> k.startsWith(prefix));
        histories.keySet().removeIf(t -> t.namespaceId().equals(namespace));
        if (s != null || hadTables) {
            refreshActive();
        }
    }

    /** The settings that apply to a namespace. */
    public ConsistencySettings settings(NamespaceId namespace) {
        Scope sc = scopes.get(namespace);
        ConsistencySettings s = sc == null ? null : sc.settings;
        return s != null ? s : settings;
    }

    /** The settings that apply to a table. */
    public ConsistencySettings settings(Table table) {
        if (!tableSettings.isEmpty()) {
            ConsistencySettings s = tableSettings.get(tableKey(table.namespaceId(), table.name()));
            if (s != null) {
                return s;
            }
        }
        return settings(table.namespaceId());
    }

    /** A new seed for the engine (and every namespace following it): everything settles, the draws start again. */
    public synchronized void seed(long seed) {
        configure(settings.withSeed(seed));
        for (Map.Entry<NamespaceId, Scope> e : scopes.entrySet()) {
            if (e.getValue().settings != null) {
                e.getValue().settings = e.getValue().settings.withSeed(seed);
            }
        }
        tableSettings.replaceAll((k, v) -> v.withSeed(seed));
    }

    public synchronized void seed(NamespaceId namespace, long seed) {
        configure(namespace, settings(namespace).withSeed(seed));
    }

    public synchronized void lag(Lag lag) {
        configure(settings.withLag(lag));
    }

    public synchronized void lag(NamespaceId namespace, Lag lag) {
        configure(namespace, settings(namespace).withLag(lag));
    }

    /** Turns the model on for the engine with {@code settings}; shorthand for {@link #configure}. */
    public void eventual(long seed, Lag lag) {
        configure(ConsistencySettings.eventual(seed).withLag(lag));
    }

    /** Back to strong consistency everywhere (tables and namespaces included); everything is visible. */
    public synchronized void strong() {
        tableSettings.clear();
        for (Scope s : scopes.values()) {
            s.settings = null;
        }
        configure(ConsistencySettings.STRONG);
    }

    /**
     * Drops the namespace and table settings (back to the engine's, which stay: a server started eventual stays
     * so after a reset), settles, and starts the draws again.
     */
    public synchronized void clearOverrides() {
        tableSettings.clear();
        for (Scope s : scopes.values()) {
            s.settings = null;
        }
        configure(settings);
    }

    /** Whether any table may be read stale. */
    public boolean active() {
        return active;
    }

    private void refreshActive() {
        boolean on = settings.eventual();
        for (Scope s : scopes.values()) {
            on |= s.settings != null && s.settings.eventual();
        }
        for (ConsistencySettings s : tableSettings.values()) {
            on |= s.eventual();
        }
        active = on;
    }

    private Scope scope(NamespaceId namespace) {
        return scopes.computeIfAbsent(namespace, k -> new Scope());
    }

    private static String tableKey(NamespaceId ns, String table) {
        return ns.region() + "\u0000" + ns.accessKey() + "\u0000" + table;
    }

    // ---- settle ----

    /** Makes every write visible to every reader, everywhere: the moral equivalent of waiting. */
    public void settle() {
        histories.clear();
        Instant now = clock.instant();
        String seq = lastSequence.get();
        for (Scope s : scopes.values()) {
            s.settledAt = now;
            s.settledSequence = seq;
            s.streamDue.clear();
        }
        afterSettle.accept(null);
    }

    /** Makes every write of one namespace visible. */
    public void settle(NamespaceId namespace) {
        histories.keySet().removeIf(t -> t.namespaceId().equals(namespace));
        Scope s = scope(namespace);
        s.settledAt = clock.instant();
        s.settledSequence = lastSequence.get();
        s.streamDue.clear();
        afterSettle.accept(namespace);
    }

    /** Settles and restarts the draws of a namespace (all if null). */
    private void restart(NamespaceId namespace) {
        if (namespace == null) {
            for (Scope s : scopes.values()) {
                s.operations.set(0);
                s.commits.set(0);
                s.indexThrottles.clear();
            }
            settle();
        } else {
            Scope s = scope(namespace);
            s.operations.set(0);
            s.commits.set(0);
            s.indexThrottles.clear();
            settle(namespace);
        }
    }

    // ---- reads ----

    /**
     * The data a read of {@code table} answers from. {@code consistent} reads (ConsistentRead=true) and reads of a
     * table the model is off for get the current data; other base-table and LSI reads get the newest version
     * visible to eventually consistent readers; {@code globalIndex} names a GSI read (always eventually
     * consistent), which gets the newest version its index has caught up with.
     */
    public View read(Table table, boolean consistent, String globalIndex) {
        if (!active) {
            return new View(table.data(), false);
        }
        ConsistencySettings s = settings(table);
        if (!s.eventual()) {
            return new View(table.data(), false);
        }
        Scope scope = scope(table.namespaceId());
        long ops = scope.operations.incrementAndGet();
        TableData current = table.data();
        if (consistent && globalIndex == null) {
            return new View(current, false);
        }
        ArrayDeque<Version> v = histories.get(table);
        if (v == null) {
            return new View(current, false);
        }
        long now = clock.millis();
        TableData answer;
        boolean stale;
        synchronized (v) {
            prune(v, now, ops);
            Version seen = null;
            boolean first = true;
            stale = false;
            for (Version x : v) {
                if (!first && !visible(x, globalIndex != null, now, ops)) {
                    stale = true;
                    break;
                }
                first = false;
                seen = x;
            }
            answer = stale ? seen.data() : current;
        }
        if (globalIndex != null && answer.index(globalIndex) == null) {
            // the index did not exist in that version (created since): it reads its backfilled current state
            return new View(current, false);
        }
        if (stale) {
            scope.staleReads.incrementAndGet();
        }
        return new View(answer, stale);
    }

    /** Counts an operation of a namespace that reads nothing through {@link #read} (a stream read, say). */
    public void operation(NamespaceId namespace) {
        if (active) {
            scope(namespace).operations.incrementAndGet();
        }
    }

    /**
     * Whether a reader sees the version: on the clock once its due time has come; counted in operations, once
     * {@code lag} operations have followed its commit (the operation after them sees it).
     */
    private static boolean visible(Version x, boolean index, long now, long ops) {
        long due = index ? x.indexDue() : x.baseDue();
        return x.counted() ? ops > due : now >= due;
    }

    /** Drops versions every reader has caught up with, and the oldest beyond the bound. */
    private static void prune(ArrayDeque<Version> v, long now, long ops) {
        while (v.size() > MAX_VERSIONS) {
            v.pollFirst();
        }
        while (v.size() > 1) {
            Iterator<Version> it = v.iterator();
            it.next();
            Version second = it.next();
            if (!visible(second, false, now, ops) || !visible(second, true, now, ops)) {
                break;
            }
            v.pollFirst();
        }
    }

    // ---- stale-read diagnostics ----

    /** Records that the request answered from an older version (the transports add {@code x-dynamotest-stale}). */
    public void markStale(String requestId) {
        staleRequests.put(requestId, Boolean.TRUE);
    }

    /** Whether the request with this id (the response's x-amzn-RequestId) answered from an older version. */
    public boolean wasStale(String requestId) {
        return active && requestId != null && staleRequests.containsKey(requestId);
    }

    /** How many reads of the namespace answered from an older version since its settings last changed. */
    public long staleReads(NamespaceId namespace) {
        Scope s = scopes.get(namespace);
        return s == null ? 0 : s.staleReads.get();
    }

    /** How many versions are retained for stale reads, over every table (for memory measurements). */
    public int retainedVersions() {
        int n = 0;
        for (ArrayDeque<Version> v : histories.values()) {
            synchronized (v) {
                n += v.size();
            }
        }
        return n;
    }

    // ---- commits ----

    @Override
    public void onCommit(List<ItemChange> changes, Origin origin) {
        if (!active) {
            return;
        }
        Set<Table> touched = new LinkedHashSet<>();
        for (ItemChange c : changes) {
            touched.add(c.table());
        }
        long now = clock.millis();
        NamespaceId counted = null;
        for (Table t : touched) {
            ConsistencySettings s = settings(t);
            if (!s.eventual()) {
                continue;
            }
            Scope scope = scope(t.namespaceId());
            long ops = t.namespaceId().equals(counted) ? scope.operations.get() : scope.operations.incrementAndGet();
            counted = t.namespaceId();
            long n = scope.commits.incrementAndGet();
            Lag lag = s.lag();
            long bound = lag.bound();
            long baseLag = draw(s.seed(), n, 1, bound);
            long indexLag = backPressure(scope, t) ? bound : draw(s.seed(), n, 2, bound);
            long base = lag.counted() ? ops : now;
            Version version = new Version(t.data(), base + baseLag, base + indexLag, lag.counted());
            ArrayDeque<Version> v = histories.get(t);
            if (v == null) {
                if (baseLag == 0 && indexLag == 0) {
                    continue; // visible at once to every reader: nothing to keep
                }
                v = new ArrayDeque<>();
                v.add(new Version(before(t, changes), Long.MIN_VALUE, Long.MIN_VALUE, lag.counted()));
                histories.put(t, v);
            }
            synchronized (v) {
                v.addLast(version);
                prune(v, now, ops);
                if (v.size() == 1) {
                    histories.remove(t);
                }
            }
        }
    }

    /** The table's data before this commit: its changes undone on the current data (the table is still locked). */
    private static TableData before(Table t, List<ItemChange> changes) {
        TableData d = t.data();
        for (int i = changes.size() - 1; i >= 0; i--) {
            ItemChange c = changes.get(i);
            if (c.table() == t) {
                d = d.with(c.key(), c.newItem(), c.oldItem());
            }
        }
        return d;
    }

    /**
     * Whether a GSI of the table has been throttled since the previous commit (back-pressure: the index is behind,
     * so this commit reaches it at the lag bound).
     */
    private boolean backPressure(Scope scope, Table t) {
        if (capacity == null) {
            return false;
        }
        boolean pressed = false;
        for (TableMetadata.IndexDefinition gsi : t.metadata().globalSecondaryIndexes()) {
            long throttled = capacity.metrics(t.namespaceId(), gsi.arn()).throttledRequests();
            Long before = scope.indexThrottles.put(gsi.arn(), throttled);
            pressed |= throttled > (before == null ? 0 : before);
        }
        return pressed;
    }

    /** A lag in [0, bound] from (seed, n, purpose): SplitMix64 finalisation, so neighbouring inputs spread. */
    static long draw(long seed, long n, int purpose, long bound) {
        if (bound <= 0) {
            return 0;
        }
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + purpose * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return Long.remainderUnsigned(z, bound + 1);
    }

    @Override
    public void onRestore(NamespaceId namespace, List<TableMetadata> tables) {
        histories.keySet().removeIf(t -> t.namespaceId().equals(namespace));
        Scope s = scopes.get(namespace);
        if (s != null) {
            s.streamDue.clear();
            s.indexThrottles.clear();
        }
    }

    @Override
    public void onTableDeleted(Table table) {
        histories.remove(table);
    }

    // ---- streams ----

    /**
     * The records a stream reader of the namespace may see: {@code records} up to the first one whose lag has not
     * passed (records are read in order). Off, or for a namespace the model is off for, all of them.
     */
    public List<StreamRecord> visibleRecords(NamespaceId namespace, List<StreamRecord> records) {
        if (!active || records.isEmpty()) {
            return records;
        }
        ConsistencySettings s = settings(namespace);
        if (!s.eventual()) {
            return records;
        }
        Scope scope = scope(namespace);
        long ops = scope.operations.incrementAndGet();
        long now = clock.millis();
        Lag lag = s.lag();
        for (int i = 0; i < records.size(); i++) {
            StreamRecord r = records.get(i);
            if (sequenceAtMost(r.sequenceNumber(), scope.settledSequence)) {
                continue;
            }
            long lagDrawn = draw(s.seed(), sequenceHash(r.sequenceNumber()), 3, lag.bound());
            boolean visible;
            if (lag.counted()) {
                // counted from when a reader first asks for the record
                long due = scope.streamDue.computeIfAbsent(r.sequenceNumber(), k -> ops + lagDrawn);
                visible = ops >= due;
                if (visible) {
                    scope.streamDue.remove(r.sequenceNumber());
                }
            } else {
                visible = now >= r.approximateCreationDateTime().toEpochMilli() + lagDrawn;
            }
            if (!visible) {
                return new ArrayList<>(records.subList(0, i));
            }
        }
        return records;
    }

    /** Stream sequence numbers are decimal integers: compared by length, then digit by digit. */
    private static boolean sequenceAtMost(String a, String b) {
        return a.length() != b.length() ? a.length() < b.length() : a.compareTo(b) <= 0;
    }

    private static long sequenceHash(String sequenceNumber) {
        long h = 1125899906842597L;
        for (int i = 0; i < sequenceNumber.length(); i++) {
            h = 31 * h + sequenceNumber.charAt(i);
        }
        return h;
    }

    // ---- TTL ----

    /**
     * When an expired item is deleted, after its expiry: zero when the model is off for the table, or the item
     * expired before the namespace last settled; else a seeded delay within the TTL window (whole seconds).
     */
    public Duration ttlDelay(Table table, PrimaryKey key, Instant expiry) {
        if (!active) {
            return Duration.ZERO;
        }
        ConsistencySettings s = settings(table);
        if (!s.eventual()) {
            return Duration.ZERO;
        }
        Scope scope = scopes.get(table.namespaceId());
        if (scope != null && !expiry.isAfter(scope.settledAt)) {
            return Duration.ZERO;
        }
        long h = sequenceHash(table.name()) * 31 + key.hashCode();
        return Duration.ofSeconds(draw(s.seed(), h, 4, s.ttlWindow().toSeconds()));
    }
}
