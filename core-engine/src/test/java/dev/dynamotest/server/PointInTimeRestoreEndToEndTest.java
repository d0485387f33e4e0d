package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * RestoreTableToPointInTime through the SDK v2 client on a manual engine clock: the items as they were at the
 * requested time, the latest restorable time, the window, and the errors.
 */
class PointInTimeRestoreEndToEndTest extends ManualClockServer {
    @BeforeEach
    void createLedger() {
        db.createTable(b -> b.tableName("ledger").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
    }

    void put(String pk, String v) {
        db.putItem(b -> b.tableName("ledger").item(Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromS(v))));
    }

    Map<String, String> contents(String table) {
        Map<String, String> out = new java.util.TreeMap<>();
        db.scan(b -> b.tableName(table).consistentRead(true)).items().forEach(i -> out.put(i.get("pk").s(), i.get("v").s()));
        return out;
    }

    void enablePitr() {
        db.updateContinuousBackups(b -> b.tableName("ledger").pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    }

    @Test
    void restoresTheItemsAsTheyWereAtTheRequestedTime() {
        put("a", "1");
        enablePitr(); // the history starts here, with item a
        engine.clock().advance(Duration.ofMinutes(1));
        put("b", "1");
        engine.clock().advance(Duration.ofMinutes(1));
        Instant afterB = engine.clock().instant();
        engine.clock().advance(Duration.ofMinutes(1));
        put("a", "2");
        db.deleteItem(b -> b.tableName("ledger").key(Map.of("pk", AttributeValue.fromS("b"))));
        put("c", "1");

        TableDescription restoring = db.restoreTableToPointInTime(b -> b.sourceTableName("ledger").targetTableName("ledger-then")
            .restoreDateTime(afterB)).tableDescription();
        assertThat(restoring.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(restoring.restoreSummary().sourceBackupArn()).isNull();
        assertThat(restoring.restoreSummary().sourceTableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/ledger");
        assertThat(restoring.restoreSummary().restoreInProgress()).isTrue();
        assertThat(contents("ledger-then")).isEqualTo(Map.of("a", "1", "b", "1"));

        // at the moment PITR was enabled: only a
        PointInTimeRecoveryDescription window = db.describeContinuousBackups(b -> b.tableName("ledger"))
            .continuousBackupsDescription().pointInTimeRecoveryDescription();
        assertThat(window.earliestRestorableDateTime()).isEqualTo(T0);
        db.restoreTableToPointInTime(b -> b.sourceTableName("ledger").targetTableName("ledger-first").restoreDateTime(T0));
        assertThat(contents("ledger-first")).isEqualTo(Map.of("a", "1"));

        // the latest restorable time, by ARN; the restored table is a table of its own
        db.restoreTableToPointInTime(b -> b.sourceTableArn("arn:aws:dynamodb:us-east-1:000000000000:table/ledger")
            .targetTableName("ledger-now").useLatestRestorableTime(true).billingModeOverride(BillingMode.PROVISIONED)
            .provisionedThroughputOverride(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        assertThat(contents("ledger-now")).isEqualTo(Map.of("a", "2", "c", "1"));
        TableDescription now = db.describeTable(b -> b.tableName("ledger-now")).table();
        assertThat(now.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(now.provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);
        assertThat(now.restoreSummary().restoreInProgress()).isFalse();
        assertThat(db.describeContinuousBackups(b -> b.tableName("ledger-now")).continuousBackupsDescription()
            .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("DISABLED");
        put("d", "1");
        assertThat(contents("ledger-now")).doesNotContainKey("d");
    }

    @Test
    void errorsForAMissingSourceNoPitrATimeOutsideTheWindowAndATakenTarget() {
        assertThatThrownBy(() -> db.restoreTableToPointInTime(b -> b.sourceTableName("nope").targetTableName("x-restored")
            .useLatestRestorableTime(true)))
            .isInstanceOf(TableNotFoundException.class).hasMessageStartingWith("Table not found: nope");
        assertThatThrownBy(() -> db.restoreTableToPointInTime(b -> b.sourceTableName("ledger").targetTableName("x-restored")
            .useLatestRestorableTime(true)))
            .isInstanceOf(PointInTimeRecoveryUnavailableException.class)
            .hasMessageStartingWith("Point in time recovery is not enabled for table 'ledger'");
        engine.clock().advance(Duration.ofMinutes(5));
        enablePitr();
        assertThatThrownBy(() -> db.restoreTableToPointInTime(b -> b.sourceTableName("ledger").targetTableName("x-restored")
            .restoreDateTime(T0)))
            .isInstanceOf(InvalidRestoreTimeException.class)
            .hasMessageStartingWith("Restore time is outside the restorable window of table 'ledger': it must be between "
                + "2030-01-01T00:05:00Z and 2030-01-01T00:05:00Z");
        assertThatThrownBy(() -> db.restoreTableToPointInTime(b -> b.sourceTableName("ledger").targetTableName("x-restored")))
            .hasMessageStartingWith("Either RestoreDateTime or UseLatestRestorableTime must be specified");
        assertThatThrownBy(() -> db.restoreTableToPointInTime(b -> b.sourceTableName("ledger").targetTableName("x-restored")
            .useLatestRestorableTime(true).restoreDateTime(T0)))
            .hasMessageStartingWith("Only one of RestoreDateTime and UseLatestRestorableTime can be specified");
        assertThatThrownBy(() -> db.restoreTableToPointInTime(b -> b.sourceTableName("ledger").targetTableName("ledger")
            .useLatestRestorableTime(true)))
            .isInstanceOf(TableAlreadyExistsException.class).hasMessageStartingWith("Table already exists: ledger");
    }

    @Test
    void disablingPitrDropsTheHistoryAndANamespaceRestoreStartsItAgain() {
        put("a", "1");
        enablePitr();
        engine.clock().advance(Duration.ofMinutes(1));
        Namespace ns = engine.namespace(NamespaceId.region("us-east-1"));
        Namespace.Snapshot snapshot = ns.snapshot(); // as the JUnit extension takes one after a class's fixtures
        put("b", "1");
        engine.clock().advance(Duration.ofMinutes(1));
        ns.restore(snapshot); // the next test: items back to the snapshot, the history starts again now
        Instant restoredAt = engine.clock().instant();
        assertThat(db.describeContinuousBackups(b -> b.tableName("ledger")).continuousBackupsDescription()
            .pointInTimeRecoveryDescription().earliestRestorableDateTime()).isEqualTo(restoredAt);
        db.restoreTableToPointInTime(b -> b.sourceTableName("ledger").targetTableName("after-reset").useLatestRestorableTime(true));
        assertThat(contents("after-reset")).isEqualTo(Map.of("a", "1"));

        db.updateContinuousBackups(b -> b.tableName("ledger").pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false)));
        assertThat(engine.pitr().historyStart(ns.find("ledger"))).isNull();
        assertThat(List.of(ns.tableNames().toArray())).contains("after-reset");
    }
}
