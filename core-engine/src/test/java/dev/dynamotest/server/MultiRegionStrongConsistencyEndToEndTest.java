package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.consistency.ConsistencySettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableWitnessDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.MultiRegionConsistency;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicatedWriteConflictException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WitnessStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Multi-Region strong consistency (MRSC) through the SDK over HTTP: UpdateTable MultiRegionConsistency STRONG with
 * three replicas or two replicas and a witness, the service's restrictions, synchronous replication (a strongly
 * consistent read in any Region sees the latest write), ReplicatedWriteConflictException in the seeded replication
 * window, and conditional writes that can no longer succeed in two Regions.
 */
class MultiRegionStrongConsistencyEndToEndTest extends ManualClockServer {
    DynamoDbClient ohio;
    DynamoDbClient oregon;

    @BeforeEach
    void regions() {
        ohio = ServerFixture.client(server.endpoint(), "us-east-2");
        oregon = ServerFixture.client(server.endpoint(), "us-west-2");
    }

    @AfterEach
    void closeRegions() {
        ohio.close();
        oregon.close();
    }

    static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of("id", s(id));
    }

    void cartsTable() {
        db.createTable(b -> b.tableName("carts")
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .billingMode("PAY_PER_REQUEST"));
    }

    void threeReplicas() {
        db.updateTable(b -> b.tableName("carts").multiRegionConsistency(MultiRegionConsistency.STRONG)
            .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")), u -> u.create(c -> c.regionName("us-west-2"))));
    }

    Map<String, AttributeValue> get(DynamoDbClient client, String id) {
        return client.getItem(b -> b.tableName("carts").key(key(id)).consistentRead(true)).item();
    }

    @Test
    void threeReplicasDescribeStrongConsistencyInEveryRegion() {
        cartsTable();
        TableDescription updated = db.updateTable(b -> b.tableName("carts").multiRegionConsistency(MultiRegionConsistency.STRONG)
            .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")), u -> u.create(c -> c.regionName("us-west-2"))))
            .tableDescription();
        assertThat(updated.multiRegionConsistency()).isEqualTo(MultiRegionConsistency.STRONG);
        for (DynamoDbClient c : new DynamoDbClient[] {db, ohio, oregon}) {
            TableDescription t = c.describeTable(b -> b.tableName("carts")).table();
            assertThat(t.multiRegionConsistency()).isEqualTo(MultiRegionConsistency.STRONG);
            assertThat(t.globalTableVersion()).isEqualTo("2019.11.21");
            assertThat(t.replicas()).hasSize(2);
            assertThat(t.hasGlobalTableWitnesses()).isFalse();
        }
    }

    @Test
    void twoReplicasAndAWitness() {
        cartsTable();
        db.updateTable(b -> b.tableName("carts").multiRegionConsistency(MultiRegionConsistency.STRONG)
            .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")))
            .globalTableWitnessUpdates(w -> w.create(c -> c.regionName("us-west-2"))));
        TableDescription t = ohio.describeTable(b -> b.tableName("carts")).table();
        assertThat(t.replicas()).extracting(ReplicaDescription::regionName).containsExactly("us-east-1");
        assertThat(t.globalTableWitnesses()).extracting(GlobalTableWitnessDescription::regionName).containsExactly("us-west-2");
        assertThat(t.globalTableWitnesses().get(0).witnessStatus()).isEqualTo(WitnessStatus.ACTIVE);
        // a witness holds no table: no reads or writes there
        assertThatThrownBy(() -> oregon.describeTable(b -> b.tableName("carts"))).isInstanceOf(ResourceNotFoundException.class);

        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"))));
        assertThat(get(ohio, "c1")).isNotEmpty();

        // the witness goes only with a replica: the remaining replica is a regional table again
        GlobalTablesEndToEndTest.assertError(() -> db.updateTable(b -> b.tableName("carts")
                .globalTableWitnessUpdates(w -> w.delete(d -> d.regionName("us-west-2")))), "ValidationException",
            "One or more parameter values were invalid: A global table with MultiRegionConsistency STRONG needs exactly three "
                + "Regions: three replicas, or two replicas and one witness (found 2 replicas and 0 witnesses)");
        db.updateTable(b -> b.tableName("carts").replicaUpdates(u -> u.delete(d -> d.regionName("us-east-2")))
            .globalTableWitnessUpdates(w -> w.delete(d -> d.regionName("us-west-2"))));
        TableDescription alone = db.describeTable(b -> b.tableName("carts")).table();
        assertThat(alone.hasReplicas()).isFalse();
        assertThat(alone.multiRegionConsistency()).isNull();
    }

    @Test
    void theServicesRestrictions() {
        cartsTable();
        String invalid = "One or more parameter values were invalid: ";
        GlobalTablesEndToEndTest.assertError(() -> db.updateTable(b -> b.tableName("carts")
                .multiRegionConsistency(MultiRegionConsistency.STRONG).replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")))),
            "ValidationException", invalid + "A global table with MultiRegionConsistency STRONG needs exactly three Regions: "
                + "three replicas, or two replicas and one witness (found 2 replicas and 0 witnesses)");
        GlobalTablesEndToEndTest.assertError(() -> db.updateTable(b -> b.tableName("carts")
                .multiRegionConsistency(MultiRegionConsistency.STRONG)
                .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")), u -> u.create(c -> c.regionName("eu-west-1")))),
            "ValidationException", invalid + "The Regions of a global table with MultiRegionConsistency STRONG must be in one "
                + "Region set (US: us-east-1, us-east-2, us-west-2; EU: eu-west-1, eu-west-2, eu-west-3, eu-central-1; "
                + "AP: ap-northeast-1, ap-northeast-2, ap-northeast-3): eu-west-1, us-east-1, us-east-2");
        GlobalTablesEndToEndTest.assertError(() -> db.updateTable(b -> b.tableName("carts")
                .multiRegionConsistency(MultiRegionConsistency.STRONG)),
            "ValidationException", invalid + "MultiRegionConsistency can only be specified when creating a global table "
                + "with ReplicaUpdates Create actions");
        GlobalTablesEndToEndTest.assertError(() -> db.updateTable(b -> b.tableName("carts")
                .replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")))
                .globalTableWitnessUpdates(w -> w.create(c -> c.regionName("us-west-2")))),
            "ValidationException", invalid + "GlobalTableWitnessUpdates are only valid for a global table with MultiRegionConsistency STRONG");
        GlobalTablesEndToEndTest.assertError(() -> db.updateTable(b -> b.tableName("carts")
                .multiRegionConsistency(MultiRegionConsistency.STRONG).replicaUpdates(u -> u.create(c -> c.regionName("us-east-2")))
                .globalTableWitnessUpdates(w -> w.create(c -> c.regionName("us-east-2")))),
            "ValidationException", invalid + "The witness Region us-east-2 is also a replica Region");

        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"))));
        GlobalTablesEndToEndTest.assertError(this::threeReplicas, "ValidationException",
            invalid + "Table: carts is not empty: only an empty table can become a global table with MultiRegionConsistency STRONG");
        db.deleteItem(b -> b.tableName("carts").key(key("c1")));
        db.updateTimeToLive(b -> b.tableName("carts").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        GlobalTablesEndToEndTest.assertError(this::threeReplicas, "ValidationException",
            invalid + "Table: carts has Time to Live enabled, which a global table with MultiRegionConsistency STRONG does not support");
        db.updateTimeToLive(b -> b.tableName("carts").timeToLiveSpecification(t -> t.enabled(false).attributeName("expires")));
        assertThat(db.describeTable(b -> b.tableName("carts")).table().hasReplicas()).isFalse(); // nothing applied

        threeReplicas();
        // the mode is chosen once
        GlobalTablesEndToEndTest.assertError(() -> db.updateTable(b -> b.tableName("carts")
                .multiRegionConsistency(MultiRegionConsistency.EVENTUAL).replicaUpdates(u -> u.delete(d -> d.regionName("us-east-2")))),
            "ValidationException", invalid + "MultiRegionConsistency cannot be changed: Table: carts is a global table with "
                + "MultiRegionConsistency STRONG");
        GlobalTablesEndToEndTest.assertError(() -> db.updateTable(b -> b.tableName("carts")
                .replicaUpdates(u -> u.create(c -> c.regionName("us-west-1")))),
            "ValidationException", invalid + "A global table with MultiRegionConsistency STRONG needs exactly three Regions: "
                + "three replicas, or two replicas and one witness (found 4 replicas and 0 witnesses)");
        // features MRSC does not support
        GlobalTablesEndToEndTest.assertError(() -> ohio.updateTimeToLive(b -> b.tableName("carts")
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires"))), "ValidationException",
            "Time to Live is not supported on a global table with MultiRegionConsistency STRONG: carts");
        GlobalTablesEndToEndTest.assertError(() -> db.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName("carts").item(Map.of("id", s("c1")))))), "ValidationException",
            "Transactions are not supported on a global table with MultiRegionConsistency STRONG: carts");
        GlobalTablesEndToEndTest.assertError(() -> db.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName("carts").key(key("c1"))))), "ValidationException",
            "Transactions are not supported on a global table with MultiRegionConsistency STRONG: carts");
    }

    @Test
    void aLocalSecondaryIndexIsRefused() {
        db.createTable(b -> b.tableName("carts")
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("at").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("sku").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH), k -> k.attributeName("sku").keyType(KeyType.RANGE))
            .localSecondaryIndexes(l -> l.indexName("byTime").keySchema(k -> k.attributeName("id").keyType(KeyType.HASH),
                k -> k.attributeName("at").keyType(KeyType.RANGE)).projection(p -> p.projectionType("ALL")))
            .billingMode("PAY_PER_REQUEST"));
        GlobalTablesEndToEndTest.assertError(this::threeReplicas, "ValidationException",
            "One or more parameter values were invalid: Table: carts has local secondary indexes, which a global table with "
                + "MultiRegionConsistency STRONG does not support");
    }

    @Test
    void aStronglyConsistentReadInAnyRegionSeesTheLatestWrite() {
        // replication lags up to a minute for eventual (MREC) tables: MRSC writes are replicated before they answer
        engine.consistency().configure(ConsistencySettings.parse("eventual:seed=7,lag=1m"));
        cartsTable();
        threeReplicas();
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "basket", s("apple"))));
        assertThat(get(ohio, "c1")).containsEntry("basket", s("apple"));
        assertThat(get(oregon, "c1")).containsEntry("basket", s("apple"));
        assertThat(engine.replication().pending()).isZero();
        engine.clock().advance(Duration.ofMinutes(1)); // the conflict window of the write has passed
        oregon.updateItem(b -> b.tableName("carts").key(key("c1")).updateExpression("SET basket = :b")
            .expressionAttributeValues(Map.of(":b", s("pear"))));
        assertThat(get(db, "c1")).containsEntry("basket", s("pear"));
        assertThat(get(ohio, "c1")).containsEntry("basket", s("pear"));
        // an eventually consistent read may still lag in the Region it reads from, then sees the write
        engine.consistency().settle();
        assertThat(ohio.getItem(b -> b.tableName("carts").key(key("c1"))).item()).containsEntry("basket", s("pear"));
    }

    @Test
    void aWriteToAnItemAnotherRegionHasInFlightConflicts() {
        engine.consistency().configure(ConsistencySettings.parse("eventual:seed=7,lag=1m"));
        cartsTable();
        threeReplicas();
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "basket", s("apple"))));
        assertThatThrownBy(() -> ohio.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "basket", s("pear")))))
            .isInstanceOfSatisfying(ReplicatedWriteConflictException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReplicatedWriteConflictException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The request was rejected because one or more items "
                    + "in the request are being modified by a request in another Region.");
                assertThat(e.isRetryableException()).isTrue(); // the SDK retries it
            });
        assertThat(engine.replication().conflicts()).isEqualTo(1);
        // the same Region may write again, other items are free, and nothing was applied by the refused write
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "basket", s("plum"))));
        ohio.putItem(b -> b.tableName("carts").item(Map.of("id", s("c2"), "basket", s("fig"))));
        assertThat(get(oregon, "c1")).containsEntry("basket", s("plum"));
        // once the window has passed (here: settle), the other Region's write goes through
        engine.consistency().settle();
        ohio.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "basket", s("pear"))));
        assertThat(get(db, "c1")).containsEntry("basket", s("pear"));
    }

    @Test
    void theConflictWindowIsDrawnFromTheSeedAndEndsWithinTheLagBound() {
        engine.consistency().configure(ConsistencySettings.parse("eventual:seed=7,lag=1m"));
        cartsTable();
        threeReplicas();
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"))));
        engine.clock().advance(Duration.ofMinutes(1)); // the bound
        ohio.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "basket", s("pear"))));
        assertThat(engine.replication().conflicts()).isZero();
        // a batch with a conflicting item is refused whole: its other items are not written
        assertThatThrownBy(() -> db.batchWriteItem(b -> b.requestItems(Map.of("carts", List.of(
            WriteRequest.builder().putRequest(p -> p.item(Map.of("id", s("c2")))).build(),
            WriteRequest.builder().deleteRequest(d -> d.key(key("c1"))).build())))))
            .isInstanceOf(ReplicatedWriteConflictException.class);
        assertThat(get(db, "c2")).isEmpty();
        assertThat(get(db, "c1")).containsEntry("basket", s("pear"));
    }

    @Test
    void conditionalWritesCanNoLongerSucceedInTwoRegions() {
        cartsTable();
        threeReplicas();
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "version", s("1"))));
        db.updateItem(b -> b.tableName("carts").key(key("c1")).updateExpression("SET version = :two")
            .conditionExpression("version = :one").expressionAttributeValues(Map.of(":one", s("1"), ":two", s("2"))));
        // the same optimistic update from another Region sees version 2 at once: it fails instead of overwriting
        assertThatThrownBy(() -> ohio.updateItem(b -> b.tableName("carts").key(key("c1")).updateExpression("SET version = :two")
            .conditionExpression("version = :one").expressionAttributeValues(Map.of(":one", s("1"), ":two", s("2")))))
            .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(get(oregon, "c1")).containsEntry("version", s("2"));
    }
}
