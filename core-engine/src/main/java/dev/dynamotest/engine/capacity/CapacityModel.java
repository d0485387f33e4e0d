package dev.dynamotest.engine.capacity;

import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.error.Throttled;
import dev.dynamotest.engine.journal.RequestTrace;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * DynamoDB's capacity model on the engine clock, opt-in: consumed units are always counted (metrics); with
 * enforcement on, PROVISIONED tables and their GSIs get token buckets at their RCU/WCU per second holding up to 300
 * seconds of unused capacity (burst), every partition (3,000 RCU / 1,000 WCU each; partitions derived from the
 * throughput as DynamoDB documents) has its own limit so a hot key is throttled while the table has capacity left,
 * a GSI without write capacity throttles its base table's writes, and ON_DEMAND tables admit up to twice their
 * previous peak (at least 4,000 WCU / 12,000 RCU per second) and the per-table and per-partition maxima.
 * Throttled requests get the service's exception and are not applied.
 */
public final class CapacityModel implements CommitListener {
    public static final double PARTITION_WCU = 1000;
    public static final double PARTITION_RCU = 3000;
    static final double BURST_SECONDS = 300;
    /** The default per-table account quota of on-demand throughput (read and write request units per second). */
    static final double ON_DEMAND_TABLE_MAX = 40_000;

    private final EngineClock clock;
    private final Function<NamespaceId, Namespace> namespaces;
    private volatile boolean enforcing;
    private final Map<String, Boolean> tableOverrides = new ConcurrentHashMap<>();
    /**
     * Buckets and counters of each live table instance (Table has identity equality): a table deleted, or dropped
     * or put back by a namespace restore, loses them, so a table created again under the same name, or the same
     * name in another namespace (same ARN, other access key), starts with fresh capacity and fresh metrics.
     */
    private final Map<Table, TableState> tables = new ConcurrentHashMap<>();

    /** {@code namespaces} finds an existing namespace (null if there is none), to look tables up by ARN. */
    public CapacityModel(EngineClock clock, Function<NamespaceId, Namespace> namespaces) {
        this.clock = clock;
        this.namespaces = namespaces;
    }

    /** The capacity state of one table instance: buckets and counters by resource (table or index) ARN. */
    static final class TableState {
        final Map<String, Buckets> buckets = new ConcurrentHashMap<>();
        final Map<String, Metrics> metrics = new ConcurrentHashMap<>();

        Metrics metrics(String resourceArn) {
            return metrics.computeIfAbsent(resourceArn, k -> new Metrics());
        }
    }

    /**
     * The state of a table being charged. Created on first use, only for a table that is still in its namespace:
     * a request racing its table's deletion is charged against state that is not kept.
     */
    private TableState state(Table t) {
        TableState s = tables.get(t);
        if (s != null) {
            return s;
        }
        return live(t) ? tables.computeIfAbsent(t, k -> new TableState()) : new TableState();
    }

    private boolean live(Table t) {
        Namespace ns = namespaces.apply(t.namespaceId());
        return ns != null && ns.find(t.name()) == t;
    }

    /** A namespace was restored from a snapshot (per-test reset, engine reset): its tables start afresh. */
    @Override
    public synchronized void onRestore(NamespaceId namespace, List<TableMetadata> restored) {
        tables.keySet().removeIf(t -> t.namespaceId().equals(namespace));
    }

    /** A table was deleted: its buckets and counters go with it. */
    @Override
    public synchronized void onTableDeleted(Table table) {
        tables.remove(table);
    }

    /** Writes are charged before they are applied ({@link #chargeWrites}); nothing to do after. */
    @Override
    public void onCommit(List<ItemChange> changes, Origin origin) {
    }

    /** Back to a fresh engine's settings: enforcement off, per-table overrides forgotten. */
    public void resetSettings() {
        enforcing = false;
        tableOverrides.clear();
    }

    /** Turns enforcement on or off for every table (default off: units are only counted). */
    public void enforce(boolean on) {
        enforcing = on;
    }

