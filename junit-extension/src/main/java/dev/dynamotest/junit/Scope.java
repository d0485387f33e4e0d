package dev.dynamotest.junit;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.engine.journal.NamespaceJournal;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
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
 * One set of credentials against one backend, and the clients built for it on first use (closed with the
 * scope). A test has one; a class has one for what it writes itself and one handed to user code.
 */
final class Scope implements DynamoRuntime, AutoCloseable {
    private final Backend backend;
    private final SharedResources shared;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Supplier<List<TableDef>> declaredTables;
    private final List<SdkClient> built = new ArrayList<>();
    private final ScopedHttpClients http;
    private final Transport transport;
    private DynamoDbClient client;
    private DynamoDbAsyncClient asyncClient;
    private DynamoDbEnhancedClient enhancedClient;
    private DynamoDbEnhancedAsyncClient enhancedAsyncClient;
    private DynamoDbStreamsClient streamsClient;
    private final Map<String, DynamoDbClient> regionalClients = new LinkedHashMap<>();
    private final Set<String> pausedRegions = ConcurrentHashMap.newKeySet(); // Regions this scope took offline
    private boolean closed;

    Scope(Backend backend, SharedResources shared, String region, AwsCredentialsProvider credentials,
          Supplier<List<TableDef>> declaredTables, Transport transport) {
        this.backend = backend;
        this.shared = shared;
        this.region = Region.of(region);
        this.credentials = credentials;
        this.declaredTables = declaredTables;
        this.transport = transport == Transport.IN_PROCESS && backend.handler() != null ? Transport.IN_PROCESS : Transport.HTTP;
        this.http = new ScopedHttpClients(shared, this.transport == Transport.IN_PROCESS ? backend.handler() : null);
    }

    private TestFaults faults;

    @Override
    public synchronized TestFaults faults() {
        if (!backend.embedded()) {
            throw new IllegalStateException("fault injection needs the embedded engine, not an external endpoint");
        }
        if (faults == null) {
            faults = new TestFaults(backend.engine().faults(), credentials.resolveCredentials().accessKeyId());
        }
        return faults;
    }

    @Override
    public NamespaceJournal journal() {
        if (!backend.embedded()) {
            throw new IllegalStateException("the request journal needs the embedded engine, not an external endpoint "
                + backend.endpoint() + " (a DynamoTest server serves it on GET /_dynamotest/journal)");
        }
        return backend.engine().journal().namespace(namespaceId());
    }

    /** This scope's namespace in the embedded engine: its region and access key. */
    NamespaceId namespaceId() {
        return new NamespaceId(region.id(), credentials.resolveCredentials().accessKeyId());
    }

    @Override
    public TestReplication replication() {
        return new TestReplication(engine().replication(), credentials.resolveCredentials().accessKeyId(), pausedRegions);
    }

