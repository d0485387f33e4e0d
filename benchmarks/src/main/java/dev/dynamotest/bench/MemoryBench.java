package dev.dynamotest.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Retained memory per item for items of ~100 B, ~1 KB and ~10 KB (DynamoDB item size: attribute name bytes plus
 * value bytes, by the service's documented rules). In one JVM, one target ({@code dynamotest-inprocess}, or
 * {@code ddblocal-embedded} on DynamoDB Local's class path) loads {@code n} items of each size into a table of its
 * own (BatchWriteItem, hash key only); heap in use after repeated full GCs before and after each load, plus the
 * growth of the resident set outside the heap (DynamoDB Local keeps its data in SQLite, native memory), gives the
 * bytes per item. For DynamoTest the request journal (which keeps the last 10,000 requests, their keys included)
 * is cleared before each measure, so that the figure is the items' storage alone.
 *
 * <pre>
 * java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks/target/dynamotest-benchmarks.jar dev.dynamotest.bench.MemoryBench dynamotest-inprocess [100:N,1000:N,10000:N]
 * </pre>
 * Prints one line per size: {@code MEMORY kind size items heapBytesPerItem rssBytesPerItem exactItemSize}.
 */
public final class MemoryBench {
    private MemoryBench() {
    }

    static final String DEFAULT_SIZES = "100:100000,1000:50000,10000:5000";

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "dynamotest-inprocess";
        String sizes = args.length > 1 ? args[1] : DEFAULT_SIZES;
        Target target;
        Runnable settle;
        if (kind.equals("dynamotest-inprocess")) {
            DynamoTestTargets.Settled t = DynamoTestTargets.inProcessSettled();
            target = t.target();
            settle = t.settle();
        } else {
            target = Target.open(kind, null);
            settle = () -> { };
        }
        try (target) {
            DynamoDbClient c = target.client();
            warmUp(c);
            for (String spec : sizes.split(",")) {
                String[] p = spec.split(":");
                int size = Integer.parseInt(p[0]);
                int n = Integer.parseInt(p[1]);
                String table = "mem_" + size;
                c.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build()));
                settle.run();
                long heap0 = heapUsedAfterGc();
                long rss0 = rss();
                long exact = 0;
                for (int from = 0; from < n; from += 25) {
                    List<WriteRequest> reqs = new ArrayList<>(25);
                    for (int i = from; i < Math.min(n, from + 25); i++) {
                        Map<String, AttributeValue> item = item(i, size);
                        exact += itemSize(item);
                        reqs.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                    }
                    Map<String, List<WriteRequest>> pending = Map.of(table, reqs);
                    while (!pending.isEmpty()) {
                        Map<String, List<WriteRequest>> q = pending;
                        var r = c.batchWriteItem(b -> b.requestItems(q));
                        pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
                    }
                }
                settle.run();
                long heap1 = heapUsedAfterGc();
                long rss1 = rss();
                System.out.printf(Locale.ROOT, "MEMORY %s %d %d %.1f %.1f %.1f%n", kind, size, n,
                    (heap1 - heap0) / (double) n, Math.max(0, (rss1 - rss0)) / (double) n, exact / (double) n);
            }
        }
        System.out.flush();
        // DynamoDB Local embedded leaves non-daemon job threads behind its shutdown: the orchestrator reads this JVM's
        // output to its end, so the JVM must end here
        System.exit(0);
    }

    /** Loads and then deletes a table of 3,000 mixed items untimed, so that class loading and JIT code are not counted. */
    private static void warmUp(DynamoDbClient c) {
        c.createTable(b -> b.tableName("mem_warmup").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build()));
        for (int i = 0; i < 3000; i++) {
            Map<String, AttributeValue> item = item(i, i % 3 == 0 ? 100 : i % 3 == 1 ? 1000 : 10000);
            c.putItem(b -> b.tableName("mem_warmup").item(item));
        }
        c.deleteTable(b -> b.tableName("mem_warmup"));
    }

    /** An item of about {@code size} bytes: a key, a number, a flag, for 1 KB and more a set, a map and a list, and text. */
    static Map<String, AttributeValue> item(long i, int size) {
        SplittableRandom r = new SplittableRandom(i);
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("pk", s(String.format(Locale.ROOT, "item%08d", i)));
        m.put("count", AttributeValue.builder().n(Long.toString(1000 + r.nextInt(9000) * 10L + 7)).build());
        m.put("active", AttributeValue.builder().bool(r.nextBoolean()).build());
        if (size >= 1000) {
            m.put("tags", AttributeValue.builder().ss(text(r, 8), text(r, 9), text(r, 10)).build());
            m.put("address", AttributeValue.builder().m(Map.of("street", s(text(r, 20)), "zip", s(text(r, 5)))).build());
            m.put("history", AttributeValue.builder().l(s(text(r, 6)), s(text(r, 6)), s(text(r, 12))).build());
            m.put("email", s(text(r, 16) + "@example.com"));
        }
        int rest = size - itemSize(m) - "data".length();
        m.put("data", s(text(r, Math.max(1, rest))));
        return m;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    private static String text(SplittableRandom r, int len) {
        StringBuilder b = new StringBuilder(len);
        for (int k = 0; k < len; k++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    /** DynamoDB's item size for the types {@link #item} uses: names plus values (ASCII text, integers without trailing zeros). */
    static int itemSize(Map<String, AttributeValue> m) {
        int s = 0;
        for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
            s += e.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(e.getValue());
        }
        return s;
    }

    private static int valueSize(AttributeValue v) {
        if (v.s() != null) {
            return v.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (v.n() != null) {
            return (v.n().length() + 1) / 2 + 1; // a positive integer ending in a non-zero digit
        }
        if (v.bool() != null) {
            return 1;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToInt(x -> x.getBytes(StandardCharsets.UTF_8).length).sum();
        }
        if (v.hasM()) {
            int s = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                s += 1 + e.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(e.getValue());
            }
            return s;
        }
        if (v.hasL()) {
            int s = 3;
            for (AttributeValue e : v.l()) {
                s += 1 + valueSize(e);
            }
            return s;
        }
        throw new IllegalArgumentException("unsized " + v);
    }

    static long heapUsedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Resident set size of this process, bytes (Linux), or 0. */
    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }

    /** The top of the live heap's class histogram ({@code jcmd PID GC.class_histogram}), for looking at what holds the bytes. */
    static void histogram(int lines) throws Exception {
        Process p = new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
            .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            r.lines().skip(1).limit(lines + 2).forEach(System.out::println);
        }
        p.waitFor();
    }
}
