package dev.dynamotest.examples.mapper;

import java.util.List;
import java.util.Optional;

/**
 * Members in the {@code members} table: partition key {@code id}, a global secondary index {@code byTeam}
 * ({@code team}, sorted by {@code name}), attributes {@code email} and {@code version} (a number). Implemented on
 * SDK v2's Enhanced Client and on SDK v1's DynamoDBMapper, writing the same items, so that an application can move
 * from one to the other a service at a time while both read and write the table.
 */
public interface MemberRepository {
    /**
     * Creates the member (version null) or updates it, returning it with its new version.
     *
     * @throws StaleVersionException if the stored member is not at {@code member.version()} (or, for a new one,
     *                               already exists)
     */
    Member save(Member member);

    Optional<Member> load(String id);

    /** A team's members by name, from the {@code byTeam} index (eventually consistent, as GSIs are). */
    List<Member> byTeam(String team);

    /**
     * Deletes the member if it is still at {@code member.version()}.
     *
     * @throws StaleVersionException if it changed since {@code member} was read
     */
    void delete(Member member);
}
