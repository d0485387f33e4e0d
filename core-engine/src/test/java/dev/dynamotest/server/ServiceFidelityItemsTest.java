package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Items and expressions as the service answers them where DynamoDB Local answers otherwise (issue 16): updates that
 * only delete, UPDATED_OLD / UPDATED_NEW, list appends, nesting limits, attribute-name lengths, legacy parameters
 * and the service's wording, through the SDK v2 client over HTTP.
 */
class ServiceFidelityItemsTest {
    static DynamoDbClient db;
    static DynamoDbStreamsClient streams;
    static String table;     // pk S
    static String composite; // pk S, sk N

    @BeforeAll
    static void setUp() {
        db = ServerFixture.client();
        table = ServerFixture.createTable("fid-items", ScalarAttributeType.S, null);
        composite = ServerFixture.createTable("fid-items2", ScalarAttributeType.S, ScalarAttributeType.N);
        streams = DynamoDbStreamsClient.builder().endpointOverride(ServerFixture.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    static Map<String, AttributeValue> get(String t, String pk) {
        return db.getItem(b -> b.tableName(t).key(key(pk)).consistentRead(true)).item();
    }

    static UpdateItemResponse update(String pk, String expression, Map<String, AttributeValue> values, ReturnValue rv) {
        return db.updateItem(b -> b.tableName(table).key(key(pk)).updateExpression(expression)
            .expressionAttributeValues(values.isEmpty() ? null : values).returnValues(rv));
    }

    static void assertValidation(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    static List<Record> records(String t) {
        String arn = db.describeTable(b -> b.tableName(t)).table().latestStreamArn();
        List<Record> out = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
            String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            out.addAll(streams.getRecords(b -> b.shardIterator(it)).records());
        }
        return out;
    }

    // ------------------------------------------------------------------ updates that only delete

    @Test
    void anUpdateThatOnlyDeletesCreatesNoItemAndNoStreamRecord() {
        String t = ServerFixture.uniqueName("fid-stream");
        db.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(k -> k.attributeName("pk").keyType("HASH"))
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));

        UpdateItemResponse removeOnly = db.updateItem(b -> b.tableName(t).key(key("r")).updateExpression("REMOVE a, b.c")
            .returnValues(ReturnValue.ALL_NEW));
        assertThat(removeOnly.hasAttributes()).isFalse();
        assertThat(get(t, "r")).isEmpty();

        UpdateItemResponse deleteOnly = db.updateItem(b -> b.tableName(t).key(key("d")).updateExpression("DELETE s :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromSs(List.of("x")))).returnValues(ReturnValue.ALL_NEW));
        assertThat(deleteOnly.hasAttributes()).isFalse();
        assertThat(get(t, "d")).isEmpty();

        UpdateItemResponse legacyDelete = db.updateItem(b -> b.tableName(t).key(key("l")).returnValues(ReturnValue.ALL_NEW)
            .attributeUpdates(Map.of("a", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build(),
                "b", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build())));
        assertThat(legacyDelete.hasAttributes()).isFalse();
        assertThat(get(t, "l")).isEmpty();
        assertThat(records(t)).isEmpty();

        // no actions at all: the key-only item is created; a SET creates the item as always
        UpdateItemResponse none = db.updateItem(b -> b.tableName(t).key(key("none")).returnValues(ReturnValue.ALL_NEW));
        assertThat(none.attributes()).isEqualTo(key("none"));
        assertThat(get(t, "none")).isEqualTo(key("none"));
        db.updateItem(b -> b.tableName(t).key(key("set")).updateExpression("SET a = :v REMOVE b")
            .expressionAttributeValues(Map.of(":v", n("1"))));
        assertThat(get(t, "set")).isEqualTo(Map.of("pk", s("set"), "a", n("1")));
        assertThat(records(t)).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("none", "set");

        // a transaction's Update follows the same rule
        db.transactWriteItems(b -> b.transactItems(i -> i.update(u -> u.tableName(t).key(key("tx")).updateExpression("REMOVE a"))));
        assertThat(get(t, "tx")).isEmpty();
        assertThat(records(t)).hasSize(2);
    }

    @Test
    void anUpdateThatOnlyDeletesStillChecksItsCondition() {
        assertThatThrownBy(() -> db.updateItem(b -> b.tableName(table).key(key("cond-absent")).updateExpression("REMOVE a")
            .conditionExpression("attribute_exists(pk)")))
            .isInstanceOfSatisfying(DynamoDbException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConditionalCheckFailedException"));
        assertThat(get(table, "cond-absent")).isEmpty();
    }

    // ------------------------------------------------------------------ UPDATED_OLD / UPDATED_NEW

    @Test
    void updatedOldAndNewReturnOnlyTheTouchedPathsNested() {
        db.putItem(b -> b.tableName(table).item(Map.of("pk", s("paths"),
            "a", AttributeValue.fromM(Map.of("b", n("1"), "c", n("2"))),
            "l", AttributeValue.fromL(List.of(s("x"), s("y"), s("z"), s("w"))),
            "m", AttributeValue.fromM(Map.of("gone", s("old"), "kept", s("k"))),
            "top", n("7"))));

        UpdateItemResponse old = update("paths", "SET a.b = :v, l[2] = :e REMOVE m.gone",
            Map.of(":v", n("10"), ":e", s("Z")), ReturnValue.UPDATED_OLD);
        assertThat(old.attributes()).isEqualTo(Map.of(
            "a", AttributeValue.fromM(Map.of("b", n("1"))),
            "l", AttributeValue.fromL(List.of(s("z"))),
            "m", AttributeValue.fromM(Map.of("gone", s("old")))));

        UpdateItemResponse updatedNew = update("paths", "SET a.c = :v, l[0] = :e, top = top + :one",
            Map.of(":v", n("20"), ":e", s("X"), ":one", n("1")), ReturnValue.UPDATED_NEW);
        assertThat(updatedNew.attributes()).isEqualTo(Map.of(
            "a", AttributeValue.fromM(Map.of("c", n("20"))),
            "l", AttributeValue.fromL(List.of(s("X"))),
            "top", n("8")));
    }

    // ------------------------------------------------------------------ list appends

    @Test
    void severalSetsPastTheEndOfAListAppendInIndexOrder() {
        db.putItem(b -> b.tableName(table).item(Map.of("pk", s("append"), "l", AttributeValue.fromL(List.of(s("0"))))));
        UpdateItemResponse r = update("append", "SET l[9] = :c, l[5] = :b, l[3] = :a",
            Map.of(":a", s("a"), ":b", s("b"), ":c", s("c")), ReturnValue.ALL_NEW);
        assertThat(r.attributes().get("l").l()).containsExactly(s("0"), s("a"), s("b"), s("c"));
    }

    // ------------------------------------------------------------------ nesting limits

    /** A map value nesting {@code levels} maps (1: a map of a string). */
    static AttributeValue nestedMaps(int levels) {
        AttributeValue v = s("leaf");
        for (int i = 0; i < levels; i++) {
            v = AttributeValue.fromM(Map.of("k", v));
        }
        return v;
    }

    @Test
    void itemsNestedDeeperThan32LevelsAreRejected() {
        String tooDeep = "Nesting Levels have exceeded supported limits";
        db.putItem(b -> b.tableName(table).item(Map.of("pk", s("deep32"), "m", nestedMaps(32))));
        assertThat(get(table, "deep32").get("m")).isEqualTo(nestedMaps(32));
        assertValidation(() -> db.putItem(b -> b.tableName(table).item(Map.of("pk", s("deep33"), "m", nestedMaps(33)))), tooDeep);
        assertThat(get(table, "deep33")).isEmpty();
        // lists count as maps do
        AttributeValue lists = s("leaf");
        for (int i = 0; i < 33; i++) {
            lists = AttributeValue.fromL(List.of(lists));
        }
        AttributeValue deepList = lists;
        assertValidation(() -> db.putItem(b -> b.tableName(table).item(Map.of("pk", s("deepl"), "l", deepList))), tooDeep);
        // an update that would nest a value below a path past the limit
        assertValidation(() -> update("deep32", "SET m.k2 = :v", Map.of(":v", nestedMaps(32)), ReturnValue.NONE), tooDeep);
        update("deep32", "SET m.k2 = :v", Map.of(":v", nestedMaps(31)), ReturnValue.NONE);
    }

    static String raw(String target, String body) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(ServerFixture.endpoint().toString() + "/").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
        c.setRequestProperty("X-Amz-Target", "DynamoDB_20120810." + target);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        return status + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void tenThousandLevelsOfJsonOrOfParenthesesAnswerValidationException() throws Exception {
        // sent as raw JSON: the SDK's own marshaller would not survive this depth
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            deep.append("{\"M\":{\"k\":");
        }
        deep.append("{\"S\":\"leaf\"}");
        for (int i = 0; i < 10_000; i++) {
            deep.append("}}");
        }
        String put = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"json-deep\"},\"m\":" + deep + "}}";
        assertThat(raw("PutItem", put)).isEqualTo("400 {\"__type\":\"com.amazon.coral.validate#ValidationException\","
            + "\"message\":\"Nesting Levels have exceeded supported limits\"}");

        String parens = "(".repeat(10_000) + "attribute_exists(a)" + ")".repeat(10_000);
        assertValidation(() -> db.putItem(b -> b.tableName(table).item(key("paren-deep")).conditionExpression(parens)),
            "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 20019");
        // within the 4 KB limit, past the parser's nesting bound: what the service says of such an expression
        String within = "(".repeat(2_000) + "a = :v" + ")".repeat(2_000);
        assertValidation(() -> db.putItem(b -> b.tableName(table).item(key("paren-deep")).conditionExpression(within)
            .expressionAttributeValues(Map.of(":v", n("1")))),
            "Invalid ConditionExpression: The expression has redundant parentheses;");
        String nots = "NOT ".repeat(1_010) + "a = :v";
        assertValidation(() -> db.scan(b -> b.tableName(table).filterExpression(nots)
            .expressionAttributeValues(Map.of(":v", n("1")))),
            "Invalid FilterExpression: The expression contains too many operators; operator count: 301");
        String partiql = "SELECT * FROM \"" + table + "\" WHERE " + "(".repeat(2_000) + "a = 1" + ")".repeat(2_000);
        assertValidation(() -> db.executeStatement(b -> b.statement(partiql)), "Nesting Levels have exceeded supported limits");
        String partiqlValue = "INSERT INTO \"" + table + "\" VALUE {'pk': 'pq-deep', 'm': " + "[".repeat(33) + "1"
            + "]".repeat(33) + "}";
        assertValidation(() -> db.executeStatement(b -> b.statement(partiqlValue)), "Nesting Levels have exceeded supported limits");
        assertThat(get(table, "pq-deep")).isEmpty();
    }

    // ------------------------------------------------------------------ attribute names

    @Test
    void attributeNamesUpTo65535BytesAreAccepted() {
        String longest = "n".repeat(65_535);
        db.putItem(b -> b.tableName(table).item(Map.of("pk", s("names"), longest, s("v"),
            "m", AttributeValue.fromM(Map.of(longest, n("1"))))));
        Map<String, AttributeValue> got = get(table, "names");
        assertThat(got.get(longest)).isEqualTo(s("v"));
        assertThat(got.get("m").m()).containsKey(longest);

        String tooLong = "One or more parameter values were invalid: Attribute name size has exceeded the maximum size limit of 65535 bytes";
        assertValidation(() -> db.putItem(b -> b.tableName(table).item(Map.of("pk", s("names2"), longest + "n", s("v")))), tooLong);
        // counted in UTF-8 bytes: 21,846 three-byte characters are 65,538 bytes
        assertValidation(() -> db.putItem(b -> b.tableName(table).item(Map.of("pk", s("names2"),
            "\u20ac".repeat(21_846), s("v")))), tooLong);
        assertThat(get(table, "names2")).isEmpty();
    }

    // ------------------------------------------------------------------ legacy parameters

    @Test
    void keyConditionsGoWithFilterAndProjectionExpressions() {
        for (int i = 1; i <= 3; i++) {
            String sk = Integer.toString(i);
            db.putItem(b -> b.tableName(composite).item(Map.of("pk", s("kc"), "sk", n(sk), "v", n(sk), "w", s("w" + sk))));
        }
        QueryResponse r = db.query(b -> b.tableName(composite)
            .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("kc")).build()))
            .filterExpression("v > :one").projectionExpression("sk, w").expressionAttributeValues(Map.of(":one", n("1"))));
        assertThat(r.items()).containsExactly(Map.of("sk", n("2"), "w", s("w2")), Map.of("sk", n("3"), "w", s("w3")));

