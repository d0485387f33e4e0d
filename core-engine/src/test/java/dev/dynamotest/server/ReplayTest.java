package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** replay --journal F --against URL: a journal kept with bodies, replayed against a second server. */
class ReplayTest {

    private static Map<String, AttributeValue> order(String pk, String sk, String email) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk), "email", AttributeValue.fromS(email));
    }

    private static Path record(Path dir) {
        Path file = dir.resolve("journal.jsonl");
        try (DynamoTestServer s = Main.start(Main.Options.parse(new String[] {"--port", "0", "--journal", file.toString(), "--journal-bodies"}));
             DynamoDbClient c = ServerFixture.client(s.endpoint(), "eu-west-1")) {
            JournalEndToEndTest.createOrders(c);
            c.putItem(b -> b.tableName("orders").item(order("u1", "o1", "a@x")));
            c.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("u1"), "sk", AttributeValue.fromS("o1"))));
            c.query(b -> b.tableName("orders").indexName("byEmail").keyConditionExpression("email = :e")
                .expressionAttributeValues(Map.of(":e", AttributeValue.fromS("a@x"))));
            c.describeTable(b -> b.tableName("orders"));
            try {
                c.deleteTable(b -> b.tableName("missing"));
            } catch (RuntimeException expected) {
                // recorded as an error response, replayed as one
            }
        }
        return file;
    }

    private static String replay(Path file, DynamoTestServer against, int expectedStatus) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = Replay.run(new String[] {"--journal", file.toString(), "--against", against.endpoint().toString()},
            new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(status).as(out).isEqualTo(expectedStatus);
        return out;
    }

    @Test
    void aFreshServerAnswersEveryRecordedRequestAlike(@TempDir Path dir) throws Exception {
        Path file = record(dir);
        try (DynamoTestServer other = DynamoTestServer.builder().port(0).start()) {
            // timestamps (CreationDateTime), TableId and ARNs' accounts are normalised
            assertThat(replay(file, other, 0)).isEqualTo("replayed 6 request(s) against " + other.endpoint() + ": 0 differ\n");
        }
    }

    @Test
    void everyDifferingResponseIsReported(@TempDir Path dir) throws Exception {
        Path file = record(dir);
        try (DynamoTestServer other = DynamoTestServer.builder().port(0).start();
             DynamoDbClient c = ServerFixture.client(other.endpoint(), "eu-west-1")) {
            c.createTable(b -> b.tableName("missing").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            String out = replay(file, other, 1);
            assertThat(out).contains("DeleteTable missing (request ")
                .contains("  status: recorded 400, got 200")
                .contains("  __type: recorded \"ResourceNotFoundException\", missing")
                .endsWith("replayed 6 request(s) against " + other.endpoint() + ": 1 differ\n");
        }
    }
}
