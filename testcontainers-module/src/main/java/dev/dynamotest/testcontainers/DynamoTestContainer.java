package dev.dynamotest.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.journal.JournalEntry;
import dev.dynamotest.protocol.JournalJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoTest in a container, for tests that want a process boundary or share one server with other languages.
 *
 * <pre>{@code
 * @Testcontainers
 * class OrdersIT {
 *     @Container
 *     static DynamoTestContainer dynamo = new DynamoTestContainer();
 *
 *     @Test
 *     void roundTrip() {
 *         try (DynamoDbClient client = dynamo.newClient()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>By default the image is built from the server jar this module ships (see {@link DynamoTestImage}); give a
 * published image name to run that instead. The server listens on {@value #PORT}, answers as soon as it is up
 * (the wait strategy asks its health line), and serves the admin API: {@link #advanceClock(Duration)},
 * {@link #faults()}, {@link #reset()}. Clients made by the helpers sign with {@link #getCredentialsProvider()}
 * for {@link #getRegion()}, and the caller closes them.
 */
public class DynamoTestContainer extends GenericContainer<DynamoTestContainer> {
    public static final int PORT = 8000;

    private String region = "us-east-1";
    private String accessKey = "dynamotest";
    private String secretKey = "dynamotest";
    private final List<String> serverArgs = new ArrayList<>();
    private AdminClient admin;

    /** The image built from this module's jar, or the one named by {@code dynamotest.image} / {@code DYNAMOTEST_IMAGE}. */
    public DynamoTestContainer() {
        super(DynamoTestImage.defaultImage());
        configure0();
    }

    /** A published DynamoTest image. */
    public DynamoTestContainer(DockerImageName image) {
        super(image);
        configure0();
    }

    /** A published DynamoTest image. */
    public DynamoTestContainer(String image) {
        this(DockerImageName.parse(image));
    }

    private void configure0() {
        withExposedPorts(PORT);
        waitingFor(Wait.forHttp("/").forPort(PORT).forStatusCode(200)
            .forResponsePredicate(body -> body.startsWith("healthy"))
            .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** The region the client helpers are configured for (default us-east-1). Tables are scoped to it. */
    public DynamoTestContainer withRegion(String region) {
        this.region = region;
        return self();
    }

    /**
     * The credentials the client helpers sign with. Under DynamoDB Local's namespacing ({@link #withDynamoDbLocalFlags}
     * without {@code -sharedDb}, or {@code --namespaces access-key}) each access key sees its own tables.
     */
    public DynamoTestContainer withCredentials(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        return self();
    }

    /** The engine clock moves only through {@link #advanceClock} / {@link #setClock} ({@code --clock manual}). */
    public DynamoTestContainer withManualClock() {
        return withServerArgs("--clock", "manual");
    }

    /**
     * Starts the server under the eventual-consistency model ({@code --consistency}): {@code "eventual:seed=42"},
     * {@code "eventual:seed=42,lag=500ms"}, {@code "eventual:lag=3ops,ttl=48h"} or {@code "strong"} (docs/admin-api.md).
     */
    public DynamoTestContainer withConsistency(String consistency) {
        return withServerArgs("--consistency", consistency);
    }

    /**
     * DynamoDB Local's command-line flags, as given to {@code amazon/dynamodb-local} (a leading
     * {@code -jar DynamoDBLocal.jar} is accepted): {@code -inMemory}, {@code -sharedDb}, {@code -port N}, ...
     * Without {@code -sharedDb}, tables are then separated per access key and region, as DynamoDB Local does; with
     * it, every access key and every region share one set of tables, as in DynamoDB Local.
     */
    public DynamoTestContainer withDynamoDbLocalFlags(String... flags) {
        return withServerArgs(flags);
    }

    /** Any of the server's own options ({@code --clock manual}, {@code --namespaces access-key}, ...). */
    public DynamoTestContainer withServerArgs(String... args) {
        List<String> list = Arrays.asList(args);
        int port = list.indexOf("-port");
        if (port >= 0 && port + 1 < list.size() && !list.get(port + 1).equals(Integer.toString(PORT))) {
            throw new IllegalArgumentException("the container listens on " + PORT + " (mapped to a free host port); "
                + "leave -port out or give -port " + PORT);
        }
        serverArgs.addAll(list);
        setCommand(serverArgs.toArray(new String[0]));
        return self();
    }

    /**
     * The server's request journal (every request, its units, keys, expressions and outcome) as JSON lines, as
     * {@code GET /_dynamotest/journal?query} serves them ({@code query} may be null, or e.g. {@code operation=Query&table=orders}).
     */
    public List<String> journalLines(String query) {
        return admin().journalLines(query).lines().toList();
    }

    /**
     * The server's request journal as entries (needs {@code dynamotest-core-engine} on the classpath, which the
     * JUnit extension brings), for {@code DynamoAssertions.assertThatJournal(container.journal())}.
     */
    public List<JournalEntry> journal() {
        return journalLines(null).stream().map(JournalJson::read).toList();
    }

    /** Forgets the server's journal entries ({@code DELETE /_dynamotest/journal}). */
    public void clearJournal() {
        admin().call("DELETE", "journal", null);
    }

    /** {@code http://host:port} of the DynamoDB endpoint (and the admin API under {@code /_dynamotest/}). */
    public URI getEndpoint() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
    }

    public Region getRegion() {
        return Region.of(region);
    }

    public AwsCredentialsProvider getCredentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    /** A new synchronous client for this container; close it when done. */
    public DynamoDbClient newClient() {
        return DynamoDbClient.builder().endpointOverride(getEndpoint()).region(getRegion())
            .credentialsProvider(getCredentialsProvider()).build();
    }

    /**
     * A new synchronous client for this container signed for another Region (a global table's replica there);
     * close it when done.
     */
    public DynamoDbClient newClient(Region region) {
        return DynamoDbClient.builder().endpointOverride(getEndpoint()).region(region)
            .credentialsProvider(getCredentialsProvider()).build();
    }

    /** A new asynchronous client for this container; close it when done. */
    public DynamoDbAsyncClient newAsyncClient() {
        return DynamoDbAsyncClient.builder().endpointOverride(getEndpoint()).region(getRegion())
            .credentialsProvider(getCredentialsProvider()).build();
    }

    /** An Enhanced Client over {@code client} (the caller keeps closing {@code client}). */
    public DynamoDbEnhancedClient newEnhancedClient(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    /** An Enhanced Client over a new {@link #newClient()}; it is closed with the Enhanced Client's close(). */
    public DynamoDbEnhancedClient newEnhancedClient() {
        return newEnhancedClient(newClient());
    }

    /** A new DynamoDB Streams client for this container; close it when done. */
    public DynamoDbStreamsClient newStreamsClient() {
        return DynamoDbStreamsClient.builder().endpointOverride(getEndpoint()).region(getRegion())
            .credentialsProvider(getCredentialsProvider()).build();
    }

    // ------------------------------------------------------------------ admin API

    private AdminClient admin() {
        if (admin == null || !admin.endpoint().equals(getEndpoint())) {
            admin = new AdminClient(getEndpoint());
        }
        return admin;
    }

    /** The engine clock's now. */
    public Instant clock() {
        return admin().clock();
    }

    /** Moves the engine clock forward; TTL expiry and stream shard roll-over that became due run before it returns. */
    public Instant advanceClock(Duration by) {
        return admin().advanceClock(by);
    }

    /** Sets the engine clock (it then stays manual). */
    public Instant setClock(Instant to) {
        return admin().setClock(to);
    }

    /** Deletes the items whose TTL has passed now; returns how many. */
    public int sweepTtl() {
        return admin().sweepTtl();
    }

    /** Fault rules on the server: throttling, 5xx, latency, dropped connections, partial batches. */
    public Faults faults() {
        return new Faults(admin());
    }

    /** Switches capacity enforcement (throttling at provisioned and partition limits) on or off. */
    public void enforceCapacity(boolean on) {
        admin().enforceCapacity(on);
    }

    /** The consistency model's settings now, in their text form ({@code strong} or {@code eventual:seed=..,lag=..,ttl=..}). */
    public String consistency() {
        return admin().consistency(null).get("consistency").asText();
    }

    /** Changes the consistency model's settings (text form as {@link #withConsistency}); the draws start again. */
    public void consistency(String settings) {
        admin().consistency(AdminClient.json().createObjectNode().put("consistency", settings));
    }

    /** Makes every write visible to every reader: the moral equivalent of waiting for replication. */
    public void settle() {
        admin().consistency(AdminClient.json().createObjectNode().put("settle", true));
    }

    /** A new seed for the consistency model: everything settles and the seeded lags start again. */
    public void consistencySeed(long seed) {
        admin().consistency(AdminClient.json().createObjectNode().put("seed", seed));
    }

    /** A new lag bound: {@code "3ops"} (later operations) or {@code "500ms"} (engine clock). */
    public void consistencyLag(String lag) {
        admin().consistency(AdminClient.json().createObjectNode().put("lag", lag));
    }

    /**
     * Global tables replication ({@code GET /_dynamotest/replication}): {@code pending} replicated writes per
     * {@code "source -> target"} Region pair, {@code applied}, {@code discarded}, {@code conflicts} (MRSC
     * ReplicatedWriteConflictExceptions) and the {@code paused} Regions.
     */
    public JsonNode replication() {
        return admin().call("GET", "replication", null);
    }

    /** Applies every pending replicated write (Regions offline excepted); returns how many. */
    public int settleReplication() {
        return admin().call("POST", "replication/settle", null).get("appliedNow").asInt();
    }

    /**
     * Takes a Region offline for the container's access key: replication to and from it waits, and the other
     * Regions describe its replicas as REGION_DISABLED.
     */
    public void pauseRegion(String region) {
        admin().call("POST", "replication", AdminClient.json().createObjectNode().put("pause", region).put("accessKey", namespaceKey()));
    }

    /** Brings a Region back online; its backlog of replicated writes is applied. Returns how many. */
    public int resumeRegion(String region) {
        return admin().call("POST", "replication", AdminClient.json().createObjectNode().put("resume", region)
            .put("accessKey", namespaceKey())).get("appliedNow").asInt();
    }

    /** The access key of the container's namespaces: empty unless the server separates namespaces by access key. */
    private String namespaceKey() {
        boolean localFlags = serverArgs.stream().anyMatch(a -> a.startsWith("-") && !a.startsWith("--"));
        return serverArgs.contains("access-key") || localFlags && !serverArgs.contains("-sharedDb") ? accessKey : "";
    }

    /**
     * Saves every table (settings, indexes, items) and backup of the container's engine to a snapshot file
     * ({@code docs/snapshots.md}), to seed a test with {@code @Seed} or another container with {@link #loadSnapshot}.
     */
    public void saveSnapshot(Path file) throws IOException {
        Files.write(file, admin().saveSnapshot(null));
    }

    /** Saves one table (in every namespace that has one of that name) to a snapshot file. */
    public void saveSnapshot(String table, Path file) throws IOException {
        Files.write(file, admin().saveSnapshot(table));
    }

    /** Loads a snapshot file: its tables replace tables of the same name, other tables stay. */
    public void loadSnapshot(Path file) throws IOException {
        admin().loadSnapshot(Files.readAllBytes(file));
    }

    /**
     * Sets a table's read or write capacity up for target tracking auto scaling (the admin API's
     * {@code POST /_dynamotest/autoscaling}), in the container's default namespace: between {@code min} and {@code max}
     * units at {@code targetUtilization} percent. The scaling runs on the server's clock (move it with
     * {@link #advanceClock}). An {@code ApplicationAutoScalingClient} pointed at {@link #getEndpoint()} does the same
     * with every option.
     */
    public void enableAutoScaling(String table, boolean write, long min, long max, double targetUtilization) {
        admin().autoScaling(table, write ? "write" : "read", min, max, targetUtilization);
    }

    /** The server's scalable targets, policies and scaling activities (the admin API's {@code GET /_dynamotest/autoscaling}). */
    public JsonNode autoScaling() {
        return admin().autoScaling();
    }

    /**
     * Drops every table (with its stream) in every namespace, clears fault rules and switches capacity enforcement
     * off: a long-lived or reused container starts the next test class from nothing. The clock stays put.
     */
    public void reset() {
        admin().reset();
    }
}
