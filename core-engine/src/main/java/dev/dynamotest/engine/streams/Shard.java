package dev.dynamotest.engine.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A shard: an append-only run of records; closed when it rolls over, with its successor naming it as parent. */
public final class Shard {
    private final String shardId;
    private final String parentShardId;
    private final Instant created;
    private final List<StreamRecord> records = new ArrayList<>();
    private String startingSequenceNumber;
    private String endingSequenceNumber;
    private volatile boolean closed;
    private int trimmed; // records before this index have expired (24 h retention)

    Shard(String shardId, String parentShardId, Instant created) {
        this.shardId = shardId;
        this.parentShardId = parentShardId;
        this.created = created;
    }

    public String shardId() {
        return shardId;
    }

    public String parentShardId() {
        return parentShardId;
    }

    public Instant created() {
        return created;
    }

    public synchronized String startingSequenceNumber() {
        return startingSequenceNumber;
    }

    public synchronized String endingSequenceNumber() {
        return endingSequenceNumber;
    }

    public boolean isClosed() {
        return closed;
    }

    synchronized void append(StreamRecord r) {
        if (startingSequenceNumber == null) {
            startingSequenceNumber = r.sequenceNumber();
        }
        records.add(r);
    }

    synchronized void close(String lastSequenceNumber) {
        closed = true;
        endingSequenceNumber = records.isEmpty() ? lastSequenceNumber : records.get(records.size() - 1).sequenceNumber();
        if (startingSequenceNumber == null) {
            startingSequenceNumber = lastSequenceNumber;
        }
    }

    synchronized void trimBefore(Instant cutoff) {
        while (trimmed < records.size() && records.get(trimmed).approximateCreationDateTime().isBefore(cutoff)) {
            trimmed++;
        }
    }

    /** The index of the first record still retained. */
    public synchronized int firstRetained() {
        return trimmed;
    }

    public synchronized int size() {
        return records.size();
    }

    /** Records [from, to) (bounded by what exists). */
    public synchronized List<StreamRecord> records(int from, int to) {
        return new ArrayList<>(records.subList(Math.min(from, records.size()), Math.min(to, records.size())));
    }

    /** The index of the record with this sequence number, or -1. */
    public synchronized int indexOf(String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }

    public synchronized boolean isEmpty() {
        return records.isEmpty();
    }
}
