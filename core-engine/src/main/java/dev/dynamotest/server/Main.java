package dev.dynamotest.server;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.consistency.ConsistencySettings;
import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.protocol.RequestHandler.NamespacePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The standalone server: {@code java -jar dynamotest-server.jar --port 8000}. Prints one line when ready and
 * stops cleanly (exit status 0) on SIGTERM/SIGINT. Accepts DynamoDB Local's flags too, so it drops in where that
 * was used: given any of them, tables are separated per access key and region as DynamoDB Local does, unless
 * {@code -sharedDb}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
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
        DynamoTestServer server = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            server.close();
            stopped.countDown();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "dynamotest-shutdown"));
        exitZeroOnSignal("TERM", stop);
        exitZeroOnSignal("INT", stop);
        if (options.portFile != null) {
            writePortFile(options.portFile, server.port());
        }
        System.out.println("DynamoTest listening on " + server.endpoint() + " (port " + server.port() + ", namespaces by "
            + (options.namespaces() == NamespacePolicy.REGION ? "region" : "access key and region") + ")");
        System.out.flush();
        stopped.await();
    }

    static DynamoTestServer start(Options options) {
        EngineClock clock = options.manualClock ? EngineClock.manual(Instant.now()) : EngineClock.system();
        Engine engine = new Engine(clock);
        engine.consistency().configure(options.consistency);
        return DynamoTestServer.builder().engine(engine).handler(new RequestHandler(engine, options.namespaces()))
            .host(options.host).port(options.port).start();
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
            "                     one AWS account; access-key: to its access key and region, as DynamoDB Local does",
            "  --port-file FILE   write the port listened on to FILE once ready",
            "  --consistency C    strong (default): every read sees the latest write; eventual: reads without",
            "                     ConsistentRead, GSIs, stream readers and TTL deletions lag, seeded (seed=N), each",
            "                     lag within lag= (operations: 3ops, the default; or engine-clock time: 500ms, 2s)",
            "DynamoDB Local's flags are accepted as well: -port N, -inMemory, -sharedDb, -delayTransientStatuses,",
            "-disableTelemetry (nothing is ever sent), -cors ARG (ignored), -help. Given any of them, tables are",
            "separated per access key and region as DynamoDB Local does, unless -sharedDb. -dbPath and",
            "-optimizeDbBeforeStartup are rejected: DynamoTest keeps data in memory only.");
        String host = "127.0.0.1";
        int port = 8000;
        boolean manualClock;
        /** A DynamoDB Local flag was given: namespaces follow DynamoDB Local's rule. */
        boolean dynamoDbLocalFlags;
        boolean sharedDb;
        NamespacePolicy explicitNamespaces;
        Path portFile;
        boolean help;
        boolean train;
        ConsistencySettings consistency = ConsistencySettings.STRONG;

        /** Region-scoped unless DynamoDB Local's flags ask for its per-access-key databases (without -sharedDb). */
        NamespacePolicy namespaces() {
            if (explicitNamespaces != null) {
                return explicitNamespaces;
            }
            return dynamoDbLocalFlags && !sharedDb ? NamespacePolicy.ACCESS_KEY_AND_REGION : NamespacePolicy.REGION;
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
                            default -> throw new IllegalArgumentException(
                                "--namespaces takes 'region' or 'access-key', not '" + mode + "'");
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
                    case "-cors":
                        value(args, ++i, a);
                        o.dynamoDbLocalFlags = true;
                        break;
                    case "-dbPath":
                    case "-optimizeDbBeforeStartup":
                        throw new IllegalArgumentException(a + " is not supported: DynamoTest keeps data in memory only "
                            + "(persistence to disk does not exist yet); drop the flag or use -inMemory");
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
