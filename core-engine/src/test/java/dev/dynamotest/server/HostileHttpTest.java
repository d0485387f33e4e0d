package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.engine.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Issue #17 (and #16's HTTP items): every refusal is the service's JSON error; the admin API cannot be reached by
 * a cross-site "simple" request; the Host header is checked against DNS rebinding; CORS is granted only with
 * {@code -cors}. Raw HTTP over a socket, so that the exact headers sent (Host, Origin, ...) are the test's.
 */
class HostileHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DynamoTestServer server;
    private static DynamoTestServer corsServer;

    @BeforeAll
    static void start() {
        server = DynamoTestServer.builder().engine(new Engine()).allowedHosts(List.of("dynamodb, other.test")).start();
        corsServer = DynamoTestServer.builder().engine(new Engine()).cors(Cors.of(List.of("http://app.test,http://two.test"))).start();
    }

    @AfterAll
    static void stop() {
        server.close();
        corsServer.close();
    }

    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** One HTTP/1.1 request with exactly these headers (Content-Length added when there is a body). */
    static Answer raw(DynamoTestServer s, String method, String path, String body, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(60_000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                req.append("Content-Length: ").append(b.length).append("\r\n");
            }
            req.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(b);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }

    private static String host(DynamoTestServer s) {
        return "Host: 127.0.0.1:" + s.port();
    }

    @Test
    void anUnknownOperationAnswersTheServicesBodyWithoutMessage() throws IOException {
        // The service answers exactly {"__type":"com.amazon.coral.service#UnknownOperationException"} (no message)
        for (String target : new String[] {"DynamoDB_20120810.NoSuchThing", "Nonsense", null}) {
            Answer a = target == null ? raw(server, "POST", "/", "{}", host(server))
                : raw(server, "POST", "/", "{}", host(server), "X-Amz-Target: " + target);
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
            assertThat(a.headers().get("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        }
    }

    @Test
    void getOnAnyPathButTheRootIsAJsonError() throws IOException {
        Answer health = raw(server, "GET", "/", null, host(server));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("healthy: dynamotest");
        for (String[] mp : new String[][] {{"GET", "/favicon.ico"}, {"GET", "/shell/"}, {"PUT", "/"}, {"DELETE", "/x"}}) {
            Answer a = raw(server, mp[0], mp[1], null, host(server));
            assertThat(a.status()).as(mp[0] + " " + mp[1]).isEqualTo(400);
            assertThat(a.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
        }
    }

    @Test
    void aBodyOverTheCapIs413WithTheSameJsonInBothPaths() throws IOException {
        // over 16 MB: read, then refused by the handler
        String big = "{\"TableName\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}";
        Answer a = raw(server, "POST", "/", big, host(server), "X-Amz-Target: DynamoDB_20120810.GetItem");
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.json().get("__type").asText()).isEqualTo("com.amazon.coral.service#RequestEntityTooLarge");
        assertThat(a.json().get("message").asText()).isEqualTo("Request size " + big.length() + " exceeded 16777216 bytes");
        // over the ~64 MB that the server reads at all: refused before the body, with the same body
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(60_000);
            long length = 70L * 1024 * 1024;
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\n" + host(server) + "\r\nX-Amz-Target: DynamoDB_20120810.GetItem\r\nContent-Length: " + length
                + "\r\n\r\n{\"TableName\":\"").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Answer huge = read(socket.getInputStream());
            assertThat(huge.status()).isEqualTo(413);
            assertThat(huge.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#RequestEntityTooLarge\","
                + "\"message\":\"Request size " + length + " exceeded 16777216 bytes\"}");
        }
    }

    @Test
    void onlyLoopbackAddressesAndAllowedNamesAreAcceptedAsHost() throws IOException {
        String list = "{}";
        for (String ok : new String[] {"127.0.0.1:" + server.port(), "localhost", "LOCALHOST:8000", "app.localhost", "[::1]:8000",
            "127.1.2.3", "192.168.1.20:8000", "dynamodb:8000", "other.test"}) {
            Answer a = raw(server, "POST", "/", list, "Host: " + ok, "X-Amz-Target: DynamoDB_20120810.ListTables");
            assertThat(a.status()).as(ok).isEqualTo(200);
        }
        for (String bad : new String[] {"attacker.example", "attacker.example:8000", "localhost.attacker.example", "127.0.0.1.nip.io",
            "dynamodb.evil"}) {
            Answer a = raw(server, "POST", "/", list, "Host: " + bad, "X-Amz-Target: DynamoDB_20120810.ListTables");
            assertThat(a.status()).as(bad).isEqualTo(403);
            assertThat(a.json().get("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#AccessDeniedException");
            assertThat(a.json().get("message").asText()).startsWith("Host '" + bad + "' is not allowed");
            // the admin API too: a rebinding page cannot reset anything
            Answer reset = raw(server, "POST", "/_dynamotest/reset", "", "Host: " + bad, "X-DynamoTest-Admin: 1");
            assertThat(reset.status()).isEqualTo(403);
        }
        try (DynamoTestServer any = DynamoTestServer.builder().engine(new Engine()).allowedHosts(List.of("*")).start()) {
            assertThat(raw(any, "POST", "/", list, "Host: attacker.example", "X-Amz-Target: DynamoDB_20120810.ListTables").status())
                .isEqualTo(200);
        }
    }

    @Test
    void aCrossSiteSimplePostCannotResetTheServer() throws IOException {
        DynamoDbClient client = ServerFixture.client(server.endpoint(), "us-east-1");
        client.createTable(b -> b.tableName("kept").billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build()));
        client.putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("a"))));
        // what a form or fetch(..., {mode: "no-cors"}) of another origin sends: no custom header, a simple content type
        Answer a = raw(server, "POST", "/_dynamotest/reset", "x", host(server), "Origin: http://attacker.example",
            "Content-Type: text/plain");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#AccessDeniedException");
        assertThat(a.json().get("message").asText()).isEqualTo("The admin API needs the header X-DynamoTest-Admin: 1 on every "
            + "request (so that no web page can reach it cross-site); see docs/admin-api.md");
        assertThat(a.headers()).doesNotContainKey("Access-Control-Allow-Origin");
        // the preflight a page needs before it may add the header is never granted on admin paths
        Answer preflight = raw(server, "OPTIONS", "/_dynamotest/reset", null, host(server), "Origin: http://attacker.example",
            "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: x-dynamotest-admin");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.headers()).doesNotContainKey("Access-Control-Allow-Origin");
        assertThat(client.getItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("a")))).item()).isNotEmpty();
        // with the header (what the project's own clients send), the admin API works
        Answer clock = raw(server, "GET", "/_dynamotest/clock", null, host(server), "X-DynamoTest-Admin: 1");
        assertThat(clock.status()).isEqualTo(200);
        assertThat(clock.json().has("now")).isTrue();
    }

    @Test
    void noCorsGrantByDefault() throws IOException {
        Answer preflight = raw(server, "OPTIONS", "/", null, host(server), "Origin: http://app.test",
            "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: content-type,x-amz-target");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.headers()).doesNotContainKeys("Access-Control-Allow-Origin", "Access-Control-Allow-Methods");
        Answer post = raw(server, "POST", "/", "{}", host(server), "Origin: http://app.test", "X-Amz-Target: DynamoDB_20120810.ListTables");
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.headers()).doesNotContainKey("Access-Control-Allow-Origin");
    }

    @Test
    void corsFlagGrantsTheListedOriginsAsTheServiceDoes() throws IOException {
        Answer preflight = raw(corsServer, "OPTIONS", "/", null, host(corsServer), "Origin: http://app.test",
            "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: content-type,x-amz-target,authorization");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.headers()).containsEntry("Access-Control-Allow-Origin", "http://app.test")
            .containsEntry("Access-Control-Allow-Methods", "POST")
            .containsEntry("Access-Control-Allow-Headers", "content-type,x-amz-target,authorization")
            .containsEntry("Access-Control-Max-Age", "172800");
        Answer post = raw(corsServer, "POST", "/", "{}", host(corsServer), "Origin: http://two.test",
            "X-Amz-Target: DynamoDB_20120810.ListTables");
        assertThat(post.headers()).containsEntry("Access-Control-Allow-Origin", "http://two.test")
            .containsEntry("Access-Control-Expose-Headers", "x-amzn-RequestId,x-amzn-ErrorType,x-amz-crc32");
        Answer other = raw(corsServer, "POST", "/", "{}", host(corsServer), "Origin: http://attacker.example",
            "X-Amz-Target: DynamoDB_20120810.ListTables");
        assertThat(other.headers()).doesNotContainKey("Access-Control-Allow-Origin");
        try (DynamoTestServer all = DynamoTestServer.builder().engine(new Engine()).cors(Cors.of(List.of("*"))).start()) {
            Answer any = raw(all, "POST", "/", "{}", host(all), "Origin: http://anything.test", "X-Amz-Target: DynamoDB_20120810.ListTables");
            assertThat(any.headers()).containsEntry("Access-Control-Allow-Origin", "*");
            Answer admin = raw(all, "OPTIONS", "/_dynamotest/clock", null, host(all), "Origin: http://anything.test",
                "Access-Control-Request-Method: GET");
            assertThat(admin.headers()).doesNotContainKey("Access-Control-Allow-Origin");
        }
    }
}