    /** Per-table override by table ARN (for the tables of that ARN in every namespace). */
    public void enforce(String tableArn, boolean on) {
        tableOverrides.put(tableArn, on);
    }

    boolean enforced(TableMetadata m) {
        return tableOverrides.getOrDefault(m.arn(), enforcing);
    }

    /**
     * Consumed and throttled units and requests of a table (by ARN) or an index ({@code arn/index/name}) in the
     * namespace without access key of the ARN's region (the only namespaces under the server's default region
     * policy). See {@link #metrics(NamespaceId, String)}.
     */
    public Metrics metrics(String resourceArn) {
        return metrics(NamespaceId.region(regionOf(resourceArn)), resourceArn);
    }

    /**
     * Consumed and throttled units and requests of a table (by ARN) or an index ({@code arn/index/name}) of the
     * table of that name in {@code namespace}: live counters of that table instance (they start again from zero if
     * the table is deleted and created again, or its namespace is restored). Zeros, not kept, if there is no such
     * table.
     */
    public Metrics metrics(NamespaceId namespace, String resourceArn) {
        Namespace ns = namespaces.apply(namespace);
        String name = tableNameOf(resourceArn);
        Table t = ns == null || name == null ? null : ns.find(name);
        if (t == null || !(resourceArn.equals(t.metadata().arn()) || resourceArn.startsWith(t.metadata().arn() + "/index/"))) {
            return new Metrics();
        }
        synchronized (this) {
            return state(t).metrics(resourceArn);
        }
    }

    /**
     * Every live table's and index's counters, by {@link #metricsKey key}: the resource ARN, prefixed with
     * {@code accessKey/} in namespaces with an access key (so same-named tables of different callers stay apart).
     */
    public Map<String, Metrics> allMetrics() {
        Map<String, Metrics> all = new java.util.TreeMap<>();
        tables.forEach((t, s) -> s.metrics.forEach((arn, m) -> all.put(metricsKey(t.namespaceId(), arn), m)));
        return java.util.Collections.unmodifiableMap(all);
    }

    /** The resource ARN, or {@code accessKey + "/" + ARN} if the namespace has an access key. */
    public static String metricsKey(NamespaceId namespace, String resourceArn) {
        return namespace.accessKey().isEmpty() ? resourceArn : namespace.accessKey() + "/" + resourceArn;
    }

