package dev.dynamotest.junit;

import dev.dynamotest.engine.EngineClock;
import dev.dynamotest.engine.table.NamespaceId;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running test: a namespace of its own (a pooled access key) holding a copy of its class's snapshot, the
 * method-level tables and fixtures, and the clients bound to it. Closed after the test: the clients are closed,
 * the engine clock is put back and the namespace is emptied and returned to the pool.
 */
final class TestState implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final ClassState cls;
    private final Method method;
    private final String where;
    private final Thread thread = Thread.currentThread();
    private String key;
    private Scope scope;
    private List<TableDef> methodTables = List.of();
    private final List<String> createdExternally = new ArrayList<>();
    private EngineClock clock;
    private boolean clockWasManual;
    private Instant clockAtStart;
    private boolean started;
    private boolean closed;

    TestState(ClassState cls, Method method) {
        this.cls = cls;
        this.method = method;
        this.where = DynamoExtension.displayName(cls.testClass()) + "." + method.getName() + "()";
    }

    void init() {
        // Validate the declarations before touching any endpoint.
        methodTables = TableDefinitions.declaredOn(method, where);
        List<Seed> seeds = Provisioner.seedsOn(method);
        Backend backend = cls.backend();
        String region = cls.settings().region();
        key = backend.acquireKey();
        scope = new Scope(backend, cls.shared(), region, ClassState.credentials(key), this::declaredTables,
            cls.settings().transport());
        if (backend instanceof Backend.Embedded embedded) {
            embedded.namespace(region, key).restore(cls.snapshot());
            Provisioner.autoScale(scope.client(), cls.declaredTables()); // a restored namespace starts without auto scaling
            clock = embedded.engine().clock();
            clockWasManual = clock.isManual();
            clockAtStart = clockWasManual ? clock.instant() : null;
        } else {
            cls.externalTables().resetIfDirty(scope.client());
        }
        cls.testStarted(thread, key);
        ActiveRuntimes.testStarted(thread, scope);
        started = true;
        if (!methodTables.isEmpty()) {
            Provisioner.createTables(scope.client(), methodTables, !backend.embedded(), createdExternally::add);
        }
        Provisioner.seed(scope.client(), seeds, cls.testClass(), where);
        if (backend.embedded()) {
            scope.journal().clear(); // the journal shows what the test did, not its setup (nor the key's last test)
        }
        injectFaults(backend);
    }

    /** {@link InjectFault}s on the class and the method become rules scoped to this test's access key. */
    private void injectFaults(Backend backend) {
        List<InjectFault> declared = new java.util.ArrayList<>(
            org.junit.platform.commons.support.AnnotationSupport.findRepeatableAnnotations(cls.testClass(), InjectFault.class));
        declared.addAll(org.junit.platform.commons.support.AnnotationSupport.findRepeatableAnnotations(method, InjectFault.class));
        if (declared.isEmpty()) {
            return;
        }
        if (!backend.embedded()) {
            throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(where
                + ": @InjectFault needs the embedded engine, not an external endpoint");
        }
        for (InjectFault f : declared) {
            dev.dynamotest.engine.faults.FaultRule.Builder b = dev.dynamotest.engine.faults.FaultRule.builder()
                .operations(f.operation()).times(f.times()).nth(f.nth())
                .timing(f.afterApplying() ? dev.dynamotest.engine.faults.FaultRule.Timing.AFTER
                    : dev.dynamotest.engine.faults.FaultRule.Timing.BEFORE);
            if (!f.table().isEmpty()) {
                b.table(f.table());
            }
            try {
                b.effect(dev.dynamotest.engine.faults.FaultEffect.named(f.error()));
            } catch (IllegalArgumentException e) {
                throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(where + ": @InjectFault " + e.getMessage());
            }
            scope.faults().add(b);
        }
    }

    Scope scope() {
        return scope;
    }

    private List<TableDef> declaredTables() {
        List<TableDef> all = new ArrayList<>(methodTables);
        all.addAll(cls.declaredTables());
        return all;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            cls.testFinished(thread);
            ActiveRuntimes.testFinished(thread, scope);
        }
        try {
            if (!cls.backend().embedded() && scope != null) {
                cls.externalTables().markDirty();
                if (!createdExternally.isEmpty()) {
                    Provisioner.deleteTables(scope.client(), createdExternally, true);
                }
            }
        } finally {
            if (cls.backend().embedded() && key != null) {
                cls.backend().engine().faults().clear(key); // this test's fault rules end with it
                cls.backend().engine().consistency().forget(new NamespaceId(cls.settings().region(), key));
            }
            if (scope != null) {
                scope.close();
            }
            if (clock != null) {
                if (clockWasManual) {
                    clock.set(clockAtStart);
                } else if (clock.isManual()) {
                    clock.useSystemTime();
                }
            }
            if (key != null && cls.backend().embedded()) {
                cls.backend().releaseKey(key, cls.settings().region());
            }
        }
    }
}
