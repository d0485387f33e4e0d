package dev.dynamotest.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The orchestrator's child processes: servers and worker JVMs, their memory, and stopping them. */
final class Procs {
    private Procs() {
    }

    /** Every child still running; stopped by a shutdown hook if the orchestrator ends early. */
    private static final List<Child> LIVE = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Child::close)));
    }

    /** A started process (its stdout and stderr to a log file unless it is a {@link WorkerChild}). */
    static class Child implements AutoCloseable {
        final String name;
        final Process process;

        Child(String name, Process process) {
            this.name = name;
            this.process = process;
            LIVE.add(this);
        }

        long pid() {
            return process.pid();
        }

        /** SIGTERM to the process and what it started, SIGKILL after 10 s. */
        @Override
        public void close() {
            LIVE.remove(this);
            List<ProcessHandle> kids = process.descendants().toList();
            process.destroy();
            kids.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            kids.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    static ProcessBuilder builder(List<String> cmd, Map<String, String> env, Path dir) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        return pb;
    }

    /** Starts a server (or any process whose output only goes to its log). */
    static Child start(String name, List<String> cmd, Map<String, String> env, Path dir, Path log) throws IOException {
        ProcessBuilder pb = builder(cmd, env, dir).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new Child(name, pb.start());
    }

    /** A worker JVM: commands on its stdin, one {@code BENCH ...} answer line each on its stdout. */
    static final class WorkerChild extends Child {
        private final PrintWriter in;
        private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

        private WorkerChild(String name, Process p, Path log) throws IOException {
            super(name, p);
            in = new PrintWriter(new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), true);
            Writer logw = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("BENCH ")) {
                            replies.add(line);
                        } else {
                            synchronized (logw) {
                                logw.write(line + "\n");
                                logw.flush();
                            }
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
                replies.add("BENCH error exited");
            }, name + "-out");
            reader.setDaemon(true);
            reader.start();
        }

        static WorkerChild start(String name, List<String> cmd, Map<String, String> env, Path dir, Path log) throws IOException {
            ProcessBuilder pb = builder(cmd, env, dir).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new WorkerChild(name, pb.start(), log);
        }

        /** Waits for the next answer line; throws on {@code BENCH error} or when none comes within the time. */
        Map<String, String> await(long timeoutSeconds) throws InterruptedException {
            String line = replies.poll(timeoutSeconds, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException(name + ": no answer within " + timeoutSeconds + " s");
            }
            if (!line.startsWith("BENCH ok")) {
                throw new IllegalStateException(name + ": " + line);
            }
            return parse(line);
        }

        Map<String, String> call(String command, long timeoutSeconds) throws InterruptedException {
            in.println(command);
            return await(timeoutSeconds);
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                in.println("quit");
                try {
                    process.waitFor(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.close();
        }
    }

    /** {@code key=value} pairs of an answer line. */
    static Map<String, String> parse(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : line.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return m;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A client for start-up polling: no retries, short timeouts. */
    static DynamoDbClient poller(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .credentialsProvider(Target.CREDS)
            .httpClient(ApacheHttpClient.builder().maxConnections(2).connectionTimeout(Duration.ofMillis(500))
                .socketTimeout(Duration.ofSeconds(5)).build())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(5)))
            .build();
    }

    /**
     * Polls ListTables every 5 ms until it answers; returns milliseconds since {@code t0Nanos}. Throws if the
     * process exits or nothing answers within 60 s.
     */
    static double awaitFirstAnswer(DynamoDbClient poller, Child c, long t0Nanos) throws InterruptedException {
        long end = t0Nanos + 60_000_000_000L;
        while (System.nanoTime() < end) {
            if (!c.process.isAlive()) {
                throw new IllegalStateException(c.name + " exited with " + c.process.exitValue());
            }
            try {
                poller.listTables(b -> b.limit(1));
                return (System.nanoTime() - t0Nanos) / 1e6;
            } catch (RuntimeException notYet) {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException(c.name + " did not answer within 60 s");
    }

    /** Resident set size of a process in MiB, from /proc; NaN where that is unavailable. */
    static double rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return Double.NaN;
    }

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    /** Heap in use after a full GC of a JVM we started, in MiB ({@code jcmd PID GC.run}, then {@code GC.heap_info}). */
    static double heapAfterGcMib(long pid) {
        try {
            jcmd(pid, "GC.run");
            Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(Files.exists(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid), command)
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
