package dev.dynamotest.bench;

import dev.dynamotest.DynamoTest;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.consistency.ConsistencySettings;
import dev.dynamotest.engine.consistency.Lag;
import dev.dynamotest.server.DynamoTestServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The consistency model's cost: GetItem (eventually consistent, so through the model) and PutItem with the model off
 * and on ({@code eventual:seed=1,lag=3ops}), in process and over HTTP, in one JVM, rounds interleaved so the machine's
 * noise falls on both sides alike; then the heap the retained versions take. Prints a Markdown table.
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp benchmarks/target/dynamotest-benchmarks.jar dev.dynamotest.bench.ConsistencyBench [items] [opsPerRound] [rounds]
 * </pre>
 */
public final class ConsistencyBench {
    private ConsistencyBench() {
    }

    private record Side(String name, Engine engine, DynamoDbClient client, AutoCloseable closer) {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        List<Side> sides = new ArrayList<>();
        for (boolean http : new boolean[] {false, true}) {
            for (boolean on : new boolean[] {false, true}) {
                Engine engine = new Engine();
                if (on) {
                    engine.consistency().configure(ConsistencySettings.eventual(1));
                }
                DynamoDbClient client;
                AutoCloseable closer;
                if (http) {
                    DynamoTestServer server = DynamoTestServer.builder().engine(engine).port(0).start();
                    client = Target.client(server.endpoint(), Target.apache(8));
                    closer = server::close;
                } else {
                    client = Target.client(URI.create("http://in-process"), DynamoTest.inProcessHttpClient(engine));
                    closer = () -> { };
                }
                Side s = new Side((http ? "HTTP" : "in process") + ", model " + (on ? "on" : "off"), engine, client, closer);
                load(s.client(), items);
                sides.add(s);
            }
        }
        String[] opNames = {"GetItem", "PutItem"};
        double[][][] nsPerOp = new double[opNames.length][sides.size()][rounds];
        for (int w = 0; w < 2; w++) { // warm-up: the JIT compiles SDK, transport and engine on every side
            for (Side s : sides) {
                run(s.client(), 0, items, ops);
                run(s.client(), 1, items, ops);
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int o = 0; o < opNames.length; o++) {
                for (int i = 0; i < sides.size(); i++) {
                    nsPerOp[o][i][r] = run(sides.get(i).client(), o, items, ops);
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("| operation | transport | off (µs/op, median) | on (µs/op, median) | on / off |\n|---|---|---|---|---|\n");
        for (int o = 0; o < opNames.length; o++) {
            for (int t = 0; t < 2; t++) {
                double off = median(nsPerOp[o][2 * t]);
                double on = median(nsPerOp[o][2 * t + 1]);
                md.append(String.format("| %s | %s | %.1f | %.1f | %.2f× |%n", opNames[o], t == 0 ? "in process" : "HTTP",
                    off / 1000, on / 1000, on / off));
            }
        }
        for (Side s : sides) {
            s.client().close();
            s.closer().close();
        }
        md.append(memory(items)).append('\n');
        System.out.print(md);
    }

    private static void load(DynamoDbClient c, int items) {
        c.createTable(b -> b.tableName("bench").billingMode("PAY_PER_REQUEST")
            .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
            .keySchema(k -> k.attributeName("pk").keyType("HASH")));
        for (int i = 0; i < items; i++) {
            c.putItem(item(i, 0));
        }
    }

    private static PutItemRequest item(int i, long v) {
        return PutItemRequest.builder().tableName("bench").item(Map.of(
            "pk", AttributeValue.fromS("item-" + i), "v", AttributeValue.fromN(Long.toString(v)),
            "payload", AttributeValue.fromS("x".repeat(160)))).build();
    }

    /** Nanoseconds per operation over {@code ops} calls of one kind (0 GetItem, 1 PutItem), random keys. */
    private static double run(DynamoDbClient c, int op, int items, int ops) {
        SplittableRandom rnd = new SplittableRandom(op * 31L + items);
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            int k = rnd.nextInt(items);
            if (op == 0) {
                c.getItem(b -> b.tableName("bench").key(Map.of("pk", AttributeValue.fromS("item-" + k))));
            } else {
                c.putItem(item(k, i));
            }
        }
        return (System.nanoTime() - start) / (double) ops;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Heap after GC of an engine holding {@code items} items, then with the most versions a lag can keep. */
    private static String memory(int items) throws InterruptedException {
        Engine engine = new Engine();
        engine.consistency().configure(ConsistencySettings.eventual(1).withLag(Lag.operations(1_000_000)));
        DynamoDbClient c = Target.client(URI.create("http://in-process"), DynamoTest.inProcessHttpClient(engine));
        load(c, items);
        engine.consistency().settle();
        long base = heapAfterGc();
        int writes = 1_000;
        for (int i = 0; i < writes; i++) {
            c.putItem(item(i % items, i + 1));
        }
        int versions = engine.consistency().retainedVersions();
        long retained = heapAfterGc();
        engine.consistency().settle();
        long settled = heapAfterGc();
        c.close();
        return String.format("%nRetained versions: %d after %d writes to a table of %d items (lag bound 1,000,000 operations:"
                + " none visible yet); heap %,d KB before, %,d KB with them (%,d bytes per version), %,d KB after settle().",
            versions, writes, items, base / 1024, retained / 1024, (retained - base) / Math.max(1, versions), settled / 1024);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
