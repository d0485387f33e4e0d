package dev.dynamotest.examples.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.junit.ConsistencySeeds;
import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.EventuallyConsistent;
import dev.dynamotest.junit.GlobalIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The read-after-write race through a GSI, exposed deterministically by DynamoTest's consistency model: the buggy
 * code fails for a known seed every time (and only for some seeds: intermittently, as in production), the fixed code
 * passes under every seed. No sleeping: the retry's backoff moves the engine clock.
 */
@DynamoTest(isolatedEngine = true)
@CreateTable(name = Registrations.TABLE, partitionKey = "userId",
    globalIndexes = @GlobalIndex(name = Registrations.BY_EMAIL, partitionKey = "email"))
@EventuallyConsistent(lag = "500ms") // the index catches up within half a second of engine clock
class RegistrationsTest {

    @BeforeEach
    void clockStandsStill(DynamoRuntime dynamo) {
        dynamo.clock().set(Instant.parse("2030-01-01T00:00:00Z")); // time moves only when the code waits
    }

    @Test
    @EventuallyConsistent(seed = 1, lag = "500ms")
    void theBuggyCodeFailsForSeedOneEveryTime(DynamoDbClient client) {
        Registrations registrations = new Registrations(client);
        assertThatThrownBy(() -> registrations.registerThenGreetBuggy("u1", "ada@example.com", "Ada"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("no account for ada@example.com");
    }

    @Test
    void theBuggyCodeFailsIntermittentlyAcrossSeeds(DynamoDbClient client, DynamoRuntime dynamo) {
        Registrations registrations = new Registrations(client);
        List<Long> failing = new ArrayList<>();
        dynamo.consistency().lag("2ops"); // the index catches up within two later operations
        for (long seed = 0; seed < 20; seed++) {
            dynamo.consistency().seed(seed);
            try {
                registrations.registerThenGreetBuggy("u" + seed, "user" + seed + "@example.com", "User " + seed);
            } catch (IllegalStateException raced) {
                failing.add(seed);
            }
        }
        // neither always nor never: on a real table, a test that passes on most runs and fails on some
        assertThat(failing).hasSizeBetween(1, 19);
    }

    @ConsistencySeeds(count = 20)
    void theConsistentReadFixPassesUnderEverySeed(DynamoDbClient client) {
        assertThat(new Registrations(client).registerThenGreet("u1", "ada@example.com", "Ada")).isEqualTo("Welcome, Ada");
    }

    @ConsistencySeeds(count = 20)
    void theRetryFixPassesUnderEverySeed(DynamoDbClient client, DynamoRuntime dynamo) throws InterruptedException {
        Registrations registrations = new Registrations(client);
        registrations.register("u1", "ada@example.com", "Ada");
        // backoff on the engine clock: 100 + 200 + 400 ms covers the 500 ms bound, and the test never sleeps
        assertThat(registrations.findByEmailWithRetry("ada@example.com", 5, d -> dynamo.clock().advance(d)))
            .hasValueSatisfying(account -> assertThat(account.get("name").s()).isEqualTo("Ada"));
    }
}
