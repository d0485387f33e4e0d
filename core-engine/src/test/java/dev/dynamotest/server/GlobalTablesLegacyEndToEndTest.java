package dev.dynamotest.server;

import static dev.dynamotest.server.GlobalTablesEndToEndTest.assertError;
import static dev.dynamotest.server.GlobalTablesEndToEndTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ReplicaSettingsDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Global tables version 2017.11.29 (legacy) through the SDK over HTTP, shaped like the AWS CLI examples. */
class GlobalTablesLegacyEndToEndTest extends ManualClockServer {
    DynamoDbClient east2;

    @BeforeEach
    void regions() {
        east2 = ServerFixture.client(server.endpoint(), "us-east-2");
    }

    @AfterEach
    void closeRegions() {
        east2.close();
    }

    static void music(DynamoDbClient client, boolean stream) {
        client.createTable(b -> b.tableName("MusicCollection")
            .attributeDefinitions(a -> a.attributeName("Artist").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("Artist").keyType(KeyType.HASH))
            .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(5L))
            .streamSpecification(s -> s.streamEnabled(stream).streamViewType(stream ? StreamViewType.NEW_AND_OLD_IMAGES : null)));
    }

    GlobalTableDescription create() {
        return east2.createGlobalTable(b -> b.globalTableName("MusicCollection")
            .replicationGroup(r -> r.regionName("us-east-2"), r -> r.regionName("us-east-1"))).globalTableDescription();
    }

    @Test
    void createDescribeListAndReplicate() {
        music(db, true);
        music(east2, true);
        GlobalTableDescription created = create();
        assertThat(created.globalTableName()).isEqualTo("MusicCollection");
        assertThat(created.globalTableArn()).isEqualTo("arn:aws:dynamodb::000000000000:global-table/MusicCollection");
        assertThat(created.globalTableStatus()).isEqualTo(GlobalTableStatus.CREATING);
        assertThat(created.creationDateTime()).isEqualTo(T0);
        assertThat(created.replicationGroup()).extracting(r -> r.regionName()).containsExactly("us-east-1", "us-east-2");

        GlobalTableDescription described = db.describeGlobalTable(b -> b.globalTableName("MusicCollection")).globalTableDescription();
        assertThat(described.globalTableStatus()).isEqualTo(GlobalTableStatus.ACTIVE);
        assertThat(db.describeTable(b -> b.tableName("MusicCollection")).table().globalTableVersion()).isEqualTo("2017.11.29");

        ListGlobalTablesResponse list = db.listGlobalTables(b -> { });
        assertThat(list.globalTables()).hasSize(1);
        assertThat(list.globalTables().get(0).globalTableName()).isEqualTo("MusicCollection");
        assertThat(list.globalTables().get(0).replicationGroup()).extracting(r -> r.regionName()).containsExactly("us-east-1", "us-east-2");
        assertThat(db.listGlobalTables(b -> b.regionName("eu-west-1")).globalTables()).isEmpty();

        db.putItem(b -> b.tableName("MusicCollection").item(Map.of("Artist", s("No One You Know"))));
        assertThat(east2.getItem(b -> b.tableName("MusicCollection").key(Map.of("Artist", s("No One You Know")))).item()).isNotEmpty();
    }

    @Test
    void updateAddsAndRemovesRegions() {
        music(db, true);
        music(east2, true);
        create();
        DynamoDbClient west = ServerFixture.client(server.endpoint(), "eu-west-1");
        try {
            music(west, true);
            GlobalTableDescription updated = db.updateGlobalTable(b -> b.globalTableName("MusicCollection")
                .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))).globalTableDescription();
            assertThat(updated.replicationGroup()).extracting(r -> r.regionName()).containsExactly("eu-west-1", "us-east-1", "us-east-2");
            assertThat(updated.globalTableStatus()).isEqualTo(GlobalTableStatus.ACTIVE);
            assertError(() -> db.updateGlobalTable(b -> b.globalTableName("MusicCollection")
                .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))), "ReplicaAlreadyExistsException",
                "Replica already exists in region: eu-west-1");
            db.updateGlobalTable(b -> b.globalTableName("MusicCollection").replicaUpdates(u -> u.delete(d -> d.regionName("eu-west-1"))));
            assertError(() -> db.updateGlobalTable(b -> b.globalTableName("MusicCollection")
                .replicaUpdates(u -> u.delete(d -> d.regionName("eu-west-1")))), "ReplicaNotFoundException",
                "Replica does not exist in region: eu-west-1");
            assertThat(west.describeTable(b -> b.tableName("MusicCollection")).table().tableName()).isEqualTo("MusicCollection");
            db.putItem(b -> b.tableName("MusicCollection").item(Map.of("Artist", s("Acme Band"))));
            assertThat(west.getItem(b -> b.tableName("MusicCollection").key(Map.of("Artist", s("Acme Band")))).item()).isEmpty();
        } finally {
            west.close();
        }
    }

    @Test
    void theServicesErrors() {
        assertError(() -> db.describeGlobalTable(b -> b.globalTableName("MusicCollection")), "GlobalTableNotFoundException",
            "Global table not found: Global table with name: MusicCollection does not exist.");
        music(db, true);
        assertError(this::create, "TableNotFoundException", "Table: MusicCollection not found in region: us-east-2");
        music(east2, false);
        assertError(this::create, "ValidationException", "One or more parameter values were invalid: Table: MusicCollection "
            + "in region: us-east-2 must have DynamoDB Streams enabled with StreamViewType NEW_AND_OLD_IMAGES");
        east2.updateTable(b -> b.tableName("MusicCollection").streamSpecification(s -> s.streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        east2.putItem(b -> b.tableName("MusicCollection").item(Map.of("Artist", s("x"))));
        assertError(this::create, "ValidationException",
            "One or more parameter values were invalid: Table: MusicCollection in region: us-east-2 is not empty");
        east2.deleteItem(b -> b.tableName("MusicCollection").key(Map.of("Artist", s("x"))));
        create();
        assertError(this::create, "GlobalTableAlreadyExistsException", "Global table with this name already exists");
        assertError(() -> db.updateTable(b -> b.tableName("MusicCollection").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))),
            "ValidationException", "One or more parameter values were invalid: Table: MusicCollection is a global table of "
                + "version 2017.11.29: use UpdateGlobalTable");
    }

    @Test
    void settingsDescribedAndUpdatedLikeTheCliExamples() {
        music(db, true);
        music(east2, true);
        create();
        var settings = db.describeGlobalTableSettings(b -> b.globalTableName("MusicCollection"));
        assertThat(settings.globalTableName()).isEqualTo("MusicCollection");
        assertThat(settings.replicaSettings()).extracting(ReplicaSettingsDescription::regionName).containsExactly("us-east-1", "us-east-2");
        ReplicaSettingsDescription r = settings.replicaSettings().get(0);
        assertThat(r.replicaStatusAsString()).isEqualTo("ACTIVE");
        assertThat(r.replicaProvisionedReadCapacityUnits()).isEqualTo(10L);
        assertThat(r.replicaProvisionedWriteCapacityUnits()).isEqualTo(5L);
        assertThat(r.replicaProvisionedReadCapacityAutoScalingSettings().autoScalingDisabled()).isTrue();

        var updated = db.updateGlobalTableSettings(b -> b.globalTableName("MusicCollection")
            .globalTableProvisionedWriteCapacityUnits(15L)
            .replicaSettingsUpdate(u -> u.regionName("us-east-2").replicaProvisionedReadCapacityUnits(20L)));
        assertThat(updated.replicaSettings()).extracting(ReplicaSettingsDescription::replicaProvisionedWriteCapacityUnits)
            .containsExactly(15L, 15L);
        assertThat(updated.replicaSettings()).extracting(ReplicaSettingsDescription::replicaProvisionedReadCapacityUnits)
            .containsExactly(10L, 20L);
        assertThat(east2.describeTable(b -> b.tableName("MusicCollection")).table().provisionedThroughput().readCapacityUnits())
            .isEqualTo(20L);
    }
}
