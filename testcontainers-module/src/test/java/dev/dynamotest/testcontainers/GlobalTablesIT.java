package dev.dynamotest.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Global tables in the container: a client per Region, a Region taken offline and resumed, the replication state. */
@RequiresDocker
@Testcontainers
class GlobalTablesIT {

    @Container
    static final DynamoTestContainer dynamo = new DynamoTestContainer().withManualClock();

    @AfterEach
    void reset() {
        dynamo.reset();
    }

    @Test
    void aRegionOfflineCatchesUpWhenResumed() {
        try (DynamoDbClient east = dynamo.newClient(); DynamoDbClient west = dynamo.newClient(Region.EU_WEST_1)) {
            east.createTable(b -> b.tableName("carts").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
            east.updateTable(b -> b.tableName("carts").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
            Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("c1"));

            dynamo.pauseRegion("eu-west-1");
            east.putItem(b -> b.tableName("carts").item(key));
            assertThat(east.describeTable(b -> b.tableName("carts")).table().replicas().get(0).replicaStatus())
                .isEqualTo(ReplicaStatus.REGION_DISABLED);
            assertThat(west.getItem(b -> b.tableName("carts").key(key).consistentRead(true)).hasItem()).isFalse();
            assertThat(dynamo.replication().get("pending").get("us-east-1 -> eu-west-1").asInt()).isEqualTo(1);
            assertThat(dynamo.settleReplication()).isZero(); // an offline Region waits

            assertThat(dynamo.resumeRegion("eu-west-1")).isEqualTo(1);
            assertThat(west.getItem(b -> b.tableName("carts").key(key).consistentRead(true)).hasItem()).isTrue();
            assertThat(east.describeTable(b -> b.tableName("carts")).table().replicas().get(0).replicaStatus())
                .isEqualTo(ReplicaStatus.ACTIVE);
        }
    }
}
