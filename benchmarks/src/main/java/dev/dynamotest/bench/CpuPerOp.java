package dev.dynamotest.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU time per operation of one client thread on the in-process transport (where the whole request runs on the
 * calling thread, so its CPU time is the request's): GetItem and a 100-item Query, median of the rounds. CPU time,
 * unlike latency, barely depends on what else runs on the machine, so builds can be compared on a loaded machine.
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp benchmarks/target/dynamotest-benchmarks.jar dev.dynamotest.bench.CpuPerOp [rounds] [opsPerRound]
 * </pre>
 */
public final class CpuPerOp {
    private CpuPerOp() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (Target target = DynamoTestTargets.inProcess()) {
            Workloads w = new Workloads(target.client());
            w.setup(10_000, 0, 1, 0);
            for (String op : new String[] {"GetItem", "Query-small", "PutItem"}) {
                Phase.Body body = w.op(op, 1);
                for (int i = 0; i < ops; i++) {
                    body.run(0, i); // warm-up
                }
                List<Double> perOp = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    int n = op.startsWith("Query") ? ops / 20 : ops;
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        body.run(0, (long) r * n + i);
                    }
                    perOp.add((mx.getCurrentThreadCpuTime() - c0) / 1e3 / n);
                }
                perOp.sort(null);
                System.out.printf(Locale.ROOT, "CPU %s %.1f us/op (median of %d rounds: %s)%n", op, perOp.get(rounds / 2), rounds, perOp);
            }
        }
    }
}
