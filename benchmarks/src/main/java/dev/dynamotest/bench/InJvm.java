package dev.dynamotest.bench;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.CommitListener;
import dev.dynamotest.engine.table.KeyAttribute;
import dev.dynamotest.engine.table.KeySchema;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.inprocess.InProcessClients;
import dev.dynamotest.protocol.RequestHandler;
import dev.dynamotest.server.DynamoTestServer;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoTest-only measurements in the orchestrator's own JVM: the in-process transport vs the embedded HTTP
 * server vs a do-nothing HTTP endpoint (same SDK client, same engine), and the JUnit extension's per-test reset.
 */
final class InJvm {
    private InJvm() {
    }

    /** GetItem/PutItem with 1 and 16 client threads on the three transports; appends the table to md. */
    static void transports(StringBuilder md, Main.Sizes z) throws Exception {
        for (String name : new String[] {"io.undertow", "org.xnio", "org.jboss"}) { // no version banners in the output
            java.util.logging.Logger.getLogger(name).setLevel(java.util.logging.Level.WARNING);
        }
        md.append("| op | clients | null endpoint ops/s | HTTP ops/s | in-process ops/s | in-process / HTTP | in-process / null "
            + "| HTTP p50 µs | in-process p50 µs |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Engine engine = new Engine();
        RequestHandler handler = new RequestHandler(engine);
        try (DynamoTestServer server = DynamoTestServer.builder().engine(engine).handler(handler).port(0).start();
             NullEndpoint nullEndpoint = new NullEndpoint();
             DynamoDbClient nul = Target.client(nullEndpoint.endpoint(), Target.apache(64));
             DynamoDbClient http = Target.client(server.endpoint(), Target.apache(64));
             DynamoDbClient inProcess = Target.client(URI.create("http://in-process"), InProcessClients.httpClient(handler))) {
            Workloads[] w = {new Workloads(nul).sizes(z.kv(), 0, 0), new Workloads(http).sizes(z.kv(), 0, 0), new Workloads(inProcess)};
            w[2].setup(z.kv(), 0, 1, 0);
            for (Workloads each : w) { // untimed: let the JIT compile every path first
                for (String op : new String[] {"PutItem", "GetItem"}) {
                    Phase.run(Main.JIT_WARM_THREADS, 1_000_000, z.jitWarmMs(), each.op(op, Main.JIT_WARM_THREADS));
                }
            }
            for (int threads : Main.CLIENTS) {
                for (String op : new String[] {"PutItem", "GetItem"}) {
                    Phase.Result[] r = new Phase.Result[3];
                    for (int k = 0; k < 3; k++) {
                        int at = (k + (threads == 1 ? 0 : 1)) % 3; // rotate which transport goes first
                        Phase.Body body = w[at].op(op, threads);
                        Phase.run(threads, z.warmOps(), z.warmMs(), body);
                        r[at] = Phase.run(threads, z.ops(), z.maxMs(), body);
                    }
                    md.append("| ").append(op).append(" | ").append(threads).append(" | ").append(Report.n0(r[0].opsPerSecond()))
                        .append(" | ").append(Report.n0(r[1].opsPerSecond())).append(" | ").append(Report.n0(r[2].opsPerSecond()))
                        .append(" | ").append(Report.n2(r[2].opsPerSecond() / r[1].opsPerSecond()))
                        .append(" | ").append(Report.n2(r[2].opsPerSecond() / r[0].opsPerSecond()))
                        .append(" | ").append(Report.n0(r[1].p50Micros())).append(" | ").append(Report.n0(r[2].p50Micros())).append(" |\n");
                }
            }
        }
    }

    /** The JUnit extension's per-test reset: restoring a namespace's class snapshot of 100,000 items after a write. */
    static void reset(StringBuilder md, int resets) {
        Engine engine = new Engine();
        Namespace seeded = engine.namespace(new NamespaceId("us-east-1", "class"));
        Table t = seeded.create(metadata("seeded"));
        int items = 100_000;
        for (int i = 0; i < items; i++) {
            put(t, "p" + (i % 1000), i);
        }
        Namespace.Snapshot snapshot = seeded.snapshot();
        long[] ns = new long[resets];
        for (int i = 0; i < resets; i++) {
            put(t, "dirty", i); // a test writes something
            long s = System.nanoTime();
            seeded.restore(snapshot);
            ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        md.append("| seeded items | resets | median µs | p99 µs |\n|---:|---:|---:|---:|\n| ").append(Report.n0(items)).append(" | ")
            .append(resets).append(" | ").append(Report.n1(Phase.percentile(ns, 50) / 1e3)).append(" | ")
            .append(Report.n1(Phase.percentile(ns, 99) / 1e3)).append(" |\n");
    }

    static TableMetadata metadata(String name) {
        TableMetadata.Builder b = TableMetadata.builder();
        b.name = name;
        b.arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + name;
        b.tableId = name;
        b.creationDateTime = Instant.now();
        b.keySchema = new KeySchema(new KeyAttribute("pk", AttrType.S), new KeyAttribute("sk", AttrType.N));
        b.attributeDefinitions = Map.of("pk", AttrType.S, "sk", AttrType.N);
        b.billingMode = TableMetadata.BillingMode.PAY_PER_REQUEST;
        return b.build();
    }

    static void put(Table t, String pk, int sk) {
        Item item = Item.of(Map.of("pk", AttributeValue.s(pk), "sk", AttributeValue.n(sk), "v", AttributeValue.s("value-" + sk)));
        t.write(t.keySchema().keyOfItem(item), old -> item, CommitListener.Origin.WRITE);
    }
}
