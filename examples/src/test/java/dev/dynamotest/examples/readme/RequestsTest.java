package dev.dynamotest.examples.readme;

// tag::requests[]
import static dev.dynamotest.assertj.DynamoAssertions.assertThatRequests;
import static dev.dynamotest.assertj.RequestPattern.op;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.GlobalIndex;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@CreateTable(name = "orders", partitionKey = "orderId", globalIndexes = @GlobalIndex(name = "byEmail", partitionKey = "email"))
class RequestsTest {

    @Test
    void findsOrdersByEmailWithOneQuery(DynamoDbClient client, DynamoRuntime dynamo) {
        client.putItem(b -> b.tableName("orders").item(Map.of(
            "orderId", AttributeValue.fromS("o1"), "email", AttributeValue.fromS("ada@example.com"))));
        client.query(b -> b.tableName("orders").indexName("byEmail").keyConditionExpression("email = :e")
            .expressionAttributeValues(Map.of(":e", AttributeValue.fromS("ada@example.com"))));

        assertThatRequests(dynamo)                      // this test's requests
            .hasCount(op("Query").table("orders").index("byEmail"), 1)
            .hasNoScan()                                // or .noneMatch(scan())
            .noKeyReadMoreThan(1)                       // N+1 detection, by table/index/key
            .consumedAtMostReadUnits(10)
            .consumedAtMostWriteUnits(2)
            .allReadsOf("orders").useIndex("byEmail");
    }
}
// end::requests[]
