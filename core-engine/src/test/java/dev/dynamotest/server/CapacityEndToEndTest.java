package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.capacity.CapacityModel;
import dev.dynamotest.engine.table.Namespace;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.protocol.RequestHandler;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The capacity model on a manual clock: burst credit, throttling, recovery, hot partitions, GSI back-pressure, and
 * capacity that belongs to the table instance (deleted, recreated, other namespaces, restored namespaces).
 */
class CapacityEndToEndTest extends EnforcedCapacityServer {
    void table(String name, long rcu, long wcu, boolean gsi) {
        table(db, name, rcu, wcu, gsi);
    }

    static void table(DynamoDbClient db, String name, long rcu, long wcu, boolean gsi) {
        db.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(rcu).writeCapacityUnits(wcu))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH));
            if (gsi) {
                b.attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(1L)).build());
            } else {
                b.attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S));
            }
        });
    }

    boolean put(String table, String pk) {
        return put(db, table, pk);
    }

    static boolean put(DynamoDbClient db, String table, String pk) {
        try {
            db.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk))));
            return true;
        } catch (ProvisionedThroughputExceededException e) {
            assertThat(e).hasMessageStartingWith("The level of configured provisioned throughput for the table was exceeded.");
            return false;
        }
    }

    @Test
    void aFiveWcuTableAbsorbsABurstFromItsCreditThenThrottlesThenRecovers() {
        table("burst", 5, 5, false);
        // a new table holds one second of capacity; 60 s unused add 300 units of credit (capped at 300 s worth)
        engine.clock().advance(Duration.ofSeconds(60));
        int written = 0;
        while (put("burst", "k" + written)) {
            written++;
            assertThat(written).isLessThan(1000);
        }
        assertThat(written).isEqualTo(305);
        CapacityModel.Metrics m = engine.capacity().metrics("arn:aws:dynamodb:us-east-1:000000000000:table/burst");
        assertThat(m.throttledRequests()).isEqualTo(1);
        assertThat(m.consumedWriteUnits()).isEqualTo(305.0);
        engine.clock().advance(Duration.ofSeconds(2)); // 10 units refilled
        for (int i = 0; i < 10; i++) {
            assertThat(put("burst", "again" + i)).isTrue();
        }
        assertThat(put("burst", "over")).isFalse();
        assertThat(m.throttledRequests()).isEqualTo(2);
    }

    @Test
    void aHotKeyThrottlesAtThePartitionLimitWhileSpreadKeysDoNot() {
        table("hot", 1, 3000, false); // 3 partitions of 1,000 WCU
        int hot = 0;
        while (put("hot", "same-key")) {
            hot++;
            assertThat(hot).isLessThan(5000);
        }
        assertThat(hot).isEqualTo(1000); // the partition's limit, with 2,000 units left on the table
        engine.clock().advance(Duration.ofSeconds(1));
        int spread = 0;
        for (int i = 0; i < 1500; i++) {
            if (put("hot", "spread-" + i)) {
                spread++;
            }
        }
        assertThat(spread).isEqualTo(1500);
    }

    @Test
    void aGsiWithoutWriteCapacityThrottlesItsBaseTable() {
        table("backpressure", 5, 100, true);
        int written = 0;
        boolean throttled = false;
        for (int i = 0; i < 10 && !throttled; i++) {
            int n = i;
            try {
                db.putItem(b -> b.tableName("backpressure").item(Map.of("pk", AttributeValue.fromS("k" + n), "g", AttributeValue.fromS("x"))));
                written++;
            } catch (ProvisionedThroughputExceededException e) {
                assertThat(e).hasMessageStartingWith("The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded.");
                throttled = true;
            }
        }
        assertThat(written).isEqualTo(1); // the GSI has 1 WCU per second; the table has 100
        assertThat(throttled).isTrue();
        assertThat(db.putItem(b -> b.tableName("backpressure").item(Map.of("pk", AttributeValue.fromS("no-gsi-key")))).sdkHttpResponse().isSuccessful())
            .isTrue(); // items outside the sparse index do not touch it
    }

    @Test
    void adminApiSwitchesEnforcementAndReportsMetrics() throws Exception {
        table("metered", 5, 5, false);
        put("metered", "a");
        var http = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create(server.endpoint() + "/_dynamotest/capacity");
        var got = http.send(java.net.http.HttpRequest.newBuilder(uri).header("X-DynamoTest-Admin", "1").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(got.body()).contains("\"enforce\":true", "table/metered", "\"consumedWriteUnits\":1.0");
        var off = http.send(java.net.http.HttpRequest.newBuilder(uri).header("X-DynamoTest-Admin", "1").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"enforce\":false}")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(off.body()).contains("\"enforce\":false");
        for (int i = 0; i < 50; i++) {
            assertThat(put("metered", "free" + i)).isTrue(); // no longer enforced, still counted
        }
        assertThat(engine.capacity().metrics("arn:aws:dynamodb:us-east-1:000000000000:table/metered").consumedWriteUnits()).isEqualTo(51.0);
    }

    // ------------------------------------------------------------------ capacity belongs to the table instance

    static final String GAP = "arn:aws:dynamodb:us-east-1:000000000000:table/gap";

    /** Writes (the clock stopped: no refill) until the first throttle; returns how many were accepted. */
    static int writesUntilThrottled(DynamoDbClient db, String table) {
        int written = 0;
        while (put(db, table, "k" + written)) {
            written++;
            assertThat(written).isLessThan(100);
        }
        return written;
    }

    /** A second server on the same engine, separating callers by access key (DynamoDB Local's namespacing). */
    DynamoTestServer namespacedByAccessKey() {
        return DynamoTestServer.builder().engine(engine)
            .handler(new RequestHandler(engine, RequestHandler.NamespacePolicy.ACCESS_KEY_AND_REGION)).port(0).start();
    }

    String adminCapacity(java.net.URI endpoint) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint + "/_dynamotest/capacity")).header("X-DynamoTest-Admin", "1").GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aTableCreatedAgainUnderTheSameNameStartsWithFreshCapacityAndFreshMetrics() throws Exception {
        table("gap", 5, 5, false);
        assertThat(writesUntilThrottled(db, "gap")).isEqualTo(5); // one second's worth, the clock does not move
        assertThat(engine.capacity().metrics(GAP).consumedWriteUnits()).isEqualTo(5.0);

        db.deleteTable(b -> b.tableName("gap"));
        assertThat(engine.capacity().allMetrics()).isEmpty(); // the deleted table's counters went with it
        assertThat(adminCapacity(server.endpoint())).contains("\"metrics\":{}");
        table("gap", 5, 5, false);
        assertThat(writesUntilThrottled(db, "gap")).isEqualTo(5); // a new table: full buckets, not the old one's
        CapacityModel.Metrics m = engine.capacity().metrics(GAP);
        assertThat(m.consumedWriteUnits()).isEqualTo(5.0);
        assertThat(m.throttledRequests()).isEqualTo(1);
        assertThat(adminCapacity(server.endpoint())).contains("\"" + GAP + "\":{\"consumedReadUnits\":0.0,\"consumedWriteUnits\":5.0");
    }

    @Test
    void sameNamedTablesOfTwoAccessKeysHaveTheirOwnCapacityAndMetrics() throws Exception {
        // one namespace per access key, as the JUnit extension's per-test isolation uses
        try (DynamoTestServer byKey = namespacedByAccessKey();
             DynamoDbClient alice = ServerFixture.client(byKey.endpoint(), "us-east-1", "alice");
             DynamoDbClient bob = ServerFixture.client(byKey.endpoint(), "us-east-1", "bob")) {
            table(alice, "gap", 5, 5, false);
            assertThat(writesUntilThrottled(alice, "gap")).isEqualTo(5);
            table(bob, "gap", 5, 5, false); // the same ARN, another caller's table
            assertThat(writesUntilThrottled(bob, "gap")).isEqualTo(5);
            assertThat(put(bob, "gap", "more")).isFalse();

            CapacityModel.Metrics ofAlice = engine.capacity().metrics(new NamespaceId("us-east-1", "alice"), GAP);
            CapacityModel.Metrics ofBob = engine.capacity().metrics(new NamespaceId("us-east-1", "bob"), GAP);
            assertThat(ofAlice.consumedWriteUnits()).isEqualTo(5.0);
            assertThat(ofAlice.throttledRequests()).isEqualTo(1);
            assertThat(ofBob.consumedWriteUnits()).isEqualTo(5.0);
            assertThat(ofBob.throttledRequests()).isEqualTo(2);
            assertThat(engine.capacity().metrics(GAP).requests()).isZero(); // no "gap" without an access key
            assertThat(engine.capacity().allMetrics()).containsOnlyKeys("alice/" + GAP, "bob/" + GAP);
            assertThat(adminCapacity(byKey.endpoint()))
                .contains("\"alice/" + GAP + "\":{\"consumedReadUnits\":0.0,\"consumedWriteUnits\":5.0")
                .contains("\"bob/" + GAP + "\":{\"consumedReadUnits\":0.0,\"consumedWriteUnits\":5.0");
        }
    }

    @Test
    void aRestoredNamespaceKeepsNoCapacityOfItsPastTables() throws Exception {
        try (DynamoTestServer byKey = namespacedByAccessKey();
             DynamoDbClient alice = ServerFixture.client(byKey.endpoint(), "us-east-1", "alice")) {
            Namespace ns = engine.namespace(new NamespaceId("us-east-1", "alice"));
            table(alice, "kept", 5, 5, false);
            Namespace.Snapshot withKept = ns.snapshot(); // as the JUnit extension's class state
            String kept = "arn:aws:dynamodb:us-east-1:000000000000:table/kept";

            // a test: spends "kept", creates and spends "gap"; then the namespace is restored for the next test
            assertThat(writesUntilThrottled(alice, "kept")).isEqualTo(5);
            table(alice, "gap", 5, 5, false);
            assertThat(writesUntilThrottled(alice, "gap")).isEqualTo(5);
            ns.restore(withKept);
            assertThat(engine.capacity().allMetrics()).isEmpty();

            // the next test: "kept" starts afresh, and a new "gap" is a new table
            assertThat(writesUntilThrottled(alice, "kept")).isEqualTo(5);
            table(alice, "gap", 5, 5, false);
            assertThat(writesUntilThrottled(alice, "gap")).isEqualTo(5);
            assertThat(engine.capacity().metrics(ns.id(), kept).consumedWriteUnits()).isEqualTo(5.0);
            assertThat(engine.capacity().metrics(ns.id(), GAP).consumedWriteUnits()).isEqualTo(5.0);

            // the admin reset drops every table and its capacity state
            var http = java.net.http.HttpClient.newHttpClient();
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(byKey.endpoint() + "/_dynamotest/reset")).header("X-DynamoTest-Admin", "1")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(adminCapacity(byKey.endpoint())).contains("\"enforce\":false", "\"metrics\":{}");
            engine.capacity().enforce(true);
            table(alice, "gap", 5, 5, false);
            assertThat(writesUntilThrottled(alice, "gap")).isEqualTo(5);
            assertThat(engine.capacity().allMetrics()).containsOnlyKeys("alice/" + GAP);
        }
    }
}
