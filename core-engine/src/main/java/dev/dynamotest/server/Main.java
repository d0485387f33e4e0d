package dev.dynamotest.server;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.EngineClock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The standalone server: {@code java -jar dynamotest-server.jar --port 8000}. Prints one line when ready and
 * stops cleanly on SIGTERM/SIGINT. Accepts DynamoDB Local's flags too, so it drops in where that was used.
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
        EngineClock clock = options.manualClock ? EngineClock.manual(Instant.now()) : EngineClock.system();
        Engine engine = new Engine(clock);
        DynamoTestServer server = DynamoTestServer.builder().engine(engine).host(options.host).port(options.port).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "dynamotest-shutdown"));
        System.out.println("DynamoTest listening on " + server.endpoint() + " (port " + server.port() + ")");
        System.out.flush();
        stopped.await();
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
            "  --host HOST        address to bind (default 127.0.0.1)",
            "  --port PORT        port to listen on (default 8000; 0 picks a free port and prints it)",
            "  --clock MODE       system (default) or manual (moves only through the admin API)",
            "DynamoDB Local's flags are accepted as well: -port N, -inMemory, -sharedDb, -delayTransientStatuses,",
            "-disableTelemetry, -cors ARG (accepted and ignored), -help.");
        String host = "127.0.0.1";
        int port = 8000;
        boolean manualClock;
        boolean sharedDb;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--host":
                        o.host = value(args, ++i, a);
                        break;
                    case "--port":
                    case "-port":
                        o.port = port(value(args, ++i, a));
                        break;
                    case "--clock": {
                        String mode = value(args, ++i, a);
                        if (!mode.equals("manual") && !mode.equals("system")) {
                            throw new IllegalArgumentException("--clock takes 'system' or 'manual', not '" + mode + "'");
                        }
                        o.manualClock = mode.equals("manual");
                        break;
                    }
                    case "-inMemory":
                    case "-delayTransientStatuses":
                    case "-disableTelemetry":
                        break;
                    case "-sharedDb":
                        o.sharedDb = true;
                        break;
                    case "-cors":
                        value(args, ++i, a);
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
