package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.engine.table.TableData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Every test starts from the state after the class-level tables, fixtures and {@code @BeforeAll} writes, however
 * much the tests before it changed, and the copy costs nothing per item.
 */
@DynamoTest
@CreateTable(name = "accounts", partitionKey = "id")
@CreateTable(name = "bulk", partitionKey = "id", partitionKeyType = ScalarType.N)
@Seed(table = "accounts", value = "[{\"id\": \"alice\", \"balance\": 100}, {\"id\": \"bob\", \"balance\": 50}]")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetTest {
    private static final int BULK_ITEMS = 300;
    private static String classKey;
    private static String region;

    @BeforeAll
    static void writeBaseline(DynamoDbClient client, DynamoRuntime runtime) {
        classKey = runtime.credentialsProvider().resolveCredentials().accessKeyId();
        region = runtime.region().id();
        client.putItem(b -> b.tableName("accounts").item(Map.of("id", s("carol"), "balance", AttributeValue.fromN("7"))));
        for (int i = 0; i < BULK_ITEMS; i++) {
            int n = i;
            client.putItem(b -> b.tableName("bulk").item(Map.of("id", AttributeValue.fromN(Integer.toString(n)),
                "payload", s("x".repeat(100)))));
        }
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static Map<String, AttributeValue> account(DynamoDbClient client, String id) {
        return client.getItem(b -> b.tableName("accounts").key(Map.of("id", s(id)))).item();
    }

    @Test
    @Order(1)
    void firstTestChangesEverything(DynamoDbClient client) {
        client.putItem(b -> b.tableName("accounts").item(Map.of("id", s("alice"), "balance", AttributeValue.fromN("0"))));
        client.deleteItem(b -> b.tableName("accounts").key(Map.of("id", s("bob"))));
        client.putItem(b -> b.tableName("accounts").item(Map.of("id", s("mallory"))));
        client.createBackup(b -> b.tableName("accounts").backupName("made-in-first-test"));
        assertThat(client.listBackups(b -> b.tableName("accounts")).backupSummaries()).hasSize(1);
        client.deleteTable(b -> b.tableName("bulk"));
        client.createTable(b -> b.tableName("extra").billingMode("PAY_PER_REQUEST")
            .keySchema(k -> k.attributeName("id").keyType("HASH"))
            .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
        assertThat(client.listTables().tableNames()).containsExactly("accounts", "extra");
    }

    @Test
    @Order(2)
    void nextTestSeesTheClassStateAgain(DynamoDbClient client) {
        assertThat(client.listTables().tableNames()).containsExactly("accounts", "bulk");
        assertThat(account(client, "alice")).containsEntry("balance", AttributeValue.fromN("100"));
        assertThat(account(client, "bob")).containsEntry("balance", AttributeValue.fromN("50"));
        assertThat(account(client, "carol")).as("written in @BeforeAll").containsEntry("balance", AttributeValue.fromN("7"));
        assertThat(account(client, "mallory")).isEmpty();
        assertThat(client.listBackups(b -> b.tableName("accounts")).backupSummaries()).as("backups are test state too").isEmpty();
        assertThat(client.describeTable(b -> b.tableName("bulk")).table().itemCount()).isEqualTo(BULK_ITEMS);
    }

    @Test
    @Order(3)
    void theCopySharesTheImmutableDataInsteadOfCopyingItems(DynamoRuntime runtime) {
        String testKey = runtime.credentialsProvider().resolveCredentials().accessKeyId();
        assertThat(testKey).isNotEqualTo(classKey);
        TableData classData = runtime.engine().namespace(new NamespaceId(region, classKey)).find("bulk").data();
        TableData testData = runtime.engine().namespace(new NamespaceId(region, testKey)).find("bulk").data();
        assertThat(testData.itemCount()).isEqualTo(BULK_ITEMS);
        assertThat(testData).isSameAs(classData);
    }

    @Test
    @Order(4)
    void resetTimeDoesNotGrowWithData() {
        // 300 items vs 30 000: the restore is O(tables), so it takes the same (tiny) time for both.
        long small = restoreNanos(300);
        long large = restoreNanos(30_000);
        assertThat(large).isLessThan(Math.max(small * 20, 5_000_000L));
    }

    private static long restoreNanos(int items) {
        dev.dynamotest.engine.Engine engine = new dev.dynamotest.engine.Engine();
        var ns = engine.namespace(new NamespaceId("us-east-1", "class"));
        // Data written straight through the engine's protocol handler (no HTTP), to keep the test fast.
        var handler = new dev.dynamotest.protocol.RequestHandler(engine,
            dev.dynamotest.protocol.RequestHandler.NamespacePolicy.ACCESS_KEY_AND_REGION);
        String auth = "AWS4-HMAC-SHA256 Credential=class/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=x, Signature=y";
        byte[] create = bytes("{\"TableName\":\"big\",\"BillingMode\":\"PAY_PER_REQUEST\","
            + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
            + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"N\"}]}");
        assertThat(handler.handle("DynamoDB_20120810.CreateTable", auth, create, create.length).status()).isEqualTo(200);
        for (int i = 0; i < items; i++) {
            byte[] body = bytes("{\"TableName\":\"big\",\"Item\":{\"id\":{\"N\":\"" + i + "\"}}}");
            handler.handle("DynamoDB_20120810.PutItem", auth, body, body.length);
        }
        var snapshot = ns.snapshot();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            var target = engine.namespace(new NamespaceId("us-east-1", "t" + i));
            long t0 = System.nanoTime();
            target.restore(snapshot);
            times.add(System.nanoTime() - t0);
            assertThat(target.find("big").data().itemCount()).isEqualTo(items);
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
