package dev.dynamotest.junit;

import java.lang.reflect.Parameter;
import java.net.URI;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The JUnit Jupiter extension behind {@link DynamoTest}. Register it declaratively with {@code @DynamoTest}, or
 * programmatically to configure it in code:
 *
 * <pre>{@code
 * @RegisterExtension
 * static DynamoExtension dynamo = DynamoExtension.builder().region("eu-west-1").build();
 * }</pre>
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li>Starts the in-memory engine on an ephemeral loopback port, once per JVM (kept in the root
 *       {@code ExtensionContext.Store} and stopped when the test plan finishes), or once for the class with
 *       {@code isolatedEngine}; or uses an external endpoint.</li>
 *   <li>Creates the {@link CreateTable} tables and writes the {@link Seed} fixtures of the class, then of each test
 *       method, through the DynamoDB API.</li>
 *   <li>Gives every test its own namespace (an access key of its own) holding a copy of the class's state, made in
 *       constant time from an immutable snapshot: tests never see each other's writes, in sequence or in parallel.
 *       Against an external endpoint, the tables are deleted and recreated between tests instead.</li>
 *   <li>Injects {@code DynamoDbClient}, {@code DynamoDbAsyncClient}, {@code DynamoDbEnhancedClient},
 *       {@code DynamoDbEnhancedAsyncClient}, {@code DynamoDbStreamsClient}, {@code DynamoDbTable<T>},
 *       {@code DynamoDbAsyncTable<T>}, {@link DynamoRuntime} and the endpoint {@code URI} into test-method,
 *       lifecycle-method and constructor parameters and into {@link Dynamo @Dynamo} fields; the clients are
 *       preconfigured for the endpoint and closed by the extension.</li>
 * </ul>
 *
 * <p>Parameters of test methods, {@code @BeforeEach} and {@code @AfterEach} methods, and instance fields of a
 * per-method test instance, are bound to the running test. Constructor and {@code @BeforeAll} parameters and static
 * or per-class instance fields are bound to the class: what they write before the first test (in
 * {@code @BeforeAll}) becomes part of the state every test starts from, and during a test they follow that test
 * (when called from its thread, or when it is the only one running).
 */
