package dev.dynamotest.engine.replication;

import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.engine.consistency.Consistency;
import dev.dynamotest.engine.consistency.ConsistencySettings;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import java.time.Instant;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Global tables: replica groups (a table name replicated across the Regions' namespaces of one access key) and
 * the asynchronous replication between them. Every commit on a replica is queued for every other replica with a
 * lag drawn from the consistency model's seed and bound (those of the source table, or of the target replica when the
 * model is off for the source; zero when it is off for both), and is
 * applied through the replica table's own commit point (so its indexes, stream and consistency versions follow).
 *
 * <p>Conflicts: last writer wins. Each committed write gets a stamp (engine-clock millis, then a global commit
 * sequence number that breaks ties, so the later commit on the engine wins even under a manual clock that never
 * moves); a replicated write is applied only if its stamp is later than the stamp of the replica's current
 * version of the item (deletes leave a stamp too). Transactions are atomic only in their own Region: each of their
 * changes is replicated on its own.
 *
 * <p>Lags counted in operations count requests to the engine (any Region), since replication links Regions: a
 * lag of K hides the write from exactly the K requests that follow the one that wrote it.
 */
public final class Replication implements CommitListener {
    public static final String VERSION_2019 = "2019.11.21";
    public static final String VERSION_2017 = "2017.11.29";
    public static final String EVENTUAL = "EVENTUAL";
    public static final String STRONG = "STRONG";
    /** ReplicatedWriteConflictException's message: the model's documentation of the exception. */
    public static final String CONFLICT_MESSAGE =
        "The request was rejected because one or more items in the request are being modified by a request in another Region.";

    /** A replica of a group: its Region and its own settings. */
    public record Replica(String region, Instant created, String kmsMasterKeyId, Long readCapacityOverride,
                          String tableClassOverride) {
    }

    /**
     * The replicas of one table name (sorted by Region), the global tables version that created the group, its
     * multi-Region consistency ({@link #EVENTUAL} or {@link #STRONG}) and its witness Region (MRSC only, or null).
     */
    public record Group(String tableName, String version, Instant created, Map<String, Replica> replicas,
                        String consistency, String witness) {
        public Group {
            replicas = Collections.unmodifiableMap(new TreeMap<>(replicas));
        }

        public Group(String tableName, String version, Instant created, Map<String, Replica> replicas) {
            this(tableName, version, created, replicas, EVENTUAL, null);
        }

        public Group with(Replica r) {
            Map<String, Replica> next = new TreeMap<>(replicas);
            next.put(r.region(), r);
            return new Group(tableName, version, created, next, consistency, witness);
        }

        public Group without(String region) {
            Map<String, Replica> next = new TreeMap<>(replicas);
            next.remove(region);
            return new Group(tableName, version, created, next, consistency, witness);
        }

        public Group withConsistency(String mode, String witnessRegion) {
            return new Group(tableName, version, created, replicas, mode, witnessRegion);
        }

        /** Multi-Region strong consistency (MRSC): writes replicate before they are acknowledged. */
        public boolean strong() {
            return STRONG.equals(consistency);
        }
    }

    /** A write in flight on an MRSC table: from a Region, until a request number or an engine-clock millis. */
    private record InFlight(String region, long until, boolean counted) {
    }

