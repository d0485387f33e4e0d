package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AutoScalingSettingsDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaAutoScalingDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code @CreateTable(autoScaling = @AutoScaling(...))}: the settings are there in every test (each test's copy of the
 * class's table gets them again), and the table scales out on the engine clock.
 */
@DynamoTest(isolatedEngine = true) // moves the clock
@CreateTable(name = "scaled", partitionKey = "id", billingMode = Billing.PROVISIONED, readCapacity = 5, writeCapacity = 2,
    autoScaling = @AutoScaling(minWrite = 2, maxWrite = 50, targetUtilization = 50, scaleInCooldown = 60))
class AutoScalingAnnotationTest {

    @Test
    void theSettingsAreDescribed(DynamoDbClient client) {
        ReplicaAutoScalingDescription r = client.describeTableReplicaAutoScaling(b -> b.tableName("scaled"))
            .tableAutoScalingDescription().replicas().get(0);
        AutoScalingSettingsDescription write = r.replicaProvisionedWriteCapacityAutoScalingSettings();
        assertThat(write.minimumUnits()).isEqualTo(2L);
        assertThat(write.maximumUnits()).isEqualTo(50L);
        assertThat(write.scalingPolicies().get(0).targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(50.0);
        assertThat(write.scalingPolicies().get(0).targetTrackingScalingPolicyConfiguration().scaleInCooldown()).isEqualTo(60);
        assertThat(r.replicaProvisionedReadCapacityAutoScalingSettings().autoScalingDisabled()).isTrue();
    }

    @Test
    void theTableScalesOutOnTheEngineClock(DynamoDbClient client, DynamoRuntime dynamo) {
        dynamo.clock().set(dynamo.clock().instant().truncatedTo(ChronoUnit.MINUTES)); // manual, at a minute's start
        for (int minute = 0; minute < 2; minute++) {
            write(client, 300, minute); // 5 units a second on 2 WCU
            dynamo.clock().advance(Duration.ofMinutes(1));
        }
        assertThat(client.describeTable(b -> b.tableName("scaled")).table().provisionedThroughput().writeCapacityUnits())
            .isEqualTo(10); // ceil(5 / 0.5)
    }

    @Test
    @CreateTable(name = "method-scaled", partitionKey = "id", billingMode = Billing.PROVISIONED,
        autoScaling = @AutoScaling(minRead = 10, maxRead = 20))
    void aMethodLevelTableGetsItsSettingsToo(DynamoDbClient client) {
        assertThat(client.describeTable(b -> b.tableName("method-scaled")).table().provisionedThroughput().readCapacityUnits())
            .isEqualTo(10); // raised to the minimum at once
        assertThat(client.describeTableReplicaAutoScaling(b -> b.tableName("method-scaled")).tableAutoScalingDescription().replicas().get(0)
            .replicaProvisionedReadCapacityAutoScalingSettings().maximumUnits()).isEqualTo(20L);
    }

    static void write(DynamoDbClient client, int items, int minute) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS(minute + "-" + i));
            batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            if (batch.size() == 25) {
                List<WriteRequest> b = List.copyOf(batch);
                client.batchWriteItem(r -> r.requestItems(Map.of("scaled", b)));
                batch.clear();
            }
        }
    }
}
