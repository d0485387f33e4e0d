package dev.dynamotest.server;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.consistency.ConsistencySettings;
import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.persist.DurableStore;
import dev.dynamotest.persist.EngineSnapshots;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.protocol.RequestHandler.NamespacePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The standalone server: {@code java -jar dynamotest-server.jar --port 8000}. Prints one line when ready and
 * stops cleanly (exit status 0) on SIGTERM/SIGINT. Accepts DynamoDB Local's flags too, so it drops in where that
 * was used: given any of them, tables are separated per access key and region as DynamoDB Local does; with
 * {@code -sharedDb}, as in DynamoDB Local, every access key and every region share one set of tables.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("replay")) {
            System.exit(Replay.run(Arrays.copyOfRange(args, 1, args.length), System.out));
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dynamotest: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        quietLogging();
        if (options.train) {
            Training.run();
            return;
        }
        Engine engine = newEngine(options);
        DurableStore store;
        try {
            store = openStore(engine, options);
            if (options.loadFile != null) {
                EngineSnapshots.load(engine, options.loadFile);
            }
        } catch (IOException e) {
            System.err.println("dynamotest: " + e.getMessage());
            System.exit(3);
            return;
        }
        DynamoTestServer server = start(engine, options, store != null);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean closing = new AtomicBoolean();
        Runnable stop = () -> {
            if (closing.compareAndSet(false, true)) {
                server.close();
                if (store != null) {
                    store.close();
                }
            }
            stopped.countDown();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "dynamotest-shutdown"));
        exitZeroOnSignal("TERM", stop);
        exitZeroOnSignal("INT", stop);
        if (options.portFile != null) {
            writePortFile(options.portFile, server.port());
        }
        System.out.println(startLine(server, options.namespaces()));
        if (store != null) {
            System.out.println("DynamoTest data in " + store.directory() + " (durability "
                + store.durability().name().toLowerCase(Locale.ROOT) + ")");
        }
        System.out.flush();
        stopped.await();
    }

    /**
     * The ready line: the address really bound (all interfaces when bound to 0.0.0.0 or ::, as in the container),
     * not the loopback endpoint a local client would use, then the port and the namespace policy.
     */
    static String startLine(DynamoTestServer server, NamespacePolicy namespaces) {
        String scope = switch (namespaces) {
            case REGION -> "namespaces by region";
            case ACCESS_KEY_AND_REGION -> "namespaces by access key and region";
            case SHARED -> "one namespace shared by every access key and region";
        };
        return "DynamoTest listening on http://" + server.bindAddress() + " (" + (server.bindsAllInterfaces() ? "all interfaces, " : "")
            + "port " + server.port() + ", " + scope + ")";
    }

    static DynamoTestServer start(Options options) {
        return start(newEngine(options), options, false);
    }

    static Engine newEngine(Options options) {
        EngineClock clock = options.manualClock ? EngineClock.manual(Instant.now()) : EngineClock.system();
        Engine engine = new Engine(clock);
        if (options.s3Dir != null) {
            engine.transfers().s3Root(options.s3Dir);
        }
        engine.journal().keepBodies(options.journalBodies);
        if (options.journalFile != null) {
            engine.journal().addSink(new JournalFile(options.journalFile));
        }
        engine.consistency().configure(options.consistency);
        return engine;
    }

    /** The durable store of {@code -dbPath}/{@code --data-dir}, loaded into the engine; null without the flag. */
    static DurableStore openStore(Engine engine, Options options) throws IOException {
        return options.dataDir == null ? null : DurableStore.open(engine, options.dataDir, options.durability);
    }

    /** With a durable store, writes wait for the disk: requests then run on worker threads, not I/O threads. */
    static DynamoTestServer start(Engine engine, Options options, boolean durable) {
        DynamoTestServer.Builder b = DynamoTestServer.builder().engine(engine)
            .handler(new RequestHandler(engine, options.namespaces())).host(options.host).port(options.port)
            .allowedHosts(options.allowedHosts).cors(Cors.of(options.cors));
        if (durable) {
            b.blocking(true).workerThreads(16);
        }
        return b.start();
    }

    /**
     * A stop requested by a signal is a clean stop: close the server and exit with 0, not the 143/130 the JVM
     * reports for a signal (container runtimes and process supervisors read that as a crash).
     */
    @SuppressWarnings("restriction")
    private static void exitZeroOnSignal(String name, Runnable stop) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
                stop.run();
                System.out.println("DynamoTest stopped (SIG" + name + ")");
                System.out.flush();
                System.exit(0);
            });
        } catch (IllegalArgumentException | LinkageError e) {
            // the signal is not available here: the shutdown hook still closes the server
        }
    }

    private static void writePortFile(Path file, int port) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(port), StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Undertow and XNIO log their versions at INFO; the server prints only its own ready line. */
    static void quietLogging() {
        System.setProperty("org.jboss.logging.provider", "jdk");
        for (String name : new String[] {"io.undertow", "org.xnio", "org.jboss"}) {
            Logger.getLogger(name).setLevel(Level.WARNING);
        }
    }

    /** Command-line options: DynamoTest's own ({@code --port}) and DynamoDB Local's ({@code -port}). */
    static final class Options {
        static final String USAGE = String.join("\n",
            "usage: java -jar dynamotest-server.jar [--host HOST] [--port PORT] [--clock system|manual]",
            "                                       [--namespaces region|access-key] [--port-file FILE]",
            "                                       [--consistency strong|eventual[:seed=N,lag=3ops|500ms,ttl=48h]]",
            "  --host HOST        address to bind (default 127.0.0.1)",
            "  --port PORT        port to listen on (default 8000; 0 picks a free port and prints it)",
            "  --clock MODE       system (default) or manual (moves only through the admin API)",
            "  --namespaces WHAT  region (default): tables are scoped to the region a request is signed for, as in",
            "                     one AWS account; access-key: to its access key and region, as DynamoDB Local does;",
            "                     shared: one set of tables for every access key and region (DynamoDB Local's -sharedDb)",
            "  --port-file FILE   write the port listened on to FILE once ready",
            "  --data-dir DIR     keep tables, items, settings and backups in DIR across restarts (same as -dbPath)",
            "  --durability WHAT  with --data-dir: fsync (default; each write is on stable storage before it is",
            "                     answered) or write (handed to the OS before the answer, forced every second:",
            "                     survives a killed process, may lose the last second if the machine stops)",
            "  --load FILE        load a snapshot file (see docs/snapshots.md) after start-up",
            "  --s3-dir DIR       the directory standing in for S3 in ExportTableToPointInTime and ImportTable",
            "                     (bucket = sub-directory; default: a temporary directory)",
            "  --journal FILE     append every request's journal entry to FILE as a JSON line",
            "  --journal-bodies   keep request and response bodies in the journal (needed to replay it)",
            "       java -jar dynamotest-server.jar replay --journal FILE --against URL",
            "  replays a journal kept with --journal-bodies against URL and reports every response that differs",
            "  --allowed-host NAME  also answer requests whose Host header is NAME (repeatable, or a comma list; '*':",
            "                     any). Loopback names, IP addresses and the bound host are always answered.",
            "  --consistency C    strong (default): every read sees the latest write; eventual: reads without",
            "                     ConsistentRead, GSIs, stream readers and TTL deletions lag, seeded (seed=N), each",
            "                     lag within lag= (operations: 3ops, the default; or engine-clock time: 500ms, 2s)",
            "DynamoDB Local's flags are accepted as well: -port N, -inMemory, -sharedDb, -delayTransientStatuses,",
            "-disableTelemetry (nothing is ever sent), -cors ORIGINS (CORS grants: '*' or a comma list; none by default), -dbPath DIR (as --data-dir),",
            "-optimizeDbBeforeStartup (nothing to do), -help. Given any of them, tables are separated per access key",
            "and region as DynamoDB Local does; with -sharedDb every access key and every region share one set of",
            "tables, as in DynamoDB Local.");
        String host = "127.0.0.1";
        int port = 8000;
        boolean manualClock;
        /** A DynamoDB Local flag was given: namespaces follow DynamoDB Local's rule. */
        boolean dynamoDbLocalFlags;
        boolean sharedDb;
        NamespacePolicy explicitNamespaces;
        Path portFile;
        Path dataDir;
        DurableStore.Durability durability = DurableStore.Durability.FSYNC;
        Path loadFile;
        Path s3Dir;
        Path journalFile;
        boolean journalBodies;
        boolean help;
        boolean train;
        final List<String> allowedHosts = new ArrayList<>();
        final List<String> cors = new ArrayList<>();
        ConsistencySettings consistency = ConsistencySettings.STRONG;

        /**
         * Region-scoped unless DynamoDB Local's flags ask for its databases: one per access key and region, or with
         * -sharedDb one for everybody (DynamoDB Local ignores the region then too).
         */
        NamespacePolicy namespaces() {
            if (explicitNamespaces != null) {
                return explicitNamespaces;
            }
            if (sharedDb) {
                return NamespacePolicy.SHARED;
            }
            return dynamoDbLocalFlags ? NamespacePolicy.ACCESS_KEY_AND_REGION : NamespacePolicy.REGION;
        }

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--host":
                        o.host = value(args, ++i, a);
                        break;
                    case "--port":
                        o.port = port(value(args, ++i, a));
                        break;
                    case "-port":
                        o.port = port(value(args, ++i, a));
                        o.dynamoDbLocalFlags = true;
                        break;
                    case "--clock": {
                        String mode = value(args, ++i, a);
                        if (!mode.equals("manual") && !mode.equals("system")) {
                            throw new IllegalArgumentException("--clock takes 'system' or 'manual', not '" + mode + "'");
                        }
                        o.manualClock = mode.equals("manual");
                        break;
                    }
                    case "--namespaces": {
                        String mode = value(args, ++i, a);
                        switch (mode) {
                            case "region" -> o.explicitNamespaces = NamespacePolicy.REGION;
                            case "access-key" -> o.explicitNamespaces = NamespacePolicy.ACCESS_KEY_AND_REGION;
                            case "shared" -> o.explicitNamespaces = NamespacePolicy.SHARED;
                            default -> throw new IllegalArgumentException(
                                "--namespaces takes 'region', 'access-key' or 'shared', not '" + mode + "'");
                        }
                        break;
                    }
                    case "--consistency":
                        try {
                            o.consistency = ConsistencySettings.parse(value(args, ++i, a));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("--consistency: " + e.getMessage());
                        }
                        break;
                    case "--port-file":
                        o.portFile = Path.of(value(args, ++i, a));
                        break;
                    case "--journal":
                        o.journalFile = Path.of(value(args, ++i, a));
                        break;
                    case "--journal-bodies":
                        o.journalBodies = true;
                        break;
                    case "--train":
                        o.train = true;
                        break;
                    case "-inMemory":
                    case "-delayTransientStatuses":
                    case "-disableTelemetry":
                        o.dynamoDbLocalFlags = true;
                        break;
                    case "-sharedDb":
                        o.sharedDb = true;
                        o.dynamoDbLocalFlags = true;
                        break;
                    case "--allowed-host":
                        o.allowedHosts.add(value(args, ++i, a));
                        break;
                    case "-cors":
                        o.cors.add(value(args, ++i, a));
                        o.dynamoDbLocalFlags = true;
                        break;
                    case "-dbPath":
                        o.dataDir = Path.of(value(args, ++i, a));
                        o.dynamoDbLocalFlags = true;
                        break;
                    case "--data-dir":
                        o.dataDir = Path.of(value(args, ++i, a));
                        break;
                    case "--durability": {
                        String mode = value(args, ++i, a);
                        switch (mode) {
                            case "fsync" -> o.durability = DurableStore.Durability.FSYNC;
                            case "write" -> o.durability = DurableStore.Durability.WRITE;
                            default -> throw new IllegalArgumentException(
                                "--durability takes 'fsync' or 'write', not '" + mode + "'");
                        }
                        break;
                    }
                    case "--load":
                        o.loadFile = Path.of(value(args, ++i, a));
                        break;
                    case "--s3-dir":
                        o.s3Dir = Path.of(value(args, ++i, a));
                        break;
                    case "-optimizeDbBeforeStartup":
                        o.dynamoDbLocalFlags = true;
                        break;
                    case "-help":
                    case "--help":
                    case "-h":
                        o.help = true;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option: " + a);
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static int port(String s) {
            try {
                int p = Integer.parseInt(s);
                if (p < 0 || p > 65535) {
                    throw new NumberFormatException();
                }
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port number: " + s);
            }
        }
    }
}
