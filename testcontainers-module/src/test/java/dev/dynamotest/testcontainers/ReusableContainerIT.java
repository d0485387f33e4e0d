package dev.dynamotest.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Testcontainers' reusable containers (enabled for this module's test run by TESTCONTAINERS_REUSE_ENABLE): a second
 * container with the same configuration attaches to the running one, and reset() gives it a clean engine.
 */
@RequiresDocker
class ReusableContainerIT {

    @Test
    void aReusedContainerIsTheSameServerAndResetClearsIt() {
        DynamoTestContainer first = new DynamoTestContainer().withServerArgs("--clock", "manual").withReuse(true);
        DynamoTestContainer second = new DynamoTestContainer().withServerArgs("--clock", "manual").withReuse(true);
        try {
            first.start();
            first.reset(); // a container left running by an earlier run starts clean
            try (DynamoDbClient client = first.newClient()) {
                DropInIT.createTable(client, "kept");
                client.putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("a"))));
            }
            second.start();
            assertThat(second.getContainerId()).isEqualTo(first.getContainerId());
            try (DynamoDbClient client = second.newClient()) {
                assertThat(client.listTables().tableNames()).containsExactly("kept");
                second.reset();
                assertThat(client.listTables().tableNames()).isEmpty();
            }
        } finally {
            first.stop(); // reused containers outlive the JVM unless stopped; this test leaves none behind
        }
    }
}
