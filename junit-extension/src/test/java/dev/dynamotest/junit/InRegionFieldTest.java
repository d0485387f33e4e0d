package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;

/** @InRegion on fields, and runtime.replication(): a Region taken offline and back, undone when the test ends. */
@DynamoTest
@CreateTable(name = "carts", partitionKey = "id")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InRegionFieldTest {
    static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("c1"));

    @Dynamo
    DynamoDbClient east;

    @InRegion("eu-west-1")
    DynamoDbClient west;

    @Test
    @Order(1)
    void aRegionOfflineCatchesUpWhenResumed(DynamoRuntime runtime) {
        assertThat(west.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
        east.updateTable(b -> b.tableName("carts").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        runtime.replication().pauseRegion("eu-west-1");
        east.putItem(b -> b.tableName("carts").item(KEY));
        assertThat(east.describeTable(b -> b.tableName("carts")).table().replicas().get(0).replicaStatus())
            .isEqualTo(ReplicaStatus.REGION_DISABLED);
        assertThat(west.getItem(b -> b.tableName("carts").key(KEY).consistentRead(true)).hasItem()).isFalse();
        assertThat(runtime.replication().pending()).containsExactly(Map.entry(runtime.region().id() + " -> eu-west-1", 1));
        assertThat(runtime.replication().settle()).isZero();
        assertThat(runtime.replication().resumeRegion("eu-west-1")).isEqualTo(1);
        assertThat(west.getItem(b -> b.tableName("carts").key(KEY).consistentRead(true)).hasItem()).isTrue();
        runtime.replication().pauseRegion("eu-west-1"); // left offline: the test's end brings it back
    }

    @Test
    @Order(2)
    void theNextTestStartsWithEveryRegionOnline(DynamoRuntime runtime) {
        east.updateTable(b -> b.tableName("carts").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        east.putItem(b -> b.tableName("carts").item(KEY));
        assertThat(east.describeTable(b -> b.tableName("carts")).table().replicas().get(0).replicaStatus())
            .isEqualTo(ReplicaStatus.ACTIVE);
        assertThat(west.getItem(b -> b.tableName("carts").key(KEY).consistentRead(true)).hasItem()).isTrue();
        assertThat(runtime.replication().pending()).isEmpty();
    }
}
