package dev.dynamotest.engine;

import dev.dynamotest.engine.autoscaling.AutoScaling;
import dev.dynamotest.engine.capacity.CapacityModel;
import dev.dynamotest.engine.consistency.Consistency;
import dev.dynamotest.engine.faults.Faults;
import dev.dynamotest.engine.journal.Journal;
import dev.dynamotest.engine.replication.Replication;
import dev.dynamotest.engine.streams.StreamRegistry;
import dev.dynamotest.engine.table.CommitPoint;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.PitrHistory;
import dev.dynamotest.engine.transfer.Transfers;
import dev.dynamotest.engine.ttl.TtlSweeper;
import dev.dynamotest.engine.txn.ClientTokens;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory DynamoDB engine: namespaces of tables, one clock, one commit point. Pure Java, no HTTP; the
 * protocol layer ({@code dev.dynamotest.protocol}) and the server ({@code dev.dynamotest.server}) sit on top.
 */
public final class Engine {
    private final EngineClock clock;
    private final CommitPoint commitPoint = new CommitPoint();
    private final ConcurrentHashMap<NamespaceId, Namespace> namespaces = new ConcurrentHashMap<>();
    private final ClientTokens clientTokens;

    public Engine() {
        this(EngineClock.system());
    }

    private final StreamRegistry streams;
    private final TtlSweeper ttl;
    private final Faults faults;
    private final CapacityModel capacity;
    private final PitrHistory pitr;
    private final Transfers transfers = new Transfers();
    private final Journal journal = new Journal();
    private final Consistency consistency;
    private final AutoScaling autoScaling;
    private final Replication replication;

    public Engine(EngineClock clock) {
        this.clock = clock;
        this.clientTokens = new ClientTokens(clock);
        this.streams = new StreamRegistry(clock);
        this.ttl = new TtlSweeper(clock, namespaces::values);
        this.faults = new Faults(clock);
        this.capacity = new CapacityModel(clock, namespaces::get);
        commitPoint.capacity(capacity);
        commitPoint.addListener(streams);
        this.pitr = new PitrHistory(clock, namespaces::get);
        commitPoint.addListener(pitr);
        this.consistency = new Consistency(clock, capacity);
        commitPoint.addListener(consistency); // after streams: a commit's stream records exist when it is seen
        consistency.lastStreamSequence(streams::lastSequenceNumber);
        this.replication = new Replication(clock, consistency, namespaces::get);
        commitPoint.addListener(replication); // global tables: replicated writes reach the other Regions' replicas
        consistency.afterSettle(ns -> {
            if (ns == null) {
                ttl.sweep();
            } else {
                Namespace settled = namespaces.get(ns);
                if (settled != null) {
                    settled.tables().forEach(ttl::sweep);
                }
            }
            if (replication.settle(ns) > 0) { // the replicas converge; what they received is settled in turn
                if (ns == null) {
                    consistency.settle();
                } else {
                    consistency.settle(ns);
                }
            }
        });
        ttl.delay(consistency::ttlDelay);
        this.autoScaling = new AutoScaling(clock, namespaces::get, capacity);
        commitPoint.addListener(autoScaling);
        // advancing or setting the clock runs the work that became due before it returns
        clock.onChange(this::runDueWork);
    }

    /** TTL sweep and stream maintenance at the clock's now; runs on every clock change. */
    public void runDueWork() {
        ttl.sweep();
        streams.tick();
        autoScaling.catchUp();
        replication.runDue();
    }

    /** DynamoDB auto scaling (Application Auto Scaling target tracking) on the engine clock. */
    public AutoScaling autoScaling() {
        return autoScaling;
    }

    /** Global tables: replica groups and the replication between Regions (see {@link Replication}). */
    public Replication replication() {
        return replication;
    }

    /** The consistency model: off by default (every read sees the latest commit); see {@link Consistency}. */
    public Consistency consistency() {
        return consistency;
    }

    public StreamRegistry streams() {
        return streams;
    }

    /** Capacity accounting and (opt-in) throttling. */
    /** Point-in-time recovery history of the tables with PITR enabled. */
    public PitrHistory pitr() {
        return pitr;
    }

    /** Table exports and imports, and the directory standing in for S3. */
    public Transfers transfers() {
        return transfers;
    }

    public CapacityModel capacity() {
        return capacity;
    }

    /** The request journal (what each request asked and cost), per namespace. */
    public Journal journal() {
        return journal;
    }

    /** Targeted fault rules, consulted for every request. */
    public Faults faults() {
        return faults;
    }

    public TtlSweeper ttl() {
        return ttl;
    }

    /** Every namespace that has been used. */
    public java.util.Collection<Namespace> namespaces() {
        return namespaces.values();
    }

    /** Idempotency tokens of transactions, on the engine clock. */
    public ClientTokens clientTokens() {
        return clientTokens;
    }

    public EngineClock clock() {
        return clock;
    }

    public CommitPoint commitPoint() {
        return commitPoint;
    }

    public Namespace namespace(NamespaceId id) {
        Namespace ns = namespaces.get(id);
        if (ns == null) {
            ns = namespaces.computeIfAbsent(id, k -> new Namespace(k, commitPoint));
        }
        return ns;
    }

    /**
     * Back to a fresh engine, as the admin API's reset does between test classes of a long-lived server: every
     * table in every namespace is dropped (with its stream and its capacity state), fault rules are cleared and
     * capacity enforcement is switched off (per-table overrides too), the journal is emptied (its settings are
     * kept), per-namespace and per-table consistency settings are dropped (the engine's stay) and every write is
     * settled. The clock is left where it is.
     */
    public void reset() {
        Namespace.Snapshot empty = new Namespace.Snapshot(java.util.List.of());
        for (Namespace ns : namespaces.values()) {
            ns.restore(empty);
        }
        faults.clear();
        capacity.resetSettings();
        transfers.clear();
        journal.clear();
        consistency.clearOverrides();
    }

    public Namespace namespace(String region) {
        return namespace(NamespaceId.region(region));
    }
}
