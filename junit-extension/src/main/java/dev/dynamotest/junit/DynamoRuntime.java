package dev.dynamotest.junit;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.engine.journal.NamespaceJournal;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The running DynamoDB the test talks to: where it is, how to reach it and, for the embedded engine, its clock.
 * Inject it as a parameter ({@code void test(DynamoRuntime dynamo)}) or a {@link Dynamo @Dynamo} field.
 *
 * <p>A runtime is bound to one test (or, in {@code @BeforeAll} and constructors, to the class): its credentials
 * select that test's isolated copy of the tables, so build your own clients with {@link #credentialsProvider()}
 * (or take the preconfigured ones here, which the extension closes).
 */
public interface DynamoRuntime {
    /**
     * The runtime of the test running now, for code that lives longer than a test and must act on the current
     * test's tables at call time (a client bean of a Spring context cached across test classes, say): the test
     * running on the calling thread; else the only test running in the JVM; else, when no test runs (a
     * {@code @BeforeAll} method, a Spring context starting), the latest test class that started. Empty when no
     * {@code @DynamoTest} class runs, or when tests run in parallel and the caller is on none of their threads.
     *
     * @return the current test's runtime (a test's runtime is closed when the test ends: ask again on each use)
     */
    static Optional<DynamoRuntime> current() {
        return ActiveRuntimes.current();
    }

    /** The endpoint clients talk to: the embedded engine's loopback URI, or the external endpoint. */
    URI endpoint();

    Region region();

    /**
     * Static test credentials. With the embedded engine their access key selects this test's namespace, so
     * concurrently running tests do not see each other's tables.
     */
    AwsCredentialsProvider credentialsProvider();

    /** True for the embedded engine, false for an external endpoint. */
    boolean isEmbedded();

    /**
     * The engine's clock (system time until a test sets or advances it); every timestamp the engine produces comes
     * from it. It belongs to the engine: with the shared engine, a test that moves it should not run concurrently
     * with others that care about time (or use {@code @DynamoTest(isolatedEngine = true)}). Changes are undone
     * after each test.
     *
     * @throws IllegalStateException against an external endpoint
     */
    EngineClock clock();

    /**
     * The embedded engine itself, for what the DynamoDB API cannot do.
     *
     * @throws IllegalStateException against an external endpoint
     */
    Engine engine();

    DynamoDbClient client();

    DynamoDbAsyncClient asyncClient();

    DynamoDbEnhancedClient enhancedClient();

    DynamoDbEnhancedAsyncClient enhancedAsyncClient();

    DynamoDbStreamsClient streamsClient();

    /** An Enhanced Client table for {@code beanClass} ({@code @DynamoDbBean} or {@code @DynamoDbImmutable}). */
    <T> DynamoDbTable<T> table(String tableName, Class<T> beanClass);

    /** How the injected clients reach the engine (HTTP for an external endpoint). */
    Transport transport();

    /**
     * The request journal of this test's namespace: every request its clients made since the test started (after
     * the declared tables and seeds were written; {@code @BeforeEach} methods' requests are included, call
     * {@code journal().clear()} to leave them out), with its units, keys, expressions and outcome. Check it with
     * {@code DynamoAssertions.assertThatRequests(dynamo)} from the AssertJ module.
     *
     * @throws IllegalStateException against an external endpoint
     */
    NamespaceJournal journal();

    /**
     * Fault rules for this test's calls, cleared after the test.
     *
     * @throws IllegalStateException against an external endpoint
     */
    TestFaults faults();

    /**
     * The eventual-consistency model for this test's namespace (settle, seed, lag, stale reads); off unless the test
     * turns it on or is annotated {@link EventuallyConsistent} / {@link ConsistencySeeds}. Changes end with the test.
     *
     * @throws IllegalStateException against an external endpoint
     */
    TestConsistency consistency();

    /**
     * Global tables replication for this test: take a Region offline ({@code pauseRegion}) and back, settle the
     * replicated writes, see the pending ones and the MRSC conflicts.
     *
     * @throws IllegalStateException against an external endpoint
     */
    TestReplication replication();

    // In-process clients of this test: no socket, the test's tables.

    /**
     * An SDK HTTP client that hands requests to the embedded engine in-process (no socket), whatever
     * {@link #transport()} the injected clients use. Requests signed with {@link #credentialsProvider()} reach this
     * test's tables: {@code DynamoDbClient.builder().httpClient(dynamo.inProcessHttpClient())
     * .credentialsProvider(dynamo.credentialsProvider()).region(dynamo.region()).endpointOverride(dynamo.endpoint())}.
     * Closed with the test: requests after it fail at once.
     *
     * @return the test's in-process HTTP client
     * @throws IllegalStateException against an external endpoint
     */
    SdkHttpClient inProcessHttpClient();

    /**
     * The async form of {@link #inProcessHttpClient()}.
     *
     * @return the test's in-process async HTTP client
     * @throws IllegalStateException against an external endpoint
     */
    SdkAsyncHttpClient inProcessAsyncHttpClient();

    /**
     * A {@link DynamoDbClient} on {@link #inProcessHttpClient()}, configured like {@link #client()} (the same client
     * when the transport is already in-process); closed by the extension.
     *
     * @return the test's in-process client
     * @throws IllegalStateException against an external endpoint
     */
    DynamoDbClient inProcessClient();

    /**
     * A {@link DynamoDbAsyncClient} on {@link #inProcessAsyncHttpClient()}; closed by the extension.
     *
     * @return the test's in-process async client
     * @throws IllegalStateException against an external endpoint
     */
    DynamoDbAsyncClient inProcessAsyncClient();

    /**
     * A client on the same endpoint and credentials signed for another Region (global tables: its replicas), closed
     * with this runtime; the test's tables in that Region are dropped when the test ends. Also injected as
     * {@code @InRegion("eu-west-1") DynamoDbClient}.
     */
    DynamoDbClient clientIn(String region);
}
