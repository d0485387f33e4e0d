package dev.dynamotest.protocol.streams;

import dev.dynamotest.engine.error.DynamoException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Shard iterators: opaque strings naming stream, shard, position and creation time. They expire after 15
 * minutes of engine clock, as on the service.
 */
final class ShardIterators {
    private ShardIterators() {
    }

    static final long LIFETIME_MILLIS = 15 * 60 * 1000;

    record Position(String streamArn, String shardId, int index, Instant created) {
    }

    static String encode(String streamArn, String shardId, int index, Instant created) {
        String raw = streamArn + "|" + shardId + "|" + index + "|" + created.toEpochMilli();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String iterator) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8);
            String[] p = raw.split("\\|");
            if (p.length != 4) {
                throw new IllegalArgumentException();
            }
            return new Position(p[0], p[1], Integer.parseInt(p[2]), Instant.ofEpochMilli(Long.parseLong(p[3])));
        } catch (IllegalArgumentException e) {
            throw DynamoException.validation("Invalid ShardIterator");
        }
    }

    static void checkNotExpired(Position p, Instant now) {
        long age = now.toEpochMilli() - p.created().toEpochMilli();
        if (age > LIFETIME_MILLIS) {
            throw new DynamoException("ExpiredIteratorException", "Iterator expired. The iterator was created at time "
                + p.created() + " while right now it's " + now + " which is further in the future than the tolerated delay of "
                + LIFETIME_MILLIS + " milliseconds.", 400);
        }
    }

    static DynamoException trimmed() {
        return new DynamoException("TrimmedDataAccessException",
            "The operation attempted to read past the oldest stream record in a shard.", 400);
    }
}
