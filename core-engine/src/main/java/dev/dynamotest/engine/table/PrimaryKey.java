package dev.dynamotest.engine.table;

import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Bytes;
import dev.dynamotest.engine.model.Num;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** An item's primary key: partition value and, for composite keys, sort value (else null). */
public record PrimaryKey(AttributeValue partition, AttributeValue sort) {
    public PrimaryKey {
        Objects.requireNonNull(partition, "partition");
    }

    /**
     * The partition's 32-bit hash (as an unsigned value in a long): orders partitions for Scan and assigns them to
     * parallel-scan segments. Deterministic across runs and independent of insertion order.
     */
    public static long partitionHash(AttributeValue partition) {
        if (partition instanceof AttributeValue.L composite) { // a multi-attribute index partition: all HASH values
            long h = 0x9e3779b97f4a7c15L;
            for (AttributeValue v : composite.value()) {
                h = (h ^ partitionHash(v)) * 0x100000001b3L;
            }
            return (h ^ (h >>> 29)) & 0xffffffffL;
        }
        long h = 0xcbf29ce484222325L; // FNV-1a 64 over the canonical bytes of the value
        if (partition instanceof AttributeValue.S s) {
            byte[] b = s.sharedAsciiBytes();
            if (b == null) {
                b = s.utf8();
            }
            for (byte x : b) {
                h = (h ^ (x & 0xff)) * 0x100000001b3L;
            }
        } else if (partition instanceof AttributeValue.N n) {
            Num num = n.value();
            for (byte x : num.toString().getBytes(StandardCharsets.US_ASCII)) {
                h = (h ^ (x & 0xff)) * 0x100000001b3L;
            }
            h = (h ^ 0x4e) * 0x100000001b3L;
        } else if (partition instanceof AttributeValue.B b) {
            Bytes bytes = b.value();
            for (int i = 0; i < bytes.length(); i++) {
                h = (h ^ (bytes.get(i) & 0xff)) * 0x100000001b3L;
            }
            h = (h ^ 0x42) * 0x100000001b3L;
        }
        // final avalanche (murmur3 fmix64) so that similar keys spread over the whole range
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h >>> 32;
    }
}
