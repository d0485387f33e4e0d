package dev.dynamotest.engine.journal;

import dev.dynamotest.engine.table.NamespaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request and its outcome as the engine saw it.
 *
 * @param sequence        position in the engine's journal (increasing, across namespaces)
 * @param requestId       the {@code x-amzn-RequestId} the response carried
 * @param namespace       the caller's namespace (region and, per test, access key)
 * @param transport       HTTP or in-process
 * @param operation       the API operation ({@code Query}, ...), null if the target named none
 * @param tables          the tables the request named, in request order (empty for ListTables, ...)
 * @param index           the IndexName of a Query or Scan, else null
 * @param keys            keys read (GetItem, batch and transaction reads; a Query's partition key) and written
 * @param expressions     the expressions as sent, by request member ({@code KeyConditionExpression}, ...; a batch
 *                        or transaction's are prefixed with their position, e.g. {@code TransactItems[1].ConditionExpression})
 * @param readUnits       read units consumed, whether or not the caller asked for ReturnConsumedCapacity
 * @param writeUnits      write units consumed
 * @param scannedCount    items a Query or Scan examined (-1 for other operations)
 * @param returnedCount   items a Query or Scan returned after its filter (-1 for other operations)
 * @param status          the HTTP status (0 for a dropped connection)
 * @param errorType       the error's type without namespace ({@code ConditionalCheckFailedException}), or null
 * @param errorMessage    the error's message, or null
 * @param conditionFailures for a failed condition, which part was false and the values compared
 * @param time            the engine clock when the request arrived
 * @param latencyNanos    time spent in the engine (wall clock)
 * @param attributes      further facts stages or actions noted ({@link RequestTrace#note})
 * @param requestBody     the request JSON, if the journal keeps bodies, else null
 * @param responseBody    the response JSON, if the journal keeps bodies, else null
 */
public record JournalEntry(long sequence, String requestId, NamespaceId namespace, Transport transport, String operation,
                           List<String> tables, String index, List<KeyRef> keys, Map<String, String> expressions,
                           double readUnits, double writeUnits, int scannedCount, int returnedCount, int status,
                           String errorType, String errorMessage, List<String> conditionFailures, Instant time,
                           long latencyNanos, Map<String, Object> attributes, String requestBody, String responseBody) {

    /** The first table the request named, or null. */
    public String table() {
        return tables.isEmpty() ? null : tables.get(0);
    }

    public boolean failed() {
        return status != 200;
    }

    /** GetItem, BatchGetItem, Query, Scan or TransactGetItems (PartiQL statements are not classified). */
    public boolean isRead() {
        return operation != null && switch (operation) {
            case "GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems" -> true;
            default -> false;
        };
    }

    /** One line for messages: operation, table/index, keys, expressions, units, outcome. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append('#').append(sequence).append(' ').append(operation == null ? "(unknown operation)" : operation);
        if (!tables.isEmpty()) {
            b.append(' ').append(tables.size() == 1 ? tables.get(0) : tables.toString());
        }
        if (index != null) {
            b.append(" index=").append(index);
        }
        if (!keys.isEmpty()) {
            b.append(" keys=").append(keys.size() <= 3 ? keys.toString() : keys.subList(0, 3) + "... (" + keys.size() + ")");
        }
        expressions.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
        if (readUnits > 0) {
            b.append(" RCU=").append(readUnits);
        }
        if (writeUnits > 0) {
            b.append(" WCU=").append(writeUnits);
        }
        if (scannedCount >= 0) {
            b.append(" scanned=").append(scannedCount).append(" returned=").append(returnedCount);
        }
        if (errorType != null) {
            b.append(" -> ").append(errorType);
            if (errorMessage != null) {
                b.append(": ").append(errorMessage);
            }
        }
        if (conditionFailures != null && !conditionFailures.isEmpty()) {
            b.append(" (because ").append(String.join("; ", conditionFailures)).append(')');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
