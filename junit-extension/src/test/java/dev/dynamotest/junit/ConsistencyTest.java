package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.engine.consistency.Lag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** @EventuallyConsistent, @ConsistencySeeds and runtime.consistency(): the model in a test's own namespace. */
class ConsistencyTest {

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    static GetItemResponse read(DynamoDbClient client, String pk, boolean consistent) {
        return client.getItem(b -> b.tableName("users").key(key(pk)).consistentRead(consistent));
    }

    @Nested
    @DynamoTest
    @CreateTable(name = "users", partitionKey = "pk")
    @EventuallyConsistent(seed = 7, lag = "1000ops")
    class Annotated {
        @Test
        void eventualReadsLagStrongReadsDoNotAndSettleCatchesUp(DynamoDbClient client, DynamoRuntime dynamo) {
            assertThat(dynamo.consistency().settings().toString()).isEqualTo("eventual:seed=7,lag=1000ops,ttl=48h");
            client.putItem(b -> b.tableName("users").item(key("u1")));
            GetItemResponse stale = read(client, "u1", false);
            assertThat(stale.hasItem()).isFalse();
            assertThat(TestConsistency.wasStale(stale)).isTrue();
            assertThat(read(client, "u1", true).hasItem()).isTrue();
            assertThat(dynamo.consistency().staleReads()).isEqualTo(1);
            dynamo.consistency().settle();
            assertThat(read(client, "u1", false).hasItem()).isTrue();
        }

        @Test
        void theModelIsScopedToTheTestsNamespace(DynamoRuntime dynamo) {
            assertThat(dynamo.engine().consistency().settings().eventual()).isFalse(); // the shared engine's
            assertThat(dynamo.consistency().settings().eventual()).isTrue();
        }

        @Test
        @EventuallyConsistent(seed = 3, lag = "0ops")
        void aMethodAnnotationWins(DynamoDbClient client, DynamoRuntime dynamo) {
            assertThat(dynamo.consistency().seed()).isEqualTo(3);
            client.putItem(b -> b.tableName("users").item(key("u1")));
            assertThat(read(client, "u1", false).hasItem()).isTrue(); // a zero lag: visible at once
        }
    }

    @Nested
    @DynamoTest
    @CreateTable(name = "users", partitionKey = "pk")
    class Programmatic {
        @Test
        void offUnlessTurnedOn(DynamoDbClient client, DynamoRuntime dynamo) {
            assertThat(dynamo.consistency().settings().eventual()).isFalse();
            client.putItem(b -> b.tableName("users").item(key("u1")));
            assertThat(read(client, "u1", false).hasItem()).isTrue();
            dynamo.consistency().eventual(7).lag(Lag.operations(1000));
            client.putItem(b -> b.tableName("users").item(key("u2")));
            assertThat(read(client, "u2", false).hasItem()).isFalse();
        }
    }

    @Nested
    @DynamoTest(transport = Transport.IN_PROCESS)
    @CreateTable(name = "users", partitionKey = "pk")
    @EventuallyConsistent(seed = 7, lag = "1000ops")
    class InProcess {
        @Test
        void theStaleHeaderComesThroughTheInProcessTransportToo(DynamoDbClient client, DynamoRuntime dynamo) {
            assertThat(dynamo.transport()).isEqualTo(Transport.IN_PROCESS);
            client.putItem(b -> b.tableName("users").item(key("u1")));
            GetItemResponse stale = read(client, "u1", false);
            assertThat(stale.hasItem()).isFalse();
            assertThat(TestConsistency.wasStale(stale)).isTrue();
            assertThat(dynamo.engine().consistency().wasStale(stale.responseMetadata().requestId())).isTrue();
        }
    }

    static final List<Long> SEEDS_SEEN = new ArrayList<>();

    @Nested
    @DynamoTest
    @CreateTable(name = "users", partitionKey = "pk")
    class ManySeeds {
        @ConsistencySeeds(count = 4, first = 10)
        void runsOncePerSeed(DynamoRuntime dynamo) {
            assertThat(dynamo.consistency().settings().eventual()).isTrue();
            SEEDS_SEEN.add(dynamo.consistency().seed());
        }

        @AfterAll
        static void everySeedRan() {
            assertThat(SEEDS_SEEN).containsExactly(10L, 11L, 12L, 13L);
        }
    }

    /** A read-your-write race: fails for the seeds whose lag is not zero. */
    @KitCase
    @DynamoTest
    @CreateTable(name = "users", partitionKey = "pk")
    static class Racy {
        @ConsistencySeeds(count = 6)
        @EventuallyConsistent(lag = "2ops")
        void readsItsOwnWrite(DynamoDbClient client) {
            client.putItem(b -> b.tableName("users").item(key("u1")));
            assertThat(read(client, "u1", false).hasItem()).as("the user just written").isTrue();
        }
    }

    @Test
    void aFailingSeedIsNamedAndCanBeRerunAlone() {
        EngineExecutionResults all = Kit.run(Racy.class);
        List<String> failedNames = all.testEvents().failed().list().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
        List<String> passedNames = all.testEvents().succeeded().list().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
        assertThat(failedNames).isNotEmpty();
        assertThat(passedNames).isNotEmpty();
        assertThat(failedNames.size() + passedNames.size()).isEqualTo(6);
        String failed = failedNames.get(0); // "seed N"
        long seed = Long.parseLong(failed.substring("seed ".length()));
        assertThat(Kit.failureText(all)).contains("[DynamoTest consistency eventual:seed=" + seed + ",lag=2ops,ttl=48h; rerun this seed with "
            + "-Ddynamotest.consistency.seed=" + seed + " or @EventuallyConsistent(seed = " + seed + ")]");
        assertThat(all.allEvents().reportingEntryPublished().list().stream().map(Event::toString).toList())
            .anyMatch(s -> s.contains("dynamotest.consistency.failedSeed") && s.contains(Long.toString(seed)));

        EngineExecutionResults pinned = Kit.run(Racy.class, Map.of(ConsistencySupport.SEED_PARAMETER, Long.toString(seed)));
        assertThat(pinned.testEvents().failed().list()).singleElement()
            .satisfies(e -> assertThat(e.getTestDescriptor().getDisplayName()).isEqualTo("seed " + seed));
        assertThat(pinned.testEvents().succeeded().count()).isZero();

        long passing = Long.parseLong(passedNames.get(0).substring("seed ".length()));
        EngineExecutionResults pinnedPass = Kit.run(Racy.class, Map.of(ConsistencySupport.SEED_PARAMETER, Long.toString(passing)));
        assertThat(pinnedPass.testEvents().succeeded().count()).isEqualTo(1);
    }
}
