package dev.dynamotest.junit;

import dev.dynamotest.engine.replication.Replication;
import dev.dynamotest.engine.table.NamespaceId;
import java.util.Map;
import java.util.Set;

/**
 * Global tables replication for one test ({@code runtime.replication()}): take a Region offline for the test's
 * replicas and bring it back, apply the pending replicated writes, and see what waits and what conflicted. A Region
 * the test paused is back online when the test ends.
 */
public final class TestReplication {
    private final Replication replication;
    private final String accessKey;
    private final Set<String> paused;

    TestReplication(Replication replication, String accessKey, Set<String> paused) {
        this.replication = replication;
        this.accessKey = accessKey;
        this.paused = paused;
    }

    /**
     * Takes a Region offline: replication to and from the test's replicas there waits (settle included), and the
     * other Regions describe them as REGION_DISABLED.
     */
    public TestReplication pauseRegion(String region) {
        replication.pause(new NamespaceId(region, accessKey));
        paused.add(region);
        return this;
    }

    /** Brings a Region back; the writes it missed (whose lag has passed) are applied in order. Returns how many. */
    public int resumeRegion(String region) {
        paused.remove(region);
        return replication.resume(new NamespaceId(region, accessKey));
    }

    /** Applies every pending replicated write of the test's Regions (offline ones excepted). Returns how many. */
    public int settle() {
        int n = 0;
        for (String pair : pending().keySet()) {
            n += replication.settle(new NamespaceId(pair.substring(0, pair.indexOf(' ')), accessKey));
        }
        return n;
    }

    /** The replicated writes waiting, by {@code "source -> target"} Region pair. */
    public Map<String, Integer> pending() {
        return replication.pendingByRegionPair(accessKey);
    }

    /** How many MRSC writes were refused with ReplicatedWriteConflictException (engine-wide). */
    public long conflicts() {
        return replication.conflicts();
    }
}