    /** {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME[/index/INDEX]} → REGION (or the default region). */
    private static String regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && !parts[3].isEmpty() ? parts[3] : NamespaceId.DEFAULT_REGION;
    }

    private static String tableNameOf(String arn) {
        int i = arn.indexOf(":table/");
        if (i < 0) {
            return null;
        }
        int start = i + ":table/".length();
        int end = arn.indexOf('/', start);
        return arn.substring(start, end < 0 ? arn.length() : end);
    }

    public boolean enforcing() {
        return enforcing;
    }

    /** Counters for one table or index. */
    public static final class Metrics {
        private double consumedRead;
        private double consumedWrite;
        private double throttledRead;
        private double throttledWrite;
        private long throttledRequests;
        private long requests;
        private final MinuteSeries perMinute = new MinuteSeries();

        synchronized void consumed(boolean write, double units, Instant now) {
            perMinute.add(now, write, units);
            requests++;
            if (write) {
                consumedWrite += units;
            } else {
                consumedRead += units;
            }
        }

        synchronized void throttled(boolean write, double units) {
            throttledRequests++;
            if (write) {
                throttledWrite += units;
            } else {
                throttledRead += units;
            }
        }

        public synchronized double consumedReadUnits() {
            return consumedRead;
        }

        public synchronized double consumedWriteUnits() {
            return consumedWrite;
        }

        public synchronized double throttledReadUnits() {
            return throttledRead;
        }

        public synchronized double throttledWriteUnits() {
            return throttledWrite;
        }

        public synchronized long throttledRequests() {
            return throttledRequests;
        }

        public synchronized long requests() {
            return requests;
        }

        /**
         * The units consumed during one minute of the engine clock ({@code epochMinute} = epoch seconds / 60), as
         * CloudWatch's one-minute ConsumedReadCapacityUnits/ConsumedWriteCapacityUnits sums; the last
         * {@value MinuteSeries#MINUTES} minutes are kept, older ones read as 0.
         */
        public synchronized double consumedInMinute(long epochMinute, boolean write) {
            return perMinute.get(epochMinute, write);
        }
    }

    /** A token bucket refilled on the engine clock. */
    static final class Bucket {
        double rate;
        double capacity;
        double tokens;
        Instant last;

        Bucket(double rate, double capacity, Instant now) {
            this.rate = rate;
            this.capacity = capacity;
            this.tokens = Math.min(capacity, rate); // one second's worth to start with
            this.last = now;
        }

        void refill(Instant now) {
            double seconds = Math.max(0, (now.toEpochMilli() - last.toEpochMilli()) / 1000.0);
            tokens = Math.min(capacity, tokens + seconds * rate);
            last = now;
        }

        void retune(double newRate, double newCapacity) {
            rate = newRate;
            capacity = newCapacity;
            tokens = Math.min(tokens, capacity);
        }
    }

    /** The buckets of one table (or GSI): table-level read/write and per-partition read/write. */
    static final class Buckets {
        Bucket read;
        Bucket write;
        final Map<Integer, Bucket> partitionRead = new ConcurrentHashMap<>();
        final Map<Integer, Bucket> partitionWrite = new ConcurrentHashMap<>();
        int partitions;
        double peakWrite;
        double peakRead;
        long currentSecond = -1;
        double secondWrite;
        double secondRead;
    }

    /** Partitions as DynamoDB documents them: by throughput (3,000 RCU + 1,000 WCU each), at least one. */
    static int partitions(double rcu, double wcu) {
        return Math.max(1, (int) Math.ceil(rcu / PARTITION_RCU + wcu / PARTITION_WCU));
    }

    static int partitionOf(AttributeValue partitionKey, int partitions) {
        return (int) ((PrimaryKey.partitionHash(partitionKey) * partitions) >>> 32);
    }

    /**
     * Charges a commit's writes (called at the commit point before anything is applied); throws {@link Throttled}
     * (ProvisionedThroughputExceededException / ThrottlingException, naming the change) if a bucket runs dry, applying
     * nothing. Transactional writes cost twice the units of standard ones.
     */
    public void chargeWrites(List<ItemChange> changes, CommitListener.Origin origin) {
        double factor = origin == CommitListener.Origin.TRANSACTION ? 2 : 1;
        for (int i = 0; i < changes.size(); i++) {
            ItemChange c = changes.get(i);
            Table t = c.table();
            TableMetadata m = t.metadata();
            WriteCost cost = WriteCost.of(t.data().layouts(), c.oldItem(), c.newItem());
            if (factor != 1) {
                cost = cost.times(factor);
            }
            synchronized (this) {
                TableState s = state(t);
                Instant now = clock.instant();
                if (enforced(m)) {
                    try {
                        check(s, m.arn(), m.billingMode(), m.throughput(), m.onDemandThroughput(), m.warmThroughput(), c.key().partition(), cost.table(), true, now,
                            m.creationDateTime(), null);
                        for (Map.Entry<String, Double> g : cost.globalIndexes().entrySet()) {
                            TableMetadata.IndexDefinition d = m.globalIndex(g.getKey());
                            if (d != null) {
                                // a GSI without write capacity throttles the base table's write (back-pressure)
                                check(s, d.arn(), m.billingMode(), d.throughput(), d.onDemandThroughput(), d.warmThroughput(), null, g.getValue(), true, now,
                                    m.creationDateTime(), d.name());
                            }
                        }
                    } catch (Throttled e) {
                        throw e.atChange(i);
                    }
                }
                s.metrics(m.arn()).consumed(true, cost.table(), now);
                RequestTrace trace = RequestTrace.current();
                if (trace != null) {
                    trace.write(m.name(), cost.total());
                    trace.key(m.name(), null, m.keySchema().keyMap(c.key()), true);
                }
                for (Map.Entry<String, Double> g : cost.globalIndexes().entrySet()) {
                    TableMetadata.IndexDefinition d = m.globalIndex(g.getKey());
                    if (d != null) {
                        s.metrics(d.arn()).consumed(true, g.getValue(), now);
                    }
                }
            }
        }
    }

    /**
     * Charges a Query or Scan page of {@code units} on a table or index (indexName null for the table); a Query's
     * partition key is recorded as the key it read.
     */
    public void chargeRead(Table t, String indexName, AttributeValue partitionKey, double units) {
        charge(t, indexName, partitionKey, units);
        RequestTrace trace = RequestTrace.current();
        if (trace != null) {
            TableMetadata m = t.metadata();
            trace.read(m.name(), units);
            if (partitionKey != null) {
                TableMetadata.IndexDefinition d = indexName == null ? null
                    : m.globalIndex(indexName) != null ? m.globalIndex(indexName) : m.localIndex(indexName);
                String attribute = d != null ? d.keySchema().partition().name() : m.keySchema().partition().name();
                trace.key(m.name(), indexName, Map.of(attribute, partitionKey), false);
            }
        }
    }

    /**
     * Charges the read of one item (GetItem, a batch's or a transaction's item) on the table, recording its key
     * in the request's journal entry.
     */
    public void chargeItemRead(Table t, PrimaryKey key, double units) {
        charge(t, null, key.partition(), units);
        RequestTrace trace = RequestTrace.current();
        if (trace != null) {
            trace.read(t.name(), units);
            trace.key(t.name(), null, t.metadata().keySchema().keyMap(key), false);
        }
    }

    private synchronized void charge(Table t, String indexName, AttributeValue partitionKey, double units) {
        TableMetadata m = t.metadata();
        TableMetadata.IndexDefinition gsi = indexName == null ? null : m.globalIndex(indexName);
        String arn = gsi != null ? gsi.arn() : m.arn();
        TableMetadata.Throughput tp = gsi != null ? gsi.throughput() : m.throughput();
        TableState s = state(t);
        if (enforced(m)) {
            check(s, arn, m.billingMode(), tp, gsi != null ? gsi.onDemandThroughput() : m.onDemandThroughput(),
                gsi != null ? gsi.warmThroughput() : m.warmThroughput(), gsi != null ? null : partitionKey,
                units, false, clock.instant(), m.creationDateTime(), indexName);
        }
        s.metrics(arn).consumed(false, units, clock.instant());
    }

    private void check(TableState s, String arn, TableMetadata.BillingMode mode, TableMetadata.Throughput tp,
                       TableMetadata.OnDemandThroughput maximum, TableMetadata.WarmThroughput warmThroughput, AttributeValue partitionKey,
                       double units, boolean write, Instant now, Instant created, String indexName) {
        Buckets b = s.buckets.computeIfAbsent(arn, k -> new Buckets());
        double rate;
        double capacity;
        int parts;
        long max = -1; // the configured OnDemandThroughput maximum, if any
        if (mode == TableMetadata.BillingMode.PROVISIONED) {
            rate = write ? tp.writeCapacityUnits() : tp.readCapacityUnits();
            capacity = rate * BURST_SECONDS;
            parts = partitions(tp.readCapacityUnits(), tp.writeCapacityUnits());
        } else {
            // on demand: twice the previous peak within 30 minutes, at least the warm throughput (4,000 WRU /
            // 12,000 RRU unless pre-warmed), at most the per-table maximum of 40,000 (or the configured one)
            double peak = write ? b.peakWrite : b.peakRead;
            long[] warm = TableMetadata.WarmThroughput.effective(warmThroughput, mode, tp);
            double floor = write ? warm[1] : warm[0];
            rate = Math.min(Math.max(ON_DEMAND_TABLE_MAX, floor), Math.max(floor, 2 * peak));
            max = maximum == null ? -1 : write ? maximum.maxWriteRequestUnits() : maximum.maxReadRequestUnits();
            if (max > 0 && max < rate) {
                rate = max;
            }
            capacity = rate;
            // laid out for its warm throughput (a new table: 12,000 RRU + 4,000 WRU, 8 partitions)
            parts = partitions(warm[0], warm[1]);
        }
        Bucket bucket = write ? b.write : b.read;
        if (bucket == null) {
            // unused capacity accrues from the table's creation (up to 300 seconds of it)
            bucket = new Bucket(rate, capacity, created.isAfter(now) ? now : created);
            if (write) {
                b.write = bucket;
            } else {
                b.read = bucket;
            }
        } else {
            bucket.retune(rate, capacity); // UpdateTable takes effect at once
        }
        bucket.refill(now);
        Bucket partition = null;
        if (partitionKey != null) {
            int p = partitionOf(partitionKey, parts);
            double partRate = write ? PARTITION_WCU : PARTITION_RCU;
            Map<Integer, Bucket> map = write ? b.partitionWrite : b.partitionRead;
            partition = map.computeIfAbsent(p, k -> new Bucket(partRate, partRate, now));
            partition.refill(now);
        }
        Metrics mt = s.metrics(arn);
        boolean tableShort = bucket.tokens < units;
        if (tableShort || (partition != null && partition.tokens < units)) {
            mt.throttled(write, units);
            String limit;
            if (!tableShort) {
                limit = Throttled.KEY_RANGE; // the table has capacity left, the key's partition has not
            } else if (mode == TableMetadata.BillingMode.PROVISIONED) {
                limit = Throttled.PROVISIONED;
            } else {
                // on demand: at the configured maximum, at the per-table quota, or ahead of DynamoDB's scaling (the
                // previous peak's partitions), which the service reports as a key-range limit
                limit = max > 0 && rate == max ? Throttled.MAX_ON_DEMAND : rate >= ON_DEMAND_TABLE_MAX ? Throttled.ACCOUNT_LIMIT : Throttled.KEY_RANGE;
            }
            throw throttled(mode, indexName, write, Throttled.Reason.of(indexName != null, write, limit, arn));
        }
        bucket.tokens -= units;
        if (partition != null) {
            partition.tokens -= units;
        }
        long second = now.getEpochSecond();
        if (second != b.currentSecond) {
            b.currentSecond = second;
            b.secondWrite = 0;
            b.secondRead = 0;
        }
        if (write) {
            b.secondWrite += units;
            b.peakWrite = Math.max(b.peakWrite, b.secondWrite);
        } else {
            b.secondRead += units;
            b.peakRead = Math.max(b.peakRead, b.secondRead);
        }
    }

    /**
     * The service's exception for a throttle: provisioned tables get ProvisionedThroughputExceededException, on-demand
     * ones ThrottlingException; a base-table write held back by a GSI says so.
     */
    static Throttled throttled(TableMetadata.BillingMode mode, String index, boolean write, Throttled.Reason reason) {
        boolean gsiBackPressure = index != null && write;
        if (mode == TableMetadata.BillingMode.PAY_PER_REQUEST) {
            return new Throttled(ErrorTypes.THROTTLING, gsiBackPressure ? Messages.ON_DEMAND_GSI_THROTTLED : Messages.ON_DEMAND_THROTTLED,
                List.of(reason), -1);
        }
        return new Throttled(ErrorTypes.PROVISIONED_THROUGHPUT_EXCEEDED, gsiBackPressure ? Messages.GSI_WRITE_THROUGHPUT_EXCEEDED
            : index != null ? Messages.INDEX_THROUGHPUT_EXCEEDED : Messages.TABLE_THROUGHPUT_EXCEEDED, List.of(reason), -1);
    }
}
