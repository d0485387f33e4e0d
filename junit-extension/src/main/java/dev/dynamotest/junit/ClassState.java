package dev.dynamotest.junit;

import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.persist.EngineSnapshots;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The DynamoDB state of one test class, kept in its store: its backend, its own namespace (access key) holding
 * the class-level tables and fixtures (and what {@code @BeforeAll} wrote), and the snapshot every test of the
 * class starts from. Created on first need (constructor injection of a PER_CLASS instance comes before
 * beforeAll) and closed with the class.
 */
final class ClassState implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    /** Store key of a class's state; the class is part of the key so a nested class never finds its parent's. */
    record Key(Class<?> testClass) {
    }

    private final Class<?> testClass;
    private final String where;
    private DynamoExtension owner;
    private boolean initialized;
    private RuntimeException failure;
    private boolean beforeAllRan;
    private boolean closed;

    private ClassState parent;
    private Settings settings;
    private Backend backend;
    private boolean ownsBackend;
    private SharedResources shared;
    private String key;
    private Scope internal;
    private Scope user;
    private List<TableDef> ownTables = List.of();
    private ExternalTables externalTables;
    private ExternalTables.Layer layer;
    private volatile Namespace.Snapshot snapshot;
    private volatile Object perClassInstance;
    /** The tests of this class (and its nested classes) running now, by thread. */
    private final ConcurrentHashMap<Thread, String> active = new ConcurrentHashMap<>();

    ClassState(Class<?> testClass) {
        this.testClass = testClass;
        this.where = DynamoExtension.displayName(testClass);
    }

    /** Sets the state up once; a failure is remembered and thrown again to every later caller. */
    synchronized void ensureInitialized(ExtensionContext classContext, DynamoExtension extension) {
        checkOwner(extension);
        if (failure != null) {
            throw failure;
        }
        if (initialized) {
            return;
        }
        owner = extension;
        try {
            init(classContext, extension);
            initialized = true;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    synchronized void checkOwner(DynamoExtension extension) {
        if (owner != null && owner != extension) {
            throw new ExtensionConfigurationException("DynamoExtension is registered twice for " + where
                + ": use either @DynamoTest or one @RegisterExtension static DynamoExtension field, not both");
        }
    }

    private void init(ExtensionContext ctx, DynamoExtension extension) {
        // A nested class without a @DynamoTest of its own starts from its enclosing class's state.
        ClassState enclosing = null;
        if (AnnotationSupport.findAnnotation(testClass, DynamoTest.class).isEmpty()) {
            enclosing = ctx.getParent().flatMap(p -> p.getTestClass().map(c ->
                p.getStore(DynamoExtension.NS).get(new Key(c), ClassState.class))).orElse(null);
            if (enclosing != null && !enclosing.initialized) {
                enclosing = null;
            }
        }
        // Validate the declarations before touching any endpoint.
        ownTables = TableDefinitions.declaredOn(testClass, where);
        List<Seed> seeds = Provisioner.seedsOn(testClass);
        if (enclosing != null) {
            parent = enclosing;
            settings = enclosing.settings;
            backend = enclosing.backend;
            shared = enclosing.shared;
        } else {
            settings = Settings.resolve(ctx, extension);
            ExtensionContext.Store root = ctx.getRoot().getStore(DynamoExtension.NS);
            shared = root.getOrComputeIfAbsent(SharedResources.class, k -> new SharedResources(), SharedResources.class);
            if (settings.external()) {
                backend = new Backend.External(settings.endpoint());
            } else if (settings.isolatedEngine()) {
                backend = new Backend.Embedded();
                ownsBackend = true;
            } else {
                backend = root.getOrComputeIfAbsent(Backend.Embedded.class, k -> new Backend.Embedded(), Backend.Embedded.class);
            }
        }
        key = backend.acquireKey();
        internal = new Scope(backend, shared, settings.region(), credentials(key), this::declaredTables, settings.transport());
        user = new Scope(backend, shared, settings.region(), new Following(), this::declaredTables, settings.transport());
        ActiveRuntimes.classStarted(user);
        if (backend instanceof Backend.Embedded embedded) {
            if (parent != null) {
                embedded.namespace(settings.region(), key).restore(parent.snapshot());
            }
            Provisioner.createTables(internal.client(), ownTables, false);
            Namespace namespace = embedded.namespace(settings.region(), key);
            Provisioner.seed(internal.client(), seeds, testClass, where, content -> {
                try {
                    EngineSnapshots.loadInto(namespace, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new ExtensionConfigurationException("cannot load the snapshot: " + e.getMessage(), e);
                }
            });
        } else {
            externalTables = parent != null ? parent.externalTables : new ExternalTables();
            layer = new ExternalTables.Layer(ownTables, seeds, testClass, where);
            externalTables.push(layer, internal.client());
        }
    }

    static AwsCredentialsProvider credentials(String accessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, Backend.SECRET_KEY));
    }

    void markBeforeAll() {
        beforeAllRan = true;
    }

    boolean beforeAllRan() {
        return beforeAllRan;
    }

    Class<?> testClass() {
        return testClass;
    }

    Settings settings() {
        return settings;
    }

    Backend backend() {
        return backend;
    }

    SharedResources shared() {
        return shared;
    }

    ExternalTables externalTables() {
        return externalTables;
    }

    /** The scope handed to constructors, {@code @BeforeAll} methods and static or PER_CLASS fields. */
    Scope userScope() {
        return user;
    }

    void perClassInstance(Object instance) {
        perClassInstance = instance;
    }

    boolean isPerClassInstance(Object instance) {
        return perClassInstance == instance;
    }

    /** Tables declared on this class and its enclosing classes. */
    List<TableDef> declaredTables() {
        List<TableDef> all = new ArrayList<>(ownTables);
        if (parent != null) {
            all.addAll(parent.declaredTables());
        }
        return all;
    }

    /**
     * The state every test of this class starts from, taken at the first test (after the {@code @BeforeAll}
     * methods ran). O(number of tables): the data is immutable and shared, never copied.
     */
    Namespace.Snapshot snapshot() {
        Namespace.Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    s = ((Backend.Embedded) backend).namespace(settings.region(), key).snapshot();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    /** Called when a test of this class (or of a nested class) starts on {@code thread} with its own key. */
    void testStarted(Thread thread, String testKey) {
        for (ClassState c = this; c != null; c = c.parent) {
            c.active.put(thread, testKey);
        }
    }

    void testFinished(Thread thread) {
        for (ClassState c = this; c != null; c = c.parent) {
            c.active.remove(thread);
        }
    }

    /**
     * The access key class-scoped clients sign with: the running test's when called from its thread or when only
     * one test runs; otherwise (no test running, as in {@code @BeforeAll}) the class's own.
     */
    String currentKey() {
        String k = active.get(Thread.currentThread());
        if (k != null) {
            return k;
        }
        if (active.size() == 1) {
            Iterator<String> it = active.values().iterator();
            if (it.hasNext()) {
                return it.next();
            }
        }
        return key;
    }

    /** Credentials that follow the running test (see {@link #currentKey()}). */
    private final class Following implements AwsCredentialsProvider {
        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create(currentKey(), Backend.SECRET_KEY);
        }

        @Override
        public String toString() {
            return "DynamoTest credentials of " + where;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        try {
            if (user != null) {
                ActiveRuntimes.classFinished(user);
                user.close();
            }
            if (layer != null && internal != null) {
                externalTables.pop(layer, internal.client());
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            if (internal != null) {
                internal.close();
            }
            if (key != null && backend != null && settings != null && backend.embedded() && !ownsBackend) {
                backend.releaseKey(key, settings.region());
            }
            if (ownsBackend) {
                backend.close();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
