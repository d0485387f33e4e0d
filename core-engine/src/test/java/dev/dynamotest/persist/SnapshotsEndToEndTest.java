package dev.dynamotest.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.server.DynamoTestServer;
import dev.dynamotest.server.ServerFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Portable snapshots: saved from one server and loaded into another, from Java and through the admin API. */
class SnapshotsEndToEndTest {
    @TempDir
    Path dir;

    private static void createAndFill(DynamoDbClient c, String table, int items) {
        c.createTable(b -> b.tableName(table)
            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build())
            .billingMode(BillingMode.PAY_PER_REQUEST));
        for (int i = 0; i < items; i++) {
            int n = i;
            c.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("p" + (n % 3)),
                "n", AttributeValue.fromN(Integer.toString(n)), "bytes", AttributeValue.fromB(
                    SdkBytes.fromByteArray(new byte[] {(byte) n})))));
        }
    }

    @Test
    void aSavedEngineLoadsIntoAnotherWithTheSameTablesAndItems() throws Exception {
        try (DynamoTestServer a = DynamoTestServer.builder().port(0).start();
             DynamoTestServer b = DynamoTestServer.builder().port(0).start();
             DynamoDbClient ca = ServerFixture.client(a.endpoint(), "us-west-2");
             DynamoDbClient cb = ServerFixture.client(b.endpoint(), "us-west-2")) {
            createAndFill(ca, "events", 30);
            createAndFill(ca, "other", 2);
            Path file = dir.resolve("state.jsonl");
            EngineSnapshots.save(a.engine(), file);
            EngineSnapshots.load(b.engine(), file);
            assertThat(cb.listTables().tableNames()).containsExactly("events", "other");
            assertThat(cb.scan(r -> r.tableName("events")).items())
                .containsExactlyInAnyOrderElementsOf(ca.scan(r -> r.tableName("events")).items());
            assertThat(cb.describeTable(r -> r.tableName("events")).table().keySchema())
                .isEqualTo(ca.describeTable(r -> r.tableName("events")).table().keySchema());
            assertThat(Files.readAllLines(file).get(0)).isEqualTo("{\"format\":\"dynamotest-snapshot\",\"version\":1}");
        }
    }

    @Test
    void theAdminApiSavesOneTableAndLoadsIt() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (DynamoTestServer a = DynamoTestServer.builder().port(0).start();
             DynamoTestServer b = DynamoTestServer.builder().port(0).start();
             DynamoDbClient ca = ServerFixture.client(a.endpoint(), "us-east-1");
             DynamoDbClient cb = ServerFixture.client(b.endpoint(), "us-east-1")) {
            createAndFill(ca, "events", 5);
            createAndFill(ca, "other", 1);
            createAndFill(cb, "kept", 1);
            HttpResponse<byte[]> saved = http.send(HttpRequest.newBuilder(URI.create(a.endpoint() + "/_dynamotest/snapshot?table=events"))
                .header("X-DynamoTest-Admin", "1").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.headers().firstValue("content-type")).contains("application/x-ndjson");
            HttpResponse<String> loaded = http.send(HttpRequest.newBuilder(URI.create(b.endpoint() + "/_dynamotest/snapshot"))
                .header("X-DynamoTest-Admin", "1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(saved.body())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(loaded.statusCode()).isEqualTo(200);
            assertThat(loaded.body()).isEqualTo("{\"loaded\":true}");
            assertThat(cb.listTables().tableNames()).containsExactly("events", "kept");
            assertThat(cb.scan(r -> r.tableName("events")).count()).isEqualTo(5);

            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(b.endpoint() + "/_dynamotest/snapshot"))
                .header("X-DynamoTest-Admin", "1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"format\":\"something else\"}\n")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("not a DynamoTest snapshot");
            assertThat(cb.listTables().tableNames()).containsExactly("events", "kept");
        }
    }

    @Test
    void aDamagedSnapshotLoadsNothing() throws Exception {
        try (DynamoTestServer a = DynamoTestServer.builder().port(0).start();
             DynamoDbClient ca = ServerFixture.client(a.endpoint(), "us-east-1")) {
            createAndFill(ca, "events", 3);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EngineSnapshots.save(a.engine(), out);
            String text = out.toString(StandardCharsets.UTF_8);
            String cut = text.substring(0, text.lastIndexOf("{\"item\"") + 12); // the last item line is cut short
            ca.deleteTable(r -> r.tableName("events"));
            assertThatThrownBy(() -> EngineSnapshots.load(a.engine(),
                new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)))).isInstanceOf(IOException.class);
            assertThat(ca.listTables().tableNames()).isEmpty();
        }
    }
}
