package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.engine.journal.JournalEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** dynamo.journal(): this test's requests only, without the seeding, whatever ran before on the same pooled key. */
@DynamoTest
@CreateTable(name = "orders", partitionKey = "pk")
@Seed(table = "orders", value = "/journal-orders.json")
class JournalTest {

    static Map<String, AttributeValue> item(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    @Test
    void holdsThisTestsRequestsOnly(DynamoDbClient client, DynamoRuntime dynamo) {
        assertThat(dynamo.journal().entries()).isEmpty(); // seeding is not the test's doing
        client.putItem(b -> b.tableName("orders").item(item("a")));
        client.getItem(b -> b.tableName("orders").key(item("a")));
        assertThat(dynamo.journal().entries()).extracting(JournalEntry::operation).containsExactly("PutItem", "GetItem");
        assertThat(dynamo.journal().entries()).allSatisfy(e -> assertThat(e.namespace().accessKey())
            .isEqualTo(dynamo.credentialsProvider().resolveCredentials().accessKeyId()));
    }

    @Test
    void anotherTestStartsEmpty(DynamoDbClient client, DynamoRuntime dynamo) {
        assertThat(dynamo.journal().entries()).isEmpty();
        client.scan(b -> b.tableName("orders"));
        assertThat(dynamo.journal().entries()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("Scan");
            assertThat(e.scannedCount()).isEqualTo(1);
        });
    }
}
