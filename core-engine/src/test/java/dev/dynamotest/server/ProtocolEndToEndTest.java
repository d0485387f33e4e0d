package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The wire protocol itself: headers, error bodies, malformed input, regions. */
class ProtocolEndToEndTest {

    record Raw(int status, String body, String requestId, String crc) {
    }

    static Raw post(String target, byte[] body) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(ServerFixture.endpoint().toString() + "/").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
        if (target != null) {
            c.setRequestProperty("X-Amz-Target", target);
        }
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        if (in != null) {
            in.transferTo(buf);
        }
        return new Raw(status, buf.toString(StandardCharsets.UTF_8), c.getHeaderField("x-amzn-RequestId"),
            c.getHeaderField("x-amz-crc32"));
    }

    static Raw post(String target, String body) throws Exception {
        return post(target, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void responsesCarryRequestIdAndCrc32OfTheBody() throws Exception {
        Raw r = post("DynamoDB_20120810.ListTables", "{}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.requestId()).matches("[A-Z0-9]{52}");
        CRC32 crc = new CRC32();
        crc.update(r.body().getBytes(StandardCharsets.UTF_8));
        assertThat(r.crc()).isEqualTo(Long.toString(crc.getValue()));
    }

    @Test
    void aMemberOfTheWrongJsonTypeGetsTheDeserializersText() throws Exception {
        assertThat(message(post("DynamoDB_20120810.GetItem", "{\"TableName\":5}"))).isEqualTo("NUMBER_VALUE cannot be converted to String");
        assertThat(message(post("DynamoDB_20120810.GetItem", "{\"TableName\":true}"))).isEqualTo("TRUE_VALUE cannot be converted to String");
        assertThat(message(post("DynamoDB_20120810.GetItem", "{\"TableName\":{}}"))).isEqualTo("Start of structure or map found where not expected");
        assertThat(message(post("DynamoDB_20120810.GetItem", "{\"TableName\":[]}"))).isEqualTo("Unrecognized collection type class java.lang.String");
        assertThat(message(post("DynamoDB_20120810.Scan", "{\"TableName\":\"abc\",\"Limit\":\"10\"}")))
            .isEqualTo("STRING_VALUE cannot be converted to Integer");
        assertThat(message(post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"abc\",\"ProvisionedThroughput\":"
            + "{\"ReadCapacityUnits\":\"1\",\"WriteCapacityUnits\":1}}"))).isEqualTo("STRING_VALUE cannot be converted to Long");
        // structures, lists and maps: the texts dynalite recorded from the service's deserializer
        String get = "DynamoDB_20120810.GetItem";
        assertThat(message(post(get, "{\"TableName\":\"abc\",\"Key\":\"x\"}"))).isEqualTo("Unexpected field type");
        assertThat(message(post(get, "{\"TableName\":\"abc\",\"Key\":[]}"))).isEqualTo(
            "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>");
        assertThat(message(post(get, "{\"TableName\":\"abc\",\"Key\":{\"pk\":5}}"))).isEqualTo("Unexpected value type in payload");
        assertThat(message(post(get, "{\"TableName\":\"abc\",\"Key\":{\"pk\":[]}}")))
            .isEqualTo("Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue");
        assertThat(message(post(get, "{\"TableName\":\"abc\",\"ExpressionAttributeNames\":[]}")))
            .isEqualTo("Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>");
        assertThat(message(post(get, "{\"TableName\":\"abc\",\"AttributesToGet\":{}}")))
            .isEqualTo("Start of structure or map found where not expected");
        assertThat(message(post(get, "{\"TableName\":\"abc\",\"AttributesToGet\":1}"))).isEqualTo("Unexpected field type");
        assertThat(message(post(get, "{\"TableName\":\"abc\",\"ConsistentRead\":\"maybe\"}")))
            .isEqualTo("Unexpected token received from parser");
        assertThat(message(post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"abc\",\"ProvisionedThroughput\":[]}")))
            .isEqualTo("Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput");
        assertThat(message(post("DynamoDB_20120810.CreateTable", "{\"TableName\":\"abc\",\"AttributeDefinitions\":[1]}")))
            .isEqualTo("Unexpected value type in payload");
        assertThat(message(post("DynamoDB_20120810.BatchGetItem", "{\"RequestItems\":{\"abc\":{\"Keys\":[1]}}}")))
            .isEqualTo("class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class "
                + "(sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of loader 'bootstrap')");
        assertThat(message(post("DynamoDB_20120810.BatchWriteItem", "{\"RequestItems\":{\"abc\":{}}}")))
            .isEqualTo("Start of structure or map found where not expected");
        assertThat(message(post("DynamoDB_20120810.BatchWriteItem", "{\"RequestItems\":[]}"))).isEqualTo(
            "Unrecognized collection type java.util.Map<java.lang.String, java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>>");
    }

    @Test
    void theDeserializerConvertsBooleanStringsAndDecimalIntegersAsTheServiceDoes() throws Exception {
        String table = ServerFixture.createTable("proto", ScalarAttributeType.S, null);
        ServerFixture.client().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("k"))));
        Raw r = post("DynamoDB_20120810.GetItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"k\"}},"
            + "\"ConsistentRead\":\"yes\",\"ReturnConsumedCapacity\":\"TOTAL\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"CapacityUnits\":1.0"); // a strongly consistent read
        Raw scan = post("DynamoDB_20120810.Scan", "{\"TableName\":\"" + table + "\",\"Limit\":1.5}");
        assertThat(scan.status()).isEqualTo(200);
        assertThat(scan.body()).contains("\"Count\":1");
    }

    static String message(Raw r) {
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).startsWith("{\"__type\":\"com.amazon.coral.service#SerializationException\"");
        // the deserializer's errors name their text "Message", capitalised (dynalite's recordings of the service)
        return r.body().replaceAll(".*\"Message\":\"(.*)\"}", "$1");
    }

    @Test
    void unknownOperationIsRejected() throws Exception {
        Raw r = post("DynamoDB_20120810.NoSuchThing", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"__type\":\"com.amazon.coral.service#UnknownOperationException\"");
        Raw missing = post(null, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("UnknownOperationException");
    }

    @Test
    void malformedJsonIsASerializationExceptionAndChangesNothing() throws Exception {
        String table = ServerFixture.createTable("proto", ScalarAttributeType.S, null);
        ServerFixture.client().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("k"), "v", AttributeValue.fromS("before"))));
        Raw truncated = post("DynamoDB_20120810.PutItem",
            "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"k\"},\"v\":{\"S\":\"after\"}");
        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.body()).contains("\"__type\":\"com.amazon.coral.service#SerializationException\"");
        Raw wrongType = post("DynamoDB_20120810.PutItem",
            "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"k\"},\"v\":{\"S\":5}}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("SerializationException");
        assertThat(wrongType.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\","
            + "\"Message\":\"NUMBER_VALUE cannot be converted to String\"}");
        Raw notAnObject = post("DynamoDB_20120810.PutItem", "[1,2]");
        assertThat(notAnObject.body()).contains("SerializationException");
        assertThat(ServerFixture.client().getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("k")))).item())
            .containsEntry("v", AttributeValue.fromS("before"));
    }

    @Test
    void bodiesOver16MbAreRejectedAndChangeNothing() throws Exception {
        String table = ServerFixture.createTable("proto", ScalarAttributeType.S, null);
        StringBuilder big = new StringBuilder(20 * 1024 * 1024 + 100);
        big.append("{\"TableName\":\"").append(table).append("\",\"Item\":{\"pk\":{\"S\":\"k\"},\"v\":{\"S\":\"");
        while (big.length() < 20 * 1024 * 1024) {
            big.append("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        }
        big.append("\"}}}");
        Raw r = post("DynamoDB_20120810.PutItem", big.toString());
        assertThat(r.status()).isEqualTo(413);
        assertThat(ServerFixture.client().getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("k")))).hasItem())
            .isFalse();
    }

    @Test
    void tablesAreScopedToTheSigningRegion() {
        String table = ServerFixture.createTable("region", ScalarAttributeType.S, null);
        try (DynamoDbClient west = ServerFixture.client(ServerFixture.endpoint(), "eu-west-1")) {
            assertThat(west.listTables().tableNames()).doesNotContain(table);
            assertThatThrownBy(() -> west.describeTable(b -> b.tableName(table)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: " + table + " not found");
            // the same name is free in another region
            assertThat(west.createTable(copy(table)).tableDescription().tableArn())
                .startsWith("arn:aws:dynamodb:eu-west-1:");
        }
        assertThat(ServerFixture.client().describeTable(b -> b.tableName(table)).table().tableArn())
            .startsWith("arn:aws:dynamodb:us-east-1:");
    }

    private static software.amazon.awssdk.services.dynamodb.model.CreateTableRequest copy(String table) {
        var t = ServerFixture.client().describeTable(b -> b.tableName(table)).table();
        return software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.builder()
            .tableName(table).keySchema(t.keySchema()).attributeDefinitions(t.attributeDefinitions())
            .billingMode("PAY_PER_REQUEST").build();
    }

    @Test
    void errorsMapToTheSdkExceptionClasses() {
        assertThatThrownBy(() -> ServerFixture.client().getItem(b -> b.tableName("no-such-table").key(Map.of("pk", AttributeValue.fromS("k")))))
            .isInstanceOf(ResourceNotFoundException.class)
            .hasMessageStartingWith("Requested resource not found")
            .extracting(e -> ((DynamoDbException) e).statusCode()).isEqualTo(400);
    }
}