    /** When a write happened: later stamps win. */
    record Stamp(long millis, long sequence) implements Comparable<Stamp> {
        @Override
        public int compareTo(Stamp o) {
            int c = Long.compare(millis, o.millis);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    private record GroupKey(String accessKey, String tableName) {
    }

    private record ItemKey(NamespaceId namespace, String table, PrimaryKey key) {
    }

    private record Pending(NamespaceId source, NamespaceId target, String table, PrimaryKey key, Item image, Stamp stamp, long due,
                           boolean counted) {
    }

    private final EngineClock clock;
    private final Consistency consistency;
    private final Function<NamespaceId, Namespace> namespaces;
    private final Map<GroupKey, Group> groups = new ConcurrentHashMap<>();
    private final Map<ItemKey, Stamp> stamps = new ConcurrentHashMap<>();
    private final List<Pending> queue = new ArrayList<>();
    private volatile boolean queued;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final Map<ItemKey, InFlight> inFlight = new ConcurrentHashMap<>(); // MRSC, by the item's group key (region "")
    private final Map<NamespaceId, Instant> paused = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> replicating = ThreadLocal.withInitial(() -> Boolean.FALSE);

    public Replication(EngineClock clock, Consistency consistency, Function<NamespaceId, Namespace> namespaces) {
        this.clock = clock;
        this.consistency = consistency;
        this.namespaces = namespaces;
    }

    // ---- groups ----

    /** The replica group of the table, or null if it is a regional table. */
    public Group group(Table table) {
        NamespaceId ns = table.namespaceId();
        Group g = groups.get(new GroupKey(ns.accessKey(), table.name()));
        return g != null && g.replicas().containsKey(ns.region()) ? g : null;
    }

    /** The group of a table name for an access key, or null. */
    public Group group(String accessKey, String tableName) {
        return groups.get(new GroupKey(accessKey, tableName));
    }

    /** Every group of an access key, by table name. */
    public List<Group> groups(String accessKey) {
        List<Group> out = new ArrayList<>();
        for (Map.Entry<GroupKey, Group> e : groups.entrySet()) {
            if (e.getKey().accessKey().equals(accessKey)) {
                out.add(e.getValue());
            }
        }
        out.sort((a, b) -> a.tableName().compareTo(b.tableName()));
        return out;
    }

    /**
     * Replaces (or, with null, removes) the group of a table name. A 2019.11.21 group left with one replica is
     * dropped (the table is regional again); a 2017.11.29 global table exists as long as it has a Region.
     */
    public synchronized void put(String accessKey, String tableName, Group group) {
        GroupKey k = new GroupKey(accessKey, tableName);
        if (group == null || group.replicas().isEmpty()
            || (group.replicas().size() < 2 && VERSION_2019.equals(group.version()))) {
            groups.remove(k);
        } else {
            groups.put(k, group);
        }
    }

    // ---- commits ----

    /**
     * MRSC tables refuse a write to an item another Region's write still has in flight (its replication window,
     * drawn like a lag, has not passed): ReplicatedWriteConflictException. A request's own Region never conflicts.
     */
    @Override
    public void beforeCommit(List<ItemChange> changes, Origin origin) {
        if (inFlight.isEmpty() || replicating.get() || origin == Origin.TTL) {
            return;
        }
        for (ItemChange c : changes) {
            checkConflict(c.table(), c.key());
        }
    }

    /**
     * Throws ReplicatedWriteConflictException if another Region's write to the item of this MRSC table is in
     * flight (BatchWriteItem checks all its items with it before writing any).
     */
    public void checkConflict(Table table, PrimaryKey key) {
        if (inFlight.isEmpty()) {
            return;
        }
        NamespaceId ns = table.namespaceId();
        ItemKey k = groupKey(ns, table.name(), key);
        InFlight f = inFlight.get(k);
        if (f == null || f.region().equals(ns.region())) {
            return;
        }
        if (f.counted() ? requests.get() <= f.until() : clock.millis() < f.until()) {
            conflicts.incrementAndGet();
            throw new DynamoException(ErrorTypes.REPLICATED_WRITE_CONFLICT, CONFLICT_MESSAGE, 400);
        }
        inFlight.remove(k, f);
    }

    private static ItemKey groupKey(NamespaceId ns, String table, PrimaryKey key) {
        return new ItemKey(new NamespaceId("", ns.accessKey()), table, key);
    }

    @Override
    public void onCommit(List<ItemChange> changes, Origin origin) {
        if (groups.isEmpty() || replicating.get()) {
            return;
        }
        long now = clock.millis();
        for (ItemChange c : changes) {
            Table t = c.table();
            Group g = group(t);
            if (g == null) {
                continue;
            }
            Stamp stamp = new Stamp(now, sequence.incrementAndGet());
            NamespaceId source = t.namespaceId();
            stamps.put(new ItemKey(source, t.name(), c.key()), stamp);
            ConsistencySettings own = consistency.settings(t);
            if (g.strong()) {
                inFlight(source, t, c.key(), own, stamp, now);
            }
            int n = 0;
            for (String region : g.replicas().keySet()) {
                if (region.equals(source.region())) {
                    continue;
                }
                NamespaceId target = new NamespaceId(region, source.accessKey());
                long due;
                boolean counted;
                if (g.strong()) { // synchronous: applied before the request that wrote answers
                    due = requests.get();
                    counted = true;
                } else {
                    ConsistencySettings s = own.eventual() ? own : targetSettings(target, t.name());
                    long lag = s.eventual() ? draw(s.seed(), stamp.sequence() * 64 + n++, s.lag().counted()
                        ? s.lag().operations() : s.lag().time().toMillis()) : 0;
                    counted = !s.eventual() || s.lag().counted();
                    due = (counted ? requests.get() : now) + lag;
                }
                synchronized (queue) {
                    queue.add(new Pending(source, target, t.name(), c.key(), c.newItem(), stamp, due, counted));
                    queued = true;
                }
            }
        }
    }

    /**
     * An MRSC write's replication window: drawn from the source table's seed and lag bound like a replication lag
     * (none when the consistency model is off), during which another Region's write to the item conflicts.
     */
    private void inFlight(NamespaceId source, Table t, PrimaryKey key, ConsistencySettings s, Stamp stamp, long now) {
        ItemKey k = groupKey(source, t.name(), key);
        if (!s.eventual()) {
            inFlight.remove(k);
            return;
        }
        long window = draw(s.seed(), stamp.sequence() * 64 + 63, s.lag().counted() ? s.lag().operations() : s.lag().time().toMillis());
        if (window <= 0) {
            inFlight.remove(k);
            return;
        }
        if (inFlight.size() > 100_000) { // passed windows are dropped lazily; bound the map anyway
            long r = requests.get();
            inFlight.values().removeIf(f -> f.counted() ? f.until() < r : f.until() <= now);
        }
        inFlight.put(k, new InFlight(source.region(), (s.lag().counted() ? requests.get() : now) + window, s.lag().counted()));
    }

    /** The consistency settings of the replica a write goes to (strong if it is gone). */
    private ConsistencySettings targetSettings(NamespaceId target, String table) {
        Namespace ns = namespaces.apply(target);
        Table t = ns == null ? null : ns.find(table);
        return t == null ? ConsistencySettings.STRONG : consistency.settings(t);
    }

    /** A uniform draw in [0, bound] from the seed and a counter. */
    private static long draw(long seed, long n, long bound) {
        if (bound <= 0) {
            return 0;
        }
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + 0x5DEECE66DL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return Math.floorMod(z, bound + 1);
    }

    // ---- applying ----

    /** A request begins: counted lags advance by one; writes whose lag has passed are applied first. */
    public void beforeRequest() {
        long r = requests.incrementAndGet();
        if (queued) {
            drain(r - 1, clock.millis(), null);
        }
    }

    /** A request ended: writes due now (the ones it made with lag zero) are applied. */
    public void afterRequest() {
        if (queued) {
            drain(requests.get(), clock.millis(), null);
        }
    }

    /** Applies the writes due on the engine clock (called when the clock moves). */
    public void runDue() {
        if (queued) {
            drain(Long.MIN_VALUE, clock.millis(), null);
        }
    }

    /**
     * Applies every pending replicated write (if {@code target} is not null, those from or to that namespace):
     * every replica converges. Returns how many were applied or discarded.
     */
    public int settle(NamespaceId target) {
        if (target == null) {
            inFlight.clear();
        } else {
            inFlight.keySet().removeIf(k -> k.namespace().accessKey().equals(target.accessKey()));
        }
        return queued ? drain(Long.MAX_VALUE, Long.MAX_VALUE, target) : 0;
    }

    private int drain(long requestLimit, long timeLimit, NamespaceId only) {
        List<Pending> due = new ArrayList<>();
        synchronized (queue) {
            for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if ((only == null || p.target().equals(only) || p.source().equals(only))
                    && (paused.isEmpty() || !paused.containsKey(p.source()) && !paused.containsKey(p.target()))
                    && (p.counted() ? p.due() <= requestLimit : p.due() <= timeLimit)) {
                    due.add(p);
                    it.remove();
                }
            }
            queued = !queue.isEmpty();
        }
        for (Pending p : due) {
            apply(p);
        }
        return due.size();
    }