    /** The consistency model's controls for this scope's namespace. */
    public TestConsistency consistency() {
        return new TestConsistency(engine().consistency(),
            namespaceId());
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public URI endpoint() {
        return backend.endpoint();
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public AwsCredentialsProvider credentialsProvider() {
        return credentials;
    }

    @Override
    public boolean isEmbedded() {
        return backend.embedded();
    }

    @Override
    public EngineClock clock() {
        return engine().clock();
    }

    @Override
    public Engine engine() {
        Engine e = backend.engine();
        if (e == null) {
            throw new IllegalStateException("DynamoTest runs against the external endpoint " + backend.endpoint()
                + ": there is no embedded engine (and no engine clock) to reach");
        }
        return e;
    }

    Backend backend() {
        return backend;
    }

    List<TableDef> declaredTables() {
        return declaredTables.get();
    }

    @Override
    public synchronized DynamoDbClient client() {
        checkOpen();
        if (client == null) {
            client = track(DynamoDbClient.builder()
                .endpointOverride(backend.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http.sync())
                .build());
        }
        return client;
    }

    @Override
    public synchronized DynamoDbClient clientIn(String regionName) {
        checkOpen();
        if (regionName.equals(region.id())) {
            return client();
        }
        return regionalClients.computeIfAbsent(regionName, r -> track(DynamoDbClient.builder()
            .endpointOverride(backend.endpoint())
            .region(Region.of(r))
            .credentialsProvider(credentials)
            .httpClient(http.sync())
            .build()));
    }

    @Override
    public synchronized DynamoDbAsyncClient asyncClient() {
        checkOpen();
        if (asyncClient == null) {
            asyncClient = track(DynamoDbAsyncClient.builder()
                .endpointOverride(backend.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http.async())
                .build());
        }
        return asyncClient;
    }

    @Override
    public synchronized DynamoDbEnhancedClient enhancedClient() {
        if (enhancedClient == null) {
            enhancedClient = DynamoDbEnhancedClient.builder().dynamoDbClient(client()).build();
        }
        return enhancedClient;
    }

    @Override
    public synchronized DynamoDbEnhancedAsyncClient enhancedAsyncClient() {
        if (enhancedAsyncClient == null) {
            enhancedAsyncClient = DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(asyncClient()).build();
        }
        return enhancedAsyncClient;
    }

    @Override
    public synchronized DynamoDbStreamsClient streamsClient() {
        checkOpen();
        if (streamsClient == null) {
            streamsClient = track(DynamoDbStreamsClient.builder()
                .endpointOverride(backend.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http.sync())
                .build());
        }
        return streamsClient;
    }

    @Override
    public <T> DynamoDbTable<T> table(String tableName, Class<T> beanClass) {
        return enhancedClient().table(tableName, shared.schema(beanClass));
    }

    <T> DynamoDbAsyncTable<T> asyncTable(String tableName, Class<T> beanClass) {
        return enhancedAsyncClient().table(tableName, shared.schema(beanClass));
    }

    private <C extends SdkClient> C track(C c) {
        built.add(c);
        return c;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this DynamoTest runtime belongs to a test that has finished; its clients are closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (backend.embedded() && !pausedRegions.isEmpty()) { // Regions this test took offline are back
            String key = credentials.resolveCredentials().accessKeyId();
            for (String r : List.copyOf(pausedRegions)) {
                backend.engine().replication().resume(new NamespaceId(r, key));
            }
            pausedRegions.clear();
        }
        if (backend.embedded() && !regionalClients.isEmpty()) {
            // the tables this scope made in other Regions (global table replicas) go with it
            String key = credentials.resolveCredentials().accessKeyId();
            for (String r : regionalClients.keySet()) {
                backend.engine().namespace(new NamespaceId(r, key)).restore(new Namespace.Snapshot(List.of()));
            }
        }
        http.close();
        if (inProcessHttp != null) {
            inProcessHttp.close();
        }
        for (SdkClient c : built) {
            c.close();
        }
        built.clear();
    }

    private ScopedHttpClients inProcessHttp;
    private DynamoDbClient inProcessClient;
    private DynamoDbAsyncClient inProcessAsyncClient;

    /** The in-process view of this scope's HTTP clients (the injected ones when they are in-process already). */
    private synchronized ScopedHttpClients inProcess() {
        checkOpen();
        if (backend.handler() == null) {
            throw new IllegalStateException("DynamoTest runs against the external endpoint " + backend.endpoint()
                + ": there is no embedded engine to call in-process");
        }
        if (transport == Transport.IN_PROCESS) {
            return http;
        }
        if (inProcessHttp == null) {
            inProcessHttp = new ScopedHttpClients(shared, backend.handler());
        }
        return inProcessHttp;
    }

    @Override
    public SdkHttpClient inProcessHttpClient() {
        return inProcess().sync();
    }

    @Override
    public SdkAsyncHttpClient inProcessAsyncHttpClient() {
        return inProcess().async();
    }

    @Override
    public synchronized DynamoDbClient inProcessClient() {
        ScopedHttpClients clients = inProcess();
        if (clients == http) {
            return client();
        }
        if (inProcessClient == null) {
            inProcessClient = track(DynamoDbClient.builder()
                .endpointOverride(backend.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(clients.sync())
                .build());
        }
        return inProcessClient;
    }

    @Override
    public synchronized DynamoDbAsyncClient inProcessAsyncClient() {
        ScopedHttpClients clients = inProcess();
        if (clients == http) {
            return asyncClient();
        }
        if (inProcessAsyncClient == null) {
            inProcessAsyncClient = track(DynamoDbAsyncClient.builder()
                .endpointOverride(backend.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(clients.async())
                .build());
        }
        return inProcessAsyncClient;
    }

    @Override
    public String toString() {
        return "DynamoRuntime[" + backend.endpoint() + ", " + region + "]";
    }
}
