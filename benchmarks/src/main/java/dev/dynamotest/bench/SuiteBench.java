package dev.dynamotest.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The {@code suite} section: a generated JUnit suite ({@link SuiteGenerator}) run four ways, each in a fresh JVM
 * ({@link SuiteRunner}, JUnit Platform Launcher), the suite run twice in that JVM: the first run is the cold one
 * (what {@code mvn test} sees), the second, after that equal warm-up of one whole suite for every way, the warm one.
 */
final class SuiteBench {
    static final String IMAGE = "local/dynamodb-local:bench";

    /** One way of running the suite: the package of fixtures, the class path, configuration and system properties. */
    record Way(String label, String pkg, List<String> classPath, List<String> jvm, List<String> config) {
    }

    /** A run's figures, from {@link SuiteRunner}'s line. */
    record Run(int tests, int passed, double wallMs, double medianMs, double p90Ms, double uptimeMs, double cpuMs, double mainCpuMs) {
        static Run parse(String line) {
            Map<String, String> m = Procs.parse(line.substring("suite-run ".length()));
            return new Run(Integer.parseInt(m.get("tests")), Integer.parseInt(m.get("passed")), Double.parseDouble(m.get("wall_ms")),
                Double.parseDouble(m.get("median_ms")), Double.parseDouble(m.get("p90_ms")), Double.parseDouble(m.get("uptime_ms")),
                Double.parseDouble(m.get("cpu_ms")), Double.parseDouble(m.get("main_cpu_ms")));
        }
    }

    private final Main main;
    private final Path dir;
    private final Path classes;
    private final List<String> suiteLib;
    private final List<String> junitLib;

    SuiteBench(Main main) throws IOException {
        this.main = main;
        dir = main.runDir.resolve("suite");
        classes = dir.resolve("classes");
        suiteLib = jars(main.thinJar.resolveSibling("suite-lib"));
        junitLib = jars(main.thinJar.resolveSibling("suite-junit"));
    }

