package dev.dynamotest.bench;

import dev.dynamotest.DynamoTest;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.server.DynamoTestServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The request journal's cost: GetItem and PutItem throughput with the journal on (the default, 10,000 entries per
 * namespace) and off, in process and over HTTP, in one JVM and one run, single client thread, the two settings
 * interleaved round by round so machine noise hits both alike. Prints a Markdown table of the medians.
 *
 * <pre>java -cp benchmarks/target/dynamotest-benchmarks.jar dev.dynamotest.bench.JournalOverhead [ROUNDS] [MS]</pre>
 */
public final class JournalOverhead {
    private JournalOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        long ms = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        for (String name : new String[] {"io.undertow", "org.xnio", "org.jboss"}) {
            Logger.getLogger(name).setLevel(Level.WARNING);
        }
        Engine engine = new Engine();
        RequestHandler handler = new RequestHandler(engine);
        StringBuilder md = new StringBuilder("| transport | op | journal off ops/s | journal on ops/s | on / off |\n|---|---|---:|---:|---:|\n");
        try (DynamoTestServer server = DynamoTestServer.builder().engine(engine).handler(handler).port(0).start();
             DynamoDbClient http = Target.client(server.endpoint(), Target.apache(4));
             DynamoDbClient inProcess = Target.client(URI.create("http://in-process"), DynamoTest.inProcessHttpClient(handler))) {
            http.createTable(b -> b.tableName("kvs").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            for (int i = 0; i < 1000; i++) {
                String pk = "k" + i;
                http.putItem(b -> b.tableName("kvs").item(Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromS("x".repeat(100)))));
            }
            String[] names = {"in-process", "HTTP"};
            DynamoDbClient[] clients = {inProcess, http};
            for (int t = 0; t < 2; t++) {
                for (String op : new String[] {"GetItem", "PutItem"}) {
                    DynamoDbClient c = clients[t];
                    measure(engine, c, op, Math.max(200, ms / 2), 2); // warm-up, both settings
                    List<Double> off = new ArrayList<>();
                    List<Double> on = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        boolean onFirst = r % 2 == 0;
                        for (int k = 0; k < 2; k++) {
                            boolean journal = (k == 0) == onFirst;
                            engine.journal().enabled(journal);
                            (journal ? on : off).add(run(c, op, ms));
                        }
                    }
                    double mOff = median(off);
                    double mOn = median(on);
                    md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.2f |%n", names[t], op, mOff, mOn, mOn / mOff));
                }
            }
        }
        engine.journal().enabled(true);
        System.out.print(md);
    }

    private static void measure(Engine engine, DynamoDbClient c, String op, long ms, int rounds) {
        for (int r = 0; r < rounds; r++) {
            engine.journal().enabled(r % 2 == 0);
            run(c, op, ms);
        }
    }

    private static double run(DynamoDbClient c, String op, long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end) {
            String pk = "k" + (n % 1000);
            if (op.equals("GetItem")) {
                c.getItem(b -> b.tableName("kvs").key(Map.of("pk", AttributeValue.fromS(pk))));
            } else {
                c.putItem(b -> b.tableName("kvs").item(Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromS("y"))));
            }
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
