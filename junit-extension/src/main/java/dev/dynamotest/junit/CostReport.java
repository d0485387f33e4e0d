package dev.dynamotest.junit;

import dev.dynamotest.engine.journal.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Per test: the requests per operation, the read/write units they consumed and their on-demand price, as a JUnit
 * report entry ({@code dynamotest.cost}); the {@link CostBudget} check; and, at the end of the run, a summary
 * ranking the tests by cost in {@code target/dynamotest-cost.json} and {@code .md}.
 *
 * <p>Prices are on-demand request-unit list prices in US dollars per million units, by default us-east-1's
 * (Standard table class): {@value #DEFAULT_READ_PRICE} per million read request units and
 * {@value #DEFAULT_WRITE_PRICE} per million write request units; set {@code dynamotest.cost.readPrice} /
 * {@code dynamotest.cost.writePrice} (JUnit configuration parameters) for another region or table class, and
 * {@code dynamotest.cost.dir} for another directory than {@code target}.
 */
final class CostReport implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    static final double DEFAULT_READ_PRICE = 0.125;
    static final double DEFAULT_WRITE_PRICE = 0.625;
    static final String READ_PRICE = "dynamotest.cost.readPrice";
    static final String WRITE_PRICE = "dynamotest.cost.writePrice";
    static final String DIR = "dynamotest.cost.dir";
    static final String REPORT_ENTRY = "dynamotest.cost";

    /** One test's cost. */
    record TestCost(String test, Map<String, Integer> requests, double readUnits, double writeUnits, double dollars) {
        String summary() {
            StringBuilder b = new StringBuilder();
            requests.forEach((op, n) -> b.append(b.length() == 0 ? "" : ", ").append(op).append(" x").append(n));
            return String.format(Locale.ROOT, "%s; %s read units, %s write units; $%.9f on demand",
                b.length() == 0 ? "no requests" : b, number(readUnits), number(writeUnits), dollars);
        }
    }

    private final List<TestCost> costs = new ArrayList<>();
    private final Path dir;
    private final double readPrice;
    private final double writePrice;

    private CostReport(Path dir, double readPrice, double writePrice) {
        this.dir = dir;
        this.readPrice = readPrice;
        this.writePrice = writePrice;
    }

    static void afterTest(ExtensionContext context, TestState test) {
        Scope scope = test.scope();
        if (scope == null || !scope.isEmbedded()) {
            return;
        }
        CostReport report = context.getRoot().getStore(DynamoExtension.NS).getOrComputeIfAbsent(CostReport.class,
            k -> new CostReport(Path.of(context.getConfigurationParameter(DIR).orElse("target")),
                price(context, READ_PRICE, DEFAULT_READ_PRICE), price(context, WRITE_PRICE, DEFAULT_WRITE_PRICE)),
            CostReport.class);
        List<JournalEntry> entries = scope.journal().entries();
        TestCost cost = report.cost(context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName()
            + (context.getDisplayName().startsWith(context.getRequiredTestMethod().getName() + "(") ? "" : " " + context.getDisplayName()), entries);
        context.publishReportEntry(REPORT_ENTRY, cost.summary());
        report.add(cost);
        Optional<CostBudget> budget = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), CostBudget.class)
            .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CostBudget.class));
        budget.ifPresent(b -> check(b, cost, entries));
    }

    private static double price(ExtensionContext context, String key, double fallback) {
        return context.getConfigurationParameter(key).map(Double::parseDouble).orElse(fallback);
    }

    TestCost cost(String test, List<JournalEntry> entries) {
        Map<String, Integer> requests = new TreeMap<>();
        double read = 0;
        double write = 0;
        for (JournalEntry e : entries) {
            requests.merge(e.operation() == null ? "(unknown)" : e.operation(), 1, Integer::sum);
            read += e.readUnits();
            write += e.writeUnits();
        }
        return new TestCost(test, requests, read, write, read / 1e6 * readPrice + write / 1e6 * writePrice);
    }

    private synchronized void add(TestCost cost) {
        costs.add(cost);
    }

    private static void check(CostBudget budget, TestCost cost, List<JournalEntry> entries) {
        List<String> over = new ArrayList<>();
        if (budget.readUnits() >= 0 && cost.readUnits() > budget.readUnits()) {
            over.add(number(cost.readUnits()) + " read units (budget " + number(budget.readUnits()) + ")");
        }
        if (budget.writeUnits() >= 0 && cost.writeUnits() > budget.writeUnits()) {
            over.add(number(cost.writeUnits()) + " write units (budget " + number(budget.writeUnits()) + ")");
        }
        if (over.isEmpty()) {
            return;
        }
        List<JournalEntry> costliest = new ArrayList<>(entries);
        costliest.sort(Comparator.comparingDouble((JournalEntry e) -> e.readUnits() + e.writeUnits()).reversed());
        StringBuilder b = new StringBuilder("@CostBudget exceeded: the test consumed ").append(String.join(" and ", over))
            .append("; costliest requests:");
        for (JournalEntry e : costliest.subList(0, Math.min(10, costliest.size()))) {
            b.append(System.lineSeparator()).append("  ").append(e.describe());
        }
        throw new AssertionError(b.toString());
    }

    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** The end of the run: the summary files, tests ranked by cost (most expensive first). */
    @Override
    public synchronized void close() {
        if (costs.isEmpty()) {
            return;
        }
        List<TestCost> ranked = new ArrayList<>(costs);
        ranked.sort(Comparator.comparingDouble(TestCost::dollars).reversed().thenComparing(TestCost::test));
        double read = 0;
        double write = 0;
        double dollars = 0;
        for (TestCost c : ranked) {
            read += c.readUnits();
            write += c.writeUnits();
            dollars += c.dollars();
        }
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"readPricePerMillion\": ").append(readPrice).append(",\n  \"writePricePerMillion\": ").append(writePrice)
            .append(",\n  \"readUnits\": ").append(read).append(",\n  \"writeUnits\": ").append(write)
            .append(",\n  \"dollars\": ").append(String.format(Locale.ROOT, "%.9f", dollars)).append(",\n  \"tests\": [");
        StringBuilder md = new StringBuilder("# DynamoDB cost of the tests\n\n");
        md.append(String.format(Locale.ROOT, "On-demand list prices: $%s per million read request units, $%s per million write "
            + "request units. Total: %s read units, %s write units, $%.9f.%n%n", readPrice, writePrice, number(read), number(write), dollars));
        md.append("| test | requests | read units | write units | $ |\n|---|---|---|---|---|\n");
        for (int i = 0; i < ranked.size(); i++) {
            TestCost c = ranked.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"test\": ").append(quote(c.test())).append(", \"requests\": {");
            int j = 0;
            for (Map.Entry<String, Integer> r : c.requests().entrySet()) {
                json.append(j++ == 0 ? "" : ", ").append(quote(r.getKey())).append(": ").append(r.getValue());
            }
            json.append("}, \"readUnits\": ").append(c.readUnits()).append(", \"writeUnits\": ").append(c.writeUnits())
                .append(", \"dollars\": ").append(String.format(Locale.ROOT, "%.9f", c.dollars())).append('}');
            StringBuilder ops = new StringBuilder();
            c.requests().forEach((op, n) -> ops.append(ops.length() == 0 ? "" : ", ").append(op).append(" x").append(n));
            md.append("| ").append(c.test().replace("|", "\\|")).append(" | ").append(ops).append(" | ").append(number(c.readUnits()))
                .append(" | ").append(number(c.writeUnits())).append(" | ").append(String.format(Locale.ROOT, "%.9f", c.dollars())).append(" |\n");
        }
        json.append("\n  ]\n}\n");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("dynamotest-cost.json"), json, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("dynamotest-cost.md"), md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the DynamoDB cost summary to " + dir, e);
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
