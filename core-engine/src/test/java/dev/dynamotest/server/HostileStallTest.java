package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.engine.Engine;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.Operations;
import dev.dynamotest.protocol.RequestHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Issue #17: a pathological request (a number of millions of digits, found stalling every client for minutes)
 * is rejected in linear time, and while one is being handled other clients are answered.
 */
class HostileStallTest {
    private static final String HUGE_NUMBER = "9".repeat(4_000_000);

    /** A value refused in ExpressionAttributeValues: the service names the key it was given under. */
    private static String eav(String message) {
        return "ExpressionAttributeValues contains invalid value: " + message + " for key :v";
    }

    @Test
    void aNumberOfMillionsOfDigitsIsRejectedAsTheServiceRejectsIt() {
        DynamoDbClient client = ServerFixture.client();
        String table = ServerFixture.createTable("hostile-num", ScalarAttributeType.S, null);
        for (String n : new String[] {HUGE_NUMBER, "1" + "0".repeat(409_600) + "1"}) {
            assertThat(catchDynamo(() -> client.scan(ScanRequest.builder().tableName(table).filterExpression("a = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(n))).build())))
                .isEqualTo(eav("Attempting to store more than 38 significant digits in a Number"));
        }
        // many zeros but few significant digits: a range error, found without arithmetic on the zeros
        assertThat(catchDynamo(() -> client.scan(ScanRequest.builder().tableName(table).filterExpression("a = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1" + "0".repeat(4_000_000)))).build())))
            .isEqualTo(eav("Number overflow. Attempting to store a number with magnitude larger than supported range"));
        assertThat(catchDynamo(() -> client.scan(ScanRequest.builder().tableName(table).filterExpression("a = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("0." + "0".repeat(4_000_000) + "1"))).build())))
            .isEqualTo(eav("Number underflow. Attempting to store a number with magnitude smaller than supported range"));
        assertThat(catchDynamo(() -> client.scan(ScanRequest.builder().tableName(table).filterExpression("a = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1e999999999"))).build())))
            .isEqualTo(eav("Number overflow. Attempting to store a number with magnitude larger than supported range"));
        // an exponent beyond an int is no number at all (as for the BigDecimal the service parses with)
        assertThat(catchDynamo(() -> client.scan(ScanRequest.builder().tableName(table).filterExpression("a = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1e" + "9".repeat(1_000_000)))).build())))
            .startsWith("ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value: 1e999");
        // and 38 digits among thousands of zeros are still a number
        client.scan(ScanRequest.builder().tableName(table).filterExpression("a = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("0".repeat(10_000) + "1".repeat(38) + ".000" + "0".repeat(10_000)))).build());
    }

    /**
     * The server runs with ONE I/O thread. A TransactGetItems holding a 4,000,000-digit number is held inside the
     * handler (a latch) until 30 GetItems, on fresh connections and on one kept-alive connection, have all been
     * answered; only then is it let go, and it must then fail with the service's error. Handled on the I/O thread,
     * it would have kept every GetItem waiting.
     */
    @Test
    void aPathologicalRequestInFlightDoesNotDelayOtherClients() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Engine engine = new Engine();
        Operations operations = Operations.standard();
        Action transactGet = operations.dynamodb("TransactGetItems");
        operations.withDynamoDb("TransactGetItems", (ctx, request, out) -> {
            entered.countDown();
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            transactGet.execute(ctx, request, out);
        });
        try (DynamoTestServer server = DynamoTestServer.builder().engine(engine)
            .handler(new RequestHandler(engine, operations, RequestHandler.NamespacePolicy.REGION)).ioThreads(1).start()) {
            DynamoDbClient client = ServerFixture.client(server.endpoint(), "us-east-1");
            String table = "stall";
            client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build()));
            client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1"))));

            HttpClient http = HttpClient.newHttpClient();
            String bad = "{\"TransactItems\":[{\"Get\":{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"N\":\"" + HUGE_NUMBER + "\"}}}}]}";
            CompletableFuture<HttpResponse<String>> pathological = http.sendAsync(post(server.endpoint(), "TransactGetItems", bad),
                HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(2, TimeUnit.MINUTES)).as("the pathological request reached the handler").isTrue();

            int answered = 0;
            for (int i = 0; i < 15; i++) {
                assertThat(client.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("a")))).item().get("v").n()).isEqualTo("1");
                HttpResponse<String> fresh = HttpClient.newHttpClient().send(post(server.endpoint(), "GetItem",
                    "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"a\"}}}"), HttpResponse.BodyHandlers.ofString());
                assertThat(fresh.statusCode()).isEqualTo(200);
                answered += 2;
            }
            assertThat(answered).isEqualTo(30);
            assertThat(pathological).as("still in flight while the others were answered").isNotDone();
            release.countDown();
            HttpResponse<String> r = pathological.get(2, TimeUnit.MINUTES);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).isEqualTo("{\"__type\":\"com.amazon.coral.validate#ValidationException\","
                + "\"message\":\"Attempting to store more than 38 significant digits in a Number\"}");
        } finally {
            release.countDown();
        }
    }

    static HttpRequest post(URI endpoint, String operation, String body) {
        return HttpRequest.newBuilder(endpoint.resolve("/"))
            .header("X-Amz-Target", "DynamoDB_20120810." + operation)
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String catchDynamo(Runnable r) {
        try {
            r.run();
        } catch (DynamoDbException e) {
            return e.awsErrorDetails().errorMessage();
        }
        throw new AssertionError("no error");
    }
}
