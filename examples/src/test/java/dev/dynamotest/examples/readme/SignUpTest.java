package dev.dynamotest.examples.readme;

// tag::sign-up[]
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.ConsistencySeeds;
import dev.dynamotest.junit.CreateTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.GlobalIndex;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoTest
@CreateTable(name = "accounts", partitionKey = "userId", globalIndexes = @GlobalIndex(name = "byEmail", partitionKey = "email"))
class SignUpTest {

    @ConsistencySeeds(count = 20)                       // one run per seed; a failure names its seed
    void findsTheAccountItJustCreated(DynamoDbClient db) {
        db.putItem(b -> b.tableName("accounts").item(Map.of(
            "userId", AttributeValue.fromS("u1"), "email", AttributeValue.fromS("ada@example.com"))));
        // a strongly consistent read of the base table is never stale; a read of byEmail may be, under some seeds
        Map<String, AttributeValue> account = db.getItem(b -> b.tableName("accounts").consistentRead(true)
            .key(Map.of("userId", AttributeValue.fromS("u1")))).item();
        assertThat(account).containsEntry("email", AttributeValue.fromS("ada@example.com"));
    }
}
// end::sign-up[]
