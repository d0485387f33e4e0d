package dev.dynamotest.server;

import dev.dynamotest.protocol.RequestHandler;
import java.util.Set;

/**
 * Which requests may run on the Undertow I/O thread that read them. A request handled there costs no thread
 * hand-off, but every other connection of that I/O thread waits for it: only point operations on small bodies
 * (bounded work, well under a millisecond) stay there; anything big or scanning (Scan, Query, PartiQL, batches,
 * transactions, control plane) goes to the worker pool, so one pathological or slow request never delays others.
 */
final class IoThreadWork {
    /** Bodies up to this size of a point operation are parsed and answered on the I/O thread. */
    static final int MAX_CHEAP_BODY = 32 * 1024;
    private static final Set<String> POINT_OPERATIONS = Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem");

    private IoThreadWork() {
    }

    static boolean isCheap(String target, int bodyLength) {
        if (bodyLength > MAX_CHEAP_BODY || target == null || !target.startsWith(RequestHandler.DYNAMODB_TARGET_PREFIX)) {
            return false;
        }
        return POINT_OPERATIONS.contains(target.substring(RequestHandler.DYNAMODB_TARGET_PREFIX.length()));
    }
}
