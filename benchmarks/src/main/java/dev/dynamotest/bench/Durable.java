package dev.dynamotest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The {@code durable} section of the orchestrator ({@link Main}): durable storage, DynamoTest's server with
 * {@code --data-dir} against DynamoDB Local's server with {@code -sharedDb -dbPath}, in one run.
 *
 * <ul>
 *   <li>start-up with a store of {@code items} items (~250 B, a table without secondary indexes): process start to
 *   the first GetItem answered with a known item, median of {@link #STARTS} starts of each, interleaved. Each store is
 *   loaded once through BatchWriteItem and cached under {@code DYNAMOTEST_BENCH_STORE} (default
 *   {@code /tmp/dynamotest-bench-store}) in a folder named by the item count, the item shape and the server's
 *   version; a cached store that does not start or lacks a known item is loaded again;</li>
 *   <li>durable write throughput: PutItem (~1 KB) and TransactWriteItems (2 Put, 1 Update, 1 ConditionCheck) with 1
 *   and 8 clients, on DynamoTest with {@code --durability fsync} (the default) and {@code --durability write}, and
 *   on DynamoDB Local, each server on a fresh folder, driven by a client JVM of its own ({@link Worker}).</li>
 * </ul>
 */
final class Durable {
    static final String TABLE = "bench_durable";
    /** Names the item shape of {@link #item}: change it with the shape, so that cached stores are loaded again. */
    static final String SHAPE = "kv250v1";
    static final int STARTS = 3;
    static final int[] CLIENTS = {1, 8};
    static final List<String> OPS = List.of("PutItem", "TransactWriteItems");

    private final Main m;
    private final int items;
    private final int kv;
    private final Path cacheRoot;
    private final Path scratch;

    Durable(Main m) {
        this.m = m;
        String n = System.getenv("DYNAMOTEST_BENCH_DURABLE_ITEMS"); // another store size, e.g. to try the section
        this.items = n != null ? Integer.parseInt(n) : m.quick ? 100_000 : 1_000_000;
        this.kv = m.quick ? 2_000 : 10_000;
        this.cacheRoot = Path.of(System.getenv().getOrDefault("DYNAMOTEST_BENCH_STORE", "/tmp/dynamotest-bench-store"));
        this.scratch = cacheRoot.resolve("scratch");
    }

    /** A server of this section: its name, how it is started on a folder, and the version that keys its cache. */
    private record Server(String label, String name, String version, List<String> flags) {
    }

    private Server dynamoTest(String durability) throws IOException {
        List<String> flags = durability == null ? List.of() : List.of("--durability", durability);
        return new Server(Main.DT + (durability == null ? "" : " `--durability " + durability + "`"),
            "dynamotest" + (durability == null ? "" : "-" + durability), "dynamotest-" + dynamoTestVersion(), flags);
    }

    private Server ddbLocal() throws IOException {
        return new Server(Main.DDB + " `-sharedDb -dbPath`", "ddblocal", "ddblocal-" + ddbLocalVersion(), List.of());
    }

    void run(StringBuilder md) throws Exception {
        Files.createDirectories(scratch);
        Server dt = dynamoTest(null);
        Server ddb = ddbLocal();
        startup(md, dt, ddb);
        throughput(md, dynamoTest("fsync"), dynamoTest("write"), ddb);
        md.append("\nWhat an acknowledged write survives: DynamoTest `--durability fsync` (the default) answers a write once "
            + "its log record is forced to stable storage (`fsync`, one for every write waiting: group commit), so it survives "
            + "a crash or power loss of the machine; `--durability write` answers once the record is handed to the operating "
            + "system (forced within a second), so it survives a killed process but the last second of writes may be lost "
            + "if the machine stops. DynamoDB Local keeps `-dbPath` data in SQLite (sqlite4java, SQLite 3.8.7) and sets no "
            + "PRAGMA of its own (its classes hold only `PRAGMA table_info`), so SQLite's defaults hold: "
            + "`journal_mode=DELETE`, `synchronous=FULL` (as the sqlite4java library it ships reports them): a committed "
            + "SQLite transaction has been synced to disk, the same promise as `fsync`.\n");
    }

    // ---------------------------------------------------------------------------------------------------------
    // start-up with a stored table

    private void startup(StringBuilder md, Server dt, Server ddb) throws Exception {
        Server[] servers = {dt, ddb};
        Map<String, Properties> built = new LinkedHashMap<>();
        Map<String, Boolean> cached = new LinkedHashMap<>();
        for (Server s : servers) {
            Path dir = storeDir(s);
            boolean ok = Files.exists(dir.resolve("load.properties"));
            if (ok) {
                // the untimed first start: checks the cached store (and brings its files into the page cache)
                try {
                    double ms = startOnce(s, dir.resolve("data"), -1, null);
                    Main.log("durable: %s: cached store of %,d items answered after %,.0f ms (untimed)", s.label(), items, ms);
                } catch (IllegalStateException e) {
                    Main.log("durable: %s: the cached store in %s did not serve (%s): loading it again", s.label(), dir, e.getMessage());
                    ok = false;
                }
            }
            if (!ok) {
                load(s, dir);
                startOnce(s, dir.resolve("data"), -1, null);
            }
            cached.put(s.name(), ok);
            built.put(s.name(), readProperties(dir.resolve("load.properties")));
        }
        Map<String, List<Double>> ready = new LinkedHashMap<>();
        Map<String, List<Double>> rss = new LinkedHashMap<>();
        for (int run = 0; run < STARTS; run++) {
            for (int k = 0; k < 2; k++) {
                Server s = servers[(k + run) % 2];
                List<Double> r = new ArrayList<>();
                ready.computeIfAbsent(s.name(), x -> new ArrayList<>()).add(startOnce(s, storeDir(s).resolve("data"), run, r));
                rss.computeIfAbsent(s.name(), x -> new ArrayList<>()).addAll(r);
            }
        }
        md.append("### Start-up with ").append(Report.n0(items)).append(" stored items\n\n")
            .append("The same ").append(Report.n0(items)).append(" items (~").append(itemBytes()).append(" B each: nine "
                + "attributes of mixed types) in a table without secondary indexes, stored by each server through "
                + "BatchWriteItem (").append(Workloads.LOAD_THREADS).append(" clients, 25 items a request), DynamoTest with its "
                + "default durability. Start-up is timed from starting the server process (`java -Xmx").append(m.heap)
            .append(" ...`) to the first GetItem answered with a known item (polled every 5 ms), median of ").append(STARTS)
            .append(" starts of each, interleaved, after one untimed start of each. ");
        boolean allCached = cached.values().stream().allMatch(b -> b);
        md.append(allCached ? "Both stores were **cached**: loaded by an earlier run (the load rate below is from then) and "
                : "Stores not found in the cache were loaded in this run; they are ")
            .append("kept in `").append(cacheRoot).append("/ITEMS-SHAPE-SERVERVERSION/` so that reruns skip the load.\n\n");
        md.append("| durable store | ").append(dt.label()).append(" | ").append(ddb.label()).append(" | **ratio** DynamoTest / DynamoDB Local |\n"
            + "|---|---:|---:|---:|\n");
        double[] start = {Report.median(ready.get(dt.name())), Report.median(ready.get(ddb.name()))};
        md.append("| process start → first GetItem answered, ms (lower is better) | ").append(Report.ms(start[0])).append(" | ")
            .append(Report.ms(start[1])).append(" | **").append(Report.n2(start[0] / start[1])).append("** |\n");
        double[] mem = {Report.median(rss.get(dt.name())), Report.median(rss.get(ddb.name()))};
        md.append("| resident memory (RSS) at that answer, MiB | ").append(Report.n0(mem[0])).append(" | ").append(Report.n0(mem[1]))
            .append(" | ").append(Report.n2(mem[0] / mem[1])).append(" |\n");
        double[] disk = {mib(storeDir(dt).resolve("data")), mib(storeDir(ddb).resolve("data"))};
        md.append("| files on disk, MiB | ").append(Report.n0(disk[0])).append(" | ").append(Report.n0(disk[1])).append(" | ")
            .append(Report.n2(disk[0] / disk[1])).append(" |\n");
        double[] rate = {Double.parseDouble(built.get(dt.name()).getProperty("itemsPerSecond")),
            Double.parseDouble(built.get(ddb.name()).getProperty("itemsPerSecond"))};
        md.append("| load: BatchWriteItem of ").append(Report.n0(items)).append(" items, ").append(Workloads.LOAD_THREADS)
            .append(" clients, items/s (higher is better) | ").append(Report.n0(rate[0])).append(loadNote(built.get(dt.name()), cached.get(dt.name())))
            .append(" | ").append(Report.n0(rate[1])).append(loadNote(built.get(ddb.name()), cached.get(ddb.name()))).append(" | **")
            .append(Report.n2(rate[0] / rate[1])).append("** |\n");
    }

    private static String loadNote(Properties p, boolean cached) {
        String loaded = p.getProperty("loaded");
        int on = loaded.indexOf(" on ");
        return cached ? " (cached: loaded " + loaded + ")" : on < 0 ? "" : " (loaded " + loaded.substring(on + 1) + ")";
    }

    /** Loads a new store of {@link #items} items into {@code dir/data} and records its load rate. */
    private void load(Server s, Path dir) throws Exception {
        deleteTree(dir);
        Path data = dir.resolve("data");
        // built on a memory file system where there is one (fsync costs nothing there: DynamoDB Local syncs every item
        // of a batch, ~40 items/s on this machine's disk), then copied to the disk the start-ups read from
        Path staging = STAGING == null ? data : STAGING.resolve("dynamotest-bench-load-" + s.name());
        deleteTree(staging);
        Files.createDirectories(staging);
        int port = Procs.freePort();
        Main.log("durable: %s: loading %,d items into %s", s.label(), items, staging);
        double secs;
        try (Procs.Child c = start(s, "-load", port, staging);
             DynamoDbClient poll = Procs.poller(Main.local(port))) {
            awaitUp(poll, c);
            try (DynamoDbClient client = Target.client(Main.local(port), Target.apache(16))) {
                Workloads w = new Workloads(client);
                w.create(CreateTableRequest.builder().tableName(TABLE)
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build()));
                long t0 = System.nanoTime();
                w.load(TABLE, items, Durable::item);
                secs = (System.nanoTime() - t0) / 1e9;
            }
        } // stopped with SIGTERM: both servers close their store
        if (!staging.equals(data)) {
            copyTree(staging, data);
            deleteTree(staging);
        }
        Main.log("durable: %s: loaded %,d items in %.1f s (%,.0f items/s)", s.label(), items, secs, items / secs);
        m.raw.add("durable load " + s.name() + " items=" + items + " secs=" + secs);
        Properties p = new Properties();
        p.setProperty("items", Integer.toString(items));
        p.setProperty("shape", SHAPE);
        p.setProperty("server", s.version());
        p.setProperty("seconds", Double.toString(secs));
        p.setProperty("itemsPerSecond", Double.toString(items / secs));
        p.setProperty("loaded", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()
            + (staging.equals(data) ? "" : " on " + STAGING + ", where fsync costs nothing"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("load.properties"))) {
            p.store(out, "a complete store; delete this folder to load it again");
        }
    }

    /**
     * Starts the server on {@code data}, times process start to the first GetItem that returns the known item, checks
     * the first and the last item, stops it; returns the milliseconds (and adds the RSS then to {@code rss}).
     */
    private double startOnce(Server s, Path data, int run, List<Double> rss) throws Exception {
        int port = Procs.freePort();
        Map<String, AttributeValue> known = key(items / 2);
        try (DynamoDbClient poll = Procs.poller(Main.local(port))) {
            try {
                poll.listTables(); // the poller's own class loading, not timed
            } catch (RuntimeException nothingThereYet) {
                // expected
            }
            long t0 = System.nanoTime();
            try (Procs.Child c = start(s, "-start", port, data)) {
                long end = t0 + 600_000_000_000L;
                while (true) {
                    if (!c.process.isAlive()) {
                        throw new IllegalStateException(s.name() + " exited with " + c.process.exitValue());
                    }
                    if (System.nanoTime() > end) {
                        throw new IllegalStateException(s.name() + " did not answer within 600 s");
                    }
                    GetItemResponse r;
                    try {
                        r = poll.getItem(b -> b.tableName(TABLE).key(known));
                    } catch (ResourceNotFoundException e) {
                        throw new IllegalStateException(s.name() + " has no table " + TABLE);
                    } catch (RuntimeException notYet) {
                        Thread.sleep(5);
                        continue;
                    }
                    if (!same(r.item(), item(items / 2))) {
                        throw new IllegalStateException(s.name() + " answered GetItem without the known item");
                    }
                    break;
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                if (rss != null) {
                    rss.add(Procs.rssMib(c.pid()));
                }
                for (long i : new long[] {0, items - 1}) {
                    if (!same(poll.getItem(b -> b.tableName(TABLE).key(key(i)).consistentRead(true)).item(), item(i))) {
                        throw new IllegalStateException(s.name() + " lacks item " + i);
                    }
                }
                m.raw.add("durable startup " + s.name() + " run=" + run + " ms=" + ms);
                Main.log("durable: %s start %d: %,.0f ms", s.label(), run, ms);
                return ms;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // durable write throughput

    private void throughput(StringBuilder md, Server fsync, Server write, Server ddb) throws Exception {
        Server[] servers = {fsync, write, ddb};
        List<Procs.Child> procs = new ArrayList<>();
        List<Procs.WorkerChild> workers = new ArrayList<>();
        List<String> serverJvm = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");
        Map<String, Map<String, String>> r = new LinkedHashMap<>();
        try {
            for (Server s : servers) {
                Path data = scratch.resolve(s.name());
                deleteTree(data);
                Files.createDirectories(data);
                int port = Procs.freePort();
                Procs.Child c = start(s, "-writes", port, data, serverJvm);
                procs.add(c);
                try (DynamoDbClient poll = Procs.poller(Main.local(port))) {
                    awaitUp(poll, c);
                }
                Procs.WorkerChild w = m.worker("client-durable-" + s.name(), List.of("-Xmx1g"), "http", Main.local(port).toString());
                workers.add(w);
                Main.log("durable: %s: %,d items of ~1 KB", s.label(), kv);
                w.call("setup " + kv + " 0 1 0", 1800);
            }
            for (int k = 0; k < servers.length; k++) {
                // untimed: the JIT compiles the client, the server and the log before anything is measured
                for (String op : OPS) {
                    workers.get(k).call("run " + op + " 4 " + m.z.warmOps() * 2 + " " + m.z.warmMs() * 3 + " 1 1", 600);
                }
            }
            int turn = 0;
            for (String op : OPS) {
                for (int threads : CLIENTS) {
                    for (int k = 0; k < servers.length; k++) {
                        int s = (k + turn) % servers.length; // rotate which server goes first
                        String cmd = "run " + op + " " + threads + " " + m.z.warmOps() + " " + m.z.warmMs() + " " + m.z.ops() + " " + m.z.maxMs();
                        Map<String, String> a = workers.get(s).call(cmd, (m.z.warmMs() + m.z.maxMs()) / 1000 + 300);
                        r.put(servers[s].name() + " " + op + " " + threads, a);
                        m.raw.add("durable " + servers[s].name() + " " + op + " clients=" + threads + " " + a);
                    }
                    turn++;
                    Main.log("durable: %-18s %d clients: fsync %,.0f, write %,.0f, DynamoDB Local %,.0f ops/s", op, threads,
                        d(r.get(fsync.name() + " " + op + " " + threads), "tput"), d(r.get(write.name() + " " + op + " " + threads), "tput"),
                        d(r.get(ddb.name() + " " + op + " " + threads), "tput"));
                }
            }
        } finally {
            workers.forEach(Procs.WorkerChild::close);
            procs.forEach(Procs.Child::close);
            for (Server s : servers) {
                deleteTree(scratch.resolve(s.name()));
            }
        }
        md.append("\n### Durable writes\n\nEach server on a new, empty folder (the same file system as the stores above), "
                + "`-Xms1g -Xmx1g -XX:+AlwaysPreTouch`, holding a table of ").append(Report.n0(kv)).append(" items of ~1 KB; "
                + "each driven by a client JVM of its own (Apache HTTP client). PutItem overwrites a random item; "
                + "TransactWriteItems puts 2 items, updates 1 (`SET counter = counter + 1` if it exists) and checks 1, four "
                + "distinct items of the client's own key range. Each operation runs untimed first (4 clients), then every "
                + "phase on the three servers back to back, in rotating order, after an untimed warm-up.\n\n")
            .append("| operation | clients | ").append(fsync.label()).append(" ops/s | ").append(write.label()).append(" ops/s | ")
            .append(ddb.label()).append(" ops/s | **throughput ratio** fsync / DynamoDB Local (higher is better) | **throughput "
                + "ratio** write / DynamoDB Local | fsync p50 / p99 µs | write p50 / p99 µs | DynamoDB Local p50 / p99 µs |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String op : OPS) {
            for (int threads : CLIENTS) {
                Map<String, String> a = r.get(fsync.name() + " " + op + " " + threads);
                Map<String, String> b = r.get(write.name() + " " + op + " " + threads);
                Map<String, String> c = r.get(ddb.name() + " " + op + " " + threads);
                md.append("| ").append(op.equals("PutItem") ? "PutItem (~1 KB item)" : "TransactWriteItems: 2 Put, 1 Update, 1 ConditionCheck")
                    .append(" | ").append(threads).append(" | ").append(Report.n0(d(a, "tput"))).append(mark(a)).append(" | ")
                    .append(Report.n0(d(b, "tput"))).append(mark(b)).append(" | ").append(Report.n0(d(c, "tput"))).append(mark(c))
                    .append(" | **").append(Report.n2(d(a, "tput") / d(c, "tput"))).append("** | **")
                    .append(Report.n2(d(b, "tput") / d(c, "tput"))).append("** | ")
                    .append(latency(a)).append(" | ").append(latency(b)).append(" | ").append(latency(c)).append(" |\n");
            }
        }
        md.append("\nA phase stopped by its time bound (").append(m.z.maxMs()).append(" ms) before its ").append(Report.n0(m.z.ops()))
            .append(" operations is marked †; failed operations, where there were any, ‡N.\n");
    }

    private static String latency(Map<String, String> r) {
        return Report.n0(d(r, "p50")) + " / " + Report.n0(d(r, "p99"));
    }

    private static String mark(Map<String, String> r) {
        String t = Boolean.parseBoolean(r.get("truncated")) ? " †" : "";
        long errors = Long.parseLong(r.getOrDefault("errors", "0"));
        return errors > 0 ? t + " ‡" + errors : t;
    }

    private static double d(Map<String, String> r, String key) {
        return r == null ? Double.NaN : Double.parseDouble(r.getOrDefault(key, "NaN"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // servers, items, files

    private Procs.Child start(Server s, String suffix, int port, Path data) throws IOException {
        return start(s, suffix, port, data, List.of("-Xmx" + m.heap));
    }

    private Procs.Child start(Server s, String suffix, int port, Path data, List<String> jvm) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(m.java);
        cmd.addAll(jvm);
        if (s.name().startsWith("ddblocal")) {
            // not the kit's ddblocal-server.sh: it passes -inMemory, which DynamoDB Local refuses beside -dbPath
            cmd.addAll(List.of("-Djava.library.path=" + m.ddbHome.resolve("native"),
                "-cp", m.ddbHome.resolve("launcher") + ":" + m.ddbHome.resolve("lib") + "/*", "LoopbackServerRunner",
                "-sharedDb", "-dbPath", data.toString(), "-disableTelemetry", "-port", Integer.toString(port)));
        } else {
            cmd.addAll(List.of("-jar", m.serverJar.toString(), "--port", Integer.toString(port), "--data-dir", data.toString()));
            cmd.addAll(s.flags());
        }
        String name = "durable-" + s.name() + suffix;
        return Procs.start(name, cmd, Main.DDB_ENV, m.runDir, m.runDir.resolve(name + ".log"));
    }

    /** Waits for a first answered ListTables: up to 5 minutes (a loaded machine can take minutes to start a JVM). */
    private static void awaitUp(DynamoDbClient poll, Procs.Child c) throws InterruptedException {
        for (int tries = 1; ; tries++) {
            try {
                Procs.awaitFirstAnswer(poll, c, System.nanoTime());
                return;
            } catch (IllegalStateException e) {
                if (tries == 5 || !c.process.isAlive()) {
                    throw e;
                }
            }
        }
    }

    private Path storeDir(Server s) {
        return cacheRoot.resolve(items + "-" + SHAPE + "-" + s.version());
    }

    static Map<String, AttributeValue> key(long i) {
        return Map.of("pk", Workloads.s(String.format(Locale.ROOT, "d%07d", i)));
    }

    /** A ~250 B item of nine attributes of mixed types, the same for the same i on every server. */
    static Map<String, AttributeValue> item(long i) {
        SplittableRandom r = new SplittableRandom(i * 31 + 7);
        Map<String, AttributeValue> m = new LinkedHashMap<>(key(i));
        m.put("name", Workloads.s(text(r, 24)));
        m.put("email", Workloads.s(text(r, 12) + "@example.com"));
        m.put("counter", Workloads.n(r.nextInt(1000)));
        m.put("price", AttributeValue.builder().n(r.nextInt(100_000) + "." + r.nextInt(10, 100)).build());
        m.put("active", AttributeValue.builder().bool(r.nextBoolean()).build());
        m.put("tags", AttributeValue.builder().ss(text(r, 6) + "0", text(r, 7) + "1", text(r, 8) + "2").build());
        m.put("created", Workloads.n(1_700_000_000L + r.nextInt(100_000_000)));
        m.put("data", Workloads.s(text(r, 120)));
        return m;
    }

    /** The stored item is the written one: same attributes, same key and text (sets and numbers may come back normalised). */
    private static boolean same(Map<String, AttributeValue> got, Map<String, AttributeValue> written) {
        return got != null && got.keySet().equals(written.keySet()) && got.get("pk").equals(written.get("pk"))
            && got.get("data").equals(written.get("data"));
    }

    private static String text(SplittableRandom r, int len) {
        char[] c = new char[len];
        for (int k = 0; k < len; k++) {
            c[k] = (char) ('a' + r.nextInt(26));
        }
        return new String(c);
    }

    /** The item's size as DynamoDB counts it: names plus values (approximate for numbers, sets). */
    private static long itemBytes() {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item(0).entrySet()) {
            size += e.getKey().length();
            AttributeValue v = e.getValue();
            size += v.s() != null ? v.s().length() : v.n() != null ? v.n().length() : v.hasSs() ? v.ss().stream().mapToInt(String::length).sum() : 1;
        }
        return size;
    }

    private String dynamoTestVersion() throws IOException {
        try (ZipFile z = new ZipFile(m.serverJar.toFile())) {
            ZipEntry e = z.getEntry("META-INF/maven/dev.dynamotest/dynamotest-core-engine/pom.properties");
            if (e == null) {
                return "unknown";
            }
            Properties p = new Properties();
            try (InputStream in = z.getInputStream(e)) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        }
    }

    private String ddbLocalVersion() throws IOException {
        try (Stream<Path> s = Files.list(m.ddbHome.resolve("lib"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("DynamoDBLocal-\\d.*\\.jar"))
                .map(n -> n.substring("DynamoDBLocal-".length(), n.length() - 4)).findFirst().orElse("unknown");
        }
    }

    private static Properties readProperties(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    private static double mib(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1048576.0;
        }
    }

    /** Where stores are built before they are copied to disk: /dev/shm if present, DYNAMOTEST_BENCH_STAGING, or none. */
    private static final Path STAGING = staging();

    private static Path staging() {
        String configured = System.getenv("DYNAMOTEST_BENCH_STAGING");
        if (configured != null) {
            return configured.isEmpty() ? null : Path.of(configured);
        }
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : null;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
