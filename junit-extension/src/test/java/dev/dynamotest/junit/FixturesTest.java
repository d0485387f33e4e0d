package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Fixtures in the three formats, from files and inline, at class and method level. */
@DynamoTest
@CreateTable(name = "products", partitionKey = "sku")
@CreateTable(name = "reviews", partitionKey = "sku", sortKey = "at", sortKeyType = ScalarType.N)
@Seed(table = "products", value = "fixtures/typed.json")
@Seed(table = "products", value = "/plain-products.json")
@Seed("classpath:batch-write.json")
@Seed(table = "products", value = "[{\"sku\": \"inline-1\", \"price\": 9.99}]")
class FixturesTest {

    private static Map<String, AttributeValue> get(DynamoDbClient client, String table, Map<String, AttributeValue> key) {
        return client.getItem(b -> b.tableName(table).key(key)).item();
    }

    private static Map<String, AttributeValue> product(DynamoDbClient client, String sku) {
        return get(client, "products", Map.of("sku", AttributeValue.fromS(sku)));
    }

    private static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    @Test
    void dynamoDbJsonKeepsEveryType(DynamoDbClient client) {
        Map<String, AttributeValue> item = product(client, "typed-1");
        assertThat(item).containsEntry("price", n("12.5"))
            .containsEntry("inStock", AttributeValue.fromBool(true))
            .containsEntry("discontinued", AttributeValue.fromNul(true))
            .containsEntry("photo", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})))
            .containsEntry("dimensions", AttributeValue.fromM(Map.of("w", n("10"), "unit", AttributeValue.fromS("cm"))))
            .containsEntry("history", AttributeValue.fromL(List.of(AttributeValue.fromS("created"), n("3"))));
        assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("red", "sale");
        assertThat(item.get("sizes").ns()).containsExactlyInAnyOrder("38", "40.5");
        assertThat(item.get("thumbnails").bs()).containsExactlyInAnyOrder(SdkBytes.fromByteArray(new byte[] {1}),
            SdkBytes.fromByteArray(new byte[] {2}));
    }

    @Test
    void plainJsonMapsToTheNaturalTypes(DynamoDbClient client) {
        Map<String, AttributeValue> item = product(client, "plain-1");
        assertThat(item).containsEntry("price", n("12.5"))
            .containsEntry("quantity", n("3"))
            .containsEntry("big", n("123456789012345678901234567890"))
            .containsEntry("inStock", AttributeValue.fromBool(false))
            .containsEntry("discontinued", AttributeValue.fromNul(true))
            .containsEntry("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("red"), n("1"),
                AttributeValue.fromBool(true))))
            .containsEntry("dimensions", AttributeValue.fromM(Map.of("w", n("10"), "unit", AttributeValue.fromS("cm"),
                "nested", AttributeValue.fromM(Map.of("deep", AttributeValue.fromL(List.of(AttributeValue.fromNul(true))))))));
    }

    @Test
    void batchWriteItemFormatPutsAndDeletesInTheNamedTables(DynamoDbClient client) {
        assertThat(product(client, "batch-1")).containsEntry("price", n("5"));
        assertThat(product(client, "batch-2")).containsEntry("price", n("6"));
        assertThat(product(client, "typed-2")).as("deleted by the batch fixture's DeleteRequest").isEmpty();
        assertThat(get(client, "reviews", Map.of("sku", AttributeValue.fromS("batch-1"), "at", n("1700000000"))))
            .containsEntry("stars", n("4"));
    }

    @Test
    void inlineJson(DynamoDbClient client) {
        assertThat(product(client, "inline-1")).containsEntry("price", n("9.99"));
    }

    @Test
    @Seed(table = "products", value = "{\"sku\": {\"S\": \"method-1\"}, \"price\": {\"N\": \"2\"}}")
    @Seed(table = "products", value = "{\"sku\": \"inline-1\", \"price\": 10}")
    void methodLevelFixturesComeAfterTheClassFixtures(DynamoDbClient client) {
        assertThat(product(client, "method-1")).containsEntry("price", n("2"));
        assertThat(product(client, "inline-1")).containsEntry("price", n("10"));
    }

    @Test
    void methodLevelFixturesAreGoneInOtherTests(DynamoDbClient client) {
        assertThat(product(client, "method-1")).isEmpty();
        assertThat(product(client, "inline-1")).containsEntry("price", n("9.99"));
    }
}
