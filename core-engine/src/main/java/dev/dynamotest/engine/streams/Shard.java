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
    private final String startingSequenceNumber;
    private String endingSequenceNumber;
    private volatile boolean closed;
    private int trimmed; // records before this index have expired (24 h retention)

    /**
     * A shard has its starting sequence number from the moment it exists, as on the service (DescribeStream shows
     * it before the first record): the number after the last one the engine handed out.
     */
    Shard(String shardId, String parentShardId, Instant created, String startingSequenceNumber) {
        this.shardId = shardId;
        this.parentShardId = parentShardId;
        this.created = created;
        this.startingSequenceNumber = startingSequenceNumber;
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

    public String startingSequenceNumber() {
        return startingSequenceNumber;
    }

    public synchronized String endingSequenceNumber() {
        return endingSequenceNumber;
    }

    public boolean isClosed() {
        return closed;
    }

    synchronized void append(StreamRecord r) {
        records.add(r);
    }

    /** Closes the shard: its range ends at its last record, or (empty) where it started. */
    synchronized void close() {
        closed = true;
        endingSequenceNumber = records.isEmpty() ? startingSequenceNumber : records.get(records.size() - 1).sequenceNumber();
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

    /** The index of the first retained record created at or after {@code t} (the shard's size if none). */
    public synchronized int firstAtOrAfter(Instant t) {
        int i = trimmed;
        while (i < records.size() && records.get(i).approximateCreationDateTime().isBefore(t)) {
            i++;
        }
        return i;
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
