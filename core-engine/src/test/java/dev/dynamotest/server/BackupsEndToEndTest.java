package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** On-demand backups (Create/Describe/List/Delete Backup, RestoreTableFromBackup) through the SDK v2 client over HTTP. */
class BackupsEndToEndTest {
    final DynamoDbClient db = ServerFixture.client();

    static KeySchemaElement ks(String n, KeyType t) {
        return KeySchemaElement.builder().attributeName(n).keyType(t).build();
    }

    static AttributeDefinition ad(String n, String t) {
        return AttributeDefinition.builder().attributeName(n).attributeType(t).build();
    }

    static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    /** An on-demand table pk/sk with a GSI byColor (color HASH, sk RANGE, ALL) and an LSI bySize (pk, size). */
    String tableWithIndexes(String prefix) {
        String name = ServerFixture.uniqueName(prefix);
        db.createTable(CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(ks("pk", KeyType.HASH), ks("sk", KeyType.RANGE))
            .attributeDefinitions(ad("pk", "S"), ad("sk", "S"), ad("color", "S"), ad("size", "N"))
            .globalSecondaryIndexes(g -> g.indexName("byColor").keySchema(ks("color", KeyType.HASH), ks("sk", KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)))
            .localSecondaryIndexes(l -> l.indexName("bySize").keySchema(ks("pk", KeyType.HASH), ks("size", KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
            .build());
        return name;
    }

    void put(String table, String pk, String sk, String color, int size) {
        db.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk), "sk", s(sk), "color", s(color),
            "size", AttributeValue.builder().n(Integer.toString(size)).build())));
    }

    List<String> keys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("pk").s() + "/" + i.get("sk").s()).sorted().toList();
    }

    BackupDetails backup(String table, String name) {
        return db.createBackup(b -> b.tableName(table).backupName(name)).backupDetails();
    }

    @Test
    void createDescribeListAndDelete() {
        String table = tableWithIndexes("bk");
        put(table, "a", "1", "red", 3);
        put(table, "b", "1", "blue", 5);
        TableDescription source = db.describeTable(b -> b.tableName(table)).table();
        Instant before = Instant.now().minusSeconds(1);

        BackupDetails created = backup(table, "nightly-1.x_y");
        assertThat(created.backupArn()).matches("arn:aws:dynamodb:us-east-1:000000000000:table/" + table + "/backup/\\d{13}-[0-9a-f]{8}");
        assertThat(created.backupName()).isEqualTo("nightly-1.x_y");
        assertThat(created.backupStatus()).isEqualTo(BackupStatus.CREATING);
        assertThat(created.backupType()).isEqualTo(BackupType.USER);
        assertThat(created.backupSizeBytes()).isEqualTo(source.tableSizeBytes()).isPositive();
        assertThat(created.backupCreationDateTime()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(created.backupArn()).contains("/backup/" + String.format("%013d", created.backupCreationDateTime().toEpochMilli()) + "-");

        BackupDescription d = db.describeBackup(b -> b.backupArn(created.backupArn())).backupDescription();
        assertThat(d.backupDetails().backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
        assertThat(d.backupDetails().backupArn()).isEqualTo(created.backupArn());
        assertThat(d.backupDetails().backupCreationDateTime()).isEqualTo(created.backupCreationDateTime());
        assertThat(d.sourceTableDetails().tableName()).isEqualTo(table);
        assertThat(d.sourceTableDetails().tableId()).isEqualTo(source.tableId());
        assertThat(d.sourceTableDetails().tableArn()).isEqualTo(source.tableArn());
        assertThat(d.sourceTableDetails().tableSizeBytes()).isEqualTo(source.tableSizeBytes());
        assertThat(d.sourceTableDetails().itemCount()).isEqualTo(2L);
        assertThat(d.sourceTableDetails().keySchema()).containsExactly(ks("pk", KeyType.HASH), ks("sk", KeyType.RANGE));
        assertThat(d.sourceTableDetails().tableCreationDateTime()).isEqualTo(source.creationDateTime());
        assertThat(d.sourceTableDetails().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(d.sourceTableDetails().provisionedThroughput().readCapacityUnits()).isZero();
        assertThat(d.sourceTableFeatureDetails().globalSecondaryIndexes()).singleElement()
            .satisfies(g -> {
                assertThat(g.indexName()).isEqualTo("byColor");
                assertThat(g.keySchema()).containsExactly(ks("color", KeyType.HASH), ks("sk", KeyType.RANGE));
                assertThat(g.projection().projectionType()).isEqualTo(ProjectionType.ALL);
            });
        assertThat(d.sourceTableFeatureDetails().localSecondaryIndexes()).singleElement()
            .satisfies(l -> assertThat(l.indexName()).isEqualTo("bySize"));
        assertThat(d.sourceTableFeatureDetails().streamDescription()).isNull();
        assertThat(d.sourceTableFeatureDetails().timeToLiveDescription()).isNull();

        List<BackupSummary> listed = db.listBackups(b -> b.tableName(table)).backupSummaries();
        assertThat(listed).singleElement().satisfies(s -> {
            assertThat(s.backupArn()).isEqualTo(created.backupArn());
            assertThat(s.backupName()).isEqualTo("nightly-1.x_y");
            assertThat(s.tableName()).isEqualTo(table);
            assertThat(s.tableId()).isEqualTo(source.tableId());
            assertThat(s.tableArn()).isEqualTo(source.tableArn());
            assertThat(s.backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
            assertThat(s.backupType()).isEqualTo(BackupType.USER);
            assertThat(s.backupSizeBytes()).isEqualTo(created.backupSizeBytes());
            assertThat(s.backupCreationDateTime()).isEqualTo(created.backupCreationDateTime());
        });
        assertThat(db.listBackups(b -> b.limit(100)).backupSummaries()).extracting(BackupSummary::backupArn)
            .contains(created.backupArn());

        BackupDescription deleted = db.deleteBackup(b -> b.backupArn(created.backupArn())).backupDescription();
        assertThat(deleted.backupDetails().backupStatus()).isEqualTo(BackupStatus.DELETED);
        assertThat(deleted.sourceTableDetails().tableName()).isEqualTo(table);
        assertThatThrownBy(() -> db.describeBackup(b -> b.backupArn(created.backupArn())))
            .isInstanceOf(BackupNotFoundException.class).hasMessageStartingWith("Backup not found: " + created.backupArn() + " (");
        assertThatThrownBy(() -> db.deleteBackup(b -> b.backupArn(created.backupArn())))
            .isInstanceOf(BackupNotFoundException.class).hasMessageStartingWith("Backup not found: " + created.backupArn() + " (");
        assertThat(db.listBackups(b -> b.tableName(table)).backupSummaries()).isEmpty();
    }

    @Test
    void listFiltersByTableTimeAndTypeAndPages() {
        String table = ServerFixture.createTable("bkl", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S, null);
        String other = ServerFixture.createTable("bkl", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S, null);
        BackupDetails first = backup(table, "one");
        BackupDetails second = backup(table, "two");
        BackupDetails third = backup(table, "three");
        BackupDetails elsewhere = backup(other, "other");
        String tableArn = db.describeTable(b -> b.tableName(table)).table().tableArn();

        assertThat(db.listBackups(b -> b.tableName(table)).backupSummaries()).extracting(BackupSummary::backupName)
            .containsExactly("one", "two", "three");
        assertThat(db.listBackups(b -> b.tableName(tableArn)).backupSummaries()).extracting(BackupSummary::backupName)
            .containsExactly("one", "two", "three");
        assertThat(db.listBackups(b -> b.tableName(other)).backupSummaries()).extracting(BackupSummary::backupArn)
            .containsExactly(elsewhere.backupArn());

        ListBackupsResponse page1 = db.listBackups(b -> b.tableName(table).limit(2));
        assertThat(page1.backupSummaries()).extracting(BackupSummary::backupName).containsExactly("one", "two");
        assertThat(page1.lastEvaluatedBackupArn()).isEqualTo(second.backupArn());
        ListBackupsResponse page2 = db.listBackups(b -> b.tableName(table).limit(2).exclusiveStartBackupArn(page1.lastEvaluatedBackupArn()));
        assertThat(page2.backupSummaries()).extracting(BackupSummary::backupName).containsExactly("three");
        assertThat(page2.lastEvaluatedBackupArn()).isNull();
        assertThat(db.listBackups(b -> b.tableName(table).limit(3)).lastEvaluatedBackupArn()).isNull();

        // lower bound inclusive, upper bound exclusive
        assertThat(db.listBackups(b -> b.tableName(table).timeRangeLowerBound(first.backupCreationDateTime())).backupSummaries())
            .hasSize(3);
        assertThat(db.listBackups(b -> b.tableName(table).timeRangeUpperBound(first.backupCreationDateTime())).backupSummaries())
            .isEmpty();
        assertThat(db.listBackups(b -> b.tableName(table).timeRangeLowerBound(third.backupCreationDateTime().plusSeconds(1)))
            .backupSummaries()).isEmpty();
        assertThat(db.listBackups(b -> b.tableName(table).timeRangeUpperBound(third.backupCreationDateTime().plusSeconds(1)))
            .backupSummaries()).hasSize(3);

        assertThat(db.listBackups(b -> b.tableName(table).backupType(BackupTypeFilter.ALL)).backupSummaries()).hasSize(3);
        assertThat(db.listBackups(b -> b.tableName(table).backupType(BackupTypeFilter.USER)).backupSummaries()).hasSize(3);
        assertThat(db.listBackups(b -> b.tableName(table).backupType(BackupTypeFilter.SYSTEM)).backupSummaries()).isEmpty();

        assertThatThrownBy(() -> db.listBackups(b -> b.limit(0)))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value '0' at 'limit' "
                + "failed to satisfy constraint: Member must have value greater than or equal to 1 (");
        assertThatThrownBy(() -> db.listBackups(b -> b.limit(101)))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value '101' at 'limit' "
                + "failed to satisfy constraint: Member must have value less than or equal to 100 (");
    }

    @Test
    void restoreHasTheBackedUpItemsQueryableThroughTheIndexesAndNothingWrittenAfter() {
        String table = tableWithIndexes("bkr");
        put(table, "a", "1", "red", 3);
        put(table, "a", "2", "blue", 1);
        put(table, "b", "1", "red", 7);
        db.updateTable(b -> b.tableName(table).streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        db.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        db.tagResource(b -> b.resourceArn(db.describeTable(d -> d.tableName(table)).table().tableArn())
            .tags(t -> t.key("team").value("core")));
        db.updateContinuousBackups(b -> b.tableName(table).pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        db.updateContributorInsights(b -> b.tableName(table).contributorInsightsAction("ENABLE"));
        TableDescription source = db.describeTable(b -> b.tableName(table)).table();
        BackupDetails backup = backup(table, "before-changes");
        BackupDescription described = db.describeBackup(b -> b.backupArn(backup.backupArn())).backupDescription();
        assertThat(described.sourceTableFeatureDetails().streamDescription().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(described.sourceTableFeatureDetails().timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(described.sourceTableFeatureDetails().timeToLiveDescription().attributeName()).isEqualTo("expires");

        // written after the backup: not in the restore
        put(table, "c", "1", "red", 2);
        db.deleteItem(b -> b.tableName(table).key(Map.of("pk", s("a"), "sk", s("2"))));
        put(table, "b", "1", "green", 7);

        String target = ServerFixture.uniqueName("bkr-restored");
        TableDescription restoring = db.restoreTableFromBackup(b -> b.targetTableName(target).backupArn(backup.backupArn()))
            .tableDescription();
        assertThat(restoring.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(restoring.tableName()).isEqualTo(target);
        assertThat(restoring.restoreSummary().sourceBackupArn()).isEqualTo(backup.backupArn());
        assertThat(restoring.restoreSummary().sourceTableArn()).isEqualTo(source.tableArn());
        assertThat(restoring.restoreSummary().restoreInProgress()).isTrue();
        assertThat(restoring.restoreSummary().restoreDateTime()).isNotNull();

        TableDescription restored = db.describeTable(b -> b.tableName(target)).table();
        assertThat(restored.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(restored.restoreSummary().restoreInProgress()).isFalse();
        assertThat(restored.restoreSummary().sourceBackupArn()).isEqualTo(backup.backupArn());
        assertThat(restored.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + target);
        assertThat(restored.tableId()).isNotEqualTo(source.tableId());
        assertThat(restored.itemCount()).isEqualTo(3L);
        assertThat(restored.tableSizeBytes()).isEqualTo(backup.backupSizeBytes());
        assertThat(restored.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(restored.keySchema()).isEqualTo(source.keySchema());
        assertThat(restored.attributeDefinitions()).isEqualTo(source.attributeDefinitions());
        assertThat(restored.globalSecondaryIndexes()).singleElement().satisfies(g -> {
            assertThat(g.indexName()).isEqualTo("byColor");
            assertThat(g.indexArn()).isEqualTo(restored.tableArn() + "/index/byColor");
            assertThat(g.itemCount()).isEqualTo(3L);
        });
        assertThat(restored.localSecondaryIndexes()).singleElement()
            .satisfies(l -> assertThat(l.indexArn()).isEqualTo(restored.tableArn() + "/index/bySize"));
        // PITR and contributor insights are settings of the source table, not restored
        assertThat(db.describeContinuousBackups(b -> b.tableName(target)).continuousBackupsDescription()
            .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("DISABLED");
        assertThat(db.describeContributorInsights(b -> b.tableName(target)).contributorInsightsStatusAsString()).isEqualTo("DISABLED");
        // stream, TTL and tags are not carried over
        assertThat(restored.streamSpecification()).isNull();
        assertThat(restored.latestStreamArn()).isNull();
        assertThat(db.describeTimeToLive(b -> b.tableName(target)).timeToLiveDescription().timeToLiveStatus())
            .isEqualTo(TimeToLiveStatus.DISABLED);
        assertThat(db.listTagsOfResource(b -> b.resourceArn(restored.tableArn())).tags()).isEmpty();

        assertThat(keys(db.scan(b -> b.tableName(target)).items())).containsExactly("a/1", "a/2", "b/1");
        assertThat(keys(db.query(b -> b.tableName(target).indexName("byColor").keyConditionExpression("color = :c")
            .expressionAttributeValues(Map.of(":c", s("red")))).items())).containsExactly("a/1", "b/1");
        assertThat(db.query(b -> b.tableName(target).indexName("bySize").keyConditionExpression("pk = :p AND size < :n")
            .expressionAttributeValues(Map.of(":p", s("a"), ":n", AttributeValue.builder().n("2").build()))).items())
            .extracting(i -> i.get("sk").s()).containsExactly("2");
        // the restored table is a table like any other, and independent of its source
        put(target, "z", "9", "red", 1);
        assertThat(db.getItem(b -> b.tableName(table).key(Map.of("pk", s("z"), "sk", s("9")))).hasItem()).isFalse();
        assertThat(db.describeTable(b -> b.tableName(table)).table().itemCount()).isEqualTo(3L);
        // the source's description carries no RestoreSummary
        assertThat(db.describeTable(b -> b.tableName(table)).table().restoreSummary()).isNull();

        assertThatThrownBy(() -> db.restoreTableFromBackup(b -> b.targetTableName(target).backupArn(backup.backupArn())))
            .isInstanceOf(TableAlreadyExistsException.class).hasMessageStartingWith("Table already exists: " + target + " (");
        assertThatThrownBy(() -> db.restoreTableFromBackup(b -> b.targetTableName(table).backupArn(backup.backupArn())))
            .isInstanceOf(TableAlreadyExistsException.class).hasMessageStartingWith("Table already exists: " + table + " (");
    }

    @Test
    void restoreWithOverrides() {
        String table = tableWithIndexes("bko");
        put(table, "a", "1", "red", 3);
        BackupDetails backup = backup(table, "for-overrides");

        String provisioned = ServerFixture.uniqueName("bko-prov");
        TableDescription p = db.restoreTableFromBackup(b -> b.targetTableName(provisioned).backupArn(backup.backupArn())
            .billingModeOverride(BillingMode.PROVISIONED)
            .provisionedThroughputOverride(t -> t.readCapacityUnits(7L).writeCapacityUnits(3L))).tableDescription();
        assertThat(p.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
        assertThat(p.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
        TableDescription pd = db.describeTable(b -> b.tableName(provisioned)).table();
        assertThat(pd.billingModeSummary()).isNull();
        assertThat(pd.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits()).isEqualTo(7L);

        // index overrides: drop every GSI, keep the LSI; unused attribute definitions go with the index
        String noGsi = ServerFixture.uniqueName("bko-nogsi");
        db.restoreTableFromBackup(b -> b.targetTableName(noGsi).backupArn(backup.backupArn())
            .globalSecondaryIndexOverride(List.of()));
        TableDescription nd = db.describeTable(b -> b.tableName(noGsi)).table();
        assertThat(nd.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(nd.localSecondaryIndexes()).hasSize(1);
        assertThat(nd.attributeDefinitions()).extracting(AttributeDefinition::attributeName).containsExactly("pk", "sk", "size");
        assertThat(db.scan(b -> b.tableName(noGsi)).count()).isEqualTo(1);

        // a GSI override re-projecting the index, and an LSI override dropping the LSI
        String keysOnly = ServerFixture.uniqueName("bko-keys");
        db.restoreTableFromBackup(b -> b.targetTableName(keysOnly).backupArn(backup.backupArn())
            .globalSecondaryIndexOverride(g -> g.indexName("byColor").keySchema(ks("color", KeyType.HASH), ks("sk", KeyType.RANGE))
                .projection(pr -> pr.projectionType(ProjectionType.KEYS_ONLY)))
            .localSecondaryIndexOverride(List.of()));
        TableDescription kd = db.describeTable(b -> b.tableName(keysOnly)).table();
        assertThat(kd.globalSecondaryIndexes().get(0).projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        assertThat(kd.hasLocalSecondaryIndexes()).isFalse();
        assertThat(db.query(b -> b.tableName(keysOnly).indexName("byColor").keyConditionExpression("color = :c")
            .expressionAttributeValues(Map.of(":c", s("red")))).items())
            .containsExactly(Map.of("pk", s("a"), "sk", s("1"), "color", s("red")));

        String bad = ServerFixture.uniqueName("bko-bad");
        assertThatThrownBy(() -> db.restoreTableFromBackup(b -> b.targetTableName(bad).backupArn(backup.backupArn())
            .globalSecondaryIndexOverride(g -> g.indexName("byNothing").keySchema(ks("color", KeyType.HASH))
                .projection(pr -> pr.projectionType(ProjectionType.ALL)))))
            .isInstanceOf(DynamoDbException.class)
            .hasMessageStartingWith("One or more parameter values were invalid: GlobalSecondaryIndex byNothing is not an index of the backup");
        assertThatThrownBy(() -> db.restoreTableFromBackup(b -> b.targetTableName(bad).backupArn(backup.backupArn())
            .provisionedThroughputOverride(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("One or more parameter values were invalid: "
                + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        assertThatThrownBy(() -> db.restoreTableFromBackup(b -> b.targetTableName(bad).backupArn(backup.backupArn())
            .billingModeOverride(BillingMode.PROVISIONED)))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("One or more parameter values were invalid: "
                + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        assertThat(db.listTables().tableNames()).doesNotContain(bad);
    }

    @Test
    void backupSurvivesDeletionOfItsTable() {
        String table = tableWithIndexes("bkd");
        put(table, "a", "1", "red", 3);
        BackupDetails backup = backup(table, "keep");
        db.deleteTable(b -> b.tableName(table));
        assertThat(db.describeBackup(b -> b.backupArn(backup.backupArn())).backupDescription().sourceTableDetails().tableName())
            .isEqualTo(table);
        assertThat(db.listBackups(b -> b.tableName(table)).backupSummaries()).extracting(BackupSummary::backupArn)
            .containsExactly(backup.backupArn());
        // restored under the deleted table's own name
        db.restoreTableFromBackup(b -> b.targetTableName(table).backupArn(backup.backupArn()));
        assertThat(db.getItem(b -> b.tableName(table).key(Map.of("pk", s("a"), "sk", s("1")))).item().get("color"))
            .isEqualTo(s("red"));
        assertThat(db.query(b -> b.tableName(table).indexName("byColor").keyConditionExpression("color = :c")
            .expressionAttributeValues(Map.of(":c", s("red")))).count()).isEqualTo(1);
    }

    @Test
    void pagingGoesOnWhenTheLastEvaluatedBackupIsDeletedAndRestoresOutliveTheirBackup() {
        String table = ServerFixture.createTable("bkp", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S, null);
        String tableArn = db.describeTable(b -> b.tableName(table)).table().tableArn();
        db.putItem(b -> b.tableName(table).item(Map.of("pk", s("k"))));
        BackupDetails first = db.createBackup(b -> b.tableName(tableArn).backupName("by-arn")).backupDetails();
        assertThat(first.backupArn()).startsWith(tableArn + "/backup/");
        backup(table, "second");
        ListBackupsResponse page1 = db.listBackups(b -> b.tableName(table).limit(1));
        assertThat(page1.lastEvaluatedBackupArn()).isEqualTo(first.backupArn());
        db.deleteBackup(b -> b.backupArn(first.backupArn()));
        assertThat(db.listBackups(b -> b.tableName(table).exclusiveStartBackupArn(page1.lastEvaluatedBackupArn())).backupSummaries())
            .extracting(BackupSummary::backupName).containsExactly("second");

        String target = ServerFixture.uniqueName("bkp-sse");
        String secondArn = db.listBackups(b -> b.tableName(table)).backupSummaries().get(0).backupArn();
        db.restoreTableFromBackup(b -> b.targetTableName(target).backupArn(secondArn)
            .sseSpecificationOverride(x -> x.enabled(true).sseType("KMS").kmsMasterKeyId("my-key")));
        db.deleteBackup(b -> b.backupArn(secondArn));
        TableDescription restored = db.describeTable(b -> b.tableName(target)).table();
        assertThat(restored.sseDescription().kmsMasterKeyArn()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/my-key");
        assertThat(restored.restoreSummary().sourceBackupArn()).isEqualTo(secondArn);
        assertThat(db.getItem(b -> b.tableName(target).key(Map.of("pk", s("k")))).hasItem()).isTrue();
    }

    @Test
    void errorsLikeTheService() {
        String missing = ServerFixture.uniqueName("bke-missing");
        assertThatThrownBy(() -> backup(missing, "x-backup"))
            .isInstanceOf(TableNotFoundException.class).hasMessageStartingWith("Table not found: " + missing + " (");
        String table = ServerFixture.createTable("bke", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S, null);
        assertThatThrownBy(() -> backup(table, "bad name"))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value 'bad name' at "
                + "'backupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ (");
        assertThatThrownBy(() -> backup(table, "ab"))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value 'ab' at "
                + "'backupName' failed to satisfy constraint: Member must have length greater than or equal to 3 (");
        String unknown = "arn:aws:dynamodb:us-east-1:000000000000:table/" + table + "/backup/0000000000000-00000000";
        assertThatThrownBy(() -> db.describeBackup(b -> b.backupArn(unknown)))
            .isInstanceOf(BackupNotFoundException.class).hasMessageStartingWith("Backup not found: " + unknown + " (");
        assertThatThrownBy(() -> db.restoreTableFromBackup(b -> b.targetTableName(ServerFixture.uniqueName("bke")).backupArn(unknown)))
            .isInstanceOf(BackupNotFoundException.class).hasMessageStartingWith("Backup not found: " + unknown + " (");
        BackupDetails backup = backup(table, "valid");
        assertThatThrownBy(() -> db.restoreTableFromBackup(b -> b.targetTableName("x").backupArn(backup.backupArn())))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value 'x' at "
                + "'targetTableName' failed to satisfy constraint: Member must have length greater than or equal to 3 (");
    }
}
