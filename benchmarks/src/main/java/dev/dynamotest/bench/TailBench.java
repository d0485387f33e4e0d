package dev.dynamotest.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tail of in-process latency under concurrency: GetItem and PutItem on the key-value table of
 * {@link Workloads} with {@code threads} client threads, in rounds; prints each phase's ops/s, p50 and p99 and the
 * medians over the rounds. {@code dynamotest} runs two engines in this JVM, admission off
 * ({@code dynamotest.admission.permits=0}) and on (the default), their rounds interleaved so machine noise falls on
 * both; {@code ddblocal-embedded} (on DynamoDB Local's class path) runs DynamoDB Local's embedded client. Run it
 * under JFR ({@code -XX:StartFlightRecording=...}) to see where the tail comes from.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp benchmarks/target/dynamotest-benchmarks.jar dev.dynamotest.bench.TailBench [dynamotest|ddblocal-embedded] [threads] [rounds] [ms]
 * </pre>
 */
public final class TailBench {
    private TailBench() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "dynamotest";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long ms = args.length > 3 ? Long.parseLong(args[3]) : 3000;
        Map<String, Target> targets = new LinkedHashMap<>();
        if (kind.equals("dynamotest")) {
            System.setProperty("dynamotest.admission.permits", "0");
            targets.put("admission-off", DynamoTestTargets.inProcess());
            System.clearProperty("dynamotest.admission.permits");
            targets.put("admission-on", DynamoTestTargets.inProcess());
        } else {
            targets.put(kind, Target.open(kind, null));
        }
        Map<String, Workloads> loads = new LinkedHashMap<>();
        for (Map.Entry<String, Target> t : targets.entrySet()) {
            Workloads w = new Workloads(t.getValue().client());
            w.setup(10_000, 0, 1, 0);
            for (String op : new String[] {"GetItem", "PutItem"}) {
                Phase.run(4, Long.MAX_VALUE, 3000, w.op(op, 4));
            }
            loads.put(t.getKey(), w);
        }
        for (String op : new String[] {"GetItem", "PutItem"}) {
            Map<String, List<double[]>> results = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, Workloads> e : loads.entrySet()) {
                    Workloads w = e.getValue();
                    Phase.run(threads, 2000, 1000, w.op(op, threads));
                    Phase.Result res = Phase.run(threads, Long.MAX_VALUE, ms, w.op(op, threads));
                    System.out.printf(Locale.ROOT, "%s %s %d threads round %d: %,.0f ops/s p50 %,.0f us p99 %,.0f us%n",
                        e.getKey(), op, threads, r, res.opsPerSecond(), res.p50Micros(), res.p99Micros());
                    results.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(new double[] {res.opsPerSecond(), res.p50Micros(), res.p99Micros()});
                }
            }
            for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
                System.out.printf(Locale.ROOT, "MEDIAN %s %s %d threads: %,.0f ops/s p50 %,.0f us p99 %,.0f us%n",
                    e.getKey(), op, threads, median(e.getValue(), 0), median(e.getValue(), 1), median(e.getValue(), 2));
            }
        }
        for (Target t : targets.values()) {
            t.close();
        }
    }

    static double median(List<double[]> xs, int at) {
        List<Double> s = new ArrayList<>();
        for (double[] x : xs) {
            s.add(x[at]);
        }
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
