package dev.dynamotest.examples.registration;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The classic read-after-write race: a user registers and the code immediately looks the account up by email
 * through a global secondary index. GSIs are always eventually consistent, so in production the lookup sometimes
 * finds nothing and the sign-up fails; on an emulator that answers every read with the latest state it never does.
 *
 * <p>{@link #registerThenGreetBuggy} has the race. {@link #registerThenGreet} does not: it reads the account back by
 * its key with {@code ConsistentRead}. {@link #findByEmailWithRetry} shows the other fix, for when only the index can
 * answer: retry with exponential backoff (the {@link Sleeper} is {@code Thread::sleep} in production, the engine
 * clock in tests).
 */
public final class Registrations {
    public static final String TABLE = "accounts";
    public static final String BY_EMAIL = "byEmail";

    /** How to wait between retries. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final DynamoDbClient db;

    public Registrations(DynamoDbClient db) {
        this.db = db;
    }

    public void register(String userId, String email, String name) {
        db.putItem(b -> b.tableName(TABLE).item(Map.of("userId", AttributeValue.fromS(userId),
            "email", AttributeValue.fromS(email), "name", AttributeValue.fromS(name))));
    }

    /** Buggy: the welcome text comes from a GSI lookup right after the write, which may not see it yet. */
    public String registerThenGreetBuggy(String userId, String email, String name) {
        register(userId, email, name);
        Map<String, AttributeValue> account = findByEmail(email)
            .orElseThrow(() -> new IllegalStateException("no account for " + email));
        return "Welcome, " + account.get("name").s();
    }

    /** Fixed: read the account back by its key, strongly consistent (the base table, not the index). */
    public String registerThenGreet(String userId, String email, String name) {
        register(userId, email, name);
        Map<String, AttributeValue> account = db.getItem(b -> b.tableName(TABLE)
            .key(Map.of("userId", AttributeValue.fromS(userId))).consistentRead(true)).item();
        return "Welcome, " + account.get("name").s();
    }

    /** One lookup through the index (eventually consistent, like every GSI read). */
    public Optional<Map<String, AttributeValue>> findByEmail(String email) {
        QueryResponse r = db.query(b -> b.tableName(TABLE).indexName(BY_EMAIL).keyConditionExpression("email = :e")
            .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(email))));
        return r.items().stream().findFirst();
    }

    /** The index lookup, retried with exponential backoff (100 ms, 200 ms, ...) up to {@code attempts} times. */
    public Optional<Map<String, AttributeValue>> findByEmailWithRetry(String email, int attempts, Sleeper sleeper)
        throws InterruptedException {
        Duration wait = Duration.ofMillis(100);
        for (int i = 1; ; i++) {
            Optional<Map<String, AttributeValue>> found = findByEmail(email);
            if (found.isPresent() || i >= attempts) {
                return found;
            }
            sleeper.sleep(wait);
            wait = wait.multipliedBy(2);
        }
    }
}
