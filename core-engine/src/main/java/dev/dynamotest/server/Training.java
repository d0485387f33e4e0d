package dev.dynamotest.server;

import dev.dynamotest.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * {@code --train}: one pass of the common DynamoDB calls over real HTTP against a throw-away server, then exit. The
 * container image runs it once at build time under {@code -XX:ArchiveClassesAtExit} so that the classes a first
 * request needs (Undertow, Jackson, the actions, the expression front end) come from a class-data sharing archive
 * instead of being loaded and verified from the jar at every container start.
 */
final class Training {
    private Training() {
    }

    private static final String[][] CALLS = {
        {"CreateTable", "{\"TableName\":\"t\",\"BillingMode\":\"PAY_PER_REQUEST\","
            + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
            + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
            + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
            + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
            + "\"Projection\":{\"ProjectionType\":\"ALL\"}}],"
            + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}"},
        {"DescribeTable", "{\"TableName\":\"t\"}"},
        {"ListTables", "{}"},
        {"PutItem", "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"g\":{\"S\":\"x\"},"
            + "\"n\":{\"N\":\"1.5\"},\"l\":{\"L\":[{\"S\":\"v\"},{\"BOOL\":true}]},\"m\":{\"M\":{\"k\":{\"NULL\":true}}},"
            + "\"ss\":{\"SS\":[\"p\",\"q\"]},\"b\":{\"B\":\"AAE=\"}},\"ConditionExpression\":\"attribute_not_exists(pk)\"}"},
        {"GetItem", "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},\"ConsistentRead\":true,"
            + "\"ProjectionExpression\":\"n, l[0], m.k\"}"},
        {"UpdateItem", "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},"
            + "\"UpdateExpression\":\"SET #n = #n + :one, l = list_append(l, :l) REMOVE m ADD c :one\","
            + "\"ConditionExpression\":\"#n >= :zero\",\"ExpressionAttributeNames\":{\"#n\":\"n\"},"
            + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":zero\":{\"N\":\"0\"},\":l\":{\"L\":[{\"S\":\"w\"}]}},"
            + "\"ReturnValues\":\"ALL_NEW\"}"},
        {"Query", "{\"TableName\":\"t\",\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :a AND :b\","
            + "\"FilterExpression\":\"begins_with(g, :x) OR size(l) > :a\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"},"
            + "\":a\":{\"N\":\"0\"},\":b\":{\"N\":\"9\"},\":x\":{\"S\":\"x\"}},\"Limit\":10,\"ReturnConsumedCapacity\":\"TOTAL\"}"},
        {"Query", "{\"TableName\":\"t\",\"IndexName\":\"byG\",\"KeyConditionExpression\":\"g = :g\","
            + "\"ExpressionAttributeValues\":{\":g\":{\"S\":\"x\"}}}"},
        {"Scan", "{\"TableName\":\"t\",\"Segment\":0,\"TotalSegments\":2}"},
        {"BatchWriteItem", "{\"RequestItems\":{\"t\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"2\"}}}},"
            + "{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"c\"},\"sk\":{\"N\":\"3\"}}}}]}}"},
        {"BatchGetItem", "{\"RequestItems\":{\"t\":{\"Keys\":[{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"2\"}}]}}}"},
        {"TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"d\"},\"sk\":{\"N\":\"4\"}}}},"
            + "{\"ConditionCheck\":{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},"
            + "\"ConditionExpression\":\"attribute_exists(pk)\"}}]}"},
        {"TransactGetItems", "{\"TransactItems\":[{\"Get\":{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"d\"},\"sk\":{\"N\":\"4\"}}}}]}"},
        {"ExecuteStatement", "{\"Statement\":\"SELECT * FROM \\\"t\\\" WHERE pk = ?\",\"Parameters\":[{\"S\":\"a\"}]}"},
        {"DeleteItem", "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"d\"},\"sk\":{\"N\":\"4\"}},\"ReturnValues\":\"ALL_OLD\"}"},
        {"GetItem", "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"S\":\"a\"}}}"},
        {"DeleteTable", "{\"TableName\":\"t\"}"},
    };

    static void run() throws IOException {
        try (DynamoTestServer server = DynamoTestServer.builder().engine(new Engine()).port(0).start()) {
            URI endpoint = server.endpoint();
            for (int round = 0; round < 3; round++) {
                for (String[] call : CALLS) {
                    post(endpoint, "DynamoDB_20120810." + call[0], call[1]);
                }
            }
            post(endpoint.resolve("/_dynamotest/clock"), null, "");
        }
        System.out.println("DynamoTest training run done");
    }

    private static void post(URI uri, String target, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod(target == null ? "GET" : "POST");
        if (target == null) {
            c.setRequestProperty(DynamoTestServer.ADMIN_HEADER, "1");
        }
        if (target != null) {
            c.setDoOutput(true);
            c.setRequestProperty("X-Amz-Target", target);
            c.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
            c.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=train/20300101/us-east-1/dynamodb/aws4_request");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
    }
}