    private void apply(Pending p) {
        Namespace ns = namespaces.apply(p.target());
        Table t = ns == null ? null : ns.find(p.table());
        if (t == null || group(t) == null) {
            discarded.incrementAndGet();
            return; // the replica was deleted meanwhile
        }
        ItemKey k = new ItemKey(p.target(), p.table(), p.key());
        replicating.set(Boolean.TRUE);
        try {
            t.write(p.key(), current -> {
                Stamp mine = stamps.get(k);
                if (mine != null && mine.compareTo(p.stamp()) >= 0) {
                    discarded.incrementAndGet();
                    return current; // a later write is already here: last writer wins
                }
                stamps.put(k, p.stamp());
                applied.incrementAndGet();
                return p.image();
            }, Origin.WRITE);
        } catch (RuntimeException e) {
            discarded.incrementAndGet(); // e.g. the replica's index keys reject the item: it is not replicated
        } finally {
            replicating.set(Boolean.FALSE);
        }
    }

    /** How many replicated writes wait for their lag. */
    public int pending() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** How many replicated writes were applied, and how many lost to a later write (last writer wins). */
    public long applied() {
        return applied.get();
    }

    public long discarded() {
        return discarded.get();
    }

    /** How many writes on MRSC tables were refused with ReplicatedWriteConflictException. */
    public long conflicts() {
        return conflicts.get();
    }

