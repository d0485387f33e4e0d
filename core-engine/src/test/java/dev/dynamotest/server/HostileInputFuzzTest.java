package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.protocol.Operations;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
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
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Issue #17: seeded mutations of valid requests for every operation, sent over raw HTTP. Whatever a client sends,
 * the answer is never a 5xx, every 4xx has a JSON body with {@code __type} and {@code message}, no request takes
 * long, and the table that only read requests point at is unchanged at the end.
 *
 * <p>{@code -Ddynamotest.fuzz.iterations=N} runs longer, {@code -Ddynamotest.fuzz.seed=S} replays another seed
 * (every failure names the seed, iteration, operation, mutations and body).
 */
class HostileInputFuzzTest {
    private static final long SEED = Long.getLong("dynamotest.fuzz.seed", 17L);
    private static final int ITERATIONS = Integer.getInteger("dynamotest.fuzz.iterations", 1500);
    /** A request slower than this is reported; more than {@link #MAX_SLOW_SHARE} of them, or one over 10 s, fails. */
    private static final long SLOW_MILLIS = 1000;
    private static final double MAX_SLOW_SHARE = 0.02;
    private static final long HARD_MAX_MILLIS = 10_000;

    /** Writes deeper documents than Jackson's default allows, so that the server's own depth limits are tried. */
    private static final Pattern JAVA_EXCEPTION =
        Pattern.compile("(java|javax|com\\.fasterxml|dev\\.dynamotest|io\\.undertow)\\.[\\w.$]*(Exception|Error)\\b|No enum constant");
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build()).build());
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static DynamoTestServer server;
    private static DynamoDbClient client;
    private static HttpClient http;
    private static String seededArn;
    private static String streamArn;

    @BeforeAll
    static void start() {
        server = DynamoTestServer.builder().port(0).start();
        client = ServerFixture.client(server.endpoint(), "us-east-1");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        for (String t : List.of("seeded", "scratch")) {
            client.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                    AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        }
        for (int i = 0; i < 20; i++) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("pk", AttributeValue.fromS("p" + (i % 4)));
            item.put("sk", AttributeValue.fromN(Integer.toString(i)));
            item.put("n", AttributeValue.fromN("1.5"));
            item.put("b", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromUtf8String("bytes" + i)));
            item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("2"))));
            item.put("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromSs(List.of("a", "b")))));
            client.putItem(b -> b.tableName("seeded").item(item));
            client.putItem(b -> b.tableName("scratch").item(item));
        }
        seededArn = client.describeTable(b -> b.tableName("seeded")).table().tableArn();
        streamArn = client.describeTable(b -> b.tableName("seeded")).table().latestStreamArn();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void mutatedRequestsAreAnsweredWithTheServicesErrorsAndChangeNothing() throws Exception {
        List<Map<String, AttributeValue>> before = seededItems();
        Map<String, String> templates = templates();
        Operations operations = Operations.standard();
        List<String> targets = new ArrayList<>();
        for (String op : operations.dynamodbOperations()) {
            targets.add("DynamoDB_20120810." + op);
        }
        for (String op : operations.streamsOperations()) {
            targets.add("DynamoDBStreams_20120810." + op);
        }
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            String target = targets.get(i % targets.size());
            String op = target.substring(target.indexOf('.') + 1);
            JsonNode request = MAPPER.readTree(templates.getOrDefault(op, "{\"TableName\":\"scratch\"}"));
            List<String> applied = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int k = 0; k < count; k++) {
                request = mutate(request, random, applied);
            }
            byte[] body = random.nextInt(50) == 0 ? rawMutation(MAPPER.writeValueAsBytes(request), random, applied)
                : MAPPER.writeValueAsBytes(request);
            String where = "seed " + SEED + " iteration " + i + " " + op + " " + applied;
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
                    .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.0")
                    .timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > SLOW_MILLIS) {
                slow.add(where + " took " + millis + " ms");
                assertThat(millis).as(where).isLessThan(HARD_MAX_MILLIS);
            }
            String problem = check(r);
            if (problem != null) {
                failures.add(where + ": " + problem + "\n    body: " + abbreviate(new String(body, StandardCharsets.UTF_8)));
            }
        }
        if (!slow.isEmpty()) {
            System.out.println("HostileInputFuzzTest: " + slow.size() + " slow requests:\n  " + String.join("\n  ", slow));
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
        assertThat(slow.size()).as("requests over %d ms, seed %d: %s", SLOW_MILLIS, SEED, slow)
            .isLessThanOrEqualTo(Math.max(3, (int) (ITERATIONS * MAX_SLOW_SHARE)));
        assertThat(seededItems()).as("the seeded table, read only by the templates, is unchanged").isEqualTo(before);
    }

    /** Null if the answer is acceptable, else what is wrong with it. */
    private static String check(HttpResponse<String> r) {
        if (r.statusCode() >= 500) {
            return "status " + r.statusCode() + " " + abbreviate(r.body());
        }
        if (r.statusCode() >= 400) {
            JsonNode error;
            try {
                error = MAPPER.readTree(r.body());
            } catch (Exception e) {
                return "status " + r.statusCode() + " with a body that is not JSON: " + abbreviate(r.body());
            }
            // the deserializer's SerializationException names its text "Message", as the service does
            JsonNode text = error == null ? null : error.has("Message") ? error.get("Message") : error.path("message");
            if (error == null || !error.path("__type").isTextual() || !text.isTextual()) {
                return "status " + r.statusCode() + " without __type and message: " + abbreviate(r.body());
            }
            String message = text.textValue();
            // the service's own texts may name a Java class ("Unrecognized collection type class java.lang.String"),
            // never an exception of ours
            if (JAVA_EXCEPTION.matcher(message).find()) {
                return "a Java exception text in the message: " + abbreviate(message);
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "...(" + s.length() + " chars)" : s;
    }

    private static List<Map<String, AttributeValue>> seededItems() {
        List<Map<String, AttributeValue>> items = new ArrayList<>(client.scan(b -> b.tableName("seeded").consistentRead(true)).items());
        items.sort(Comparator.comparing((Map<String, AttributeValue> m) -> m.get("pk").s()).thenComparing(m -> Integer.parseInt(m.get("sk").n())));
        return items;
    }

    // ---- mutations -------------------------------------------------------------------------------------------

    /** Applies one mutation at a random place of the tree; returns the (possibly new) root. */
    private static JsonNode mutate(JsonNode root, Random random, List<String> applied) throws IOException {
        List<String> paths = new ArrayList<>();
        List<JsonNode> parents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        collect(root, "", null, null, paths, parents, keys);
        int at = random.nextInt(paths.size());
        JsonNode parent = parents.get(at);
        String key = keys.get(at);
        String path = paths.get(at);
        int kind = random.nextInt(16);
        JsonNode replacement;
        String what;
        switch (kind) {
            case 0:
                if (parent != null) {
                    remove(parent, key);
                    applied.add("drop " + path);
                    return root;
                }
                replacement = F.objectNode();
                what = "empty object";
                break;
            case 1: replacement = F.nullNode(); what = "null"; break;
            case 2: replacement = F.numberNode(random.nextInt(3) == 0 ? -1 : random.nextInt(100_000)); what = "number"; break;
            case 3: replacement = F.textNode(""); what = "empty string"; break;
            case 4: replacement = F.textNode("x".repeat(random.nextInt(3) == 0 ? 500_000 : 70_000)); what = "huge string"; break;
            case 5: replacement = F.booleanNode(random.nextBoolean()); what = "boolean"; break;
            case 6: {
                ArrayNode a = F.arrayNode();
                a.add(F.objectNode().set("S", F.textNode("x")));
                replacement = a;
                what = "array";
                break;
            }
            case 7: replacement = F.objectNode().put("Unknown", "x"); what = "object"; break;
            case 8: replacement = deep(random.nextInt(3) == 0 ? 900 : 120, random.nextBoolean()); what = "deep nesting"; break;
            case 9: {
                String[] bad = {"1e999999999", "abc", "1".repeat(40), "9".repeat(20_000), "-", "1e", "0x10", "NaN", "Infinity", "1e-999999999",
                    "0." + "0".repeat(5000) + "1", ".", "+", "1.2.3", " 1"};
                replacement = F.objectNode().put("N", bad[random.nextInt(bad.length)]);
                what = "bad number";
                break;
            }
            case 10: {
                String[] bad = {"not base64!", "QUJD=", "QQ", "====", "Zm9v\u00e9", ""};
                replacement = F.objectNode().put(random.nextBoolean() ? "B" : "BS", bad[random.nextInt(bad.length)]);
                what = "bad base64";
                break;
            }
            case 11: replacement = F.textNode("NOT_AN_ENUM_VALUE"); what = "unknown enum"; break;
            case 12: {
                String[] odd = {"#", ":", "a.b[", "a[99999999999]", "SET a = :v, a = :v", "attribute_exists(", "\u0000", "\ud800",
                    "SELECT * FROM \"seeded\" WHERE pk = ?", "arn:aws:dynamodb:us-east-1:000000000000:table/", "*", "{}", "-1"};
                replacement = F.textNode(odd[random.nextInt(odd.length)]);
                what = "odd string";
                break;
            }
            case 13: {
                ArrayNode a = F.arrayNode();
                JsonNode copied = parent == null ? F.nullNode() : current(parent, key);
                int copies = MAPPER.writeValueAsString(copied).length() < 500 ? 1000 : 3; // bodies of megabytes, not gigabytes
                for (int i = 0; i < copies; i++) {
                    a.add(copied.deepCopy());
                }
                replacement = a;
                what = "array of " + copies + " copies";
                break;
            }
            case 14: replacement = F.numberNode(Long.MAX_VALUE); what = "long max"; break;
            default: replacement = F.numberNode(new java.math.BigDecimal("1e400")); what = "huge JSON number"; break;
        }
        applied.add(what + " at " + (path.isEmpty() ? "/" : path));
        if (parent == null) {
            return replacement;
        }
        set(parent, key, replacement);
        return root;
    }

    /** A raw-byte mutation: truncation, an invalid UTF-8 byte, or trailing garbage. */
    private static byte[] rawMutation(byte[] body, Random random, List<String> applied) {
        switch (random.nextInt(3)) {
            case 0:
                applied.add("truncated");
                return java.util.Arrays.copyOf(body, random.nextInt(body.length + 1));
            case 1: {
                byte[] b = body.clone();
                b[random.nextInt(b.length)] = (byte) 0xff;
                applied.add("invalid byte");
                return b;
            }
            default:
                applied.add("trailing garbage");
                byte[] b = java.util.Arrays.copyOf(body, body.length + 3);
                b[body.length] = '}';
                b[body.length + 1] = '{';
                b[body.length + 2] = 'x';
                return b;
        }
    }

    private static JsonNode deep(int depth, boolean objects) {
        JsonNode n = F.objectNode().put("S", "x");
        for (int i = 0; i < depth; i++) {
            n = objects ? F.objectNode().set("M", F.objectNode().set("a", n)) : F.arrayNode().add(n);
        }
        return n;
    }

    private static void collect(JsonNode node, String path, JsonNode parent, String key,
                                List<String> paths, List<JsonNode> parents, List<String> keys) {
        paths.add(path);
        parents.add(parent);
        keys.add(key);
        if (path.chars().filter(c -> c == '/').count() > 40) {
            return; // no mutation inside what a mutation nested deeply
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), path + "/" + e.getKey(), node, e.getKey(), paths, parents, keys));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, node, Integer.toString(i), paths, parents, keys);
            }
        }
    }

    private static JsonNode current(JsonNode parent, String key) {
        return parent.isObject() ? parent.get(key) : parent.get(Integer.parseInt(key));
    }

    private static void remove(JsonNode parent, String key) {
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(key);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(key));
        }
    }

    private static void set(JsonNode parent, String key, JsonNode value) {
        if (parent.isObject()) {
            ((ObjectNode) parent).set(key, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(key), value);
        }
    }

    // ---- valid requests: reads point at "seeded", writes and control-plane changes at "scratch" or at nothing -----

    private static Map<String, String> templates() {
        String key = "{\"pk\":{\"S\":\"p1\"},\"sk\":{\"N\":\"1\"}}";
        String item = "{\"pk\":{\"S\":\"p9\"},\"sk\":{\"N\":\"9\"},\"n\":{\"N\":\"1\"},\"s\":{\"SS\":[\"a\"]},\"b\":{\"B\":\"QUJD\"},"
            + "\"l\":{\"L\":[{\"NULL\":true},{\"BOOL\":true}]},\"m\":{\"M\":{\"x\":{\"NS\":[\"1\",\"2\"]}}}}";
        String scratchArn = seededArn.replace("/seeded", "/scratch");
        Map<String, String> t = new LinkedHashMap<>();
        t.put("CreateTable", "{\"TableName\":\"fuzz-new\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
            + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
            + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
            + "\"BillingMode\":\"PROVISIONED\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5},"
            + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gsi\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
            + "\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"n\"]},"
            + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}}],"
            + "\"LocalSecondaryIndexes\":[{\"IndexName\":\"lsi\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
            + "{\"AttributeName\":\"g\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}],"
            + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"KEYS_ONLY\"},"
            + "\"SSESpecification\":{\"Enabled\":true,\"SSEType\":\"KMS\"},\"TableClass\":\"STANDARD\",\"DeletionProtectionEnabled\":false,"
            + "\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}],\"OnDemandThroughput\":{\"MaxReadRequestUnits\":10}}");
        t.put("DescribeTable", "{\"TableName\":\"seeded\"}");
        t.put("DeleteTable", "{\"TableName\":\"fuzz-absent\"}");
        t.put("ListTables", "{\"ExclusiveStartTableName\":\"a\",\"Limit\":5}");
        t.put("UpdateTable", "{\"TableName\":\"scratch\",\"AttributeDefinitions\":[{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
            + "\"BillingMode\":\"PAY_PER_REQUEST\",\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"g2\","
            + "\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}}],"
            + "\"StreamSpecification\":{\"StreamEnabled\":false},\"TableClass\":\"STANDARD_INFREQUENT_ACCESS\"}");
        t.put("TagResource", "{\"ResourceArn\":\"" + scratchArn + "\",\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"}]}");
        t.put("UntagResource", "{\"ResourceArn\":\"" + scratchArn + "\",\"TagKeys\":[\"a\"]}");
        t.put("ListTagsOfResource", "{\"ResourceArn\":\"" + seededArn + "\",\"NextToken\":\"x\"}");
        t.put("UpdateTimeToLive", "{\"TableName\":\"scratch\",\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"ttl\"}}");
        t.put("DescribeTimeToLive", "{\"TableName\":\"seeded\"}");
        t.put("CreateBackup", "{\"TableName\":\"scratch\",\"BackupName\":\"b1\"}");
        t.put("DescribeBackup", "{\"BackupArn\":\"" + scratchArn + "/backup/01234567890123-abcdefgh\"}");
        t.put("ListBackups", "{\"TableName\":\"seeded\",\"Limit\":3,\"TimeRangeLowerBound\":0,\"TimeRangeUpperBound\":2000000000,\"BackupType\":\"ALL\"}");
        t.put("DeleteBackup", "{\"BackupArn\":\"" + scratchArn + "/backup/01234567890123-abcdefgh\"}");
        t.put("RestoreTableFromBackup", "{\"TargetTableName\":\"fuzz-restored\",\"BackupArn\":\"" + scratchArn + "/backup/01234567890123-abcdefgh\","
            + "\"BillingModeOverride\":\"PAY_PER_REQUEST\"}");
        t.put("DescribeContinuousBackups", "{\"TableName\":\"seeded\"}");
        t.put("UpdateContinuousBackups", "{\"TableName\":\"scratch\",\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true,"
            + "\"RecoveryPeriodInDays\":7}}");
        t.put("RestoreTableToPointInTime", "{\"SourceTableName\":\"scratch\",\"TargetTableName\":\"fuzz-pitr\",\"UseLatestRestorableTime\":true,"
            + "\"RestoreDateTime\":1700000000}");
        t.put("DescribeContributorInsights", "{\"TableName\":\"seeded\",\"IndexName\":\"x\"}");
        t.put("UpdateContributorInsights", "{\"TableName\":\"scratch\",\"ContributorInsightsAction\":\"ENABLE\",\"ContributorInsightsMode\":\"ACCESSED_AND_THROTTLED_KEYS\"}");
        t.put("ListContributorInsights", "{\"TableName\":\"seeded\",\"MaxResults\":5}");
        t.put("PutResourcePolicy", "{\"ResourceArn\":\"" + scratchArn + "\",\"Policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":"
            + "\\\"Deny\\\",\\\"Principal\\\":{\\\"AWS\\\":\\\"arn:aws:iam::111122223333:root\\\"},\\\"Action\\\":\\\"dynamodb:GetItem\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}");
        t.put("GetResourcePolicy", "{\"ResourceArn\":\"" + seededArn + "\"}");
        t.put("DeleteResourcePolicy", "{\"ResourceArn\":\"" + scratchArn + "\",\"ExpectedRevisionId\":\"1\"}");
        t.put("DescribeLimits", "{}");
        t.put("DescribeEndpoints", "{}");
        t.put("PutItem", "{\"TableName\":\"scratch\",\"Item\":" + item + ",\"ConditionExpression\":\"attribute_not_exists(#p) OR #n < :v\","
            + "\"ExpressionAttributeNames\":{\"#p\":\"pk\",\"#n\":\"n\"},\"ExpressionAttributeValues\":{\":v\":{\"N\":\"5\"}},"
            + "\"ReturnValues\":\"ALL_OLD\",\"ReturnConsumedCapacity\":\"TOTAL\",\"ReturnItemCollectionMetrics\":\"SIZE\","
            + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}");
        t.put("GetItem", "{\"TableName\":\"seeded\",\"Key\":" + key + ",\"ConsistentRead\":true,\"ProjectionExpression\":\"#l[0], m.k, n\","
            + "\"ExpressionAttributeNames\":{\"#l\":\"l\"},\"ReturnConsumedCapacity\":\"INDEXES\"}");
        t.put("DeleteItem", "{\"TableName\":\"scratch\",\"Key\":" + key + ",\"ConditionExpression\":\"size(l) > :z\","
            + "\"ExpressionAttributeValues\":{\":z\":{\"N\":\"0\"}},\"ReturnValues\":\"ALL_OLD\"}");
        t.put("UpdateItem", "{\"TableName\":\"scratch\",\"Key\":" + key + ",\"UpdateExpression\":\"SET n = n + :one, l = list_append(l, :l), "
            + "#x = if_not_exists(#x, :s) REMOVE m.k ADD c :one DELETE s :ss\",\"ConditionExpression\":\"begins_with(pk, :p) AND contains(l, :s)\","
            + "\"ExpressionAttributeNames\":{\"#x\":\"x\"},\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":l\":{\"L\":[{\"S\":\"y\"}]},"
            + "\":s\":{\"S\":\"x\"},\":ss\":{\"SS\":[\"a\"]},\":p\":{\"S\":\"p\"}},\"ReturnValues\":\"UPDATED_NEW\"}");
        t.put("Query", "{\"TableName\":\"seeded\",\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :a AND :b\","
            + "\"FilterExpression\":\"attribute_type(n, :t) AND NOT (n IN (:a, :b))\",\"ProjectionExpression\":\"pk, sk, l[1]\","
            + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p1\"},\":a\":{\"N\":\"0\"},\":b\":{\"N\":\"100\"},\":t\":{\"S\":\"N\"}},"
            + "\"Limit\":3,\"ScanIndexForward\":false,\"Select\":\"SPECIFIC_ATTRIBUTES\","
            + "\"ExclusiveStartKey\":{\"pk\":{\"S\":\"p1\"},\"sk\":{\"N\":\"50\"}},\"ReturnConsumedCapacity\":\"TOTAL\"}");
        t.put("Scan", "{\"TableName\":\"seeded\",\"FilterExpression\":\"n >= :v OR size(m) = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}},"
            + "\"Segment\":0,\"TotalSegments\":2,\"Limit\":7,\"Select\":\"ALL_ATTRIBUTES\",\"ConsistentRead\":false}");
        t.put("BatchGetItem", "{\"RequestItems\":{\"seeded\":{\"Keys\":[" + key + ",{\"pk\":{\"S\":\"p2\"},\"sk\":{\"N\":\"2\"}}],"
            + "\"ProjectionExpression\":\"pk, n\",\"ConsistentRead\":true}},\"ReturnConsumedCapacity\":\"TOTAL\"}");
        t.put("BatchWriteItem", "{\"RequestItems\":{\"scratch\":[{\"PutRequest\":{\"Item\":" + item + "}},"
            + "{\"DeleteRequest\":{\"Key\":" + key + "}}]},\"ReturnItemCollectionMetrics\":\"SIZE\"}");
        t.put("TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"scratch\",\"Item\":" + item + "}},"
            + "{\"Update\":{\"TableName\":\"scratch\",\"Key\":" + key + ",\"UpdateExpression\":\"SET n = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"3\"}}}},"
            + "{\"ConditionCheck\":{\"TableName\":\"scratch\",\"Key\":{\"pk\":{\"S\":\"p2\"},\"sk\":{\"N\":\"2\"}},\"ConditionExpression\":\"attribute_exists(pk)\"}},"
            + "{\"Delete\":{\"TableName\":\"scratch\",\"Key\":{\"pk\":{\"S\":\"p3\"},\"sk\":{\"N\":\"3\"}}}}],"
            + "\"ClientRequestToken\":\"tok\",\"ReturnConsumedCapacity\":\"INDEXES\"}");
        t.put("TransactGetItems", "{\"TransactItems\":[{\"Get\":{\"TableName\":\"seeded\",\"Key\":" + key + ",\"ProjectionExpression\":\"n\"}}],"
            + "\"ReturnConsumedCapacity\":\"TOTAL\"}");
        t.put("ExecuteStatement", "{\"Statement\":\"SELECT pk, n FROM \\\"seeded\\\" WHERE pk = ? AND sk > ?\","
            + "\"Parameters\":[{\"S\":\"p1\"},{\"N\":\"0\"}],\"ConsistentRead\":true,\"Limit\":2}");
        t.put("BatchExecuteStatement", "{\"Statements\":[{\"Statement\":\"SELECT * FROM \\\"seeded\\\" WHERE pk = ? AND sk = ?\","
            + "\"Parameters\":[{\"S\":\"p1\"},{\"N\":\"1\"}]},{\"Statement\":\"UPDATE \\\"scratch\\\" SET n = 4 WHERE pk = 'p1' AND sk = 1\"}]}");
        t.put("ExecuteTransaction", "{\"TransactStatements\":[{\"Statement\":\"INSERT INTO \\\"scratch\\\" VALUE {'pk': ?, 'sk': 77}\","
            + "\"Parameters\":[{\"S\":\"new\"}]},{\"Statement\":\"DELETE FROM \\\"scratch\\\" WHERE pk = 'p0' AND sk = 0\"}],\"ClientRequestToken\":\"t2\"}");
        t.put("ListStreams", "{\"TableName\":\"seeded\",\"Limit\":2,\"ExclusiveStartStreamArn\":\"" + streamArn + "\"}");
        t.put("DescribeStream", "{\"StreamArn\":\"" + streamArn + "\",\"Limit\":10}");
        t.put("GetShardIterator", "{\"StreamArn\":\"" + streamArn + "\",\"ShardId\":\"shardId-00000000000000000000-00000000\","
            + "\"ShardIteratorType\":\"AFTER_SEQUENCE_NUMBER\",\"SequenceNumber\":\"100000000000000000001\"}");
        t.put("GetRecords", "{\"ShardIterator\":\"" + streamArn + "|1|AAAA\",\"Limit\":10}");
        return t;
    }
}
