package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A nested class starts from its enclosing class's state and adds its own; each test still starts fresh. */
@DynamoTest
@CreateTable(name = "library", partitionKey = "isbn")
@Seed(table = "library", value = "{\"isbn\": \"outer\"}")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NestedTest {
    @Dynamo
    DynamoDbClient outerField;

    static boolean has(DynamoDbClient client, String isbn) {
        return client.getItem(b -> b.tableName("library").key(Map.of("isbn", AttributeValue.fromS(isbn)))).hasItem();
    }

    @Test
    @Order(1)
    void outerSeesOnlyItsOwnState(DynamoDbClient client) {
        assertThat(has(client, "outer")).isTrue();
        assertThat(has(client, "inner")).isFalse();
        assertThat(client.listTables().tableNames()).containsExactly("library");
    }

    @Nested
    @CreateTable(name = "loans", partitionKey = "id")
    @Seed(table = "library", value = "{\"isbn\": \"inner\"}")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Inner {
        @Test
        @Order(1)
        void seesOuterAndInnerState(DynamoDbClient client) {
            assertThat(has(client, "outer")).isTrue();
            assertThat(has(client, "inner")).isTrue();
            assertThat(client.listTables().tableNames()).containsExactly("library", "loans");
            client.putItem(b -> b.tableName("library").item(Map.of("isbn", AttributeValue.fromS("written-in-inner"))));
        }

        @Test
        @Order(2)
        void eachNestedTestStartsFresh(DynamoDbClient client) {
            assertThat(has(client, "written-in-inner")).isFalse();
            assertThat(has(client, "inner")).isTrue();
        }

        @Test
        @Order(3)
        void outerFieldsAreBoundToTheNestedTest(DynamoDbClient client) {
            outerField.putItem(b -> b.tableName("library").item(Map.of("isbn", AttributeValue.fromS("via-outer-field"))));
            assertThat(has(client, "via-outer-field")).isTrue();
        }

        @Nested
        @TestInstance(TestInstance.Lifecycle.PER_CLASS)
        class Deeper {
            @BeforeAll
            void writeMore(DynamoDbClient client) {
                client.putItem(b -> b.tableName("loans").item(Map.of("id", AttributeValue.fromS("deep"))));
            }

            @Test
            void threeLevels(DynamoDbClient client) {
                assertThat(has(client, "outer")).isTrue();
                assertThat(has(client, "inner")).isTrue();
                assertThat(client.getItem(b -> b.tableName("loans").key(Map.of("id", AttributeValue.fromS("deep")))).hasItem())
                    .isTrue();
            }
        }
    }

    @Nested
    @DynamoTest(region = "ap-northeast-1")
    class OwnDynamoTest {
        @Test
        void startsFromScratchWithItsOwnSettings(DynamoDbClient client, DynamoRuntime runtime) {
            assertThat(runtime.region()).isEqualTo(Region.AP_NORTHEAST_1);
            assertThat(client.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void outerNeverSeesNestedState(DynamoDbClient client) {
        assertThat(has(client, "inner")).isFalse();
        assertThat(client.listTables().tableNames()).containsExactly("library");
    }
}
