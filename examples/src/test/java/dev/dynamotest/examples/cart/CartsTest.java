package dev.dynamotest.examples.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.junit.ConsistencySeeds;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.EventuallyConsistent;
import dev.dynamotest.junit.InRegion;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReplicatedWriteConflictException;

/**
 * Two Regions update the same cart: with the cart in one item, global tables' last-writer-wins silently drops one of
 * two adds (shown deterministically: the engine clock stands still, so nothing replicates until the test settles);
 * with one item per line, every add survives under every seed; with multi-Region strong consistency, the second add is
 * refused with ReplicatedWriteConflictException while the first replicates, and succeeds once retried.
 */
@DynamoTest(isolatedEngine = true)
@EventuallyConsistent(lag = "1s") // replication (and eventually consistent reads) lag up to 1 s of engine clock
class CartsTest {
    private static final AtomicInteger TABLES = new AtomicInteger();

    @BeforeEach
    void clockStandsStill(DynamoRuntime dynamo) {
        dynamo.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    @EventuallyConsistent(seed = 1, lag = "1s")
    void oneItemPerCartLosesAnAddMadeInTheOtherRegion(DynamoDbClient east, @InRegion("eu-west-1") DynamoDbClient west, DynamoRuntime dynamo) {
        String table = "carts" + TABLES.incrementAndGet();
        Carts.createGlobalTable(east, table, "eu-west-1");
        new Carts(east, table).addWholeCart("ada", "apple"); // us-east-1
        new Carts(west, table).addWholeCart("ada", "pear");  // eu-west-1, before the apple arrives
        dynamo.consistency().settle(); // replication catches up: last writer wins, for the whole item
        assertThat(new Carts(east, table).wholeCart("ada")).containsExactly("pear");
        assertThat(new Carts(west, table).wholeCart("ada")).containsExactly("pear"); // the apple is gone everywhere
    }

    @Test
    @EventuallyConsistent(seed = 1, lag = "1s")
    void strongConsistencyTurnsTheLostAddIntoAConflictToRetry(DynamoDbClient east, @InRegion("us-east-2") DynamoDbClient ohio,
                                                              DynamoRuntime dynamo) {
        String table = "carts" + TABLES.incrementAndGet();
        Carts.createStrongGlobalTable(east, table, "us-east-2", "us-west-2"); // MRSC: three Regions of the US set
        new Carts(east, table).addWholeCart("ada", "apple");
        // the apple is still replicating (the clock stands still): the pear is refused, not lost, even after retries
        assertThatThrownBy(() -> new Carts(ohio, table).addWholeCart("ada", "pear"))
            .isInstanceOf(ReplicatedWriteConflictException.class);
        dynamo.consistency().settle(); // replication done
        new Carts(ohio, table).addWholeCart("ada", "pear"); // the retry reads the apple first
        assertThat(new Carts(east, table).wholeCart("ada")).containsExactly("apple", "pear");
    }

    @ConsistencySeeds(count = 10)
    void oneItemPerLineKeepsEveryAddUnderEverySeed(DynamoDbClient east, @InRegion("eu-west-1") DynamoDbClient west, DynamoRuntime dynamo) {
        String table = "carts" + TABLES.incrementAndGet();
        Carts.createGlobalTable(east, table, "eu-west-1");
        new Carts(east, table).addLine("ada", "apple", 1);
        new Carts(west, table).addLine("ada", "pear", 2);
        dynamo.consistency().settle();
        assertThat(new Carts(east, table).lines("ada")).containsExactly("apple", "pear");
        assertThat(new Carts(west, table).lines("ada")).containsExactly("apple", "pear");
    }
}
