package dev.dynamotest.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoTest's memory per item in seconds, without DynamoDB Local or the orchestrator: in this JVM, a new engine
 * and the in-process client load the benchmark's large partition (the {@link Workloads} items, BatchWriteItem from
 * 4 threads, as the Memory row of RESULTS.md does), and the heap in use after a full GC is compared before and after.
 * Optionally prints the top of the class histogram of the live heap ({@code jcmd PID GC.class_histogram}), to see
 * which objects hold the bytes.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp benchmarks/target/dynamotest-benchmarks.jar dev.dynamotest.bench.MemoryProbe [items] [histogram-lines]
 * </pre>
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    static long heapUsedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int histogram = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (Target target = DynamoTestTargets.inProcess()) {
            DynamoDbClient c = target.client();
            Workloads w = new Workloads(c);
            w.setup(0, 0, 1, 0);
            long before = heapUsedAfterGc();
            double seconds = w.loadLarge(items);
            long after = heapUsedAfterGc();
            double delta = after - before;
            System.out.printf("%,d items loaded in %.1f s: heap +%.1f MiB, %,.0f bytes per item, %,.0f MiB per million items%n",
                items, seconds, delta / (1 << 20), delta / items, delta / (1 << 20) * 1_000_000 / items);
            if (histogram > 0) {
                Process p = new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
                    .redirectErrorStream(true).start();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                    r.lines().skip(1).limit(histogram + 2).forEach(System.out::println);
                }
                p.waitFor();
            }
            System.out.println(c.describeTable(d -> d.tableName(Workloads.Q)).table().itemCount() + " items in " + Workloads.Q);
        }
    }
}
