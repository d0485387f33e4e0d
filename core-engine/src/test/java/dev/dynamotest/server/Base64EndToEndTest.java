package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.server.ProtocolEndToEndTest.Raw;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Binary values are base64 the way the service decodes it: strictly. The SDK always sends padded, canonical
 * base64, so these requests are written by hand.
 */
class Base64EndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LENGTH = "Base64 encoded length is expected a multiple of 4 bytes but found: ";
    static final String INVALID = "Invalid last non-pad Base64 character dectected";

    static void assertSerializationError(Raw r, String message) throws Exception {
        assertThat(r.status()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("__type").asText()).endsWith("#SerializationException");
        assertThat(body.get("Message") != null ? body.get("Message").asText() : body.get("message").asText()).isEqualTo(message);
    }

    @Test
    void unpaddedOrMalformedBase64IsASerializationException() throws Exception {
        String t = ServerFixture.createTable("b64", ScalarAttributeType.B, null);
        String put = "{\"TableName\":\"" + t + "\",\"Item\":{\"pk\":{\"B\":\"%s\"}}}";
        assertSerializationError(ProtocolEndToEndTest.post("DynamoDB_20120810.PutItem", String.format(put, "AAE")), LENGTH + "3");
        assertSerializationError(ProtocolEndToEndTest.post("DynamoDB_20120810.PutItem", String.format(put, "QQ")), LENGTH + "2");
        assertSerializationError(ProtocolEndToEndTest.post("DynamoDB_20120810.PutItem", String.format(put, "!!!!")), INVALID);
        assertSerializationError(ProtocolEndToEndTest.post("DynamoDB_20120810.PutItem", String.format(put, "QR==")), INVALID);
        assertSerializationError(ProtocolEndToEndTest.post("DynamoDB_20120810.PutItem", String.format(put, "QUI=QUI=")), INVALID);
        assertSerializationError(ProtocolEndToEndTest.post("DynamoDB_20120810.PutItem", String.format(put, "QU\\nJD")), LENGTH + "5");

        // in a binary set, a key, and ExpressionAttributeValues alike
        assertSerializationError(ProtocolEndToEndTest.post("DynamoDB_20120810.PutItem", "{\"TableName\":\"" + t
            + "\",\"Item\":{\"pk\":{\"B\":\"QQ==\"},\"bs\":{\"BS\":[\"QQ==\",\"Qg\"]}}}"), LENGTH + "2");
        assertSerializationError(ProtocolEndToEndTest.post("DynamoDB_20120810.GetItem", "{\"TableName\":\"" + t
            + "\",\"Key\":{\"pk\":{\"B\":\"QQ=\"}}}"), LENGTH + "3");
        assertSerializationError(ProtocolEndToEndTest.post("DynamoDB_20120810.UpdateItem", "{\"TableName\":\"" + t
            + "\",\"Key\":{\"pk\":{\"B\":\"QQ==\"}},\"UpdateExpression\":\"SET v = :v\","
            + "\"ExpressionAttributeValues\":{\":v\":{\"B\":\"Q*==\"}}}"), INVALID);

        // nothing was written by the rejected requests; canonical base64 is accepted
        assertThat(ServerFixture.client().scan(b -> b.tableName(t)).count()).isZero();
        Raw ok = ProtocolEndToEndTest.post("DynamoDB_20120810.PutItem", "{\"TableName\":\"" + t
            + "\",\"Item\":{\"pk\":{\"B\":\"QQ==\"},\"bs\":{\"BS\":[\"QUI=\",\"QUJD\"]}}}");
        assertThat(ok.status()).isEqualTo(200);
        Map<String, AttributeValue> item = ServerFixture.client()
            .getItem(b -> b.tableName(t).key(Map.of("pk", AttributeValue.fromB(SdkBytes.fromUtf8String("A"))))).item();
        assertThat(item.get("bs").bs()).containsExactlyInAnyOrder(SdkBytes.fromUtf8String("AB"), SdkBytes.fromUtf8String("ABC"));
    }
}
