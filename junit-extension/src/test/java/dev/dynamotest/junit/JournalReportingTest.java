package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** What the journal adds to test outcomes: the last requests on failure, the cost report entry and summary, budgets. */
class JournalReportingTest {

    static Map<String, AttributeValue> item(String pk, String status) {
        return Map.of("pk", AttributeValue.fromS(pk), "status", AttributeValue.fromS(status));
    }

    @KitCase
    @DynamoTest
    @CreateTable(name = "orders", partitionKey = "pk")
    static class FailingOnACondition {
        @Test
        void cancelsAShippedOrder(DynamoDbClient client) {
            client.putItem(b -> b.tableName("orders").item(item("o1", "SHIPPED")));
            client.updateItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("o1")))
                .updateExpression("SET #s = :c").conditionExpression("#s = :new")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("CANCELLED"), ":new", AttributeValue.fromS("NEW"))));
        }
    }

    @Test
    void aFailingTestShowsItsLastRequestsAndWhyTheConditionFailed() {
        EngineExecutionResults results = Kit.run(FailingOnACondition.class);
        Throwable failure = results.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable).orElseThrow();
        assertThat(failure).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(RecentRequests.class);
        String shown = failure.getSuppressed()[0].getMessage();
        assertThat(shown).startsWith("the last 2 of 2 DynamoDB request(s) of this test (journal):")
            .contains("PutItem orders keys=[orders {pk=\"o1\"}] WCU=1.0")
            .contains("UpdateItem orders ConditionExpression=\"#s = :new\" UpdateExpression=\"SET #s = :c\" "
                + "-> ConditionalCheckFailedException: The conditional request failed "
                + "(because orders {pk=\"o1\"}: status = :new was false: status is \"SHIPPED\", :new is \"NEW\")");
    }

    @KitCase
    @DynamoTest
    @CreateTable(name = "orders", partitionKey = "pk")
    static class Costly {
        @Test
        void cheap(DynamoDbClient client) {
            client.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("o1"))));
        }

        @Test
        @CostBudget(writeUnits = 2)
        void overBudget(DynamoDbClient client) {
            for (int i = 0; i < 3; i++) {
                client.putItem(b -> b.tableName("orders").item(item("o" + System.nanoTime(), "NEW")));
            }
        }
    }

    @Test
    void eachTestReportsItsCostTheRunRanksThemAndABudgetFailsATest(@TempDir Path dir) throws Exception {
        EngineExecutionResults results = Kit.run(Costly.class, Map.of("dynamotest.cost.dir", dir.toString()));
        List<String> entries = results.allEvents().reportingEntryPublished().list().stream()
            .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("dynamotest.cost")).toList();
        assertThat(entries).containsExactlyInAnyOrder(
            "GetItem x1; 0.5 read units, 0 write units; $0.000000063 on demand",
            "PutItem x3; 0 read units, 3 write units; $0.000001875 on demand");
        Event failed = results.testEvents().failed().list().get(0);
        assertThat(failed.getTestDescriptor().getDisplayName()).isEqualTo("overBudget(DynamoDbClient)");
        assertThat(failed.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow())
            .isInstanceOf(AssertionError.class)
            .hasMessageStartingWith("@CostBudget exceeded: the test consumed 3 write units (budget 2); costliest requests:")
            .hasMessageContaining("PutItem orders keys=");
        String md = Files.readString(dir.resolve("dynamotest-cost.md"));
        assertThat(md).contains("| " + Costly.class.getName() + "#overBudget | PutItem x3 | 0 | 3 | 0.000001875 |");
        assertThat(md.indexOf("#overBudget")).isLessThan(md.indexOf("#cheap")); // most expensive first
        String json = Files.readString(dir.resolve("dynamotest-cost.json"));
        assertThat(json).contains("\"readPricePerMillion\": 0.125", "\"writePricePerMillion\": 0.625",
            "{\"test\": \"" + Costly.class.getName() + "#cheap\", \"requests\": {\"GetItem\": 1}, \"readUnits\": 0.5, "
                + "\"writeUnits\": 0.0, \"dollars\": 0.000000063}");
    }
}