        // the pairs the service pairs are still refused, in its order
        assertValidation(() -> db.query(b -> b.tableName(composite)
            .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("kc")).build()))
            .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("kc")))),
            "Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}");
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditionExpression("pk = :p")
            .queryFilter(Map.of("v", Condition.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build()))
            .attributesToGet("v").projectionExpression("w").expressionAttributeValues(Map.of(":p", s("kc")))),
            "Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {AttributesToGet, QueryFilter} "
                + "Expression parameters: {ProjectionExpression, KeyConditionExpression}");
        assertValidation(() -> db.scan(b -> b.tableName(composite).filterExpression("attribute_exists(v)")
            .scanFilter(Map.of("v", Condition.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build()))),
            "Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {ScanFilter} Expression parameters: {FilterExpression}");
        assertValidation(() -> db.updateItem(b -> b.tableName(table).key(key("mix")).updateExpression("SET a = :v")
            .expressionAttributeValues(Map.of(":v", n("1")))
            .attributeUpdates(Map.of("b", AttributeValueUpdate.builder().value(n("1")).build()))),
            "Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}");
    }

    @Test
    void anInListOfMixedTypesIsRejected() {
        String mixed = "One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type";
        assertValidation(() -> db.putItem(b -> b.tableName(table).item(key("in-mixed"))
            .expected(Map.of("a", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.IN)
                .attributeValueList(s("x"), n("1")).build()))), mixed);
        assertValidation(() -> db.query(b -> b.tableName(composite)
            .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("kc")).build()))
            .queryFilter(Map.of("v", Condition.builder().comparisonOperator(ComparisonOperator.IN)
                .attributeValueList(n("1"), s("1")).build()))), mixed);
        // one type, several values: accepted
        db.putItem(b -> b.tableName(table).item(key("in-ok"))
            .expected(Map.of("a", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NULL).build())));
        assertThat(get(table, "in-ok")).isEqualTo(key("in-ok"));
    }

    @Test
    void expectedTakesAValueWithAComparisonOperatorAndNamesWhatCannotGoTogether() {
        db.putItem(b -> b.tableName(table).item(Map.of("pk", s("exp"), "a", n("5"))));
        db.putItem(b -> b.tableName(table).item(Map.of("pk", s("exp"), "a", n("6")))
            .expected(Map.of("a", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.EQ).value(n("5")).build())));
        assertThat(get(table, "exp").get("a")).isEqualTo(n("6"));
        String invalid = "One or more parameter values were invalid: ";
        assertValidation(() -> db.putItem(b -> b.tableName(table).item(key("exp"))
            .expected(Map.of("a", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.EQ).exists(true)
                .value(n("6")).build()))), invalid + "Exists and ComparisonOperator cannot be used together for Attribute: a");
        assertValidation(() -> db.putItem(b -> b.tableName(table).item(key("exp"))
            .expected(Map.of("a", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.EQ).value(n("6"))
                .attributeValueList(n("6")).build()))), invalid + "Value and AttributeValueList cannot be used together for Attribute: a");
        assertValidation(() -> db.putItem(b -> b.tableName(table).item(key("exp"))
            .expected(Map.of("a", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.GT).build()))),
            invalid + "Value or AttributeValueList must be used with ComparisonOperator: GT for Attribute: a");
        assertThat(get(table, "exp").get("a")).isEqualTo(n("6"));
    }

    @Test
    void conditionalOperatorWithoutConditionsIsRejected() {
        String alone = "ConditionalOperator can only be used when Filter or Expected conditions have been specified";
        assertValidation(() -> db.putItem(b -> b.tableName(table).item(key("co")).expected(Map.of())
            .conditionalOperator(ConditionalOperator.AND)), alone);
        assertValidation(() -> db.deleteItem(b -> b.tableName(table).key(key("co")).conditionalOperator(ConditionalOperator.OR)), alone);
        assertValidation(() -> db.scan(b -> b.tableName(table).scanFilter(Map.of()).conditionalOperator(ConditionalOperator.OR)), alone);
        assertThat(get(table, "co")).isEmpty();
    }

    // ------------------------------------------------------------------ the service's wording

    @Test
    void legacyAddAndDeleteOnAnotherTypeSpeakOfATypeMismatch() {
        db.putItem(b -> b.tableName(table).item(Map.of("pk", s("mismatch"), "str", s("text"), "num", n("1"))));
        String mismatch = "Type mismatch for attribute to update";
        assertValidation(() -> db.updateItem(b -> b.tableName(table).key(key("mismatch"))
            .attributeUpdates(Map.of("str", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("1")).build()))), mismatch);
        assertValidation(() -> db.updateItem(b -> b.tableName(table).key(key("mismatch"))
            .attributeUpdates(Map.of("num", AttributeValueUpdate.builder().action(AttributeAction.DELETE)
                .value(AttributeValue.fromSs(List.of("a"))).build()))), mismatch);
        assertValidation(() -> db.updateItem(b -> b.tableName(table).key(key("mismatch"))
            .attributeUpdates(Map.of("num", AttributeValueUpdate.builder().action(AttributeAction.ADD)
                .value(AttributeValue.fromL(List.of(s("x")))).build()))), mismatch);
        // in an update expression the service speaks of an operand
        assertValidation(() -> update("mismatch", "ADD str :one", Map.of(":one", n("1")), ReturnValue.NONE),
            "An operand in the update expression has an incorrect data type");
        assertValidation(() -> update("mismatch", "DELETE num :s", Map.of(":s", AttributeValue.fromSs(List.of("a"))), ReturnValue.NONE),
            "An operand in the update expression has an incorrect data type");
    }

    @Test
    void aKeyConditionOnANestedPathSaysNestedAttributesAreNotSupported() {
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditionExpression("pk = :p AND sk.x = :v")
            .expressionAttributeValues(Map.of(":p", s("kc"), ":v", n("1")))),
            "KeyConditionExpressions cannot have conditions on nested attributes");
        Map<String, AttributeValue> values = Map.of(":p", s("kc"), ":v", n("1"));
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditionExpression("pk = :p AND sk = pk")
            .expressionAttributeValues(Map.of(":p", s("kc")))),
            "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditionExpression("pk = :p AND :v = :v")
            .expressionAttributeValues(values)),
            "Invalid condition in KeyConditionExpression: No key attribute specified");
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditionExpression("pk = :p AND :v BETWEEN sk AND :v")
            .expressionAttributeValues(values)),
            "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditionExpression("pk = :p AND size(sk) > :v")
            .expressionAttributeValues(values)),
            "KeyConditionExpressions cannot contain nested operations");
    }

    static Condition eq(AttributeValue v) {
        return Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(v).build();
    }

    @Test
    void keyConditionsAreCheckedAgainstTheKeySchemaInTheServicesOrder() {
        Map<String, AttributeValue> values = Map.of(":p", s("kc"), ":v", n("1"));
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditionExpression("pk = :p AND x = :v")
            .expressionAttributeValues(values)), "Query condition missed key schema element: sk");
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditionExpression("x = :v")
            .expressionAttributeValues(Map.of(":v", n("1")))), "Query condition missed key schema element: pk");
        assertValidation(() -> db.query(b -> b.tableName(table).keyConditionExpression("pk = :p AND x = :v")
            .expressionAttributeValues(values)), "Query key condition not supported");
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditionExpression("pk = :p AND sk > :v AND x = :v")
            .expressionAttributeValues(values)), "Conditions can be of length 1 or 2 only");
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditionExpression("pk > :p")
            .expressionAttributeValues(Map.of(":p", s("kc")))), "Query key condition not supported");
        // legacy KeyConditions
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditions(Map.of())), "Conditions can be of length 1 or 2 only");
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditions(Map.of("pk", eq(s("kc")), "sk", eq(n("1")),
            "x", eq(n("1"))))), "Conditions can be of length 1 or 2 only");
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditions(Map.of("pk",
            Condition.builder().comparisonOperator(ComparisonOperator.NE).attributeValueList(s("kc")).build()))),
            "Attempted conditional constraint is not an indexable operation");
        assertValidation(() -> db.query(b -> b.tableName(composite).keyConditions(Map.of("pk", eq(n("1"))))),
            "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }

    @Test
    void numberOverflowInArithmeticNamesTheRange() {
        String max = "9.9999999999999999999999999999999999999E+125";
        db.putItem(b -> b.tableName(table).item(Map.of("pk", s("big"), "n", n(max))));
        String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
        assertValidation(() -> update("big", "SET n = n + :v", Map.of(":v", n(max)), ReturnValue.NONE), overflow);
        assertValidation(() -> update("big", "ADD n :v", Map.of(":v", n(max)), ReturnValue.NONE), overflow);
        assertValidation(() -> update("big", "SET n = :v - n", Map.of(":v", n("-" + max)), ReturnValue.NONE), overflow);
        assertThat(new BigDecimal(get(table, "big").get("n").n())).isEqualByComparingTo(max);
    }
}
