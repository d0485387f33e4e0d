package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** @InRegion: a client per Region, seeing the replicas of a global table; the other Regions' tables end with the test. */
@DynamoTest
@CreateTable(name = "carts", partitionKey = "id")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InRegionTest {

    @Test
    @Order(1)
    void aClientPerRegionSeesTheReplica(DynamoDbClient east, @InRegion("eu-west-1") DynamoDbClient west) {
        assertThat(west.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
        east.updateTable(b -> b.tableName("carts").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        east.putItem(b -> b.tableName("carts").item(Map.of("id", AttributeValue.fromS("c1"))));
        assertThat(west.getItem(b -> b.tableName("carts").key(Map.of("id", AttributeValue.fromS("c1")))).item()).isNotEmpty();
    }

    @Test
    @Order(2)
    void theOtherRegionsTablesEndedWithThePreviousTest(DynamoDbClient east, @InRegion("eu-west-1") DynamoDbClient west) {
        assertThatThrownBy(() -> west.describeTable(b -> b.tableName("carts"))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(east.describeTable(b -> b.tableName("carts")).table().hasReplicas()).isFalse();
    }
}
