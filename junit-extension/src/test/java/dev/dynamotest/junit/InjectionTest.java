package dev.dynamotest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.EngineClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@DynamoTest
@CreateTable(name = "items", partitionKey = "pk")
@CreateTable(name = "orders", bean = Order.class)
@CreateTable(bean = Customer.class)
@Seed(table = "items", value = "{\"pk\": \"seeded\", \"n\": 1}")
class InjectionTest {
    private static final Map<String, AttributeValue> SEEDED = Map.of("pk", AttributeValue.fromS("seeded"));

    @Dynamo
    static URI staticEndpoint;
    @Dynamo
    static DynamoRuntime classRuntime;

    @Dynamo
    DynamoDbClient fieldClient;
    @Dynamo
    DynamoRuntime fieldRuntime;
    @Dynamo
    DynamoDbTable<Order> fieldOrders;
    @Dynamo(table = "items")
    DynamoDbTable<Customer> itemsAsCustomers;

    private final DynamoDbClient constructorClient;
    private String beforeEachKey;

    InjectionTest(DynamoDbClient constructorClient) {
        this.constructorClient = constructorClient;
    }

    @BeforeEach
    void beforeEach(DynamoRuntime runtime) {
        beforeEachKey = runtime.credentialsProvider().resolveCredentials().accessKeyId();
    }

    @Test
    void syncClientReachesTheSeededTable(DynamoDbClient client) {
        assertThat(client.listTables().tableNames()).containsExactly("Customer", "items", "orders");
        assertThat(client.getItem(b -> b.tableName("items").key(SEEDED)).item()).containsEntry("n", AttributeValue.fromN("1"));
    }

    @Test
    void asyncClientReachesTheSeededTable(DynamoDbAsyncClient client) {
        assertThat(client.getItem(b -> b.tableName("items").key(SEEDED)).join().item())
            .containsEntry("n", AttributeValue.fromN("1"));
    }

    @Test
    void enhancedClient(DynamoDbEnhancedClient enhanced) {
        DynamoDbTable<Customer> customers = enhanced.table("Customer", TableSchema.fromBean(Customer.class));
        customers.putItem(new Customer("c1", "Ada"));
        assertThat(customers.getItem(Key.builder().partitionValue("c1").build()).getName()).isEqualTo("Ada");
    }

    @Test
    void enhancedAsyncClient(DynamoDbEnhancedAsyncClient enhanced) {
        var customers = enhanced.table("Customer", TableSchema.fromBean(Customer.class));
        customers.putItem(new Customer("c2", "Grace")).join();
        assertThat(customers.getItem(Key.builder().partitionValue("c2").build()).join().getName()).isEqualTo("Grace");
    }

    @Test
    void streamsClientIsConfiguredForTheEndpoint(DynamoDbStreamsClient streams, URI endpoint) {
        assertThat(streams.serviceClientConfiguration().endpointOverride()).contains(endpoint);
        assertThat(streams.serviceClientConfiguration().region()).isEqualTo(Region.of("eu-central-1"));
    }

    @Test
    void tableNamedAfterTheDeclaringCreateTable(DynamoDbTable<Order> orders, DynamoDbAsyncTable<Order> asyncOrders) {
        assertThat(orders.tableName()).isEqualTo("orders");
        orders.putItem(new Order("ada", 1, "NEW", 42));
        assertThat(asyncOrders.tableName()).isEqualTo("orders");
        assertThat(asyncOrders.getItem(Key.builder().partitionValue("ada").sortValue(1).build()).join().getTotal())
            .isEqualTo(42);
    }

    @Test
    void tableNamedByAnnotationOrBySimpleName(@Dynamo(table = "items") DynamoDbTable<Customer> items,
                                              DynamoDbTable<Customer> customers) {
        assertThat(items.tableName()).isEqualTo("items");
        assertThat(customers.tableName()).isEqualTo("Customer");
    }

    @Test
    void endpointUriAndRuntime(URI endpoint, DynamoRuntime runtime) {
        assertThat(endpoint.getScheme()).isEqualTo("http");
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isPositive();
        assertThat(runtime.endpoint()).isEqualTo(endpoint);
        assertThat(runtime.region()).isEqualTo(Region.of("eu-central-1"));
        assertThat(runtime.isEmbedded()).isTrue();
        assertThat(runtime.engine()).isNotNull();
        assertThat(runtime.credentialsProvider().resolveCredentials().accessKeyId()).isEqualTo(beforeEachKey);
    }

    @Test
    void runtimeCredentialsReachTheTestsData(DynamoRuntime runtime, DynamoDbClient client) {
        client.putItem(b -> b.tableName("items").item(Map.of("pk", AttributeValue.fromS("mine"))));
        try (DynamoDbClient own = DynamoDbClient.builder()
            .endpointOverride(runtime.endpoint())
            .region(runtime.region())
            .credentialsProvider(runtime.credentialsProvider())
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
            assertThat(own.getItem(b -> b.tableName("items").key(Map.of("pk", AttributeValue.fromS("mine")))).hasItem())
                .isTrue();
        }
    }

    @Test
    void runtimeConvenienceClientsAreTheInjectedOnes(DynamoRuntime runtime, DynamoDbClient client,
                                                     DynamoDbAsyncClient async) {
        assertThat(runtime.client()).isSameAs(client);
        assertThat(runtime.asyncClient()).isSameAs(async);
        assertThat(runtime.table("orders", Order.class).tableName()).isEqualTo("orders");
    }

    @Test
    void clockAdvancesAndIsSet(DynamoRuntime runtime) {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        runtime.clock().set(start);
        assertThat(runtime.clock().advance(Duration.ofHours(25))).isEqualTo(Instant.parse("2030-01-02T01:00:00Z"));
        assertThat(runtime.clock().instant()).isEqualTo(Instant.parse("2030-01-02T01:00:00Z"));
    }

