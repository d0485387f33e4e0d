package dev.dynamotest.examples.mapper;

/**
 * A team member as the application sees it, whichever SDK stores it. {@code version} is null until the member is
 * first saved; every save increments it (optimistic locking).
 */
public record Member(String id, String team, String name, String email, Long version) {

    public static Member create(String id, String team, String name, String email) {
        return new Member(id, team, name, email, null);
    }

    public Member withName(String newName) {
        return new Member(id, team, newName, email, version);
    }

    public Member withTeam(String newTeam) {
        return new Member(id, newTeam, name, email, version);
    }
}
