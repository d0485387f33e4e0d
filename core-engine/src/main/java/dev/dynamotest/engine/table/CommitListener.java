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
}
