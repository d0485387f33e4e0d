package dev.dynamotest.assertj;

import static dev.dynamotest.assertj.DynamoAssertions.assertThatRequests;
import static dev.dynamotest.assertj.RequestPattern.op;
import static dev.dynamotest.assertj.RequestPattern.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.GlobalIndex;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Verification of the requests a test made, against the real engine's journal. */
@DynamoTest
@CreateTable(name = "orders", partitionKey = "pk", sortKey = "sk",
    globalIndexes = @GlobalIndex(name = "byEmail", partitionKey = "email"))
class JournalAssertTest {

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static void put(DynamoDbClient client, String pk, String sk, String email) {
        client.putItem(b -> b.tableName("orders").item(Map.of("pk", s(pk), "sk", s(sk), "email", s(email))));
    }

    @Test
    void countsNoScanAndIndexedReadsPass(DynamoDbClient client, DynamoRuntime dynamo) {
        put(client, "u1", "o1", "a@x");
        client.query(b -> b.tableName("orders").indexName("byEmail").keyConditionExpression("email = :e")
            .expressionAttributeValues(Map.of(":e", s("a@x"))));
        assertThatRequests(dynamo)
            .hasCount(op("Query").table("orders"), 1)
            .hasCount(op("Query").table("orders").index("byEmail"), 1)
            .hasCount(op("PutItem").key("pk", "u1"), 1)
            .hasNoScan()
            .hasNoErrors()
            .noKeyReadMoreThan(1)
            .consumedAtMostReadUnits(0.5)
            .consumedAtMostWriteUnits(2)
            .allReadsOf("orders").useIndex("byEmail");
    }

    @Test
    void aScanIsReportedWithTheRequest(DynamoDbClient client, DynamoRuntime dynamo) {
        client.scan(b -> b.tableName("orders").filterExpression("email = :e").expressionAttributeValues(Map.of(":e", s("a@x"))));
        assertThatThrownBy(() -> assertThatRequests(dynamo).hasNoScan())
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("Expecting no request Scan but found 1:")
            .hasMessageContaining("Scan orders FilterExpression=\"email = :e\" RCU=0.5 scanned=0 returned=0");
        assertThatThrownBy(() -> assertThatRequests(dynamo).allReadsOf("orders").useIndex("byEmail"))
            .hasMessageContaining("Expecting every read of orders to use index byEmail but 1 did not:");
    }

    @Test
    void anNPlusOneLoopIsCaught(DynamoDbClient client, DynamoRuntime dynamo) {
        put(client, "u1", "o1", "a@x");
        for (int i = 0; i < 3; i++) {
            client.getItem(b -> b.tableName("orders").key(Map.of("pk", s("u1"), "sk", s("o1"))));
        }
        assertThatThrownBy(() -> assertThatRequests(dynamo).noKeyReadMoreThan(1))
            .hasMessageContaining("Expecting no key read more than 1 time(s) (an N+1 loop?) but:")
            .hasMessageContaining("orders {pk=\"u1\", sk=\"o1\"} read 3 times:")
            .hasMessageContaining("GetItem orders keys=[orders {pk=\"u1\", sk=\"o1\"}] RCU=0.5");
        assertThatRequests(dynamo).noKeyReadMoreThan(3);
    }

    @Test
    void countsAndBudgetsFailWithTheRequests(DynamoDbClient client, DynamoRuntime dynamo) {
        put(client, "u1", "o1", "a@x");
        put(client, "u2", "o1", "b@x");
        assertThatThrownBy(() -> assertThatRequests(dynamo).hasCount(op("PutItem"), 1))
            .hasMessageContaining("Expecting 1 request(s) PutItem but found 2:");
        assertThatThrownBy(() -> assertThatRequests(dynamo).consumedAtMostWriteUnits(3))
            .hasMessageContaining("Expecting at most 3.0 write units but the requests consumed 4.0:")
            .hasMessageContaining("PutItem orders keys=[orders {pk=\"u1\", sk=\"o1\"}] WCU=2.0");
        assertThatRequests(dynamo).noneMatch(scan()).hasAny(op("PutItem").key("pk", "u2"));
        assertThat(dynamo.journal().entries()).hasSize(2);
    }
}
