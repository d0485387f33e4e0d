package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynamotest.engine.table.NamespaceId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivityStatusCode;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TableAutoScalingDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Auto scaling through the SDK's ApplicationAutoScalingClient and DynamoDbClient against DynamoTest, on a manual
 * engine clock: each rule (scale out after two minutes above the target and not before, scale in after fifteen
 * below target minus 20, the daily decrease quota, cooldowns, min/max clamps, GSIs) and the errors.
 */
class AutoScalingEndToEndTest extends ManualClockServer {
    static final String TABLE = "table/tbl";
    ApplicationAutoScalingClient aas;
    final AtomicInteger keys = new AtomicInteger();

    @BeforeEach
    void client() {
        aas = ApplicationAutoScalingClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    }

    @AfterEach
    void closeClient() {
        aas.close();
    }

    void register(String resourceId, ScalableDimension d, int min, int max) {
        aas.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(resourceId).scalableDimension(d)
            .minCapacity(min).maxCapacity(max));
    }

    PutScalingPolicyResponse policy(String resourceId, ScalableDimension d, MetricType metric, double target, Integer outCooldown,
                                    Integer inCooldown) {
        return aas.putScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(resourceId).scalableDimension(d)
            .policyName("p").policyType(PolicyType.TARGET_TRACKING_SCALING)
            .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(target).scaleOutCooldown(outCooldown).scaleInCooldown(inCooldown)
                .predefinedMetricSpecification(m -> m.predefinedMetricType(metric))));
    }

    void writeScaling(int min, int max, double target) {
        register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, min, max);
        policy(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION, target, null, null);
    }

    /** Writes {@code units} one-unit items now (batches of 25). */
    void write(int units) {
        write("tbl", units, false);
    }

    void write(String table, int units, boolean gsi) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            Map<String, AttributeValue> item = gsi
                ? Map.of("pk", AttributeValue.fromS("k" + keys.incrementAndGet()), "g", AttributeValue.fromS("x"))
                : Map.of("pk", AttributeValue.fromS("k" + keys.incrementAndGet()));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25 || i == units - 1) {
                List<WriteRequest> b = List.copyOf(batch);
                assertThat(db.batchWriteItem(r -> r.requestItems(Map.of(table, b))).unprocessedItems()).isEmpty();
                batch.clear();
            }
        }
    }

    void advance(Duration d) {
        engine.clock().advance(d);
    }

    void minutes(int n) {
        advance(Duration.ofMinutes(n));
    }

    ProvisionedThroughputDescription throughput() {
        return db.describeTable(b -> b.tableName("tbl")).table().provisionedThroughput();
    }

    List<ScalingActivity> activities() {
        return aas.describeScalingActivities(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE)).scalingActivities();
    }

    @Test
    void targetsAndPoliciesAreDescribedAsRegistered() {
        CapacityEndToEndTest.table(db, "tbl", 5, 5, false);
        String arn = aas.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE)
            .scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).minCapacity(5).maxCapacity(100)).scalableTargetARN();
        assertThat(arn).startsWith("arn:aws:application-autoscaling:us-east-1:000000000000:scalable-target/");
        PutScalingPolicyResponse put = aas.putScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE)
            .scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).policyName("writes").policyType(PolicyType.TARGET_TRACKING_SCALING)
            .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(70.0).scaleInCooldown(60).scaleOutCooldown(30)
                .predefinedMetricSpecification(m -> m.predefinedMetricType(MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION))));
        assertThat(put.policyARN()).startsWith("arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:")
            .endsWith(":resource/dynamodb/table/tbl:policyName/writes");
        assertThat(put.alarms()).hasSize(4);
        assertThat(put.alarms().get(0).alarmName()).startsWith("TargetTracking-table/tbl-AlarmHigh-");
        assertThat(put.alarms().get(1).alarmName()).startsWith("TargetTracking-table/tbl-AlarmLow-");
        assertThat(put.alarms().get(0).alarmARN()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:" + put.alarms().get(0).alarmName());

        ScalableTarget t = aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)).scalableTargets().get(0);
        assertThat(t.resourceId()).isEqualTo(TABLE);
        assertThat(t.scalableDimension()).isEqualTo(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS);
        assertThat(t.minCapacity()).isEqualTo(5);
        assertThat(t.maxCapacity()).isEqualTo(100);
        assertThat(t.creationTime()).isEqualTo(T0);
        assertThat(t.scalableTargetARN()).isEqualTo(arn);
        assertThat(t.roleARN()).endsWith(":role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable");
        assertThat(t.suspendedState().dynamicScalingInSuspended()).isFalse();

        ScalingPolicy p = aas.describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE)).scalingPolicies().get(0);
        assertThat(p.policyName()).isEqualTo("writes");
        assertThat(p.policyARN()).isEqualTo(put.policyARN());
        assertThat(p.policyType()).isEqualTo(PolicyType.TARGET_TRACKING_SCALING);
        assertThat(p.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(70.0);
        assertThat(p.targetTrackingScalingPolicyConfiguration().scaleInCooldown()).isEqualTo(60);
        assertThat(p.targetTrackingScalingPolicyConfiguration().scaleOutCooldown()).isEqualTo(30);
        assertThat(p.targetTrackingScalingPolicyConfiguration().predefinedMetricSpecification().predefinedMetricType())
            .isEqualTo(MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION);
        assertThat(p.alarms()).isEqualTo(put.alarms());

        // other namespaces have nothing here; filters apply
        assertThat(aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS)).scalableTargets()).isEmpty();
        assertThat(aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceIds("table/other")).scalableTargets()).isEmpty();
        assertThat(aas.describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).policyNames("nope")).scalingPolicies()).isEmpty();

        aas.deleteScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE)
            .scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).policyName("writes"));
        assertThat(aas.describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)).scalingPolicies()).isEmpty();
        aas.deregisterScalableTarget(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE)
            .scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS));
        assertThat(aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)).scalableTargets()).isEmpty();
    }

    @Test
    void scalesOutAtTheEndOfTheSecondMinuteAboveTheTargetAndNotBefore() {
        CapacityEndToEndTest.table(db, "tbl", 5, 1, false);
        writeScaling(1, 100, 50);
        write(150); // 2.5 units/s on 1 WCU: 250 %
        minutes(1);
        write(150);
        advance(Duration.ofSeconds(59));
        assertThat(throughput().writeCapacityUnits()).isEqualTo(1); // one minute of data is not two datapoints... until the minute ends
        assertThat(activities()).isEmpty();
        advance(Duration.ofSeconds(1));
        Instant at = T0.plus(Duration.ofMinutes(2));
        ProvisionedThroughputDescription tp = throughput();
        assertThat(tp.writeCapacityUnits()).isEqualTo(5); // ceil(2.5 / 0.5)
        assertThat(tp.lastIncreaseDateTime()).isEqualTo(at);
        assertThat(tp.readCapacityUnits()).isEqualTo(5);
        ScalingActivity a = activities().get(0);
        assertThat(a.description()).isEqualTo("Setting write capacity units to 5.");
        assertThat(a.statusMessage()).isEqualTo("Successfully set write capacity units to 5. Change successfully fulfilled by dynamodb.");
        assertThat(a.statusCode()).isEqualTo(ScalingActivityStatusCode.SUCCESSFUL);
        assertThat(a.cause()).matches("monitor alarm TargetTracking-table/tbl-AlarmHigh-[0-9a-f-]{36} in state ALARM triggered policy p");
        assertThat(a.startTime()).isEqualTo(at);
        assertThat(a.endTime()).isEqualTo(at);
        assertThat(a.scalableDimension()).isEqualTo(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS);
        assertThat(a.resourceId()).isEqualTo(TABLE);
    }

    @Test
    void oneMinuteAboveTheTargetIsNotEnough() {
        CapacityEndToEndTest.table(db, "tbl", 5, 1, false);
        writeScaling(1, 100, 50);
        write(150);
        minutes(1);
        write(20); // 33 %: below the target
        minutes(1);
        write(150);
        minutes(1);
        assertThat(throughput().writeCapacityUnits()).isEqualTo(1);
        assertThat(activities()).isEmpty();
    }

    @Test
    void scalesInAfterFifteenMinutesBelowTheTargetMinusTwenty() {
        CapacityEndToEndTest.table(db, "tbl", 5, 10, false);
        writeScaling(2, 100, 50);
        advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(throughput().writeCapacityUnits()).isEqualTo(10);
        advance(Duration.ofSeconds(1));
        Instant at = T0.plus(Duration.ofMinutes(15));
        ProvisionedThroughputDescription tp = throughput();
        assertThat(tp.writeCapacityUnits()).isEqualTo(2); // no traffic: down to the minimum
        assertThat(tp.lastDecreaseDateTime()).isEqualTo(at);
        assertThat(tp.numberOfDecreasesToday()).isEqualTo(1);
        ScalingActivity a = activities().get(0);
        assertThat(a.description()).isEqualTo("Setting write capacity units to 2.");
        assertThat(a.cause()).matches("monitor alarm TargetTracking-table/tbl-AlarmLow-[0-9a-f-]{36} in state ALARM triggered policy p");
    }

    @Test
    void utilisationBetweenTargetMinusTwentyAndTheTargetKeepsTheCapacity() {
        CapacityEndToEndTest.table(db, "tbl", 5, 2, false);
        writeScaling(1, 100, 50);
        for (int i = 0; i < 20; i++) {
            write(48); // 40 %: under 50, not under 30
            minutes(1);
        }
        assertThat(throughput().writeCapacityUnits()).isEqualTo(2);
        assertThat(activities()).isEmpty();
    }

    @Test
    void disableScaleInKeepsTheCapacity() {
        CapacityEndToEndTest.table(db, "tbl", 5, 10, false);
        register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 1, 100);
        aas.putScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE)
            .scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).policyName("p").policyType(PolicyType.TARGET_TRACKING_SCALING)
            .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0).disableScaleIn(true)
                .predefinedMetricSpecification(m -> m.predefinedMetricType(MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION))));
        minutes(60);
        assertThat(throughput().writeCapacityUnits()).isEqualTo(10);
    }

    @Test
    void scaleOutCooldownHoldsTheNextScaleOut() {
        CapacityEndToEndTest.table(db, "tbl", 5, 1, false);
        register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 1, 100);
        policy(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION, 50, 300, null);
        write(120);
        minutes(1);
        write(120);
        minutes(1);
        assertThat(throughput().writeCapacityUnits()).isEqualTo(4); // ceil(2 / 0.5) at T0+2min
        for (int m = 2; m < 7; m++) {
            write(600); // 10/s on 4 WCU: 250 %
            minutes(1);
            if (m < 6) {
                assertThat(throughput().writeCapacityUnits()).as("minute %d", m + 1).isEqualTo(4); // cooling down until T0+7min
            }
        }
        assertThat(throughput().writeCapacityUnits()).isEqualTo(20);
        assertThat(activities().get(0).startTime()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
    }

    @Test
    void scaleInCooldownHoldsTheNextScaleIn() {
        CapacityEndToEndTest.table(db, "tbl", 5, 20, false);
        register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 1, 100);
        policy(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION, 50, null, 1200);
        for (int m = 0; m < 15; m++) {
            write(60); // 1/s on 20 WCU: 5 %
            minutes(1);
        }
        assertThat(throughput().writeCapacityUnits()).isEqualTo(2); // ceil(1 / 0.5) at T0+15min
        minutes(19); // fifteen quiet minutes were over at T0+30min; the cooldown runs until T0+35min
        assertThat(throughput().writeCapacityUnits()).isEqualTo(2);
        minutes(1);
        assertThat(throughput().writeCapacityUnits()).isEqualTo(1);
        assertThat(activities().get(0).startTime()).isEqualTo(T0.plus(Duration.ofMinutes(35)));
    }

    @Test
    void minimumAndMaximumClampTheCapacity() {
        CapacityEndToEndTest.table(db, "tbl", 5, 1, false);
        register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 3, 6);
        assertThat(throughput().writeCapacityUnits()).isEqualTo(3); // raised into the range at once
        ScalingActivity raised = activities().get(0);
        assertThat(raised.description()).isEqualTo("Setting write capacity units to 3.");
        assertThat(raised.cause()).isEqualTo("minimum capacity was set to 3");
        assertThat(raised.statusMessage()).isEqualTo("Successfully set write capacity units to 3. Change successfully fulfilled by dynamodb.");
        policy(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION, 50, null, null);
        write(1200);
        minutes(1);
        write(1200);
        minutes(1);
        assertThat(throughput().writeCapacityUnits()).isEqualTo(6); // wanted 40, the maximum is 6
        register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 3, 4);
        assertThat(throughput().writeCapacityUnits()).isEqualTo(4);
        assertThat(activities().get(0).cause()).isEqualTo("maximum capacity was set to 4");
    }

    @Test
    void decreasesAreLimitedToFourADayPlusOneAfterAnHourWithout() {
        CapacityEndToEndTest.table(db, "tbl", 5, 100, false);
        for (int max : new int[] {90, 80, 70, 60}) {
            register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 1, max);
        }
        assertThat(throughput().numberOfDecreasesToday()).isEqualTo(4);
        register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 1, 50);
        assertThat(throughput().writeCapacityUnits()).isEqualTo(60);
        ScalingActivity failed = activities().get(0);
        assertThat(failed.statusCode()).isEqualTo(ScalingActivityStatusCode.FAILED);
        assertThat(failed.statusMessage()).isEqualTo("Failed to set write capacity units to 50. Reason: The table or index has reached its "
            + "limit of provisioned throughput decreases for the day.");
        minutes(60); // an hour without a decrease: one more
        register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 1, 40);
        assertThat(throughput().writeCapacityUnits()).isEqualTo(40);
        assertThat(throughput().numberOfDecreasesToday()).isEqualTo(5);
        minutes(59);
        register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 1, 30);
        assertThat(throughput().writeCapacityUnits()).isEqualTo(40);
        engine.clock().set(Instant.parse("2030-01-02T00:00:00Z")); // a new UTC day
        register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 1, 20);
        assertThat(throughput().writeCapacityUnits()).isEqualTo(20);
        assertThat(throughput().numberOfDecreasesToday()).isEqualTo(1);
    }

    @Test
    void globalSecondaryIndexCapacityScalesOnItsOwnTarget() {
        CapacityEndToEndTest.table(db, "tbl", 5, 100, true); // byG: 5 RCU, 1 WCU
        String index = "table/tbl/index/byG";
        register(index, ScalableDimension.DYNAMODB_INDEX_WRITE_CAPACITY_UNITS, 1, 50);
        policy(index, ScalableDimension.DYNAMODB_INDEX_WRITE_CAPACITY_UNITS, MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION, 50, null, null);
        write("tbl", 180, true);
        minutes(1);
        write("tbl", 180, true);
        minutes(1);
        var d = db.describeTable(b -> b.tableName("tbl")).table();
        assertThat(d.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits()).isEqualTo(6); // ceil(3 / 0.5)
        assertThat(d.globalSecondaryIndexes().get(0).provisionedThroughput().lastIncreaseDateTime()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        assertThat(d.provisionedThroughput().writeCapacityUnits()).isEqualTo(100); // the table has no target
        ScalingActivity a = aas.describeScalingActivities(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)).scalingActivities().get(0);
        assertThat(a.resourceId()).isEqualTo(index);
        assertThat(a.scalableDimension()).isEqualTo(ScalableDimension.DYNAMODB_INDEX_WRITE_CAPACITY_UNITS);
    }

    @Test
    void readCapacityScalesOnConsumedReads() {
        CapacityEndToEndTest.table(db, "tbl", 1, 5, false);
        write(1);
        register(TABLE, ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 1, 50);
        policy(TABLE, ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION, 50, null, null);
        for (int m = 0; m < 2; m++) {
            for (int i = 0; i < 90; i++) { // strongly consistent: one unit each, 1.5/s
                db.getItem(b -> b.tableName("tbl").key(Map.of("pk", AttributeValue.fromS("k1"))).consistentRead(true));
            }
            minutes(1);
        }
        assertThat(throughput().readCapacityUnits()).isEqualTo(3);
    }

    @Test
    void tableReplicaAutoScalingDescribesAndUpdatesTheSettings() {
        CapacityEndToEndTest.table(db, "tbl", 5, 5, true);
        TableAutoScalingDescription before = db.describeTableReplicaAutoScaling(b -> b.tableName("tbl")).tableAutoScalingDescription();
        assertThat(before.tableName()).isEqualTo("tbl");
        assertThat(before.replicas()).hasSize(1);
        assertThat(before.replicas().get(0).regionName()).isEqualTo("us-east-1");
        assertThat(before.replicas().get(0).replicaProvisionedWriteCapacityAutoScalingSettings().autoScalingDisabled()).isTrue();

        TableAutoScalingDescription after = db.updateTableReplicaAutoScaling(b -> b.tableName("tbl")
            .provisionedWriteCapacityAutoScalingUpdate(u -> u.minimumUnits(5L).maximumUnits(200L)
                .scalingPolicyUpdate(p -> p.targetTrackingScalingPolicyConfiguration(c -> c.targetValue(70.0))))
            .globalSecondaryIndexUpdates(g -> g.indexName("byG").provisionedWriteCapacityAutoScalingUpdate(u -> u.minimumUnits(1L).maximumUnits(10L)))
            .replicaUpdates(r -> r.regionName("us-east-1").replicaProvisionedReadCapacityAutoScalingUpdate(u -> u.minimumUnits(5L).maximumUnits(50L)
                .scalingPolicyUpdate(p -> p.policyName("reads").targetTrackingScalingPolicyConfiguration(c -> c.targetValue(60.0).scaleInCooldown(120))))))
            .tableAutoScalingDescription();
        var replica = after.replicas().get(0);
        assertThat(replica.replicaProvisionedWriteCapacityAutoScalingSettings().minimumUnits()).isEqualTo(5L);
        assertThat(replica.replicaProvisionedWriteCapacityAutoScalingSettings().maximumUnits()).isEqualTo(200L);
        assertThat(replica.replicaProvisionedWriteCapacityAutoScalingSettings().autoScalingDisabled()).isFalse();
        assertThat(replica.replicaProvisionedWriteCapacityAutoScalingSettings().scalingPolicies().get(0).policyName())
            .isEqualTo("DynamoDBWriteCapacityUtilization:table/tbl");
        assertThat(replica.replicaProvisionedReadCapacityAutoScalingSettings().scalingPolicies().get(0).targetTrackingScalingPolicyConfiguration().scaleInCooldown())
            .isEqualTo(120);
        assertThat(replica.globalSecondaryIndexes().get(0).provisionedWriteCapacityAutoScalingSettings().maximumUnits()).isEqualTo(10L);
        // the same targets through Application Auto Scaling
        assertThat(aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)).scalableTargets())
            .extracting(ScalableTarget::resourceId, ScalableTarget::scalableDimensionAsString)
            .containsExactly(tuple(TABLE, "dynamodb:table:WriteCapacityUnits"),
                tuple("table/tbl/index/byG", "dynamodb:index:WriteCapacityUnits"),
                tuple(TABLE, "dynamodb:table:ReadCapacityUnits"));
        db.updateTableReplicaAutoScaling(b -> b.tableName("tbl").provisionedWriteCapacityAutoScalingUpdate(u -> u.autoScalingDisabled(true)));
        assertThat(db.describeTableReplicaAutoScaling(b -> b.tableName("tbl")).tableAutoScalingDescription().replicas().get(0)
            .replicaProvisionedWriteCapacityAutoScalingSettings().autoScalingDisabled()).isTrue();
    }

    @Test
    void errorsAreTheServices() {
        CapacityEndToEndTest.table(db, "tbl", 5, 5, true);
        ObjectNotFoundException noTarget = catchThrowableOfType(() -> policy(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS,
            MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION, 50, null, null), ObjectNotFoundException.class);
        assertThat(noTarget.awsErrorDetails().errorMessage()).isEqualTo("No scalable target registered for service namespace: dynamodb, "
            + "resource ID: table/tbl, scalable dimension: dynamodb:table:WriteCapacityUnits");
        assertThat(noTarget.statusCode()).isEqualTo(400);

        assertThat(validation(() -> aas.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE)
            .scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).minCapacity(1))))
            .isEqualTo("MinCapacity and MaxCapacity are required for registering a new scalable target");
        assertThat(validation(() -> register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 10, 5)))
            .isEqualTo("Minimum capacity cannot be greater than maximum capacity");
        assertThat(validation(() -> register("table/missing", ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 1, 5)))
            .isEqualTo("Table or global secondary index does not exist: table/missing");
        assertThat(validation(() -> register(TABLE, ScalableDimension.DYNAMODB_INDEX_WRITE_CAPACITY_UNITS, 1, 5)))
            .isEqualTo("Unsupported service namespace, resource type or scalable dimension");
        assertThat(validation(() -> register(TABLE, ScalableDimension.ECS_SERVICE_DESIRED_COUNT, 1, 5)))
            .isEqualTo("Unsupported service namespace, resource type or scalable dimension");
        assertThat(validation(() -> aas.registerScalableTarget(b -> b.serviceNamespace("dynamo").resourceId(TABLE)
            .scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).minCapacity(1).maxCapacity(2))))
            .startsWith("1 validation error detected: Value 'dynamo' at 'serviceNamespace' failed to satisfy constraint: Member must satisfy enum value set: [ecs, ");

        register(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 1, 5);
        assertThat(validation(() -> policy(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION,
            95, null, null))).isEqualTo("Target value must be between 20.0 and 90.0 for service namespace: dynamodb");
        assertThat(validation(() -> policy(TABLE, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION,
            50, null, null))).isEqualTo("Unsupported metric type DynamoDBReadCapacityUtilization for scalable dimension dynamodb:table:WriteCapacityUnits");
        assertThat(validation(() -> aas.putScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE)
            .scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).policyName("s").policyType(PolicyType.STEP_SCALING)
            .stepScalingPolicyConfiguration(c -> c.cooldown(60)))))
            .isEqualTo("Unsupported policy type StepScaling for service namespace: dynamodb");

        ObjectNotFoundException noPolicy = catchThrowableOfType(() -> aas.deleteScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)
            .resourceId(TABLE).scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS).policyName("nope")),
            ObjectNotFoundException.class);
        assertThat(noPolicy.awsErrorDetails().errorMessage()).isEqualTo("No scaling policy found for service namespace: dynamodb, "
            + "resource ID: table/tbl, scalable dimension: dynamodb:table:WriteCapacityUnits, policy name: nope");
        ObjectNotFoundException noDeregister = catchThrowableOfType(() -> aas.deregisterScalableTarget(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)
            .resourceId(TABLE).scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS)), ObjectNotFoundException.class);
        assertThat(noDeregister.awsErrorDetails().errorMessage()).isEqualTo("No scalable target found for service namespace: dynamodb, "
            + "resource ID: table/tbl, scalable dimension: dynamodb:table:ReadCapacityUnits");
    }

    String validation(Runnable call) {
        ValidationException e = catchThrowableOfType(call::run, ValidationException.class);
        assertThat(e).as("ValidationException").isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        return e.awsErrorDetails().errorMessage();
    }

    @Test
    void theWireFormIsJson11() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint())
            .header("X-Amz-Target", "AnyScaleFrontendService.DeregisterScalableTarget").header("Content-Type", "application/x-amz-json-1.1")
            .POST(HttpRequest.BodyPublishers.ofString("{\"ServiceNamespace\":\"dynamodb\",\"ResourceId\":\"table/tbl\","
                + "\"ScalableDimension\":\"dynamodb:table:ReadCapacityUnits\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(r.body()).isEqualTo("{\"__type\":\"ObjectNotFoundException\",\"Message\":\"No scalable target found for service namespace: "
            + "dynamodb, resource ID: table/tbl, scalable dimension: dynamodb:table:ReadCapacityUnits\"}");
    }

    @Test
    void theAdminApiSetsUpAndListsAutoScaling() throws Exception {
        CapacityEndToEndTest.table(db, "tbl", 5, 1, false);
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(server.endpoint() + "/_dynamotest/autoscaling");
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(uri).header(DynamoTestServer.ADMIN_HEADER, "1").POST(HttpRequest.BodyPublishers.ofString(
            "{\"table\":\"tbl\",\"dimension\":\"write\",\"min\":2,\"max\":40,\"targetUtilization\":50}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"resourceId\":\"table/tbl\",\"scalableDimension\":\"dynamodb:table:WriteCapacityUnits\","
            + "\"minCapacity\":2,\"maxCapacity\":40,\"policies\":[{\"policyName\":\"DynamoDBWriteCapacityUtilization:table/tbl\","
            + "\"targetValue\":50.0,\"disableScaleIn\":false}]");
        assertThat(set.body()).contains("\"from\":1,\"to\":2,\"statusCode\":\"Successful\",\"description\":\"Setting write capacity units to 2.\","
            + "\"cause\":\"minimum capacity was set to 2\"");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(uri).header(DynamoTestServer.ADMIN_HEADER, "1").POST(HttpRequest.BodyPublishers.ofString(
            "{\"table\":\"tbl\",\"dimension\":\"write\",\"min\":9,\"max\":4}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"error\":\"Minimum capacity cannot be greater than maximum capacity\"}");
        write(240); // 4/s on 2 WCU
        minutes(1);
        write(240);
        minutes(1);
        assertThat(http.send(HttpRequest.newBuilder(uri).header(DynamoTestServer.ADMIN_HEADER, "1").GET().build(), HttpResponse.BodyHandlers.ofString()).body())
            .contains("\"time\":\"2030-01-01T00:02:00Z\",\"from\":2,\"to\":8,\"statusCode\":\"Successful\"");
    }

    @Test
    void theJavaApiSetsUpAndReportsAutoScaling() {
        CapacityEndToEndTest.table(db, "tbl", 5, 1, false);
        engine.autoScaling().enable(NamespaceId.region("us-east-1"), TABLE,
            dev.dynamotest.engine.autoscaling.ScalableDimension.TABLE_WRITE, 1, 10, 50);
        write(120);
        minutes(1);
        write(120);
        minutes(1);
        dev.dynamotest.engine.autoscaling.ScalingActivity a = engine.autoScaling().activities("us-east-1").get(0);
        assertThat(a.fromCapacity()).isEqualTo(1);
        assertThat(a.toCapacity()).isEqualTo(4);
        assertThat(a.startTime()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        assertThat(engine.capacity().metrics("arn:aws:dynamodb:us-east-1:000000000000:table/tbl").consumedInMinute(
            T0.getEpochSecond() / 60 + 1, true)).isEqualTo(120.0); // CloudWatch's one-minute ConsumedWriteCapacityUnits
    }

    @Test
    void aClockSetBackKeepsEvaluating() {
        CapacityEndToEndTest.table(db, "tbl", 5, 1, false);
        writeScaling(1, 100, 50);
        engine.clock().set(T0.plus(Duration.ofDays(1)));
        Instant back = T0.minus(Duration.ofHours(1));
        engine.clock().set(back); // as a test putting the clock back does
        write(150);
        minutes(1);
        write(150);
        minutes(1);
        assertThat(throughput().writeCapacityUnits()).isEqualTo(5);
        assertThat(activities().get(0).startTime()).isEqualTo(back.plus(Duration.ofMinutes(2)));
    }

    @Test
    void aDeletedTableTakesItsTargetsWithIt() {
        CapacityEndToEndTest.table(db, "tbl", 5, 5, false);
        writeScaling(1, 10, 50);
        db.deleteTable(b -> b.tableName("tbl"));
        assertThat(aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)).scalableTargets()).isEmpty();
        assertThat(aas.describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)).scalingPolicies()).isEmpty();
    }
}