    /**
     * The replicated writes waiting, by {@code "source -> target"} Region pair (only those of {@code accessKey}'s
     * namespaces if it is not null), in Region order.
     */
    public Map<String, Integer> pendingByRegionPair(String accessKey) {
        Map<String, Integer> out = new TreeMap<>();
        synchronized (queue) {
            for (Pending p : queue) {
                if (accessKey == null || p.source().accessKey().equals(accessKey)) {
                    out.merge(p.source().region() + " -> " + p.target().region(), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    // ---- Regions offline ----

    /**
     * Takes a Region offline for an access key's replicas: replication to and from it stops (the writes wait,
     * settle included) and the other Regions describe its replicas as REGION_DISABLED. Its own requests are still
     * served from its own data.
     */
    public void pause(NamespaceId region) {
        paused.putIfAbsent(region, clock.instant());
    }

    /** Brings a paused Region back: the backlog of writes already due is applied at once, in order. */
    public int resume(NamespaceId region) {
        if (paused.remove(region) == null || !queued) {
            return 0;
        }
        return drain(requests.get(), clock.millis(), region);
    }

    /** When the Region was paused, or null if it is online. */
    public Instant pausedSince(NamespaceId region) {
        return paused.isEmpty() ? null : paused.get(region);
    }

    /** The paused Regions, with when they were paused. */
    public Map<NamespaceId, Instant> paused() {
        return new LinkedHashMap<>(paused);
    }

    // ---- lifecycle ----

    @Override
    public void onRestore(NamespaceId namespace, List<TableMetadata> tables) {
        Set<String> kept = new HashSet<>();
        tables.forEach(m -> kept.add(m.name()));
        synchronized (this) {
            for (Map.Entry<GroupKey, Group> e : new ArrayList<>(groups.entrySet())) {
                if (e.getKey().accessKey().equals(namespace.accessKey()) && !kept.contains(e.getKey().tableName())
                    && e.getValue().replicas().containsKey(namespace.region())) {
                    put(e.getKey().accessKey(), e.getKey().tableName(), e.getValue().without(namespace.region()));
                }
            }
        }
        forget(namespace, null);
    }

    @Override
    public void onTableDeleted(Table table) {
        NamespaceId ns = table.namespaceId();
        synchronized (this) {
            Group g = groups.get(new GroupKey(ns.accessKey(), table.name()));
            if (g != null && g.replicas().containsKey(ns.region())) {
                put(ns.accessKey(), table.name(), g.without(ns.region()));
            }
        }
        forget(ns, table.name());
    }

    private void forget(NamespaceId ns, String table) {
        if (table == null) {
            paused.remove(ns);
        }
        stamps.keySet().removeIf(k -> k.namespace().equals(ns) && (table == null || k.table().equals(table)));
        synchronized (queue) {
            queue.removeIf(p -> p.target().equals(ns) && (table == null || p.table().equals(table)));
            queued = !queue.isEmpty();
        }
    }
}
