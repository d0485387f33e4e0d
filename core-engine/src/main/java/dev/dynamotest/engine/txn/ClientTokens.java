package dev.dynamotest.engine.txn;

import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ClientRequestToken idempotency for TransactWriteItems / ExecuteTransaction: a token is remembered with a
 * fingerprint of its request for ten minutes of engine clock. Within that window the same request is answered
 * without being applied again, a different one with IdempotentParameterMismatchException.
 */
public final class ClientTokens {
    public static final Duration WINDOW = Duration.ofMinutes(10);
    public static final String MISMATCH =
        "DynamoDB rejected the request because you retried a request with a different payload but with an idempotent token that was already used.";

    private record Entry(String fingerprint, Instant at) {
    }

    private final EngineClock clock;
    private final ConcurrentHashMap<String, Entry> tokens = new ConcurrentHashMap<>();
    /** Tokens in the order they were remembered, so expired ones are dropped from the head in O(1) each. */
    private final java.util.concurrent.ConcurrentLinkedQueue<String> order = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public ClientTokens(EngineClock clock) {
        this.clock = clock;
    }

    /**
     * True if {@code token} was already used for this request within the window (so it must not be applied
     * again); throws if it was used for another request. A caller that gets false applies the request and then
     * calls {@link #remember}.
     */
    public boolean seen(String scope, String token, String fingerprint) {
        Instant now = clock.instant();
        String k = scope + "\u0000" + token;
        Entry e = tokens.get(k);
        if (e == null || !now.isBefore(e.at().plus(WINDOW))) {
            if (e != null) {
                tokens.remove(k, e);
            }
            return false;
        }
        if (!e.fingerprint().equals(fingerprint)) {
            throw new DynamoException(ErrorTypes.IDEMPOTENT_PARAMETER_MISMATCH, MISMATCH, 400);
        }
        return true;
    }

    public void remember(String scope, String token, String fingerprint) {
        Instant now = clock.instant();
        String k = scope + "\u0000" + token;
        tokens.put(k, new Entry(fingerprint, now));
        order.add(k);
        // The SDK sends a fresh token with every TransactWriteItems call: forget expired ones as we go.
        String head;
        while ((head = order.peek()) != null) {
            Entry e = tokens.get(head);
            if (e != null && now.isBefore(e.at().plus(WINDOW))) {
                break;
            }
            order.poll();
            if (e != null && !now.isBefore(e.at().plus(WINDOW))) {
                tokens.remove(head, e);
            }
        }
    }
}
