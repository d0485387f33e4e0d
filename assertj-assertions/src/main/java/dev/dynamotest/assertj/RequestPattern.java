package dev.dynamotest.assertj;

import dev.dynamotest.engine.journal.JournalEntry;
import dev.dynamotest.engine.journal.KeyRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which journal entries an assertion is about, WireMock-style: {@code op("Query").table("orders").index("byEmail")}.
 * Immutable: each refinement returns a new pattern. Prints as what it matches, for failure messages.
 */
public final class RequestPattern implements Predicate<JournalEntry> {
    private final Predicate<JournalEntry> test;
    private final List<String> description;

    private RequestPattern(Predicate<JournalEntry> test, List<String> description) {
        this.test = test;
        this.description = description;
    }

    /** Any request. */
    public static RequestPattern anyRequest() {
        return new RequestPattern(e -> true, List.of());
    }

    /** Requests of this operation ({@code "Query"}, {@code "GetItem"}, ...). */
    public static RequestPattern op(String operation) {
        return anyRequest().and(e -> operation.equals(e.operation()), operation);
    }

    /** Scans, of any table. */
    public static RequestPattern scan() {
        return op("Scan");
    }

    /** Requests naming or touching this table. */
    public static RequestPattern onTable(String table) {
        return anyRequest().table(table);
    }

    /** Reads: GetItem, BatchGetItem, Query, Scan, TransactGetItems. */
    public static RequestPattern reads() {
        return anyRequest().and(JournalEntry::isRead, "read");
    }

    public RequestPattern table(String table) {
        return and(e -> e.tables().contains(table), "on " + table);
    }

    public RequestPattern index(String index) {
        return and(e -> Objects.equals(index, e.index()), "using index " + index);
    }

    /** Requests without IndexName (reading the table itself). */
    public RequestPattern withoutIndex() {
        return and(e -> e.index() == null, "without index");
    }

    /** Requests that touched a key holding this attribute value (a string, or a number given as a Number). */
    public RequestPattern key(String attribute, Object value) {
        String shown = value instanceof Number ? value.toString() : "\"" + value + "\"";
        return and(e -> {
            for (KeyRef k : e.keys()) {
                var v = k.key().get(attribute);
                if (v != null && shown.equals(KeyRefs.show(v))) {
                    return true;
                }
            }
            return false;
        }, "with key " + attribute + "=" + shown);
    }

    /** Requests answered with this error type (e.g. {@code ConditionalCheckFailedException}). */
    public RequestPattern failedWith(String errorType) {
        return and(e -> errorType.equals(e.errorType()), "failed with " + errorType);
    }

    public RequestPattern and(Predicate<JournalEntry> more, String described) {
        List<String> d = new ArrayList<>(description);
        d.add(described);
        return new RequestPattern(test.and(more), List.copyOf(d));
    }

    @Override
    public boolean test(JournalEntry e) {
        return test.test(e);
    }

    @Override
    public String toString() {
        return description.isEmpty() ? "any request" : String.join(" ", description);
    }
}
