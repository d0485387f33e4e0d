package dev.dynamotest.engine.streams;

import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.ItemChange;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DynamoDB Streams for the whole engine: a commit listener that turns each committed item change of a
 * stream-enabled table into one record, in commit order, on the stream's open shard. Streams follow the
 * table's metadata (enabling creates a new stream, disabling closes it; a disabled stream stays readable for 24
 * hours); shards roll over every {@link #shardLife} of engine clock; records are retained 24 hours.
 */
public final class StreamRegistry implements CommitListener {
    public static final Duration RETENTION = Duration.ofHours(24);

    private final EngineClock clock;
    private volatile Duration shardLife = Duration.ofHours(4);
    private final ConcurrentHashMap<String, Stream> streams = new ConcurrentHashMap<>(); // by namespace + ARN
    private final AtomicLong sequence = new AtomicLong();
    private static final BigInteger SEQUENCE_BASE = new BigInteger("100000000000000000000");
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    public StreamRegistry(EngineClock clock) {
        this.clock = clock;
    }

    public Duration shardLife() {
        return shardLife;
    }

    /** How long a shard stays open before it closes and a child shard takes over (default 4 hours). */
    public void shardLife(Duration life) {
        this.shardLife = life;
    }

    static String key(NamespaceId ns, String arn) {
        return ns.accessKey() + "\u0000" + arn;
    }

    /** The sequence number the next record will have at the earliest (where a shard opened now starts). */
    String nextSequenceNumber() {
        return SEQUENCE_BASE.add(BigInteger.valueOf(sequence.get() + 1)).toString();
    }

    /** The sequence number of the latest record (of any stream). */
    public String lastSequenceNumber() {
        return SEQUENCE_BASE.add(BigInteger.valueOf(sequence.get())).toString();
    }

    @Override
    public void onCommit(List<ItemChange> changes, Origin origin) {
        Instant now = clock.instant();
        for (ItemChange c : changes) {
            TableMetadata m = c.table().metadata();
            TableMetadata.StreamSettings s = m.stream();
            NamespaceId ns = c.table().namespaceId();
            syncWith(ns, m, now);
            if (s == null || !s.enabled()) {
                continue;
            }
            Stream stream = streams.get(key(ns, s.arn()));
            Shard shard = stream.openShard(now, shardLife, nextSequenceNumber(), ShardIds.next(now));
            StreamRecord r = record(c, s.viewType(), m.arn(), now, origin == Origin.TTL);
            shard.append(r);
        }
        for (Subscription sub : subscriptions) {
            sub.wake();
        }
    }

    /** Creates the stream the metadata names if it is new, and closes streams the table no longer has enabled. */
    public void syncWith(NamespaceId ns, TableMetadata m, Instant now) {
        TableMetadata.StreamSettings s = m.stream();
        if (s != null && s.enabled()) {
            streams.computeIfAbsent(key(ns, s.arn()), k -> {
                Stream st = new Stream(s.arn(), s.label(), m.name(), m.keySchema(), s.viewType(), now);
                st.openShard(now, shardLife, nextSequenceNumber(), ShardIds.next(now));
                return st;
            });
        }
        String prefix = m.arn() + "/stream/";
        for (Stream st : streams.values()) {
            if (st.enabled() && st.arn().startsWith(prefix) && (s == null || !s.enabled() || !st.arn().equals(s.arn()))) {
                st.disable(now);
            }
        }
    }

    /** A reset namespace starts with fresh streams: records of its earlier writes are dropped. */
    @Override
    public void onRestore(NamespaceId ns, List<TableMetadata> tables) {
        String prefix = ns.accessKey() + "\u0000arn:aws:dynamodb:" + ns.region() + ":";
        streams.keySet().removeIf(k -> k.startsWith(prefix));
        Instant now = clock.instant();
        for (TableMetadata m : tables) {
            syncWith(ns, m, now); // an enabled stream exists (empty) from the start, as after CreateTable
        }
    }

    /** A table was deleted: its streams are disabled (readable for 24 hours). */
    @Override
    public void onTableDeleted(Table table) {
        tableDeleted(table.namespaceId(), table.metadata());
    }

    /** A table was deleted: its streams are disabled (readable for 24 hours). */
    public void tableDeleted(NamespaceId ns, TableMetadata m) {
        Instant now = clock.instant();
        String prefix = m.arn() + "/stream/";
        for (Map.Entry<String, Stream> e : streams.entrySet()) {
            if (e.getKey().startsWith(ns.accessKey() + "\u0000") && e.getValue().arn().startsWith(prefix)) {
                e.getValue().disable(now);
            }
        }
    }

    private StreamRecord record(ItemChange c, String viewType, String tableArn, Instant now, boolean byService) {
        Item key = Item.wrap(new java.util.LinkedHashMap<>(c.table().keySchema().keyMap(c.key())));
        String name = c.oldItem() == null ? "INSERT" : c.newItem() == null ? "REMOVE" : "MODIFY";
        Item newImage = ("NEW_IMAGE".equals(viewType) || "NEW_AND_OLD_IMAGES".equals(viewType)) ? c.newItem() : null;
        Item oldImage = ("OLD_IMAGE".equals(viewType) || "NEW_AND_OLD_IMAGES".equals(viewType)) ? c.oldItem() : null;
        int size = key.sizeBytes() + (newImage == null ? 0 : newImage.sizeBytes()) + (oldImage == null ? 0 : oldImage.sizeBytes());
        String seq = SEQUENCE_BASE.add(BigInteger.valueOf(sequence.incrementAndGet())).toString();
        String region = tableArn.split(":")[3];
        return new StreamRecord(UUID.randomUUID().toString().replace("-", ""), name, seq, now, key.attributes(), newImage, oldImage,
            size, viewType, region, byService);
    }

    /** The streams of a namespace (optionally of one table), current and retained, oldest first. */
    public List<Stream> streams(NamespaceId ns, String tableName) {
        Instant now = clock.instant();
        List<Stream> out = new ArrayList<>();
        for (Map.Entry<String, Stream> e : streams.entrySet()) {
            Stream s = e.getValue();
            if (!e.getKey().startsWith(ns.accessKey() + "\u0000") || !s.arn().startsWith("arn:aws:dynamodb:" + ns.region() + ":")) {
                continue;
            }
            if (!s.enabled() && !now.isBefore(s.disabledAt().plus(RETENTION))) {
                continue;
            }
            if (tableName == null || tableName.equals(s.tableName())) {
                maintain(s, now);
                out.add(s);
            }
        }
        out.sort(java.util.Comparator.comparing(Stream::created).thenComparing(Stream::arn));
        return out;
    }

    /** The stream with this ARN in the namespace, or null. */
    public Stream stream(NamespaceId ns, String arn) {
        Stream s = streams.get(key(ns, arn));
        if (s == null) {
            return null;
        }
        Instant now = clock.instant();
        if (!s.enabled() && !now.isBefore(s.disabledAt().plus(RETENTION))) {
            return null;
        }
        maintain(s, now);
        return s;
    }

    /** Rolls shards forward and trims records older than the retention period, on the engine clock. */
    private void maintain(Stream s, Instant now) {
        s.rollTo(now, shardLife, nextSequenceNumber());
        Instant cutoff = now.minus(RETENTION);
        for (Shard sh : s.shards()) {
            sh.trimBefore(cutoff);
        }
    }

    /** Runs the time-driven work due at the clock's now (called when the clock is advanced). */
    public void tick() {
        Instant now = clock.instant();
        for (Stream s : streams.values()) {
            maintain(s, now);
        }
        for (Subscription sub : subscriptions) {
            sub.wake();
        }
    }

    // ------------------------------------------------------------------ in-process subscriptions

    /**
     * Delivers the stream records of {@code tableName} in {@code ns} to {@code handler} in batches of up to
     * {@code batchSize}, in order per shard, like a Lambda event-source mapping: a batch whose handler throws is
     * retried (the same batch) and no later batch is delivered before it succeeds. Delivery runs on one thread
     * of its own; {@link Subscription#awaitIdle} waits until everything committed so far was delivered.
     */
    public Subscription subscribe(NamespaceId ns, String tableName, int batchSize, java.util.function.Consumer<List<StreamRecord>> handler) {
        Subscription s = new Subscription(this, ns, tableName, batchSize, handler);
        subscriptions.add(s);
        s.start();
        return s;
    }

    void unsubscribe(Subscription s) {
        subscriptions.remove(s);
    }
}
