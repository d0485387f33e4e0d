package dev.dynamotest.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** One container for the class: a CRUD/Query/Streams round trip through each client helper, and the admin API. */
@RequiresDocker
@Testcontainers
class ContainerRoundTripIT {

    @Container
    static final DynamoTestContainer dynamo = new DynamoTestContainer().withManualClock();

    @AfterEach
    void reset() {
        dynamo.reset();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    static void createOrders(DynamoDbClient client, boolean stream) {
        client.createTable(b -> {
            b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("customer").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("id").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("customer").keyType(KeyType.HASH),
                    k -> k.attributeName("id").keyType(KeyType.RANGE));
            if (stream) {
                b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
        });
    }

    @Test
    void syncClientCrudAndQuery() {
        try (DynamoDbClient client = dynamo.newClient()) {
            createOrders(client, false);
            for (int i = 1; i <= 5; i++) {
                var item = Map.of("customer", s("ada"), "id", n(Integer.toString(i)), "amount", n("1" + "0".repeat(i % 3)));
                client.putItem(b -> b.tableName("orders").item(item));
            }
            client.putItem(b -> b.tableName("orders").item(Map.of("customer", s("bob"), "id", n("1"))));

            var item = client.getItem(b -> b.tableName("orders").key(Map.of("customer", s("ada"), "id", n("2")))
                .consistentRead(true)).item();
            assertThat(item).containsEntry("amount", n("100"));

            client.updateItem(b -> b.tableName("orders").key(Map.of("customer", s("ada"), "id", n("2")))
                .updateExpression("SET amount = amount + :d").conditionExpression("amount = :old")
                .expressionAttributeValues(Map.of(":d", n("5"), ":old", n("100"))));
            assertThatThrownBy(() -> client.updateItem(b -> b.tableName("orders").key(Map.of("customer", s("ada"), "id", n("2")))
                .updateExpression("SET amount = :z").conditionExpression("amount = :old")
                .expressionAttributeValues(Map.of(":z", n("0"), ":old", n("100")))))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageStartingWith("The conditional request failed");

            var page = client.query(b -> b.tableName("orders").keyConditionExpression("customer = :c AND id BETWEEN :a AND :b")
                .expressionAttributeValues(Map.of(":c", s("ada"), ":a", n("2"), ":b", n("4"))).scanIndexForward(false));
            assertThat(page.items()).extracting(i -> i.get("id").n()).containsExactly("4", "3", "2");
            assertThat(page.items().get(2).get("amount").n()).isEqualTo("105");

            client.deleteItem(b -> b.tableName("orders").key(Map.of("customer", s("bob"), "id", n("1"))));
            assertThat(client.scan(b -> b.tableName("orders")).count()).isEqualTo(5);
            assertThatThrownBy(() -> client.getItem(b -> b.tableName("nope").key(Map.of("customer", s("a")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
        }
    }

    @Test
    void eventualConsistencyThroughTheAdminApi() {
        try (DynamoDbClient client = dynamo.newClient()) {
            createOrders(client, false);
            dynamo.consistency("eventual:seed=7,lag=1000ops");
            assertThat(dynamo.consistency()).isEqualTo("eventual:seed=7,lag=1000ops,ttl=48h");
            var key = Map.of("customer", s("ada"), "id", n("1"));
            client.putItem(b -> b.tableName("orders").item(key));
            var stale = client.getItem(b -> b.tableName("orders").key(key));
            assertThat(stale.hasItem()).isFalse();
            assertThat(stale.sdkHttpResponse().firstMatchingHeader("x-dynamotest-stale")).contains("true");
            assertThat(client.getItem(b -> b.tableName("orders").key(key).consistentRead(true)).hasItem()).isTrue();
            dynamo.settle();
            assertThat(client.getItem(b -> b.tableName("orders").key(key)).hasItem()).isTrue();
            dynamo.consistencySeed(8);
            dynamo.consistencyLag("0ops");
            assertThat(dynamo.consistency()).isEqualTo("eventual:seed=8,lag=0ops,ttl=48h");
        } finally {
            dynamo.consistency("strong");
        }
    }

    @Test
    void asyncClientRoundTrip() {
        try (DynamoDbClient setup = dynamo.newClient(); DynamoDbAsyncClient client = dynamo.newAsyncClient()) {
            createOrders(setup, false);
            client.putItem(b -> b.tableName("orders").item(Map.of("customer", s("ada"), "id", n("7"), "note", s("async"))))
                .join();
            var items = client.query(b -> b.tableName("orders").keyConditionExpression("customer = :c")
                .expressionAttributeValues(Map.of(":c", s("ada")))).join().items();
            assertThat(items).singleElement().satisfies(i -> assertThat(i.get("note").s()).isEqualTo("async"));
        }
    }

    @DynamoDbBean
    public static class Order {
        private String customer;
        private Integer id;
        private String status;

        @DynamoDbPartitionKey
        public String getCustomer() {
            return customer;
        }

        public void setCustomer(String customer) {
            this.customer = customer;
        }

        @DynamoDbSortKey
        public Integer getId() {
            return id;
        }

        public void setId(Integer id) {
            this.id = id;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }
    }

    @Test
    void enhancedClientRoundTrip() {
        try (DynamoDbClient client = dynamo.newClient()) {
            DynamoDbEnhancedClient enhanced = dynamo.newEnhancedClient(client);
            DynamoDbTable<Order> orders = enhanced.table("orders", TableSchema.fromBean(Order.class));
            orders.createTable();
            Order o = new Order();
            o.setCustomer("ada");
            o.setId(3);
            o.setStatus("NEW");
            orders.putItem(o);
            Order read = orders.getItem(Key.builder().partitionValue("ada").sortValue(3).build());
            assertThat(read.getStatus()).isEqualTo("NEW");
            assertThat(client.describeTable(b -> b.tableName("orders")).table().keySchema())
                .extracting(k -> k.attributeName()).containsExactly("customer", "id");
        }
    }

    @Test
    void streamsClientReadsEveryChange() {
        try (DynamoDbClient client = dynamo.newClient(); DynamoDbStreamsClient streams = dynamo.newStreamsClient()) {
            createOrders(client, true);
            var key = Map.of("customer", s("ada"), "id", n("1"));
            client.putItem(b -> b.tableName("orders").item(Map.of("customer", s("ada"), "id", n("1"), "v", n("1"))));
            client.updateItem(b -> b.tableName("orders").key(key).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n("2"))));
            client.deleteItem(b -> b.tableName("orders").key(key));

            String arn = client.describeTable(b -> b.tableName("orders")).table().latestStreamArn();
            var shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0);
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            var records = streams.getRecords(b -> b.shardIterator(iterator)).records();
            assertThat(records).extracting(r -> r.eventNameAsString()).containsExactly("INSERT", "MODIFY", "REMOVE");
            assertThat(records.get(1).dynamodb().oldImage().get("v").n()).isEqualTo("1");
            assertThat(records.get(1).dynamodb().newImage().get("v").n()).isEqualTo("2");
        }
    }

    @Test
    void theClockDrivesTtlExpiry() {
        try (DynamoDbClient client = dynamo.newClient()) {
            createOrders(client, false);
            client.updateTimeToLive(b -> b.tableName("orders").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
            Instant now = dynamo.clock();
            client.putItem(b -> b.tableName("orders").item(Map.of("customer", s("ada"), "id", n("1"),
                "expires", n(Long.toString(now.plus(Duration.ofHours(1)).getEpochSecond())))));

            Instant later = dynamo.advanceClock(Duration.ofMinutes(30));
            assertThat(later).isEqualTo(now.plus(Duration.ofMinutes(30)));
            assertThat(client.scan(b -> b.tableName("orders")).count()).isEqualTo(1);

            dynamo.advanceClock(Duration.ofMinutes(31));
            assertThat(client.scan(b -> b.tableName("orders")).count()).isZero();
            assertThat(dynamo.setClock(Instant.parse("2031-01-01T00:00:00Z"))).isEqualTo("2031-01-01T00:00:00Z");
        }
    }

    @Test
    void faultsThrottleAChosenOperationThenStop() {
        try (DynamoDbClient client = dynamo.newClient();
             DynamoDbClient noRetries = DynamoDbClient.builder().endpointOverride(dynamo.getEndpoint()).region(dynamo.getRegion())
                 .credentialsProvider(dynamo.getCredentialsProvider())
                 .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            createOrders(client, false);
            String id = dynamo.faults().add(Fault.on("PutItem").table("orders").times(2)
                .error("ProvisionedThroughputExceededException"));
            var item = Map.of("customer", s("ada"), "id", n("1"));
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> noRetries.putItem(b -> b.tableName("orders").item(item)))
                    .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The level of configured provisioned "
                            + "throughput for the table was exceeded. Consider increasing your provisioning level with the "
                            + "UpdateTable API.");
                    });
            }
            noRetries.putItem(b -> b.tableName("orders").item(item)); // the rule is spent
            assertThat(dynamo.faults().rules()).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(id);
                assertThat(r.operations()).containsExactly("PutItem");
                assertThat(r.table()).isEqualTo("orders");
                assertThat(r.fired()).isEqualTo(2);
            });

            // the SDK's default retries ride out a throttle: three attempts, one success
            dynamo.faults().add(Fault.on("GetItem").times(2).error("ThrottlingException"));
            assertThat(client.getItem(b -> b.tableName("orders").key(item)).item()).containsEntry("customer", s("ada"));
            dynamo.faults().clear();
            assertThat(dynamo.faults().rules()).isEmpty();
        }
    }

    @Test
    void resetDropsEveryTableAndRule() {
        try (DynamoDbClient client = dynamo.newClient()) {
            createOrders(client, false);
            dynamo.faults().add(Fault.on("ListTables").latency(Duration.ofMillis(1)));
            assertThat(client.listTables().tableNames()).containsExactly("orders");
            dynamo.reset();
            assertThat(client.listTables().tableNames()).isEmpty();
            assertThat(dynamo.faults().rules()).isEmpty();
            assertThat(List.of(dynamo.getEndpoint().getScheme(), dynamo.getRegion().id())).containsExactly("http", "us-east-1");
        }
    }
}
