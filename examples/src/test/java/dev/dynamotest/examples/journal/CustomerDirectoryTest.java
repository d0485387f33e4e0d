package dev.dynamotest.examples.journal;

import static dev.dynamotest.assertj.DynamoAssertions.assertThatRequests;
import static dev.dynamotest.assertj.RequestPattern.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.junit.CostBudget;
import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoRuntime;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.GlobalIndex;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The request journal catching what functional assertions cannot: both versions of each method return the right
 * answer, only the requests they make differ.
 */
@DynamoTest
@CreateTable(name = "customers", partitionKey = "pk", globalIndexes = @GlobalIndex(name = "byEmail", partitionKey = "email"))
class CustomerDirectoryTest {
    private CustomerDirectory directory;

    @BeforeEach
    void customers(DynamoDbClient client, DynamoRuntime dynamo) {
        directory = new CustomerDirectory(client);
        directory.add("c1", "ada@example.com", "Ada");
        directory.add("c2", "bob@example.com", "Bob");
        dynamo.journal().clear(); // verify what the code under test does, not the setup
    }

    @Test
    void anNPlusOneLoopIsCaught(DynamoRuntime dynamo) {
        List<String> orders = List.of("c1", "c2", "c1", "c1");
        assertThat(directory.namesForOrdersOneByOne(orders)).containsExactly("Ada", "Bob", "Ada", "Ada");
        assertThatThrownBy(() -> assertThatRequests(dynamo).noKeyReadMoreThan(1))
            .hasMessageContaining("customers {pk=\"c1\"} read 3 times:");
    }

    @Test
    @CostBudget(readUnits = 1)
    void oneBatchReadsEachCustomerOnce(DynamoRuntime dynamo) {
        List<String> orders = List.of("c1", "c2", "c1", "c1");
        assertThat(directory.namesForOrders(orders)).containsExactly("Ada", "Bob", "Ada", "Ada");
        assertThatRequests(dynamo).noKeyReadMoreThan(1).hasCount(op("BatchGetItem").table("customers"), 1)
            .consumedAtMostReadUnits(1);
    }

    @Test
    void aScanSneakingIntoTheRepositoryIsCaught(DynamoRuntime dynamo) {
        assertThat(directory.findByEmailScanning("bob@example.com")).hasValue("c2");
        assertThatThrownBy(() -> assertThatRequests(dynamo).hasNoScan())
            .hasMessageContaining("Expecting no request Scan but found 1:")
            .hasMessageContaining("Scan customers FilterExpression=\"email = :e\"");
    }

    @Test
    void theIndexIsUsed(DynamoRuntime dynamo) {
        assertThat(directory.findByEmail("bob@example.com")).hasValue("c2");
        assertThatRequests(dynamo).hasNoScan().allReadsOf("customers").useIndex("byEmail");
    }
}
