package dev.dynamotest.examples.mapper;

/**
 * A save or delete lost the optimistic-locking race: the stored item's version is not the one the caller read.
 * The cause is the SDK's ConditionalCheckFailedException (v1's or v2's, as the service sent it).
 */
public final class StaleVersionException extends RuntimeException {
    public StaleVersionException(String id, Long version, RuntimeException cause) {
        super(version == null ? "member " + id + " already exists" : "member " + id + " is no longer at version " + version, cause);
    }
}
