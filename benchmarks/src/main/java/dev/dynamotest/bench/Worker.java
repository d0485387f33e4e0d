package dev.dynamotest.bench;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A child JVM holding one target and its workloads, driven line by line on stdin by the orchestrator
 * ({@link Main}); it answers each command with one line {@code BENCH ok key=value ...} (or {@code BENCH error ...})
 * on stdout. Anything else a library prints goes to stderr.
 *
 * <pre>
 *   java -cp JAR dev.dynamotest.bench.Worker KIND [ENDPOINT]       KIND as in {@link Target#open}
 *   commands:  setup KV GSI GROUPS WARM | load-large N | warm THREADS OPS MS (every operation, untimed)
 *              | run OP THREADS WARM_OPS WARM_MS OPS MAX_MS | quit
 * </pre>
 */
public final class Worker {
    private Worker() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = protocolOut();
        Target target = Target.open(args[0], args.length > 1 ? args[1] : null);
        Workloads w = new Workloads(target.client());
        target.client().listTables();
        out.println("BENCH ok ready pid=" + ProcessHandle.current().pid());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] a = line.trim().split("\\s+");
            try {
                if (a[0].equals("quit")) {
                    break;
                }
                out.println("BENCH ok " + handle(w, a));
            } catch (Exception | Error e) {
                out.println("BENCH error " + oneLine(e.toString()));
            }
        }
        try {
            target.close();
        } finally {
            out.println("BENCH ok bye");
            System.exit(0); // DynamoDB Local leaves non-daemon threads behind
        }
    }

    private static String handle(Workloads w, String[] a) throws Exception {
        switch (a[0]) {
            case "setup":
                return "secs=" + w.setup(i(a[1]), i(a[2]), i(a[3]), i(a[4]));
            case "load-large":
                return "secs=" + w.loadLarge(i(a[1]));
            case "warm": {
                // every operation in turn, untimed: the JIT compiles the SDK, the transport and the engine first
                for (String op : Workloads.OPS) {
                    Phase.run(i(a[1]), Long.parseLong(a[2]), Long.parseLong(a[3]), w.op(op, i(a[1])));
                }
                return "warmed=" + Workloads.OPS.size();
            }
            case "run": {
                String op = a[1];
                int threads = i(a[2]);
                Phase.Body body = w.op(op, threads);
                Phase.run(threads, Long.parseLong(a[3]), Long.parseLong(a[4]), body); // warm-up, untimed
                Phase.Result r = Phase.run(threads, Long.parseLong(a[5]), Long.parseLong(a[6]), body);
                return String.format(Locale.ROOT, "count=%d errors=%d secs=%.3f tput=%.1f p50=%.1f p99=%.1f truncated=%b first_error=%s",
                    r.count(), r.errors(), r.seconds(), r.opsPerSecond(), r.p50Micros(), r.p99Micros(), r.truncated(),
                    r.firstError() == null ? "-" : oneLine(r.firstError()));
            }
            default:
                throw new IllegalArgumentException("unknown command " + a[0]);
        }
    }

    /** The real stdout for protocol lines; System.out is pointed at stderr so library output cannot mix in. */
    static PrintStream protocolOut() {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        return out;
    }

    static String oneLine(String s) {
        String t = s.replaceAll("\\s+", "_");
        return t.length() > 300 ? t.substring(0, 300) : t;
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }

    /**
     * Start-up probe, one cold JVM per call: {@code java -cp JAR dev.dynamotest.bench.Worker\$StartProbe KIND REPEATS}.
     * Times creating the target (engine, its client) to the first answered ListTables, then REPEATS re-creations in
     * this now warm JVM; prints {@code BENCH ok first_ms=.. jvm_ms=..} at the first answer, then
     * {@code BENCH ok warm_ms=..} (the median of the re-creations).
     */
    public static final class StartProbe {
        private StartProbe() {
        }

        public static void main(String[] args) throws Exception {
            PrintStream out = protocolOut();
            String kind = args[0];
            int repeats = Integer.parseInt(args[1]);
            double first = startOnce(kind);
            long jvmMs = answeredAt - ManagementFactory.getRuntimeMXBean().getStartTime();
            out.println(String.format(Locale.ROOT, "BENCH ok first_ms=%.1f jvm_ms=%d", first, jvmMs));
            List<Double> warm = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                warm.add(startOnce(kind));
            }
            warm.sort(null);
            out.println(String.format(Locale.ROOT, "BENCH ok warm_ms=%.2f", warm.isEmpty() ? Double.NaN : warm.get((warm.size() - 1) / 2)));
            System.exit(0);
        }

        private static long answeredAt;

        private static double startOnce(String kind) throws Exception {
            long t0 = System.nanoTime();
            Target t = Target.open(kind, null);
            t.client().listTables();
            double ms = (System.nanoTime() - t0) / 1e6;
            answeredAt = System.currentTimeMillis();
            t.close();
            return ms;
        }
    }
}
