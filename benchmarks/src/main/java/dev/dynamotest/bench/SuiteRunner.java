package dev.dynamotest.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * Runs one package of the generated suite with the JUnit Platform Launcher, {@code RUNS} times in this JVM, and prints
 * a line per run: {@code suite-run run=N tests=.. passed=.. failed=.. wall_ms=.. median_ms=.. p90_ms=.. uptime_ms=.. cpu_ms=..}
 * (cpu: CPU time of the whole JVM, every thread, during that run; main_cpu: of the thread that ran the tests)
 * (uptime: JVM start to the end of that run). Run 0 is the cold one; the orchestrator reports the last as the warm one.
 * Failures go to stderr with their stack traces.
 *
 * <pre>java -cp SUITE_CLASSES:... dev.dynamotest.bench.SuiteRunner PACKAGE RUNS [key=value configuration parameters]</pre>
 */
public final class SuiteRunner {
    private SuiteRunner() {
    }

    public static void main(String[] args) {
        String pkg = args[0];
        int runs = Integer.parseInt(args[1]);
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            config.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Launcher launcher = LauncherFactory.create();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 0; run < runs; run++) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(pkg)).configurationParameters(config).build();
            Listener listener = new Listener();
            long t0 = System.nanoTime();
            long cpu0 = os.getProcessCpuTime();
            long main0 = threads.getCurrentThreadCpuTime();
            launcher.execute(request, listener);
            double wallMs = (System.nanoTime() - t0) / 1e6;
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
            double mainCpuMs = (threads.getCurrentThreadCpuTime() - main0) / 1e6;
            List<Double> d = new ArrayList<>(listener.durations);
            d.sort(null);
            System.out.printf(Locale.ROOT, "suite-run run=%d tests=%d passed=%d failed=%d wall_ms=%.1f median_ms=%.3f p90_ms=%.3f uptime_ms=%d cpu_ms=%.0f main_cpu_ms=%.0f%n",
                run, d.size(), listener.passed, d.size() - listener.passed, wallMs, pct(d, 0.5), pct(d, 0.9),
                ManagementFactory.getRuntimeMXBean().getUptime(), cpuMs, mainCpuMs);
            System.out.flush();
        }
        System.exit(0); // non-daemon threads of a client or container must not keep the JVM
    }

    static double pct(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }

    static final class Listener implements TestExecutionListener {
        final Map<String, Long> started = new ConcurrentHashMap<>();
        final List<Double> durations = new ArrayList<>();
        int passed;
        int reported;

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                started.put(id.getUniqueId(), System.nanoTime());
            }
        }

        @Override
        public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    report(id, result); // a class that failed to start: its tests never ran, so the counts fall short
                }
                return;
            }
            durations.add((System.nanoTime() - started.remove(id.getUniqueId())) / 1e6);
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                passed++;
            } else {
                report(id, result);
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                durations.add(0.0);
                System.err.println("SKIPPED " + id.getUniqueId() + ": " + reason);
            }
        }

        private void report(TestIdentifier id, TestExecutionResult result) {
            if (reported++ < 5) {
                StringWriter w = new StringWriter();
                result.getThrowable().ifPresent(t -> t.printStackTrace(new PrintWriter(w)));
                System.err.println("FAILED " + id.getUniqueId() + " " + result.getStatus() + "\n" + w);
            }
        }
    }
}
