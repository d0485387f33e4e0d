package dev.dynamotest.engine.journal;

import dev.dynamotest.engine.model.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine learns about the request running on the current thread while it runs it, for the
 * {@link Journal}: units charged by the capacity model (reads in the readers, writes at the commit point), keys
 * touched, items scanned and returned, why a condition failed. Only present while the journal records: every hook
 * is a thread-local lookup that finds nothing otherwise.
 */
public final class RequestTrace {
    private static final ThreadLocal<RequestTrace> CURRENT = new ThreadLocal<>();

    double readUnits;
    double writeUnits;
    int scanned = -1;
    int returned = -1;
    final List<KeyRef> keys = new ArrayList<>(2);
    final Set<String> tables = new LinkedHashSet<>(2);
    List<String> conditionFailures;
    Map<String, Object> attributes;

    /**
     * The entry for {@code base} (what the journal stage knew of the request) completed with what the engine
     * traced: tables it charged besides those the request named, units, keys, counts, condition failures.
     */
    public JournalEntry complete(JournalEntry base) {
        List<String> allTables = base.tables();
        if (!allTables.containsAll(tables)) {
            Set<String> union = new LinkedHashSet<>(allTables);
            union.addAll(tables);
            allTables = List.copyOf(union);
        }
        return new JournalEntry(base.sequence(), base.requestId(), base.namespace(), base.transport(), base.operation(),
            allTables, base.index(), List.copyOf(keys), base.expressions(), readUnits, writeUnits, scanned, returned,
            base.status(), base.errorType(), base.errorMessage(),
            conditionFailures == null ? List.of() : List.copyOf(conditionFailures), base.time(), base.latencyNanos(),
            attributes == null ? Map.of() : Collections.unmodifiableMap(attributes), base.requestBody(), base.responseBody());
    }

    /** The trace of the request running on this thread, or null when the journal does not record. */
    public static RequestTrace current() {
        return CURRENT.get();
    }

    /** Starts tracing a request on this thread (the journal stage), returning the trace it replaces. */
    public static RequestTrace begin(RequestTrace trace) {
        RequestTrace previous = CURRENT.get();
        CURRENT.set(trace);
        return previous;
    }

    /** Ends tracing, putting back the trace {@link #begin} returned (null for none). */
    public static void end(RequestTrace previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** Read units charged on {@code table} (the table, one of its indexes, a batch's item). */
    public void read(String table, double units) {
        tables.add(table);
        readUnits += units;
    }

    /** Write units charged on {@code table} at the commit point. */
    public void write(String table, double units) {
        tables.add(table);
        writeUnits += units;
    }

    public void key(KeyRef key) {
        if (keys.size() < 1000) { // a bounded record of a big batch or transaction
            keys.add(key);
        }
    }

    public void key(String table, String index, Map<String, AttributeValue> key, boolean write) {
        key(new KeyRef(table, index, key, write));
    }

    /** Items a Query or Scan page examined and returned (added up over the statements of a batch). */
    public void counts(int scannedCount, int returnedCount) {
        scanned = Math.max(scanned, 0) + scannedCount;
        returned = Math.max(returned, 0) + returnedCount;
    }

    /** Why a condition was false: the part that failed and the values it compared. */
    public void conditionFailed(String explanation) {
        if (conditionFailures == null) {
            conditionFailures = new ArrayList<>(1);
        }
        conditionFailures.add(explanation);
    }

    /**
     * A named fact about the request for the journal entry's {@link JournalEntry#attributes() attributes}
     * (e.g. whether an eventually consistent read was served stale).
     */
    public void attribute(String name, Object value) {
        if (attributes == null) {
            attributes = new LinkedHashMap<>();
        }
        attributes.put(name, value);
    }

    /** The static form of {@link #attribute(String, Object)}: does nothing when the journal does not record. */
    public static void note(String name, Object value) {
        RequestTrace t = CURRENT.get();
        if (t != null) {
            t.attribute(name, value);
        }
    }
}
