package dev.dynamotest.engine.table;

import java.util.List;

/**
 * Observes every committed write, called at the commit point while the tables involved are still locked, so
 * listeners see commits in their order. Index maintenance, stream records and capacity accounting attach here.
 */
public interface CommitListener {

    /** Where a commit came from. */
    enum Origin { WRITE, TRANSACTION, TTL }

    void onCommit(List<ItemChange> changes, Origin origin);

    /**
     * Called before a commit's changes are checked and applied, with the tables locked: a listener may refuse
     * the commit by throwing (nothing is applied). Global tables refuse conflicting MRSC writes here.
     */
    default void beforeCommit(List<ItemChange> changes, Origin origin) {
    }

    /**
     * A namespace was put back to a snapshot (per-test reset): state derived from its past writes (stream
     * records, say) no longer belongs to it.
     */
    default void onRestore(NamespaceId namespace, List<TableMetadata> tables) {
    }

    /**
     * A table was deleted (it is no longer in its namespace): state that belongs to that table instance (its
     * capacity, its stream) goes with it; a table created again under the same name is another one.
     */
    default void onTableDeleted(Table table) {
    }

    /**
     * A table's whole state was set: created by CreateTable (empty) or with data (a restore from a backup). Called
     * after the table is in its namespace.
     */
    default void onTableCreated(Table table) {
    }

    /** A table's metadata changed (UpdateTable, tags, TTL, ...); called with the table's lock held. */
    default void onMetadataChanged(Table table) {
    }

    /** An on-demand backup was added to ({@code added}) or removed from its namespace. */
    default void onBackupChanged(NamespaceId namespace, Backup backup, boolean added) {
    }
}
