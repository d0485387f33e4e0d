package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.protocol.StreamingRequestReaderTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The point operations' streaming reader answers exactly as the tree path: two servers get the same requests over
 * raw HTTP, one as sent (the streaming reader takes the ordinary ones), the other with a repeated member in front
 * (a JSON null, as if absent) that sends every request down the tree path; status, body and the items stored
 * afterwards must be the same, errors included.
 */
class StreamingReaderEndToEndTest {
    private static DynamoTestServer fast;
    private static DynamoTestServer tree;

    @BeforeAll
    static void start() {
        fast = DynamoTestServer.builder().port(0).start();
        tree = DynamoTestServer.builder().port(0).start();
        for (DynamoTestServer s : List.of(fast, tree)) {
            try (DynamoDbClient c = ServerFixture.client(s.endpoint(), "us-east-1")) {
                c.createTable(b -> b.tableName("tbl").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build()));
            }
        }
    }

    @AfterAll
    static void stop() {
        fast.close();
        tree.close();
    }

    @Test
    void unusualBodiesGetTheTreePathsAnswers() throws Exception {
        for (String body : StreamingRequestReaderTest.UNUSUAL) {
            String b = body.replace("\"TableName\":\"t\"", "\"TableName\":\"tbl\"");
            same("PutItem", b);
            same("GetItem", b.replace("\"Item\"", "\"Key\""));
            same("DeleteItem", b.replace("\"Item\"", "\"Key\"").replace("}}}", "}},\"ReturnValues\":\"ALL_OLD\"}"));
            same("UpdateItem", b.replace("\"Item\"", "\"Key\"").replace("}}}", "}},\"UpdateExpression\":\"SET c = :v\","
                + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}},\"ReturnValues\":\"ALL_NEW\"}"));
            same("GetItem", "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ConsistentRead\":true}");
        }
    }

    @Test
    void randomItemsGetTheTreePathsAnswers() throws Exception {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            String item = StreamingRequestReaderTest.map(r, 0);
            String body = "{\"TableName\":\"tbl\",\"ReturnConsumedCapacity\":\"TOTAL\",\"ReturnValues\":\"ALL_OLD\",\"Item\":{\"pk\":{\"S\":\"k"
                + (i % 7) + "\"}" + (item.length() > 2 ? "," + item.substring(1) : "}") + "}";
            if (i % 4 == 3) {
                body = StreamingRequestReaderTest.damage(body, r);
            }
            same("PutItem", body);
            same("GetItem", "{\"Key\":{\"pk\":{\"S\":\"k" + (i % 7) + "\"}},\"TableName\":\"tbl\",\"ReturnConsumedCapacity\":\"INDEXES\"}");
        }
    }

    private static void same(String operation, String body) throws Exception {
        String forced = body.startsWith("{") ? "{\"ReturnItemCollectionMetrics\":null,\"ReturnItemCollectionMetrics\":null,"
            + (body.startsWith("{}") ? body.substring(1).replaceFirst("^}", "\"x\":null}") : body.substring(1)) : body;
        List<Object> a = post(fast.endpoint(), operation, body);
        List<Object> b = post(tree.endpoint(), operation, forced);
        assertThat(a).as(operation + " " + body).isEqualTo(b);
    }

    private static List<Object> post(URI endpoint, String operation, String body) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(endpoint + "/").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
        c.setRequestProperty("X-Amz-Target", "DynamoDB_20120810." + operation);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        if (in != null) {
            in.transferTo(buf);
        }
        List<Object> out = new ArrayList<>();
        out.add(status);
        out.add(buf.toString(StandardCharsets.UTF_8));
        out.add(c.getHeaderField("x-amz-crc32"));
        return out;
    }
}