public final class DynamoExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
    TestInstancePostProcessor, ParameterResolver, TestExecutionExceptionHandler {

    static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(DynamoExtension.class);

    private final String region;
    private final java.util.function.Supplier<String> endpoint;
    private final Boolean isolatedEngine;
    private final Transport transport;
    private final boolean programmatic;

    /** Used by {@code @DynamoTest} / {@code @ExtendWith}: settings come from the annotation and configuration. */
    public DynamoExtension() {
        this(null, null, null, null, false);
    }

    private DynamoExtension(String region, java.util.function.Supplier<String> endpoint, Boolean isolatedEngine,
        Transport transport, boolean programmatic) {
        this.region = region;
        this.endpoint = endpoint;
        this.isolatedEngine = isolatedEngine;
        this.transport = transport;
        this.programmatic = programmatic;
    }

    public static Builder builder() {
        return new Builder();
    }

    String region() {
        return region;
    }

    /** The builder's endpoint, asked for when a class starts (a container started by then has its port). */
    String endpoint() {
        return endpoint == null ? null : endpoint.get();
    }

    Boolean isolatedEngine() {
        return isolatedEngine;
    }

    Transport transport() {
        return transport;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void beforeAll(ExtensionContext context) {
        ClassState state = classState(context);
        state.markBeforeAll();
        Injection.injectFields(context.getRequiredTestClass(), null, state.userScope());
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        if (context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD) == TestInstance.Lifecycle.PER_CLASS) {
            ClassState state = classState(context);
            state.perClassInstance(testInstance);
            Injection.injectFields(testInstance.getClass(), testInstance, state.userScope());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClassState state = classState(context);
        if (!state.beforeAllRan()) {
            throw new ExtensionConfigurationException("DynamoExtension was registered on an instance field of "
                + displayName(context.getRequiredTestClass()) + "; register it on a static field "
                + "(@RegisterExtension static DynamoExtension dynamo = ...) or use @DynamoTest");
        }
        TestState test = new TestState(state, context.getRequiredTestMethod());
        context.getStore(NS).put(TestState.class, test);
        test.init();
        ConsistencySupport.configure(context, test);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            ClassState owner = stateOf(context, instance.getClass());
            if (owner == null || !owner.isPerClassInstance(instance)) {
                Injection.injectFields(instance.getClass(), instance, test.scope());
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestState test = context.getStore(NS).get(TestState.class, TestState.class);
        if (test != null) {
            try {
                CostReport.afterTest(context, test);
            } finally {
                test.close();
            }
        }
    }

    /**
     * A failing test's exception gets the test's last requests from the journal (with why a condition failed)
     * as a suppressed {@link RecentRequests}: the failure output shows what the code asked DynamoDB.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        TestState test = context.getStore(NS).get(TestState.class, TestState.class);
        if (test != null && test.scope() != null && test.scope().isEmbedded()) {
            var journal = test.scope().journal();
            int total = journal.size();
            if (total > 0) {
                throwable.addSuppressed(new RecentRequests(journal.last(RecentRequests.SHOWN), total));
            }
        }
        throw throwable;
    }

    // ------------------------------------------------------------------ parameters

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter p = parameterContext.getParameter();
        return Injection.claims(p.getType(), parameterContext.isAnnotated(Dynamo.class) || parameterContext.isAnnotated(InRegion.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter p = parameterContext.getParameter();
        String target = "parameter [" + p.getParameterizedType().getTypeName() + (p.isNamePresent() ? " " + p.getName() : "")
            + "] of "
            + parameterContext.getDeclaringExecutable().getDeclaringClass().getSimpleName() + "."
            + (parameterContext.getDeclaringExecutable() instanceof java.lang.reflect.Constructor
                ? "<init>" : parameterContext.getDeclaringExecutable().getName()) + "()";
        Object value;
        InRegion inRegion = parameterContext.findAnnotation(InRegion.class).orElse(null);
        if (inRegion != null) { // a client for another Region (global tables)
            if (p.getType() != DynamoDbClient.class) {
                throw new ParameterResolutionException(target + ": @InRegion qualifies a DynamoDbClient only");
            }
            return scopeFor(extensionContext).clientIn(inRegion.value());
        }
        try {
            value = Injection.resolve(p.getType(), p.getParameterizedType(),
                parameterContext.findAnnotation(Dynamo.class).orElse(null), scopeFor(extensionContext), target);
        } catch (ExtensionConfigurationException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
        if (value == null) {
            throw new ParameterResolutionException(Injection.unsupported(target));
        }
        return value;
    }

    /** The running test's scope, or (constructors, {@code @BeforeAll}) the class's. */
    private Scope scopeFor(ExtensionContext context) {
        TestState test = context.getStore(NS).get(TestState.class, TestState.class);
        if (test != null && test.scope() != null) {
            return test.scope();
        }
        return classState(context).userScope();
    }

    // ------------------------------------------------------------------ state lookup

    private ClassState classState(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext != null && !(classContext.getElement().orElse(null) instanceof Class)) {
            classContext = classContext.getParent().orElse(null);
        }
        if (classContext == null) {
            throw new ExtensionConfigurationException("DynamoExtension needs a test class");
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        ExtensionContext.Store store = classContext.getStore(NS);
        ClassState state = store.getOrComputeIfAbsent(new ClassState.Key(testClass), k -> new ClassState(testClass),
            ClassState.class);
        state.ensureInitialized(classContext, this);
        return state;
    }

    private static ClassState stateOf(ExtensionContext context, Class<?> testClass) {
        return context.getStore(NS).get(new ClassState.Key(testClass), ClassState.class);
    }

    static String displayName(Class<?> testClass) {
        String name = testClass.getName();
        String pkg = testClass.getPackageName();
        return (pkg.isEmpty() ? name : name.substring(pkg.length() + 1)).replace('$', '.');
    }

    @Override
    public String toString() {
        return "DynamoExtension" + (programmatic ? "[region=" + region + ", endpoint=" + (endpoint == null ? null : "set")
            + ", isolatedEngine="
            + isolatedEngine + "]" : "");
    }

    /** Configures a {@link DynamoExtension} for {@code @RegisterExtension}; unset values fall back to configuration. */
    public static final class Builder {
        private String region;
        private java.util.function.Supplier<String> endpoint;
        private Boolean isolatedEngine;
        private Transport transport;

        private Builder() {
        }

        /** The region clients are configured for (default: {@code dynamotest.region}, else us-east-1). */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Run against an external DynamoDB-compatible endpoint instead of the embedded engine. */
        public Builder endpoint(URI endpoint) {
            String value = endpoint.toString();
            this.endpoint = () -> value;
            return this;
        }

        /** Run against an external DynamoDB-compatible endpoint instead of the embedded engine. */
        public Builder endpoint(String endpoint) {
            this.endpoint = () -> endpoint;
            return this;
        }

        /**
         * Run against an external endpoint known only once something has started, such as a container:
         * {@code .endpointFrom(container::getEndpoint)} is asked for the URI when the test class starts, after
         * {@code @Testcontainers} has started a {@code @Container} field.
         */
        public Builder endpointFrom(java.util.function.Supplier<URI> endpoint) {
            this.endpoint = () -> {
                URI uri = endpoint.get();
                return uri == null ? null : uri.toString();
            };
            return this;
        }

        /** Start an engine for the class alone instead of sharing the JVM's. */
        public Builder isolatedEngine(boolean isolatedEngine) {
            this.isolatedEngine = isolatedEngine;
            return this;
        }

        /** How injected clients reach the embedded engine (default: {@code dynamotest.transport}, else HTTP). */
        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        public DynamoExtension build() {
            return new DynamoExtension(region, endpoint, isolatedEngine, transport, true);
        }
    }
}
