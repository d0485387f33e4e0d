package dev.dynamotest.assertj;

import dev.dynamotest.engine.journal.JournalEntry;
import dev.dynamotest.engine.journal.KeyRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what the code under test asked DynamoDB (the request journal), modelled on WireMock's verify:
 * counts by pattern, no Scan, reads through an index, N+1 detection, a capacity budget. A failure lists the
 * offending requests.
 */
public final class JournalAssert extends AbstractAssert<JournalAssert, List<JournalEntry>> {
    private static final String NL = System.lineSeparator();

    JournalAssert(List<JournalEntry> entries) {
        super(List.copyOf(entries), JournalAssert.class);
    }

    /** Exactly {@code count} requests match {@code pattern}. */
    public JournalAssert hasCount(RequestPattern pattern, int count) {
        List<JournalEntry> matching = matching(pattern);
        if (matching.size() != count) {
            failWithMessage("Expecting %d request(s) %s but found %d:%n%s", count, pattern, matching.size(),
                list(matching.isEmpty() ? actual : matching, matching.isEmpty() ? "all requests" : "matching"));
        }
        return this;
    }

    /** At least one request matches {@code pattern}. */
    public JournalAssert hasAny(RequestPattern pattern) {
        if (matching(pattern).isEmpty()) {
            failWithMessage("Expecting a request %s but found none among:%n%s", pattern, list(actual, "all requests"));
        }
        return this;
    }

    /** No request matches {@code pattern}. */
    public JournalAssert noneMatch(RequestPattern pattern) {
        List<JournalEntry> matching = matching(pattern);
        if (!matching.isEmpty()) {
            failWithMessage("Expecting no request %s but found %d:%n%s", pattern, matching.size(), list(matching, "offending"));
        }
        return this;
    }

    /** No Scan of any table. */
    public JournalAssert hasNoScan() {
        return noneMatch(RequestPattern.scan());
    }

    /** No request ended with an error. */
    public JournalAssert hasNoErrors() {
        return noneMatch(RequestPattern.anyRequest().and(e -> e.errorType() != null, "that failed"));
    }

    /** The reads (GetItem, BatchGetItem, Query, Scan, TransactGetItems) of {@code table}, for {@link ReadsAssert#useIndex}. */
    public ReadsAssert allReadsOf(String table) {
        isNotNull();
        return new ReadsAssert(this, table, matching(RequestPattern.reads().table(table)));
    }

    /**
     * No key was read more than {@code times} times (N+1 detection): counts every key read (GetItem, batch and
     * transaction reads, a Query's partition key) by table, index and key.
     */
    public JournalAssert noKeyReadMoreThan(int times) {
        Map<String, List<JournalEntry>> byKey = new LinkedHashMap<>();
        for (JournalEntry e : actual) {
            for (KeyRef k : e.keys()) {
                if (!k.write()) {
                    byKey.computeIfAbsent(k.toString(), x -> new ArrayList<>()).add(e);
                }
            }
        }
        Map<String, List<JournalEntry>> over = byKey.entrySet().stream().filter(x -> x.getValue().size() > times)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        if (!over.isEmpty()) {
            StringBuilder b = new StringBuilder();
            over.forEach((key, entries) -> b.append("  ").append(key).append(" read ").append(entries.size())
                .append(" times:").append(NL).append(indent(list(entries, null))));
            failWithMessage("Expecting no key read more than %d time(s) (an N+1 loop?) but:%n%s", times, b);
        }
        return this;
    }

    /** The requests consumed at most {@code units} read units in total. */
    public JournalAssert consumedAtMostReadUnits(double units) {
        return budget(units, "read", JournalEntry::readUnits);
    }

    /** The requests consumed at most {@code units} write units in total. */
    public JournalAssert consumedAtMostWriteUnits(double units) {
        return budget(units, "write", JournalEntry::writeUnits);
    }

    /** Only the requests matching {@code pattern}, for further assertions. */
    public JournalAssert filteredOn(RequestPattern pattern) {
        return new JournalAssert(matching(pattern));
    }

    private JournalAssert budget(double units, String kind, ToDoubleFunction<JournalEntry> of) {
        isNotNull();
        double total = 0;
        List<JournalEntry> costly = new ArrayList<>();
        for (JournalEntry e : actual) {
            double u = of.applyAsDouble(e);
            total += u;
            if (u > 0) {
                costly.add(e);
            }
        }
        if (total > units) {
            costly.sort((a, b) -> Double.compare(of.applyAsDouble(b), of.applyAsDouble(a)));
            failWithMessage("Expecting at most %s %s units but the requests consumed %s:%n%s", units, kind, total,
                list(costly, "costliest first"));
        }
        return this;
    }

    private List<JournalEntry> matching(Predicate<JournalEntry> pattern) {
        isNotNull();
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : actual) {
            if (pattern.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    static String list(List<JournalEntry> entries, String title) {
        StringBuilder b = new StringBuilder();
        if (title != null) {
            b.append("  (").append(title).append(')').append(NL);
        }
        if (entries.isEmpty()) {
            b.append("  (no requests)");
        }
        int shown = 0;
        for (JournalEntry e : entries) {
            if (shown++ == 50) {
                b.append("  ... and ").append(entries.size() - 50).append(" more").append(NL);
                break;
            }
            b.append("  ").append(e.describe()).append(NL);
        }
        return b.toString();
    }

    private static String indent(String s) {
        return s.replace("  #", "    #");
    }

    /** The reads of one table. */
    public static final class ReadsAssert {
        private final JournalAssert parent;
        private final String table;
        private final List<JournalEntry> reads;

        ReadsAssert(JournalAssert parent, String table, List<JournalEntry> reads) {
            this.parent = parent;
            this.table = table;
            this.reads = reads;
        }

        /** Every read of the table went through index {@code index} (a Query or Scan with that IndexName). */
        public JournalAssert useIndex(String index) {
            List<JournalEntry> others = reads.stream().filter(e -> !index.equals(e.index())).toList();
            if (!others.isEmpty()) {
                parent.failWithMessage("Expecting every read of %s to use index %s but %d did not:%n%s", table, index,
                    others.size(), list(others, "offending"));
            }
            return parent;
        }

        /** There were exactly {@code count} reads of the table. */
        public JournalAssert hasCount(int count) {
            if (reads.size() != count) {
                parent.failWithMessage("Expecting %d read(s) of %s but found %d:%n%s", count, table, reads.size(), list(reads, null));
            }
            return parent;
        }
    }
}
