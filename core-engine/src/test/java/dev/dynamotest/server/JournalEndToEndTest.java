package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.DynamoTest;
import dev.dynamotest.engine.Engine;
import dev.dynamotest.engine.journal.JournalEntry;
import dev.dynamotest.engine.journal.KeyRef;
import dev.dynamotest.engine.journal.NamespaceJournal;
import dev.dynamotest.engine.journal.Transport;
import dev.dynamotest.engine.table.NamespaceId;
import dev.dynamotest.protocol.JournalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The request journal, through the SDK over HTTP and in process, and through the admin API and --journal. */
class JournalEndToEndTest {
    private Engine engine;
    private DynamoTestServer server;
    private DynamoDbClient client;

    @BeforeEach
    void start() {
        engine = new Engine();
        server = DynamoTestServer.builder().engine(engine).port(0).start();
        client = ServerFixture.client(server.endpoint(), "us-east-1");
        createOrders(client);
        engine.journal().clear();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static void createOrders(DynamoDbClient c) {
        c.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attr("pk"), attr("sk"), attr("email"))
            .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byEmail")
                .keySchema(key("email", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static Map<String, AttributeValue> order(String pk, String sk, String email) {
        return Map.of("pk", s(pk), "sk", s(sk), "email", s(email));
    }

    private NamespaceJournal journal() {
        return engine.journal().namespace(NamespaceId.region("us-east-1"));
    }

    @Test
    void recordsOperationTablesKeysExpressionsUnitsAndCounts() {
        client.putItem(b -> b.tableName("orders").item(order("u1", "o1", "a@x")));
        client.putItem(b -> b.tableName("orders").item(order("u1", "o2", "b@x")));
        client.getItem(b -> b.tableName("orders").key(Map.of("pk", s("u1"), "sk", s("o1"))));
        client.query(b -> b.tableName("orders").indexName("byEmail").keyConditionExpression("email = :e")
            .expressionAttributeValues(Map.of(":e", s("a@x"))));
        client.scan(b -> b.tableName("orders").filterExpression("sk = :s").expressionAttributeValues(Map.of(":s", s("o2")))
            .consistentRead(true));

        List<JournalEntry> entries = journal().entries();
        assertThat(entries).extracting(JournalEntry::operation).containsExactly("PutItem", "PutItem", "GetItem", "Query", "Scan");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.tables()).containsExactly("orders");
            assertThat(e.transport()).isEqualTo(Transport.HTTP);
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.requestId()).hasSize(52);
        });
        JournalEntry put = entries.get(0);
        assertThat(put.writeUnits()).isEqualTo(2.0); // table and GSI: 1 WCU each
        assertThat(put.readUnits()).isZero();
        assertThat(put.keys()).containsExactly(new KeyRef("orders", null, Map.of("pk", dev("u1"), "sk", dev("o1")), true));

        JournalEntry get = entries.get(2);
        assertThat(get.readUnits()).isEqualTo(0.5); // eventually consistent, under 4 KB
        assertThat(get.keys()).extracting(KeyRef::toString).containsExactly("orders {pk=\"u1\", sk=\"o1\"}");

        JournalEntry query = entries.get(3);
        assertThat(query.index()).isEqualTo("byEmail");
        assertThat(query.expressions()).containsExactly(Map.entry("KeyConditionExpression", "email = :e"));
        assertThat(query.keys()).containsExactly(new KeyRef("orders", "byEmail", Map.of("email", dev("a@x")), false));
        assertThat(query.scannedCount()).isEqualTo(1);
        assertThat(query.returnedCount()).isEqualTo(1);
        assertThat(query.readUnits()).isEqualTo(0.5);

