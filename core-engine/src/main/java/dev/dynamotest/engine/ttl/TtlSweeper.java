package dev.dynamotest.engine.ttl;

import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.query.Reader;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.PrimaryKey;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Deletes expired items: those whose TTL attribute is a Number of epoch seconds at or before the clock's now,
 * but not more than five years in the past (DynamoDB ignores such values). Deletions go through the normal
 * commit point with origin TTL, so indexes follow and stream records carry the service identity. An expired
 * item stays readable until a sweep runs, as on DynamoDB.
 */
public final class TtlSweeper {
    static final Duration FIVE_YEARS = Duration.ofDays(5 * 365);

    private final EngineClock clock;
    private final Supplier<Collection<Namespace>> namespaces;
    /** How long after its expiry an expired item is deleted (the consistency model's seeded delay; zero when off). */
    private volatile Delay delay = (table, key, expiry) -> Duration.ZERO;

    /** The deletion delay of an expired item. */
    @FunctionalInterface
    public interface Delay {
        Duration after(Table table, PrimaryKey key, Instant expiry);
    }

    public TtlSweeper(EngineClock clock, Supplier<Collection<Namespace>> namespaces) {
        this.clock = clock;
        this.namespaces = namespaces;
    }

    public void delay(Delay d) {
        this.delay = d;
    }

    /** Sweeps every TTL-enabled table; returns how many items were deleted. */
    public int sweep() {
        int deleted = 0;
        for (Namespace ns : namespaces.get()) {
            for (Table t : ns.tables()) {
                deleted += sweep(t);
            }
        }
        return deleted;
    }

    public int sweep(Table table) {
        TableMetadata.TtlSettings ttl = table.metadata().ttl();
        if (ttl == null || !ttl.enabled()) {
            return 0;
        }
        String attribute = ttl.attributeName();
        Instant now = clock.instant();
        List<PrimaryKey> expired = new ArrayList<>();
        for (Item item : table.data().allItems()) {
            if (isExpired(item, attribute, now)) {
                PrimaryKey key = Reader.keyOf(item, table.keySchema());
                Instant expiry = Instant.ofEpochSecond(((AttributeValue.N) item.get(attribute)).value().value().longValue());
                if (!expiry.plus(delay.after(table, key, expiry)).isAfter(now)) {
                    expired.add(key);
                }
            }
        }
        int deleted = 0;
        for (PrimaryKey key : expired) {
            boolean[] removed = new boolean[1];
            table.write(key, current -> {
                if (current != null && isExpired(current, attribute, now)) {
                    removed[0] = true;
                    return null;
                }
                return current; // rewritten meanwhile: keep
            }, CommitListener.Origin.TTL);
            if (removed[0]) {
                deleted++;
            }
        }
        return deleted;
    }

    static boolean isExpired(Item item, String attribute, Instant now) {
        AttributeValue v = item.get(attribute);
        if (!(v instanceof AttributeValue.N n)) {
            return false;
        }
        BigDecimal seconds = n.value().value();
        BigDecimal nowSeconds = BigDecimal.valueOf(now.getEpochSecond());
        BigDecimal oldest = BigDecimal.valueOf(now.minus(FIVE_YEARS).getEpochSecond());
        return seconds.compareTo(nowSeconds) <= 0 && seconds.compareTo(oldest) >= 0;
    }
}
