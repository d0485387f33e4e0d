package dev.dynamotest.engine.table;

import dev.dynamotest.engine.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Point-in-time recovery: the versions of every table that has PITR enabled, one per commit (one per engine-clock
 * millisecond: a later commit in the same millisecond replaces the earlier), each the table's immutable metadata and
 * data, so a version costs what the commit's persistent update cost. Versions older than the recovery period are
 * dropped (the newest of them stays, as the state at the window's start), and at most {@link #MAX_VERSIONS} are
 * kept per table (the window then starts later). History belongs to a table instance and begins when PITR is
 * enabled, or when the table's namespace is restored (per-test reset); it ends when PITR is disabled or the table
 * deleted.
 */
public final class PitrHistory implements CommitListener {
    public static final int MAX_VERSIONS = 10_000;

    /** The table as it was from {@code at} until the next version. */
    public record Version(Instant at, TableMetadata metadata, TableData data) {
    }

    private final EngineClock clock;
    private final Function<NamespaceId, Namespace> namespaces;
    private final Map<Table, ArrayDeque<Version>> tables = new ConcurrentHashMap<>();

    public PitrHistory(EngineClock clock, Function<NamespaceId, Namespace> namespaces) {
        this.clock = clock;
        this.namespaces = namespaces;
    }

    /** PITR was enabled on {@code table}: its history starts now, with its current state (kept if already running). */
    public void start(Table table) {
        tables.computeIfAbsent(table, t -> {
            ArrayDeque<Version> versions = new ArrayDeque<>();
            t.lock().lock(); // metadata and data read together
            try {
                versions.add(new Version(now(), t.metadata(), t.data()));
            } finally {
                t.lock().unlock();
            }
            return versions;
        });
    }

    /** PITR was disabled on {@code table}: its history is dropped. */
    public void stop(Table table) {
        tables.remove(table);
    }

    /** When the table's history begins (null without PITR history). */
    public Instant historyStart(Table table) {
        ArrayDeque<Version> v = tables.get(table);
        if (v == null) {
            return null;
        }
        synchronized (v) {
            return v.peekFirst().at();
        }
    }

    /** The version in effect at {@code when}: the newest one not after it; null if the history begins later. */
    public Version at(Table table, Instant when) {
        ArrayDeque<Version> v = tables.get(table);
        if (v == null) {
            return null;
        }
        synchronized (v) {
            Version found = null;
            for (Version x : v) {
                if (x.at().isAfter(when)) {
                    break;
                }
                found = x;
            }
            return found;
        }
    }

    @Override
    public void onCommit(List<ItemChange> changes, Origin origin) {
        if (tables.isEmpty()) {
            return;
        }
        Set<Table> touched = new LinkedHashSet<>();
        for (ItemChange c : changes) {
            touched.add(c.table());
        }
        Instant now = now();
        for (Table t : touched) {
            ArrayDeque<Version> v = tables.get(t);
            if (v == null) {
                continue;
            }
            Version version = new Version(now, t.metadata(), t.data()); // the commit is applied, the table still locked
            synchronized (v) {
                if (!v.isEmpty() && v.peekLast().at().equals(now)) {
                    v.pollLast();
                }
                v.addLast(version);
                prune(v, t.metadata(), now);
            }
        }
    }

    /** Versions are kept at millisecond precision, the precision of the wire's timestamps. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static void prune(ArrayDeque<Version> v, TableMetadata m, Instant now) {
        while (v.size() > MAX_VERSIONS) {
            v.pollFirst();
        }
        Instant windowStart = now.minus(Duration.ofDays(m.pitr().recoveryPeriodInDays()));
        // drop versions superseded before the window starts, keeping the one in effect at its start
        while (v.size() > 1) {
            Iterator<Version> it = v.iterator();
            it.next();
            if (it.next().at().isAfter(windowStart)) {
                break;
            }
            v.pollFirst();
        }
    }

    /** A namespace was put back to a snapshot: its tables' histories start again now, for those with PITR on. */
    @Override
    public void onRestore(NamespaceId namespace, List<TableMetadata> restored) {
        tables.keySet().removeIf(t -> t.namespaceId().equals(namespace));
        Namespace ns = namespaces.apply(namespace);
        if (ns == null) {
            return;
        }
        for (TableMetadata m : restored) {
            Table t = ns.find(m.name());
            if (t != null && t.metadata().pitr().enabled()) {
                start(t);
            }
        }
    }

    @Override
    public void onTableDeleted(Table table) {
        tables.remove(table);
    }
}
