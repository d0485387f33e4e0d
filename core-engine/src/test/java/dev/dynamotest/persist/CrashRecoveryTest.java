package dev.dynamotest.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.server.ServerFixture;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Kills the server (SIGKILL, no shutdown hook runs) at random moments while concurrent clients write, restarts it on
 * the same directory, and checks every acknowledged write against the clients' own log: nothing acknowledged is
 * lost, no transaction is half there, nothing deleted comes back. {@code -Ddynamotest.crash.restarts=N} (default 50).
 */
class CrashRecoveryTest {
    private static final int RESTARTS = Integer.getInteger("dynamotest.crash.restarts", 50);
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    private enum State { PUT, PUT_UNKNOWN, DELETED, DELETE_UNKNOWN }

    /** What the clients know of each key (keys are never reused); a transaction writes {@code tx-N-a} and {@code -b}. */
    private final Map<String, State> log = new ConcurrentHashMap<>();
    private final Map<String, Integer> transactions = new ConcurrentHashMap<>(); // tx-N → 1 acknowledged, 0 unknown
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();

    private Process start() throws IOException, InterruptedException {
        Path portFile = dir.resolve("port");
        Files.deleteIfExists(portFile);
        Path data = dir.resolve("data");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
            "dev.dynamotest.server.Main", "--port", "0", "--port-file", portFile.toString(),
            "--data-dir", data.toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(portFile)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server did not start: " + Files.readString(dir.resolve("server.log")));
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("the server did not start within 60 s");
            }
            Thread.sleep(10);
        }
        return p;
    }

    private static URI endpoint(Path dir) throws IOException {
        return URI.create("http://127.0.0.1:" + Files.readString(dir.resolve("port")).trim());
    }

    @Test
    void noAcknowledgedWriteIsLostAcrossKills() throws Exception {
        Random random = new Random(42);
        Process server = start();
        try (DynamoDbClient c = ServerFixture.client(endpoint(dir), "us-east-1")) {
            c.createTable(b -> b.tableName("log")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("k").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("k").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        }
        for (int round = 0; round < RESTARTS; round++) {
            URI endpoint = endpoint(dir);
            AtomicBoolean killed = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                long seed = random.nextLong();
                Thread t = new Thread(() -> writeUntilKilled(endpoint, new Random(seed), killed));
                t.start();
                clients.add(t);
            }
            // kill at a random moment once the round's clients are writing (some acknowledged, others in flight)
            int before = acknowledged.get();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (acknowledged.get() < before + 2 * CLIENTS && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(150));
            killed.set(true);
            server.destroyForcibly(); // SIGKILL
            server.waitFor();
            for (Thread t : clients) {
                t.join();
            }
            server = start();
            check(endpoint(dir), round);
        }
        server.destroyForcibly();
        assertThat(log.values()).contains(State.PUT, State.DELETED);
        assertThat(transactions.values()).contains(1);
    }

    private void writeUntilKilled(URI endpoint, Random random, AtomicBoolean killed) {
        try (DynamoDbClient c = ServerFixture.client(endpoint, "us-east-1")) {
            List<String> mine = new ArrayList<>();
            while (!killed.get()) {
                int op = random.nextInt(10);
                if (op < 6 || mine.isEmpty()) {
                    String k = "k" + ids.incrementAndGet();
                    log.put(k, State.PUT_UNKNOWN);
                    try {
                        c.putItem(b -> b.tableName("log").item(Map.of("k", AttributeValue.fromS(k),
                            "v", AttributeValue.fromS("value of " + k))));
                    } catch (RuntimeException e) {
                        return; // killed: the write may or may not be there
                    }
                    log.put(k, State.PUT);
                    acknowledged.incrementAndGet();
                    mine.add(k);
                } else if (op < 8) {
                    String k = mine.remove(random.nextInt(mine.size()));
                    log.put(k, State.DELETE_UNKNOWN);
                    try {
                        c.deleteItem(b -> b.tableName("log").key(Map.of("k", AttributeValue.fromS(k))));
                    } catch (RuntimeException e) {
                        return;
                    }
                    log.put(k, State.DELETED);
                } else {
                    String tx = "tx" + ids.incrementAndGet();
                    transactions.put(tx, 0);
                    try {
                        c.transactWriteItems(b -> b.transactItems(
                            t -> t.put(p -> p.tableName("log").item(Map.of("k", AttributeValue.fromS(tx + "-a")))),
                            t -> t.put(p -> p.tableName("log").item(Map.of("k", AttributeValue.fromS(tx + "-b"))))));
                    } catch (RuntimeException e) {
                        return;
                    }
                    transactions.put(tx, 1);
                }
            }
        }
    }

    private void check(URI endpoint, int round) {
        Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
        try (DynamoDbClient c = ServerFixture.client(endpoint, "us-east-1")) {
            c.scanPaginator(b -> b.tableName("log").consistentRead(true)).items()
                .forEach(item -> stored.put(item.get("k").s(), item));
        }
        String where = "after restart " + (round + 1) + " (server log: " + dir.resolve("server.log") + ")";
        log.forEach((k, state) -> {
            switch (state) {
                case PUT -> assertThat(stored.get(k)).as("acknowledged put of %s %s", k, where).isNotNull()
                    .containsEntry("v", AttributeValue.fromS("value of " + k));
                case DELETED -> assertThat(stored).as("acknowledged delete of %s %s", k, where).doesNotContainKey(k);
                case PUT_UNKNOWN, DELETE_UNKNOWN -> {
                    // the answer was lost with the server: now it is settled one way or the other, and stays so
                    log.put(k, stored.containsKey(k) ? State.PUT : State.DELETED);
                }
            }
        });
        transactions.forEach((tx, acked) -> {
            boolean a = stored.containsKey(tx + "-a");
            boolean b = stored.containsKey(tx + "-b");
            assertThat(a).as("both halves of %s or neither %s", tx, where).isEqualTo(b);
            if (acked == 1) {
                assertThat(a).as("acknowledged transaction %s %s", tx, where).isTrue();
            } else {
                transactions.put(tx, a ? 1 : -1);
            }
            if (acked == -1) {
                assertThat(a).as("transaction %s absent before stays absent %s", tx, where).isFalse();
            }
        });
        for (String k : stored.keySet()) {
            if (!k.startsWith("tx")) {
                assertThat(log).as("no item the clients never wrote %s", where).containsKey(k);
            }
        }
    }

}
