package dev.dynamotest.engine.streams;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Shard ids shaped like the service's: {@code shardId-<20 digits>-<8 hex>}. */
final class ShardIds {
    private ShardIds() {
    }

    private static final AtomicLong COUNTER = new AtomicLong();

    static String next(Instant at) {
        return String.format("shardId-%020d-%08x", at.toEpochMilli(), COUNTER.incrementAndGet() * 0x9E3779B1L & 0xffffffffL);
    }
}