        JournalEntry scan = entries.get(4);
        assertThat(scan.expressions()).containsExactly(Map.entry("FilterExpression", "sk = :s"));
        assertThat(scan.scannedCount()).isEqualTo(2);
        assertThat(scan.returnedCount()).isEqualTo(1);
        assertThat(scan.readUnits()).isEqualTo(1.0); // strongly consistent
        assertThat(scan.keys()).isEmpty();
        assertThat(entries).extracting(JournalEntry::sequence).isSorted();
    }

    private static dev.dynamotest.engine.model.AttributeValue dev(String v) {
        return dev.dynamotest.engine.model.AttributeValue.s(v);
    }

    @Test
    void recordsErrorsAndWhatAFailedWriteDidNotConsume() {
        client.putItem(b -> b.tableName("orders").item(order("u1", "o1", "a@x")));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("orders").item(order("u1", "o1", "c@x"))
            .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("missing").key(Map.of("pk", s("a")))))
            .isInstanceOf(ResourceNotFoundException.class);

        List<JournalEntry> entries = journal().entries();
        JournalEntry failed = entries.get(1);
        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.errorType()).isEqualTo("ConditionalCheckFailedException");
        assertThat(failed.errorMessage()).isEqualTo("The conditional request failed");
        assertThat(failed.expressions()).containsExactly(Map.entry("ConditionExpression", "attribute_not_exists(pk)"));
        assertThat(failed.writeUnits()).isZero();
        assertThat(entries.get(2).errorType()).isEqualTo("ResourceNotFoundException");
        assertThat(entries.get(2).tables()).containsExactly("missing");
    }

    @Test
    void aFailedConditionIsExplainedWithTheValuesCompared() {
        client.putItem(b -> b.tableName("orders").item(Map.of("pk", s("u1"), "sk", s("o1"), "email", s("a@x"),
            "status", s("SHIPPED"), "amount", AttributeValue.fromN("12"))));
        assertThatThrownBy(() -> client.updateItem(b -> b.tableName("orders").key(Map.of("pk", s("u1"), "sk", s("o1")))
            .updateExpression("SET #s = :new").conditionExpression("attribute_exists(pk) AND (#s = :expected OR amount > :min)")
            .expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":new", s("CANCELLED"), ":expected", s("NEW"), ":min", AttributeValue.fromN("100")))))
            .isInstanceOf(ConditionalCheckFailedException.class)
            .hasMessageStartingWith("The conditional request failed (Service: DynamoDb, Status Code: 400");
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
            t -> t.conditionCheck(c -> c.tableName("orders").key(Map.of("pk", s("u2"), "sk", s("o1")))
                .conditionExpression("attribute_exists(pk)")))))
            .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.class)
            .hasMessageStartingWith("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]");

        List<JournalEntry> entries = journal().entries();
        assertThat(entries.get(1).conditionFailures()).containsExactly(
            "orders {pk=\"u1\", sk=\"o1\"}: status = :expected was false: status is \"SHIPPED\", :expected is \"NEW\"",
            "orders {pk=\"u1\", sk=\"o1\"}: amount > :min was false: amount is 12, :min is 100");
        assertThat(entries.get(2).errorType()).isEqualTo("TransactionCanceledException");
        assertThat(entries.get(2).conditionFailures()).containsExactly(
            "orders {pk=\"u2\", sk=\"o1\"}: attribute_exists(pk) was false: pk is absent");
        assertThat(entries.get(0).conditionFailures()).isEmpty();
        assertThat(entries.get(1).describe()).endsWith("(because orders {pk=\"u1\", sk=\"o1\"}: status = :expected was false: "
            + "status is \"SHIPPED\", :expected is \"NEW\"; orders {pk=\"u1\", sk=\"o1\"}: amount > :min was false: amount is 12, :min is 100)");
    }

    @Test
    void batchesAndTransactionsNameEveryTableAndKey() {
        client.batchWriteItem(b -> b.requestItems(Map.of("orders", List.of(
            software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(order("u1", "o1", "a@x"))).build(),
            software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(order("u2", "o1", "b@x"))).build()))));
        client.transactWriteItems(b -> b.transactItems(t -> t.update(u -> u.tableName("orders")
            .key(Map.of("pk", s("u1"), "sk", s("o1"))).updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n", s("1"))))));

        List<JournalEntry> entries = journal().entries();
        assertThat(entries.get(0).keys()).hasSize(2).allMatch(KeyRef::write);
        assertThat(entries.get(0).writeUnits()).isEqualTo(4.0);
        JournalEntry tx = entries.get(1);
        assertThat(tx.tables()).containsExactly("orders");
        assertThat(tx.expressions()).containsExactly(Map.entry("TransactItems[0].Update.UpdateExpression", "SET n = :n"));
        assertThat(tx.writeUnits()).isEqualTo(4.0); // transactional: twice a standard write, table and GSI
    }

    @Test
    void inProcessClientsAreJournaledAsInProcess() {
        try (DynamoDbClient inProcess = DynamoDbClient.builder().httpClient(DynamoTest.inProcessHttpClient(engine))
            .endpointOverride(URI.create("http://localhost:1")).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build()) {
            inProcess.getItem(b -> b.tableName("orders").key(Map.of("pk", s("u1"), "sk", s("o1"))));
        }
        assertThat(journal().entries()).singleElement().satisfies(e -> {
            assertThat(e.transport()).isEqualTo(Transport.IN_PROCESS);
            assertThat(e.operation()).isEqualTo("GetItem");
            assertThat(e.readUnits()).isEqualTo(0.5); // a miss costs the minimum
        });
    }

    @Test
    void theRingKeepsTheLatestEntriesAndCountsTheDroppedOnes() {
        engine.journal().capacity(2);
        for (int i = 0; i < 5; i++) {
            client.listTables();
        }
        assertThat(journal().size()).isEqualTo(2);
        assertThat(journal().dropped()).isEqualTo(3);
        journal().clear();
        assertThat(journal().entries()).isEmpty();
        assertThat(journal().dropped()).isZero();
    }

    @Test
    void switchedOffNothingIsRecorded() {
        engine.journal().enabled(false);
        client.listTables();
        assertThat(engine.journal().entries()).isEmpty();
    }

    @Test
    void adminApiServesJsonLinesFilteredAndClears() throws Exception {
        client.putItem(b -> b.tableName("orders").item(order("u1", "o1", "a@x")));
        client.getItem(b -> b.tableName("orders").key(Map.of("pk", s("u1"), "sk", s("o1"))));
        client.listTables();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_dynamotest/journal?table=orders&operation=GetItem")).header(DynamoTestServer.ADMIN_HEADER, "1")
            .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(1);
        JournalEntry e = JournalJson.read(lines.get(0));
        assertThat(e).usingRecursiveComparison().ignoringFields("latencyNanos").isEqualTo(journal().entries().get(1));
        assertThat(lines.get(0)).contains("\"operation\":\"GetItem\"", "\"tables\":[\"orders\"]", "\"readUnits\":0.5",
            "\"keys\":[{\"table\":\"orders\",\"key\":{");

        r = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_dynamotest/journal?since=2000-01-01T00:00:00Z")).header(DynamoTestServer.ADMIN_HEADER, "1")
            .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body().lines()).hasSize(3);
        r = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_dynamotest/journal?since=yesterday")).header(DynamoTestServer.ADMIN_HEADER, "1")
            .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"since must be an ISO-8601 instant: yesterday\"}");

        r = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_dynamotest/journal")).header(DynamoTestServer.ADMIN_HEADER, "1").DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo("{\"cleared\":3}");
        assertThat(engine.journal().entries()).isEmpty(); // admin requests are not journaled
    }

    @Test
    void adminApiSetsTheJournalSettings() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_dynamotest/journal/settings")).header(DynamoTestServer.ADMIN_HEADER, "1")
            .POST(HttpRequest.BodyPublishers.ofString("{\"capacity\": 5, \"keepBodies\": true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo("{\"enabled\":true,\"capacity\":5,\"keepBodies\":true,\"dropped\":0}");
        client.listTables();
        assertThat(journal().entries().get(0).requestBody()).isEqualTo("{}");
        assertThat(journal().entries().get(0).responseBody()).isEqualTo("{\"TableNames\":[\"orders\"]}");
    }

    @Test
    void theServerAppendsTheJournalToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DynamoTestServer s = Main.start(Main.Options.parse(new String[] {"--port", "0", "--journal", file.toString()}));
             DynamoDbClient c = ServerFixture.client(s.endpoint(), "eu-west-1")) {
            createOrders(c);
            c.getItem(b -> b.tableName("orders").key(Map.of("pk", s("u1"), "sk", s("o1"))));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines).extracting(l -> JournalJson.read(l).operation()).containsExactly("CreateTable", "GetItem");
        assertThat(JournalJson.read(lines.get(1)).namespace()).isEqualTo(NamespaceId.region("eu-west-1"));
    }
}
