package dev.dynamotest.testcontainers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A fault rule for {@link Faults#add}: which requests it matches (operations, table, key, the Nth call, how many
 * times, for how long, with what probability) and one effect. The JSON it sends is documented in docs/admin-api.md.
 */
public final class Fault {
    private final ObjectNode json = AdminClient.json().createObjectNode();

    private Fault() {
    }

    /** Matches these operations (e.g. {@code "PutItem"}); none given matches every operation. */
    public static Fault on(String... operations) {
        Fault f = new Fault();
        var ops = f.json.putArray("operations");
        for (String op : operations) {
            ops.add(op);
        }
        return f;
    }

    public Fault table(String table) {
        json.put("table", table);
        return this;
    }

    /** Only requests on this key (of Key, or of the Item written). */
    public Fault key(Map<String, AttributeValue> key) {
        ObjectNode k = json.putObject("key");
        key.forEach((name, v) -> {
            ObjectNode value = k.putObject(name);
            if (v.s() != null) {
                value.put("S", v.s());
            } else if (v.n() != null) {
                value.put("N", v.n());
            } else if (v.b() != null) {
                value.put("B", v.b().asByteArray());
            } else {
                throw new IllegalArgumentException("a key attribute is a string, number or binary: " + name + " = " + v);
            }
        });
        return this;
    }

    /** Fires first on the Nth matching call (1-based). */
    public Fault nth(int n) {
        json.put("nth", n);
        return this;
    }

    /** Fires this many times, then stops. */
    public Fault times(int times) {
        json.put("times", times);
        return this;
    }

    /** Fires for this long of engine clock. */
    public Fault during(Duration duration) {
        json.put("during", duration.toString());
        return this;
    }

    /** Fires with this probability, from a seeded sequence (same seed, same choices). */
    public Fault probability(double probability, long seed) {
        json.put("probability", probability).put("seed", seed);
        return this;
    }

    /** Applies the operation first, then answers with the fault (a lost response). */
    public Fault afterApplying() {
        json.put("timing", "after");
        return this;
    }

    /** The service's error of this type, e.g. {@code "ProvisionedThroughputExceededException"}, with its message and status. */
    public Fault error(String type) {
        json.put("error", type);
        return this;
    }

    /** An error of any type, message and HTTP status. */
    public Fault error(String type, String message, int status) {
        json.putObject("error").put("type", type).put("message", message).put("status", status);
        return this;
    }

    /** Answers normally after this delay. */
    public Fault latency(Duration delay) {
        json.put("latency", delay.toString());
        return this;
    }

    /** Closes the connection without answering. */
    public Fault dropConnection() {
        json.put("drop", true);
        return this;
    }

    /** BatchWriteItem / BatchGetItem hand every request back in UnprocessedItems / UnprocessedKeys, unapplied. */
    public Fault unprocessed() {
        json.put("unprocessed", true);
        return this;
    }

    /** TransactWriteItems is cancelled with reason TransactionConflict on the given action (0-based). */
    public Fault transactionConflictOn(int action) {
        json.put("transactionConflict", action);
        return this;
    }

    ObjectNode json() {
        return json;
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