    private static List<String> jars(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            throw new IllegalStateException("missing " + d + " (built by `mvn package -pl benchmarks -am`)");
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().collect(Collectors.toList());
        }
    }

    void run(StringBuilder md) throws Exception {
        int minTests = main.quick ? 40 : 200;
        int minClasses = main.quick ? 2 : 10;
        deleteTree(dir);
        Path sources = dir.resolve("src");
        SuiteGenerator.Generated g = SuiteGenerator.generate(sources, classes, minClasses, minTests);
        Main.log("suite: generated %d classes, %d tests, %d calls; compiling", g.classes(), g.tests(), g.calls());
        compile(sources);

        List<String> jvm = List.of("-Xms1g", "-Xmx1g");
        List<String> own = new ArrayList<>(List.of(classes.toString(), main.thinJar.toString()));
        List<String> dtPath = new ArrayList<>(own);
        dtPath.addAll(suiteLib);
        List<String> ddbPath = new ArrayList<>(own);
        ddbPath.addAll(junitLib);
        ddbPath.add(main.ddbHome.resolve("lib") + File.separator + "*");
        String nat = main.ddbHome.resolve("native").toString();
        List<String> cost = List.of("dynamotest.cost.dir=" + dir.resolve("cost"));
        List<Way> ways = new ArrayList<>();
        ways.add(new Way("`@DynamoTest`, in process", "dynamotest", dtPath, jvm, concat(cost, "dynamotest.transport=IN_PROCESS")));
        ways.add(new Way("`@DynamoTest`, over HTTP", "dynamotest", dtPath, jvm, concat(cost, "dynamotest.transport=HTTP")));
        ways.add(new Way("DynamoDB Local embedded, tables created, seeded and deleted per test", "pertest", ddbPath,
            concat(jvm, "-Djava.library.path=" + nat, "-Dsqlite4java.library.path=" + nat, "-Ddynamotest.suite.target=ddblocal-embedded"),
            List.of()));
        String noDocker = dockerImage();
        if (noDocker == null) {
            ways.add(new Way("DynamoDB Local in a container (Testcontainers), tables created, seeded and deleted per test", "pertest",
                dtPath, concat(jvm, "-Ddynamotest.suite.target=container", "-Ddynamotest.suite.image=" + IMAGE), List.of()));
        } else {
            Main.log("suite: no container way: %s", noDocker);
        }

        Map<String, Run[]> results = new LinkedHashMap<>();
        for (Way w : ways) {
            results.put(w.label(), runWay(w));
        }

        Run[] base = results.get(ways.get(2).label());
        if (base != null && !passed(base, g.tests())) {
            base = null; // a failing test invalidates the row, and so every ratio to it
        }
        md.append("A generated suite (`SuiteGenerator`, seeded, so the same every run) of ").append(g.tests()).append(" JUnit 5 tests in ")
            .append(g.classes()).append(" classes, ").append(Report.n0(g.calls())).append(" calls in all (10 to 30 a test: PutItem, GetItem, "
                + "conditional UpdateItem, one failing its condition, Query on the table and on a GSI, DeleteItem, one TransactWriteItems; "
                + "every result asserted). Each class declares 2 tables with a GSI each and seeds 50 to 500 items (")
            .append(Report.n0(g.items())).append(" in all). The same test bodies run every way; only the fixture differs. Each way runs "
                + "in a fresh JVM (`-Xms1g -Xmx1g`) through the JUnit Platform Launcher, the whole suite twice: the first run is cold "
                + "(what `mvn test` sees; *JVM start → end* is the JVM's uptime at its end), the second is warm (after that equal warm-up "
                + "of one untimed suite for every way). Per test: from JUnit's start to finish of the test (`@BeforeEach`/`@AfterEach` "
                + "and the extension's per-test reset included; `@DynamoTest`'s class set-up, tables and `@Seed`, is in the suite time "
                + "only). A row where a test failed says so and gives no ratio.\n\n");
        md.append("| way | tests passed | suite, cold: JVM start → end (s) | suite, cold run (s) | suite, warm run (s) | per test, warm: "
            + "median / p90 (ms) | CPU time, warm run: the JVM / the test thread (s) | **suite time ratio** to DynamoDB Local embedded, cold / warm "
            + "(higher is better) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Run[]> e : results.entrySet()) {
            Run[] r = e.getValue();
            md.append("| ").append(e.getKey()).append(" | ");
            if (r == null) {
                md.append("did not finish (see `benchmarks/target/bench-run/suite-*.log`) | | | | | | |\n");
                continue;
            }
            Run cold = r[0];
            Run warm = r[r.length - 1];
            boolean ok = passed(r, g.tests());
            md.append(warm.passed()).append(" / ").append(g.tests()).append(ok ? "" : " **FAILED**").append(" | ")
                .append(Report.n1(cold.uptimeMs() / 1000)).append(" | ").append(Report.n1(cold.wallMs() / 1000)).append(" | ")
                .append(Report.n1(warm.wallMs() / 1000)).append(" | ").append(Report.ms(warm.medianMs())).append(" / ")
                .append(Report.ms(warm.p90Ms())).append(" | ").append(Report.n1(warm.cpuMs() / 1000)).append(" / ")
                .append(Report.n1(warm.mainCpuMs() / 1000)).append(" | ");
            if (ok && base != null) {
                md.append("**").append(Report.n1(base[0].wallMs() / cold.wallMs())).append("× / ")
                    .append(Report.n1(base[base.length - 1].wallMs() / warm.wallMs())).append("×**");
            }
            md.append(" |\n");
        }
        if (noDocker != null) {
            md.append("| DynamoDB Local in a container (Testcontainers) | not run: ").append(noDocker).append(" | | | | | | |\n");
        }
        md.append("\nRatio: DynamoDB Local embedded's suite time / this way's (so 10× means ten times faster). DynamoDB Local "
            + "embedded runs on its own class path (its bundled AWS SDK), reached by reflection; in a container, it is DynamoDB Local "
            + "2.6.1's jars on the same base image as ours (`").append(IMAGE).append("`, built here: no registry is reachable), one "
            + "container per JVM, its start inside the cold run. CPU time: all the JVM's threads (JIT and GC included) during the warm "
            + "run, and the thread that ran the tests alone; on a loaded machine it is steadier than wall time, which then mostly measures the share of the cores a JVM got.\n");
    }

    private static boolean passed(Run[] r, int tests) {
        for (Run run : r) {
            if (run.passed() != tests || run.tests() != tests) {
                return false;
            }
        }
        return true;
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> l = new ArrayList<>(a);
        l.addAll(List.of(more));
        return l;
    }

    private void compile(Path sources) throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.walk(sources)) {
            files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the suite section needs a JDK (javax.tools), not a JRE");
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-nowarn", "-cp",
            String.join(File.pathSeparator, concat(suiteLib, main.thinJar.toString()))));
        args.addAll(files);
        int rc = javac.run(null, null, System.err, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("the generated suite did not compile (sources in " + sources + ")");
        }
    }

    /** Null when the container way can run (the image is there or was built), else why not. */
    private String dockerImage() {
        try {
            if (exec(List.of("docker", "info"), 30) != 0) {
                return "no Docker engine (`source ../shared/ci/docker-engine.sh` starts one)";
            }
            String base = System.getenv().getOrDefault("DYNAMOTEST_BASE_IMAGE", "local/java-base:17");
            if (exec(List.of("docker", "image", "inspect", base), 30) != 0) {
                return "no base image " + base + " (`source ../shared/ci/docker-engine.sh` builds it)";
            }
            Path ctx = dir.resolve("ddblocal-image");
            Files.createDirectories(ctx);
            copyTree(main.ddbHome.resolve("lib"), ctx.resolve("lib"));
            copyTree(main.ddbHome.resolve("native"), ctx.resolve("native"));
            Files.writeString(ctx.resolve("Dockerfile"), "FROM " + base + "\nWORKDIR /home/dynamodblocal\nCOPY lib lib\nCOPY native native\n"
                + "ENV DDB_LOCAL_TELEMETRY=0\nUSER 10001:10001\nEXPOSE 8000\n"
                + "ENTRYPOINT [\"java\", \"-Djava.library.path=./native\", \"-cp\", \"lib/*\", "
                + "\"com.amazonaws.services.dynamodbv2.local.main.ServerRunner\"]\n"
                + "CMD [\"-inMemory\", \"-port\", \"8000\", \"-disableTelemetry\"]\n");
            if (exec(List.of("docker", "build", "-q", "-t", IMAGE, ctx.toString()), 600) != 0) {
                return "building " + IMAGE + " failed (see suite-docker.log)";
            }
            return null;
        } catch (IOException | InterruptedException e) {
            return "no Docker (" + e.getMessage() + ")";
        }
    }

    private int exec(List<String> cmd, long seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(main.runDir.resolve("suite-docker.log").toFile())).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private Run[] runWay(Way w) throws Exception {
        String slug = w.label().replaceAll("[^A-Za-z]+", "-").replaceAll("^-|-$", "").toLowerCase(Locale.ROOT);
        slug = slug.length() > 40 ? slug.substring(0, 40) : slug;
        Path log = main.runDir.resolve("suite-" + slug + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(main.java);
        cmd.addAll(w.jvm());
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, w.classPath()));
        cmd.add(SuiteRunner.class.getName());
        cmd.add(SuiteGenerator.BASE + "." + w.pkg());
        cmd.add("2");
        cmd.addAll(w.config());
        Main.log("suite: %s", w.label());
        Files.writeString(log, String.join(" ", cmd) + "\n");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("DDB_LOCAL_TELEMETRY", "0");
        pb.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        Process p = pb.start();
        List<Run> runs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("suite-run ")) {
                    Run r = Run.parse(line);
                    runs.add(r);
                    main.raw.add("suite " + w.label() + " " + line);
                    Main.log("suite: %s: run %d: %d/%d passed, %.1f s, per test median %.2f ms, p90 %.2f ms", w.label(), runs.size() - 1,
                        r.passed(), r.tests(), r.wallMs() / 1000, r.medianMs(), r.p90Ms());
                }
            }
        }
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return runs.size() == 2 ? runs.toArray(Run[]::new) : null;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(p.getFileName().toString());
                if (!Files.exists(target)) {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path d) throws IOException {
        if (!Files.exists(d)) {
            return;
        }
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
