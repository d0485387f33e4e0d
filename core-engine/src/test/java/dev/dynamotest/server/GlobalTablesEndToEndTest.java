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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Global tables (version 2019.11.21) through the SDK over HTTP: UpdateTable ReplicaUpdates, Replicas in
 * DescribeTable, replication between the Regions' namespaces (immediate with the consistency model off, lagging
 * and seeded when on), last writer wins, and the service's rules.
 */
class GlobalTablesEndToEndTest extends ManualClockServer {
    DynamoDbClient west;
    DynamoDbClient tokyo;

    @BeforeEach
    void regions() {
        west = ServerFixture.client(server.endpoint(), "eu-west-1");
        tokyo = ServerFixture.client(server.endpoint(), "ap-northeast-1");
    }

    @AfterEach
    void closeRegions() {
        west.close();
        tokyo.close();
    }

    static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of("id", s(id));
    }

    void cartsTable() {
        db.createTable(b -> b.tableName("carts")
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("owner").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .globalSecondaryIndexes(g -> g.indexName("byOwner").keySchema(k -> k.attributeName("owner").keyType(KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.ALL)))
            .billingMode("PAY_PER_REQUEST"));
    }

    void addReplica(DynamoDbClient client, String region) {
        client.updateTable(b -> b.tableName("carts").replicaUpdates(u -> u.create(c -> c.regionName(region))));
    }

    Map<String, AttributeValue> get(DynamoDbClient client, String id) {
        return client.getItem(b -> b.tableName("carts").key(key(id)).consistentRead(true)).item();
    }

    @Test
    void aReplicaIsTheSameTableInTheOtherRegionWithItsItems() {
        cartsTable();
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "owner", s("ada"))));
        TableDescription updated = db.updateTable(b -> b.tableName("carts")
            .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))).tableDescription();
        assertThat(updated.replicas()).extracting(ReplicaDescription::regionName).containsExactly("eu-west-1");
        assertThat(updated.globalTableVersion()).isEqualTo("2019.11.21");

        TableDescription source = db.describeTable(b -> b.tableName("carts")).table();
        assertThat(source.replicas()).hasSize(1);
        assertThat(source.replicas().get(0).regionName()).isEqualTo("eu-west-1");
        assertThat(source.replicas().get(0).replicaStatus()).isEqualTo(ReplicaStatus.ACTIVE);
        assertThat(source.streamSpecification().streamEnabled()).isTrue(); // enabled by the first replica
        assertThat(source.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);

        TableDescription replica = west.describeTable(b -> b.tableName("carts")).table();
        assertThat(replica.tableArn()).isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/carts");
        assertThat(replica.keySchema()).isEqualTo(source.keySchema());
        assertThat(replica.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("byOwner");
        assertThat(replica.globalSecondaryIndexes().get(0).indexArn())
            .isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/carts/index/byOwner");
        assertThat(replica.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(replica.itemCount()).isEqualTo(1);
        assertThat(replica.replicas()).extracting(ReplicaDescription::regionName).containsExactly("us-east-1");
        assertThat(replica.globalTableVersion()).isEqualTo("2019.11.21");
        assertThat(replica.latestStreamArn()).startsWith("arn:aws:dynamodb:eu-west-1:000000000000:table/carts/stream/");
        assertThat(get(west, "c1")).containsEntry("owner", s("ada"));
        assertThat(west.query(b -> b.tableName("carts").indexName("byOwner").keyConditionExpression("#o = :o")
            .expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":o", s("ada")))).count()).isEqualTo(1);
    }

    @Test
    void everyWriteReachesEveryReplicaWithTheModelOff() {
        cartsTable();
        addReplica(db, "eu-west-1");
        addReplica(db, "ap-northeast-1");
        assertThat(db.describeTable(b -> b.tableName("carts")).table().replicas())
            .extracting(ReplicaDescription::regionName).containsExactly("ap-northeast-1", "eu-west-1");
        assertThat(west.describeTable(b -> b.tableName("carts")).table().replicas())
            .extracting(ReplicaDescription::regionName).containsExactly("ap-northeast-1", "us-east-1");

        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "owner", s("ada"))));
        assertThat(get(west, "c1")).containsEntry("owner", s("ada"));
        assertThat(get(tokyo, "c1")).containsEntry("owner", s("ada"));

        west.updateItem(b -> b.tableName("carts").key(key("c1")).updateExpression("SET basket = :i")
            .expressionAttributeValues(Map.of(":i", s("apple"))));
        assertThat(get(db, "c1")).containsEntry("basket", s("apple"));
        assertThat(get(tokyo, "c1")).containsEntry("basket", s("apple"));

        tokyo.deleteItem(b -> b.tableName("carts").key(key("c1")));
        assertThat(get(db, "c1")).isEmpty();
        assertThat(get(west, "c1")).isEmpty();
    }

    @Test
    void replicatedWritesAreOrdinaryRecordsInTheReplicasStream() {
        cartsTable();
        addReplica(db, "eu-west-1");
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "owner", s("ada"))));
        db.updateItem(b -> b.tableName("carts").key(key("c1")).updateExpression("SET basket = :i")
            .expressionAttributeValues(Map.of(":i", s("pear"))));
        db.deleteItem(b -> b.tableName("carts").key(key("c1")));
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(server.endpoint())
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .httpClient(UrlConnectionHttpClient.create()).build()) {
            String arn = west.describeTable(b -> b.tableName("carts")).table().latestStreamArn();
            String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
            String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            List<Record> records = streams.getRecords(b -> b.shardIterator(it)).records();
            assertThat(records).extracting(r -> r.eventNameAsString()).containsExactly("INSERT", "MODIFY", "REMOVE");
            assertThat(records.get(1).dynamodb().oldImage()).doesNotContainKey("basket");
            assertThat(records.get(1).dynamodb().newImage()).containsEntry("basket", s("pear"));
            assertThat(records).allSatisfy(r -> assertThat(r.userIdentity()).isNull());
        }
    }

    @Test
    void writesLagBehindOnTheEngineClockAndSettleConverges() {
        engine.consistency().configure(ConsistencySettings.parse("eventual:seed=7,lag=10s"));
        cartsTable();
        addReplica(db, "eu-west-1");
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "owner", s("ada"))));
        assertThat(get(db, "c1")).isNotEmpty();
        assertThat(get(west, "c1")).isEmpty(); // not there yet, even for a strongly consistent read
        assertThat(engine.replication().pending()).isEqualTo(1);
        engine.clock().advance(Duration.ofSeconds(10)); // the bound: every lag has passed
        assertThat(get(west, "c1")).containsEntry("owner", s("ada"));

        west.putItem(b -> b.tableName("carts").item(Map.of("id", s("c2"), "owner", s("bob"))));
        assertThat(get(db, "c2")).isEmpty();
        engine.consistency().settle();
        assertThat(get(db, "c2")).containsEntry("owner", s("bob"));
        assertThat(db.getItem(b -> b.tableName("carts").key(key("c2"))).item()).containsEntry("owner", s("bob"));
    }

    @Test
    void concurrentUpdatesInTwoRegionsLoseOneLastWriterWins() {
        engine.consistency().configure(ConsistencySettings.parse("eventual:seed=1,lag=1m"));
        cartsTable();
        addReplica(db, "eu-west-1");
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "owner", s("ada"), "basket", s("apple"))));
        west.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "owner", s("ada"), "basket", s("pear"))));
        engine.consistency().settle();
        // the later write (eu-west-1's) wins in both Regions: the apple is lost
        assertThat(get(db, "c1")).containsEntry("basket", s("pear"));
        assertThat(get(west, "c1")).containsEntry("basket", s("pear"));
        assertThat(engine.replication().discarded()).isEqualTo(1);
    }

    @Test
    void transactionsAreAtomicOnlyInTheirOwnRegion() {
        engine.consistency().configure(ConsistencySettings.parse("eventual:seed=3,lag=1m"));
        cartsTable();
        addReplica(db, "eu-west-1");
        db.transactWriteItems(b -> b.transactItems(
            t -> t.put(p -> p.tableName("carts").item(Map.of("id", s("a"), "owner", s("x")))),
            t -> t.put(p -> p.tableName("carts").item(Map.of("id", s("b"), "owner", s("x"))))));
        assertThat(engine.replication().pending()).isEqualTo(2); // two replicated writes, each with its own lag
        engine.consistency().settle();
        assertThat(get(west, "a")).isNotEmpty();
        assertThat(get(west, "b")).isNotEmpty();
    }

    @Test
    void expiredItemsAreDeletedInEveryRegion() {
        cartsTable();
        db.updateTimeToLive(b -> b.tableName("carts").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        addReplica(db, "eu-west-1");
        assertThat(west.describeTimeToLive(b -> b.tableName("carts")).timeToLiveDescription().attributeName()).isEqualTo("expires");
        long soon = T0.getEpochSecond() + 60;
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "owner", s("ada"),
            "expires", AttributeValue.builder().n(Long.toString(soon)).build())));
        assertThat(get(west, "c1")).isNotEmpty();
        engine.clock().advance(Duration.ofMinutes(2));
        assertThat(get(db, "c1")).isEmpty();
        assertThat(get(west, "c1")).isEmpty();
    }

    @Test
    void deletingAReplicaTableDeletesOnlyThatReplica() {
        cartsTable();
        addReplica(db, "eu-west-1");
        addReplica(db, "ap-northeast-1");
        west.deleteTable(b -> b.tableName("carts"));
        assertThat(db.describeTable(b -> b.tableName("carts")).table().replicas())
            .extracting(ReplicaDescription::regionName).containsExactly("ap-northeast-1");
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "owner", s("ada"))));
        assertThat(get(tokyo, "c1")).isNotEmpty();
        assertThatThrownBy(() -> west.describeTable(b -> b.tableName("carts"))).isInstanceOf(ResourceNotFoundException.class);

        db.updateTable(b -> b.tableName("carts").replicaUpdates(u -> u.delete(d -> d.regionName("ap-northeast-1"))));
        assertThatThrownBy(() -> tokyo.describeTable(b -> b.tableName("carts"))).isInstanceOf(ResourceNotFoundException.class);
        TableDescription alone = db.describeTable(b -> b.tableName("carts")).table();
        assertThat(alone.hasReplicas()).isFalse();
        assertThat(alone.globalTableVersion()).isNull();
    }

    @Test
    void replicaUpdatesFollowTheServicesRules() {
        cartsTable();
        assertError(() -> addReplica(db, "us-east-1"), "ValidationException",
            "One or more parameter values were invalid: Cannot add, update or delete the replica in the Region of the request: us-east-1");
        assertError(() -> db.updateTable(b -> b.tableName("carts").replicaUpdates(
                u -> u.create(c -> c.regionName("eu-west-1")), u -> u.create(c -> c.regionName("eu-west-1")))),
            "ValidationException", "One or more parameter values were invalid: Duplicate region in ReplicaUpdates: eu-west-1");
        assertError(() -> db.updateTable(b -> b.tableName("carts").replicaUpdates(u -> u.delete(d -> d.regionName("eu-west-1")))),
            "ValidationException", "One or more parameter values were invalid: Replica does not exist in region: eu-west-1");
        assertError(() -> db.updateTable(b -> b.tableName("carts").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))
                .delete(d -> d.regionName("eu-west-1")))),
            "ValidationException", "One or more parameter values were invalid: One of ReplicationGroupUpdate.Create, "
                + "ReplicationGroupUpdate.Update, or ReplicationGroupUpdate.Delete must be specified");
        assertThat(db.describeTable(b -> b.tableName("carts")).table().hasReplicas()).isFalse(); // nothing applied

        tokyo.createTable(b -> b.tableName("carts").attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)).billingMode("PAY_PER_REQUEST"));
        assertThatThrownBy(() -> addReplica(db, "ap-northeast-1")).isInstanceOf(ResourceInUseException.class)
            .hasMessageStartingWith("Table already exists: carts in region ap-northeast-1");

        addReplica(db, "eu-west-1");
        assertError(() -> addReplica(db, "eu-west-1"), "ValidationException",
            "One or more parameter values were invalid: Replica already exists in region: eu-west-1");
    }

    @Test
    void aStreamOtherThanNewAndOldImagesIsRejected() {
        db.createTable(b -> b.tableName("carts").attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)).billingMode("PAY_PER_REQUEST")
            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        assertError(() -> addReplica(db, "eu-west-1"), "ValidationException",
            "One or more parameter values were invalid: Table: carts has a stream enabled with StreamViewType NEW_IMAGE: "
                + "a global table needs StreamViewType NEW_AND_OLD_IMAGES");
    }

    @Test
    void replicaSettingsOverrides() {
        db.createTable(b -> b.tableName("carts").attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        db.updateTable(b -> b.tableName("carts").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")
            .provisionedThroughputOverride(p -> p.readCapacityUnits(20L)).tableClassOverride("STANDARD_INFREQUENT_ACCESS"))));
        ReplicaDescription r = db.describeTable(b -> b.tableName("carts")).table().replicas().get(0);
        assertThat(r.provisionedThroughputOverride().readCapacityUnits()).isEqualTo(20L);
        assertThat(r.replicaTableClassSummary().tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
        TableDescription west1 = west.describeTable(b -> b.tableName("carts")).table();
        assertThat(west1.provisionedThroughput().readCapacityUnits()).isEqualTo(20L);
        assertThat(west1.provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);
        assertThat(west1.tableClassSummary().tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");

        db.updateTable(b -> b.tableName("carts").replicaUpdates(u -> u.update(c -> c.regionName("eu-west-1")
            .provisionedThroughputOverride(p -> p.readCapacityUnits(30L)))));
        assertThat(west.describeTable(b -> b.tableName("carts")).table().provisionedThroughput().readCapacityUnits()).isEqualTo(30L);
    }

    @Test
    void replicaAutoScalingIsDescribedAsDisabled() {
        cartsTable();
        addReplica(db, "eu-west-1");
        var d = db.describeTableReplicaAutoScaling(b -> b.tableName("carts")).tableAutoScalingDescription();
        assertThat(d.tableName()).isEqualTo("carts");
        assertThat(d.tableStatusAsString()).isEqualTo("ACTIVE");
        assertThat(d.replicas()).extracting(r -> r.regionName()).containsExactly("eu-west-1", "us-east-1");
        assertThat(d.replicas().get(0).replicaStatusAsString()).isEqualTo("ACTIVE");
        assertThat(d.replicas().get(0).replicaProvisionedReadCapacityAutoScalingSettings().autoScalingDisabled()).isTrue();
        assertThat(d.replicas().get(0).globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("byOwner");
    }

    static void assertError(Runnable call, String type, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}
