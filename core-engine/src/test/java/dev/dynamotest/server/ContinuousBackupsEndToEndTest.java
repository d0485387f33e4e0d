package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/** DescribeContinuousBackups / UpdateContinuousBackups through the SDK v2 client, on a manual engine clock. */
class ContinuousBackupsEndToEndTest extends ManualClockServer {
    void create(String name) {
        db.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
    }

    ContinuousBackupsDescription describe(String name) {
        return db.describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription();
    }

    ContinuousBackupsDescription update(String name, Boolean enabled, Integer days) {
        return db.updateContinuousBackups(b -> b.tableName(name)
            .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(enabled).recoveryPeriodInDays(days)))
            .continuousBackupsDescription();
    }

    @Test
    void continuousBackupsAreOnAndPitrOffForANewTable() {
        create("pitr");
        ContinuousBackupsDescription d = describe("pitr");
        assertThat(d.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
        PointInTimeRecoveryDescription p = d.pointInTimeRecoveryDescription();
        assertThat(p.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThat(p.recoveryPeriodInDays()).isNull();
        assertThat(p.earliestRestorableDateTime()).isNull();
        assertThat(p.latestRestorableDateTime()).isNull();
        // by ARN too
        String arn = db.describeTable(b -> b.tableName("pitr")).table().tableArn();
        assertThat(describe(arn).continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
    }

    @Test
    void enablingReportsTheRestorableWindowOnTheEngineClock() {
        create("pitr");
        engine.clock().advance(Duration.ofMinutes(10));
        Instant enabledAt = engine.clock().instant();
        PointInTimeRecoveryDescription p = update("pitr", true, null).pointInTimeRecoveryDescription();
        assertThat(p.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(p.recoveryPeriodInDays()).isEqualTo(35);
        assertThat(p.earliestRestorableDateTime()).isEqualTo(enabledAt);
        assertThat(p.latestRestorableDateTime()).isEqualTo(enabledAt);

        engine.clock().advance(Duration.ofHours(2));
        p = describe("pitr").pointInTimeRecoveryDescription();
        assertThat(p.earliestRestorableDateTime()).isEqualTo(enabledAt);
        assertThat(p.latestRestorableDateTime()).isEqualTo(enabledAt.plus(Duration.ofHours(2)));

        // a shorter period: enabling again keeps the enable time, the window is bounded by the period
        p = update("pitr", true, 1).pointInTimeRecoveryDescription();
        assertThat(p.recoveryPeriodInDays()).isEqualTo(1);
        assertThat(p.earliestRestorableDateTime()).isEqualTo(enabledAt);
        engine.clock().advance(Duration.ofDays(3));
        Instant now = engine.clock().instant();
        p = describe("pitr").pointInTimeRecoveryDescription();
        assertThat(p.earliestRestorableDateTime()).isEqualTo(now.minus(Duration.ofDays(1)));
        assertThat(p.latestRestorableDateTime()).isEqualTo(now);

        p = update("pitr", false, null).pointInTimeRecoveryDescription();
        assertThat(p.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThat(p.earliestRestorableDateTime()).isNull();
        assertThat(describe("pitr").pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
            .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    }

    @Test
    void theSettingVanishesWithTheTable() {
        create("pitr");
        update("pitr", true, 7);
        db.deleteTable(b -> b.tableName("pitr"));
        create("pitr");
        assertThat(describe("pitr").pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
            .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    }

    @Test
    void thePerTestRestoreUndoesTheTableSettings() {
        create("pitr");
        String arn = db.describeTable(b -> b.tableName("pitr")).table().tableArn();
        java.util.Map<dev.dynamotest.engine.table.Namespace, dev.dynamotest.engine.table.Namespace.Snapshot> snapshots =
            new java.util.HashMap<>();
        engine.namespaces().forEach(ns -> snapshots.put(ns, ns.snapshot()));
        update("pitr", true, null);
        db.updateContributorInsights(b -> b.tableName("pitr").contributorInsightsAction("ENABLE"));
        db.putResourcePolicy(b -> b.resourceArn(arn).policy("{}"));
        snapshots.forEach(dev.dynamotest.engine.table.Namespace::restore);
        assertThat(describe("pitr").pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
            .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThat(db.describeContributorInsights(b -> b.tableName("pitr")).contributorInsightsStatusAsString()).isEqualTo("DISABLED");
        assertThatThrownBy(() -> db.getResourcePolicy(b -> b.resourceArn(arn)))
            .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException.class);
    }

    @Test
    void anUnknownTableIsTableNotFound() {
        assertThatThrownBy(() -> describe("missing"))
            .isInstanceOf(TableNotFoundException.class).hasMessageStartingWith("Table not found: missing (Service: DynamoDb, Status Code: 400");
        assertThatThrownBy(() -> update("missing", true, null))
            .isInstanceOf(TableNotFoundException.class).hasMessageStartingWith("Table not found: missing (Service");
    }

    @Test
    void updateValidatesLikeTheService() {
        create("pitr");
        assertThatThrownBy(() -> db.updateContinuousBackups(b -> b.tableName("pitr")))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value null at "
                + "'pointInTimeRecoverySpecification' failed to satisfy constraint: Member must not be null (Service");
        assertThatThrownBy(() -> update("pitr", null, 5))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value null at "
                + "'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy constraint: Member must not be null (Service");
        assertThatThrownBy(() -> update("pitr", true, 36))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value '36' at "
                + "'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: "
                + "Member must have value less than or equal to 35 (Service");
        assertThatThrownBy(() -> update("pitr", true, 0))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value '0' at "
                + "'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1 (Service");
        // TableName is a TableArn shape (1 to 1,024 characters, no pattern): a short name is just a table that is not there
        assertThatThrownBy(() -> db.describeContinuousBackups(b -> b.tableName("x")))
            .isInstanceOf(TableNotFoundException.class).hasMessageStartingWith("Table not found: x (Service");
        assertThat(describe("pitr").pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
            .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    }
}
