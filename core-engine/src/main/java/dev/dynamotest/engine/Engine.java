package dev.dynamotest.engine;

import dev.dynamotest.engine.table.CommitPoint;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory DynamoDB engine: namespaces of tables, one clock, one commit point. Pure Java, no HTTP; the
 * protocol layer ({@code dev.dynamotest.protocol}) and the server ({@code dev.dynamotest.server}) sit on top.
 */
public final class Engine {
    private final EngineClock clock;
    private final CommitPoint commitPoint = new CommitPoint();
    private final ConcurrentHashMap<NamespaceId, Namespace> namespaces = new ConcurrentHashMap<>();
    private final dev.dynamotest.engine.txn.ClientTokens clientTokens;

    public Engine() {
        this(EngineClock.system());
    }

    public Engine(EngineClock clock) {
        this.clock = clock;
        this.clientTokens = new dev.dynamotest.engine.txn.ClientTokens(clock);
    }

    /** Idempotency tokens of transactions, on the engine clock. */
    public dev.dynamotest.engine.txn.ClientTokens clientTokens() {
        return clientTokens;
    }

    public EngineClock clock() {
        return clock;
    }

    public CommitPoint commitPoint() {
        return commitPoint;
    }

    public Namespace namespace(NamespaceId id) {
        Namespace ns = namespaces.get(id);
        if (ns == null) {
            ns = namespaces.computeIfAbsent(id, k -> new Namespace(k, commitPoint));
        }
        return ns;
    }

    public Namespace namespace(String region) {
        return namespace(NamespaceId.region(region));
    }
}
