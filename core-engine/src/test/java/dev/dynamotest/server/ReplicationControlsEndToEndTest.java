package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.engine.consistency.ConsistencySettings;
import dev.dynamotest.engine.table.NamespaceId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.MultiRegionConsistency;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Replication controls through the admin API ({@code /_dynamotest/replication}) and the engine's Java API: a
 * Region taken offline (REGION_DISABLED from the other Regions, its backlog applied on resume), pending writes per
 * Region pair, conflicts, settle.
 */
class ReplicationControlsEndToEndTest extends ManualClockServer {
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    DynamoDbClient west;

    @BeforeEach
    void regions() {
        west = ServerFixture.client(server.endpoint(), "eu-west-1");
    }

    @AfterEach
    void closeRegions() {
        west.close();
    }

    static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    Map<String, AttributeValue> get(DynamoDbClient client, String id) {
        return client.getItem(b -> b.tableName("carts").key(Map.of("id", s(id))).consistentRead(true)).item();
    }

    void globalCarts() {
        db.createTable(b -> b.tableName("carts")
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)).billingMode("PAY_PER_REQUEST"));
        db.updateTable(b -> b.tableName("carts").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
    }

    HttpResponse<String> admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.endpoint() + path)).header(DynamoTestServer.ADMIN_HEADER, "1");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody()) : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(String method, String path, String body) throws Exception {
        HttpResponse<String> r = admin(method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void aRegionTakenOfflineIsRegionDisabledAndCatchesUpWhenResumed() throws Exception {
        globalCarts();
        engine.clock().advance(Duration.ofMinutes(5));
        JsonNode paused = ok("POST", "/_dynamotest/replication", "{\"pause\": \"eu-west-1\"}");
        assertThat(paused.get("paused").get(0).get("region").asText()).isEqualTo("eu-west-1");
        assertThat(paused.get("paused").get(0).get("since").asText()).isEqualTo("2030-01-01T00:05:00Z");

        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"), "basket", s("apple"))));
        west.putItem(b -> b.tableName("carts").item(Map.of("id", s("c2"), "basket", s("pear")))); // its own data still serves
        assertThat(get(west, "c1")).isEmpty();
        assertThat(get(db, "c2")).isEmpty();

        ReplicaDescription r = db.describeTable(b -> b.tableName("carts")).table().replicas().get(0);
        assertThat(r.regionName()).isEqualTo("eu-west-1");
        assertThat(r.replicaStatus()).isEqualTo(ReplicaStatus.REGION_DISABLED);
        assertThat(r.replicaStatusDescription()).isEqualTo("The replica is inaccessible because the AWS Region has been disabled");
        assertThat(r.replicaInaccessibleDateTime()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(west.describeTable(b -> b.tableName("carts")).table().replicas().get(0).replicaStatus())
            .isEqualTo(ReplicaStatus.ACTIVE); // us-east-1 is online

        JsonNode state = ok("GET", "/_dynamotest/replication", null);
        assertThat(state.get("pending").get("us-east-1 -> eu-west-1").asInt()).isEqualTo(1);
        assertThat(state.get("pending").get("eu-west-1 -> us-east-1").asInt()).isEqualTo(1);
        // settle leaves an offline Region's backlog alone
        assertThat(ok("POST", "/_dynamotest/replication/settle", null).get("appliedNow").asInt()).isZero();

        JsonNode resumed = ok("POST", "/_dynamotest/replication", "{\"resume\": \"eu-west-1\"}");
        assertThat(resumed.get("appliedNow").asInt()).isEqualTo(2);
        assertThat(resumed.get("pending").size()).isZero();
        assertThat(resumed.get("paused").size()).isZero();
        assertThat(get(west, "c1")).containsEntry("basket", s("apple"));
        assertThat(get(db, "c2")).containsEntry("basket", s("pear"));
        ReplicaDescription back = db.describeTable(b -> b.tableName("carts")).table().replicas().get(0);
        assertThat(back.replicaStatus()).isEqualTo(ReplicaStatus.ACTIVE);
        assertThat(back.replicaInaccessibleDateTime()).isNull();
    }

    @Test
    void theJavaApiDoesTheSame() {
        globalCarts();
        assertThat(db.describeTable(b -> b.tableName("carts")).table().multiRegionConsistency())
            .isEqualTo(MultiRegionConsistency.EVENTUAL); // the default mode, described
        NamespaceId westNs = NamespaceId.region("eu-west-1");
        engine.replication().pause(westNs);
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"))));
        assertThat(engine.replication().pendingByRegionPair(null)).containsExactly(Map.entry("us-east-1 -> eu-west-1", 1));
        assertThat(engine.replication().pausedSince(westNs)).isEqualTo(T0);
        assertThat(engine.replication().resume(westNs)).isEqualTo(1);
        assertThat(get(west, "c1")).isNotEmpty();
        assertThat(engine.replication().applied()).isEqualTo(1);
    }

    @Test
    void settleAppliesPendingWritesAndTheStateCountsThem() throws Exception {
        engine.consistency().configure(ConsistencySettings.parse("eventual:seed=1,lag=1m"));
        globalCarts();
        db.putItem(b -> b.tableName("carts").item(Map.of("id", s("c1"))));
        JsonNode settled = ok("POST", "/_dynamotest/replication", "{\"settle\": true}");
        assertThat(settled.get("appliedNow").asInt()).isEqualTo(1);
        assertThat(settled.get("applied").asLong()).isEqualTo(1);
        assertThat(settled.get("conflicts").asLong()).isZero();
        assertThat(settled.get("discarded").asLong()).isZero();
        assertThat(get(west, "c1")).isNotEmpty();
    }

    @Test
    void badRequestsAnswer400() throws Exception {
        HttpResponse<String> both = admin("POST", "/_dynamotest/replication", "{\"pause\": \"eu-west-1\", \"settle\": true}");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json.readTree(both.body()).get("error").asText())
            .isEqualTo("give exactly one of \"pause\": REGION, \"resume\": REGION or \"settle\": true");
        HttpResponse<String> number = admin("POST", "/_dynamotest/replication", "{\"pause\": 3}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(json.readTree(number.body()).get("error").asText()).isEqualTo("\"pause\" takes a Region name, e.g. \"eu-west-1\"");
        assertThat(admin("DELETE", "/_dynamotest/replication", null).statusCode()).isEqualTo(405);
    }
}
