package dev.dynamotest.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.engine.journal.Journal;
import dev.dynamotest.engine.journal.JournalEntry;
import dev.dynamotest.engine.journal.NamespaceJournal;
import dev.dynamotest.protocol.Json;
import dev.dynamotest.protocol.JournalJson;
import dev.dynamotest.server.admin.AdminHandler.AdminError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Deque;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The admin API's journal resource: entries as JSON lines, filtered by the query parameters {@code operation},
 * {@code table}, {@code index}, {@code region}, {@code accessKey}, {@code since} / {@code until} (engine-clock
 * instants, inclusive / exclusive), {@code errors=true}, {@code last=N}; clearing; the settings.
 */
final class JournalAdmin {
    private JournalAdmin() {
    }

    static String entries(Journal journal, Map<String, Deque<String>> query) {
        Predicate<JournalEntry> filter = filter(query);
        var all = journal.entries(filter);
        String last = param(query, "last");
        if (last != null) {
            int n;
            try {
                n = Integer.parseInt(last);
            } catch (NumberFormatException e) {
                throw new AdminError(400, "last must be a number: " + last);
            }
            all = all.subList(Math.max(0, all.size() - n), all.size());
        }
        StringBuilder b = new StringBuilder(all.size() * 256);
        for (JournalEntry e : all) {
            b.append(JournalJson.line(e)).append('\n');
        }
        return b.toString();
    }

    /** Clears the namespaces named by {@code region}/{@code accessKey} (all without them); returns the count cleared. */
    static int clear(Journal journal, Map<String, Deque<String>> query) {
        String region = param(query, "region");
        String accessKey = param(query, "accessKey");
        int cleared = 0;
        for (NamespaceJournal j : journal.namespaces()) {
            if ((region == null || region.equals(j.namespace().region()))
                && (accessKey == null || accessKey.equals(j.namespace().accessKey()))) {
                cleared += j.size();
                j.clear();
            }
        }
        return cleared;
    }

    static void configure(Journal journal, JsonNode req) {
        JsonNode enabled = req.get("enabled");
        JsonNode capacity = req.get("capacity");
        JsonNode bodies = req.get("keepBodies");
        if ((enabled != null && !enabled.isBoolean()) || (bodies != null && !bodies.isBoolean())
            || (capacity != null && (!capacity.canConvertToInt() || capacity.intValue() < 0))) {
            throw new AdminError(400, "give {\"enabled\": true|false, \"capacity\": N >= 0, \"keepBodies\": true|false} (any of them)");
        }
        if (enabled != null) {
            journal.enabled(enabled.booleanValue());
        }
        if (capacity != null) {
            journal.capacity(capacity.intValue());
        }
        if (bodies != null) {
            journal.keepBodies(bodies.booleanValue());
        }
    }

    static ObjectNode settings(Journal journal) {
        ObjectNode r = Json.object();
        r.put("enabled", journal.enabled());
        r.put("capacity", journal.capacity());
        r.put("keepBodies", journal.keepBodies());
        r.put("dropped", journal.dropped());
        return r;
    }

    private static Predicate<JournalEntry> filter(Map<String, Deque<String>> query) {
        String operation = param(query, "operation");
        String table = param(query, "table");
        String index = param(query, "index");
        String region = param(query, "region");
        String accessKey = param(query, "accessKey");
        Instant since = instant(query, "since");
        Instant until = instant(query, "until");
        boolean errors = "true".equals(param(query, "errors"));
        return e -> (operation == null || operation.equals(e.operation()))
            && (table == null || e.tables().contains(table))
            && (index == null || index.equals(e.index()))
            && (region == null || region.equals(e.namespace().region()))
            && (accessKey == null || accessKey.equals(e.namespace().accessKey()))
            && (since == null || !e.time().isBefore(since))
            && (until == null || e.time().isBefore(until))
            && (!errors || e.errorType() != null);
    }

    private static String param(Map<String, Deque<String>> query, String name) {
        Deque<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.peekFirst();
    }

    private static Instant instant(Map<String, Deque<String>> query, String name) {
        String v = param(query, name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new AdminError(400, name + " must be an ISO-8601 instant: " + v);
        }
    }
}
