package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.server.DynamoTestServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The endpoint switch: the same test class runs against another DynamoDB-compatible endpoint (here a second
 * DynamoTest server, as a developer would run DynamoDB Local). Tables and fixtures are created there, recreated
 * between tests and deleted afterwards; tables that were already there are never touched.
 */
class ExternalEndpointTest {
    static DynamoTestServer external;
    static DynamoDbClient direct;

    @BeforeAll
    static void startExternalServer() {
        external = DynamoTestServer.builder().port(0).start();
        direct = DynamoDbClient.builder()
            .endpointOverride(external.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("someone", "else")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    }

    @AfterAll
    static void stopExternalServer() {
        direct.close();
        external.close();
    }

    @BeforeEach
    void reset() {
        ExternalCase.log.clear();
        for (String t : direct.listTables().tableNames()) {
            direct.deleteTable(b -> b.tableName(t));
        }
    }

    @Test
    void configurationSwitchesTheClassToTheExternalEndpoint() {
        EngineExecutionResults results = Kit.run(ExternalCase.class,
            Map.of("dynamotest.endpoint", external.endpoint().toString(), "dynamotest.region", "us-east-1"));
        assertThat(Kit.failureText(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(5).failed(0));
        assertThat(ExternalCase.log).containsExactly(
            "first: endpoint " + external.endpoint() + ", tables [catalog]",
            "second: tables [catalog, scratch]",
            "third: tables [catalog]",
            "nested: tables [catalog, reviews]",
            "nested again: tables [catalog, reviews]");
        assertThat(direct.listTables().tableNames()).as("everything deleted afterwards").isEmpty();
    }

    @Test
    void programmaticEndpoint() {
        EngineExecutionResults results = Kit.run(ProgrammaticCase.class);
        assertThat(Kit.failureText(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(direct.listTables().tableNames()).isEmpty();
    }

    @Test
    void tableThatAlreadyExistsThereIsReportedAndLeftAlone() {
        direct.createTable(b -> b.tableName("catalog").billingMode("PAY_PER_REQUEST")
            .keySchema(k -> k.attributeName("mine").keyType("HASH"))
            .attributeDefinitions(a -> a.attributeName("mine").attributeType("S")));
        EngineExecutionResults results = Kit.run(ExternalCase.class,
            Map.of("dynamotest.endpoint", external.endpoint().toString(), "dynamotest.region", "us-east-1"));
        assertThat(Kit.failureText(results)).contains("@CreateTable(name = \"catalog\") on ExternalEndpointTest.ExternalCase: "
            + "table 'catalog' already exists at the external endpoint; DynamoTest only deletes tables it created, so "
            + "delete it there or choose another name");
        assertThat(ExternalCase.log).isEmpty();
        assertThat(direct.describeTable(b -> b.tableName("catalog")).table().keySchema().get(0).attributeName())
            .isEqualTo("mine");
    }

    @KitCase
    @DynamoTest
    @CreateTable(name = "catalog", partitionKey = "sku")
    @Seed(table = "catalog", value = "[{\"sku\": \"seeded\"}]")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ExternalCase {
        static final List<String> log = new CopyOnWriteArrayList<>();

        static boolean has(DynamoDbClient client, String table, String key, String value) {
            return client.getItem(b -> b.tableName(table).key(Map.of(key, AttributeValue.fromS(value)))).hasItem();
        }

        @Test
        @Order(1)
        void first(DynamoRuntime runtime, DynamoDbClient client, URI endpoint) {
            assertThat(runtime.isEmbedded()).isFalse();
            assertThatThrownBy(runtime::clock).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("external endpoint");
            assertThat(has(client, "catalog", "sku", "seeded")).isTrue();
            client.putItem(b -> b.tableName("catalog").item(Map.of("sku", AttributeValue.fromS("dirty"))));
            log.add("first: endpoint " + endpoint + ", tables " + direct.listTables().tableNames());
        }

        @Test
        @Order(2)
        @CreateTable(name = "scratch", partitionKey = "id")
        void second(DynamoDbClient client) {
            assertThat(has(client, "catalog", "sku", "dirty")).as("recreated between tests").isFalse();
            assertThat(has(client, "catalog", "sku", "seeded")).isTrue();
            log.add("second: tables " + direct.listTables().tableNames());
        }

        @Test
        @Order(3)
        void third() {
            log.add("third: tables " + direct.listTables().tableNames());
        }

        @Nested
        @CreateTable(name = "reviews", partitionKey = "id")
        @Seed(table = "reviews", value = "{\"id\": \"r1\"}")
        @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
        class Inner {
            @Test
            @Order(1)
            void nested(DynamoDbClient client) {
                assertThat(has(client, "reviews", "id", "r1")).isTrue();
                assertThat(has(client, "catalog", "sku", "seeded")).isTrue();
                client.deleteItem(b -> b.tableName("reviews").key(Map.of("id", AttributeValue.fromS("r1"))));
                log.add("nested: tables " + direct.listTables().tableNames());
            }

            @Test
            @Order(2)
            void nestedAgain(DynamoDbClient client) {
                assertThat(has(client, "reviews", "id", "r1")).isTrue();
                log.add("nested again: tables " + direct.listTables().tableNames());
            }
        }
    }

    @KitCase
    @CreateTable(name = "programmatic", partitionKey = "id")
    static class ProgrammaticCase {
        @RegisterExtension
        static DynamoExtension dynamo = DynamoExtension.builder().endpoint(external.endpoint()).region("us-east-1").build();

        @Test
        void runsThere(DynamoRuntime runtime) {
            assertThat(runtime.endpoint()).isEqualTo(external.endpoint());
            assertThat(direct.listTables().tableNames()).containsExactly("programmatic");
        }
    }
}
