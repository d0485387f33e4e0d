package dev.dynamotest.protocol;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.consistency.Consistency;
import dev.dynamotest.engine.faults.FaultEffect;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableData;

/** What an action knows about its request besides the body: the engine, the caller's namespace, the operation. */
public final class RequestContext {
    private final Engine engine;
    private final NamespaceId namespaceId;
    private final String operation;
    private final String requestId;
    private Namespace namespace;
    private FaultEffect partialFault;
    private boolean stale;

    public RequestContext(Engine engine, NamespaceId namespaceId, String operation, String requestId) {
        this.engine = engine;
        this.namespaceId = namespaceId;
        this.operation = operation;
        this.requestId = requestId;
    }

    public Engine engine() {
        return engine;
    }

    public Namespace namespace() {
        Namespace ns = namespace;
        if (ns == null) {
            ns = engine.namespace(namespaceId);
            namespace = ns;
        }
        return ns;
    }

    public NamespaceId namespaceId() {
        return namespaceId;
    }

    public String region() {
        return namespaceId.region();
    }

    public String operation() {
        return operation;
    }

    public String requestId() {
        return requestId;
    }

    /** A fault effect the action itself carries out (partial batch results, a transaction conflict), or null. */
    public FaultEffect partialFault() {
        return partialFault;
    }

    public void partialFault(FaultEffect effect) {
        this.partialFault = effect;
    }

    /**
     * The data a read answers from under the consistency model: {@code latest} (the data the action took from the
     * table, or from a multi-table snapshot) unless the model makes this read stale, when it is an older version
     * and the request is marked stale (response header {@code x-dynamotest-stale: true}). {@code globalIndex}
     * names a GSI read; base-table and LSI reads pass null.
     */
    public TableData read(Table table, TableData latest, boolean consistent, String globalIndex) {
        Consistency c = engine.consistency();
        if (!c.active()) {
            return latest;
        }
        Consistency.View v = c.read(table, consistent, globalIndex);
        if (!v.stale()) {
            return latest;
        }
        stale = true;
        c.markStale(requestId);
        return v.data();
    }

    /** Whether a read of this request answered from an older version (consistency model). */
    public boolean stale() {
        return stale;
    }
}
