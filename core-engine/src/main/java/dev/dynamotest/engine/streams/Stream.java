package dev.dynamotest.engine.streams;

import dev.dynamotest.engine.table.KeySchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One stream of a table (a new one each time streams are enabled): its shards in lineage order. */
public final class Stream {
    private final String arn;
    private final String label;
    private final String tableName;
    private final KeySchema keySchema;
    private final String viewType;
    private final Instant created;
    private final List<Shard> shards = new ArrayList<>();
    private volatile Instant disabledAt;

    Stream(String arn, String label, String tableName, KeySchema keySchema, String viewType, Instant created) {
        this.arn = arn;
        this.label = label;
        this.tableName = tableName;
        this.keySchema = keySchema;
        this.viewType = viewType;
        this.created = created;
    }

    public String arn() {
        return arn;
    }

    public String label() {
        return label;
    }

    public String tableName() {
        return tableName;
    }

    public KeySchema keySchema() {
        return keySchema;
    }

    public String viewType() {
        return viewType;
    }

    public Instant created() {
        return created;
    }

    public boolean enabled() {
        return disabledAt == null;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    void disable(Instant at) {
        if (disabledAt == null) {
            disabledAt = at;
            synchronized (this) {
                if (!shards.isEmpty()) {
                    Shard last = shards.get(shards.size() - 1);
                    if (!last.isClosed()) {
                        last.close();
                    }
                }
            }
        }
    }

    public synchronized List<Shard> shards() {
        return new ArrayList<>(shards);
    }

    public synchronized Shard shard(String shardId) {
        for (Shard s : shards) {
            if (s.shardId().equals(shardId)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The open shard, rolling over to a new one when the current one is older than {@code shardLife}; a new shard
     * starts at {@code nextSequenceNumber}, the number the next record will have at the earliest.
     */
    synchronized Shard openShard(Instant now, Duration shardLife, String nextSequenceNumber, String newShardId) {
        Shard current = shards.isEmpty() ? null : shards.get(shards.size() - 1);
        if (current == null) {
            current = new Shard(newShardId, null, now, nextSequenceNumber);
            shards.add(current);
            return current;
        }
        while (!current.isClosed() && !now.isBefore(current.created().plus(shardLife))) {
            Instant next = current.created().plus(shardLife);
            current.close();
            current = new Shard(ShardIds.next(next), current.shardId(), next, nextSequenceNumber);
            shards.add(current);
        }
        return current;
    }

    /** Rolls shards forward to {@code now} without writing (so DescribeStream shows the lineage as time passes). */
    void rollTo(Instant now, Duration shardLife, String nextSequenceNumber) {
        if (enabled()) {
            synchronized (this) {
                if (!shards.isEmpty()) {
                    openShard(now, shardLife, nextSequenceNumber, null);
                }
            }
        }
    }
}