    @Test
    void clockChangesOfOtherTestsAreUndone(DynamoRuntime runtime) {
        assertThat(runtime.clock().isManual()).isFalse();
        assertThat(runtime.clock().instant()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
    }

    @Test
    void fieldsAreBoundToTheRunningTest(DynamoDbClient client) {
        assertThat(fieldRuntime.credentialsProvider().resolveCredentials().accessKeyId()).isEqualTo(beforeEachKey);
        assertThat(fieldClient).isSameAs(client);
        fieldOrders.putItem(new Order("bob", 2, "NEW", 7));
        assertThat(client.getItem(b -> b.tableName("orders").key(Map.of("customerId", AttributeValue.fromS("bob"),
            "orderId", AttributeValue.fromN("2")))).hasItem()).isTrue();
        assertThat(itemsAsCustomers.tableName()).isEqualTo("items");
    }

    @Test
    void staticFieldsAreSetForTheClass() {
        assertThat(staticEndpoint).isEqualTo(fieldRuntime.endpoint());
        // The class runtime follows the running test: its writes land in this test's namespace.
        assertThat(classRuntime.credentialsProvider().resolveCredentials().accessKeyId()).isEqualTo(beforeEachKey);
    }

    @Test
    void constructorClientFollowsTheRunningTest(DynamoDbClient client) {
        constructorClient.putItem(b -> b.tableName("items").item(Map.of("pk", AttributeValue.fromS("via-ctor"))));
        assertThat(client.getItem(b -> b.tableName("items").key(Map.of("pk", AttributeValue.fromS("via-ctor")))).hasItem())
            .isTrue();
    }

    // ------------------------------------------------------------------ what other resolvers supply

    /** A test's own enum, in a dev.dynamotest package: JUnit's {@code @EnumSource} supplies it, not DynamoTest. */
    enum Flavor { PLAIN, SALTED }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void ownEnumInADynamotestPackageComesFromEnumSourceBesideAnInjectedClient(Flavor flavor, DynamoDbClient client) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(flavor.name()));
        client.putItem(b -> b.tableName("items").item(key));
        assertThat(client.getItem(b -> b.tableName("items").key(key)).hasItem()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ReturnValue.class, names = {"ALL_OLD", "NONE"})
    void sdkEnumComesFromEnumSourceBesideAnInjectedClient(ReturnValue returnValue, DynamoDbClient client) {
        var put = client.putItem(b -> b.tableName("items").returnValues(returnValue)
            .item(Map.of("pk", AttributeValue.fromS("seeded"), "n", AttributeValue.fromN("2"))));
        assertThat(put.attributes()).isEqualTo(returnValue == ReturnValue.ALL_OLD
            ? Map.of("pk", AttributeValue.fromS("seeded"), "n", AttributeValue.fromN("1")) : Map.of());
    }

    // ------------------------------------------------------------------ what cannot be injected

    @Test
    void unsupportedParameterTypeListsWhatCanBeInjected() {
        EngineExecutionResults results = Kit.run(UnsupportedParameterCase.class);
        results.testEvents().assertStatistics(s -> s.failed(4).succeeded(0));
        String text = Kit.failureText(results);
        assertThat(text)
            .contains("ParameterResolutionException: DynamoTest cannot inject parameter [software.amazon.awssdk.services."
                + "dynamodb.streams.DynamoDbStreamsAsyncClient] of UnsupportedParameterCase.streamsAsync()")
            .contains("it can inject DynamoDbClient, DynamoDbAsyncClient, DynamoDbEnhancedClient, "
                + "DynamoDbEnhancedAsyncClient, DynamoDbStreamsClient, DynamoDbTable<T>, DynamoDbAsyncTable<T>, "
                + "DynamoRuntime and the endpoint URI")
            .contains("DynamoTest cannot inject parameter [java.lang.String] of UnsupportedParameterCase.annotated()")
            .contains("DynamoTest cannot inject parameter [dev.dynamotest.engine.EngineClock] of "
                + "UnsupportedParameterCase.clock(); it can inject DynamoDbClient")
            .contains("parameter [software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable] of "
                + "UnsupportedParameterCase.rawTable(): declare the bean type, e.g. DynamoDbTable<Order>");
    }

    @Test
    void unsupportedOrFinalFieldIsReported() {
        assertThat(Kit.failureText(Kit.run(UnsupportedFieldCase.class)))
            .contains("DynamoTest cannot inject @Dynamo field [java.lang.String name] of UnsupportedFieldCase; "
                + "it can inject DynamoDbClient");
        assertThat(Kit.failureText(Kit.run(FinalFieldCase.class)))
            .contains("@Dynamo field [software.amazon.awssdk.services.dynamodb.DynamoDbClient client] of FinalFieldCase must not be final");
    }

    @DynamoTest
    @KitCase
    static class UnsupportedParameterCase {
        @Test
        void streamsAsync(DynamoDbStreamsAsyncClient streams) {
        }

        @Test
        void annotated(@Dynamo String name) {
        }

        @Test
        void clock(EngineClock clock) { // DynamoRuntime.clock()
        }

        @Test
        @SuppressWarnings("rawtypes")
        void rawTable(DynamoDbTable table) {
        }
    }

    @DynamoTest
    @KitCase
    static class UnsupportedFieldCase {
        @Dynamo
        String name;

        @Test
        void test() {
        }
    }

    @DynamoTest
    @KitCase
    static class FinalFieldCase {
        @Dynamo
        final DynamoDbClient client = null;

        @Test
        void test() {
        }
    }
}
