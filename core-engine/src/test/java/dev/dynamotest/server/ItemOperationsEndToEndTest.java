package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** PutItem, GetItem, UpdateItem, DeleteItem with expressions, through the SDK v2 client over HTTP. */
class ItemOperationsEndToEndTest {
    static DynamoDbClient db;
    static String table;     // pk S
    static String composite; // pk S, sk N

    @BeforeAll
    static void tables() {
        db = ServerFixture.client();
        table = ServerFixture.createTable("items", ScalarAttributeType.S, null);
        composite = ServerFixture.createTable("items2", ScalarAttributeType.S, ScalarAttributeType.N);
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

    static Map<String, AttributeValue> get(String pk) {
        return db.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true)).item();
    }

    static void put(Map<String, AttributeValue> item) {
        db.putItem(b -> b.tableName(table).item(item));
    }

    static Map<String, AttributeValue> item(Object... kv) {
        Map<String, AttributeValue> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (AttributeValue) kv[i + 1]);
        }
        return m;
    }

    static UpdateItemResponse update(String pk, String expression, Map<String, AttributeValue> values) {
        return db.updateItem(b -> b.tableName(table).key(key(pk)).updateExpression(expression)
            .expressionAttributeValues(values.isEmpty() ? null : values).returnValues(ReturnValue.ALL_NEW));
    }

    // ------------------------------------------------------------------ data model

    @Test
    void storesAndReturnsEveryAttributeType() {
        Map<String, AttributeValue> item = item("pk", s("types"),
            "s", s("text"), "n", n("01.50"), "b", AttributeValue.fromB(SdkBytes.fromUtf8String("bin")),
            "bool", AttributeValue.fromBool(true), "null", AttributeValue.fromNul(true),
            "m", AttributeValue.fromM(Map.of("inner", s("x"), "num", n("1E+2"))),
            "l", AttributeValue.fromL(List.of(s("a"), n("2"), AttributeValue.fromBool(false))),
            "ss", AttributeValue.fromSs(List.of("x", "y")), "ns", AttributeValue.fromNs(List.of("1", "2.5")),
            "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("a"), SdkBytes.fromUtf8String("b"))),
            "empty", s(""));
        put(item);
        Map<String, AttributeValue> got = get("types");
        assertThat(got.get("n")).isEqualTo(n("1.5"));
        assertThat(got.get("m").m()).containsEntry("num", n("100"));
        assertThat(got.get("b").b().asUtf8String()).isEqualTo("bin");
        assertThat(got.get("ss").ss()).containsExactlyInAnyOrder("x", "y");
        assertThat(got.get("ns").ns()).containsExactlyInAnyOrder("1", "2.5");
        assertThat(got.get("bs").bs()).hasSize(2);
        assertThat(got.get("l").l()).containsExactly(s("a"), n("2"), AttributeValue.fromBool(false));
        assertThat(got.get("null").nul()).isTrue();
        assertThat(got.get("empty").s()).isEmpty();
        assertThat(got).hasSize(item.size());
    }

    @Test
    void rejectsInvalidNumbers() {
        assertThatThrownBy(() -> put(item("pk", s("num"), "n", n("abc"))))
            .isInstanceOf(DynamoDbException.class)
            .hasMessageStartingWith("The parameter cannot be converted to a numeric value: abc");
        assertThatThrownBy(() -> put(item("pk", s("num"), "n", n("1" + "0".repeat(38) + "1"))))
            .hasMessageStartingWith("Attempting to store more than 38 significant digits in a Number");
        assertThatThrownBy(() -> put(item("pk", s("num"), "n", n("1E126"))))
            .hasMessageStartingWith("Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertThatThrownBy(() -> put(item("pk", s("num"), "n", n("1E-131"))))
            .hasMessageStartingWith("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        assertThat(db.getItem(b -> b.tableName(table).key(key("num"))).hasItem()).isFalse();
    }

    @Test
    void rejectsBadSetsAndKeys() {
        assertThatThrownBy(() -> put(item("pk", s("set"), "ss", AttributeValue.fromSs(List.of("a", "a")))))
            .hasMessageStartingWith("One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
        assertThatThrownBy(() -> put(item("pk", s(""))))
            .hasMessageStartingWith("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
        assertThatThrownBy(() -> put(item("other", s("x"))))
            .hasMessageStartingWith("One or more parameter values were invalid: Missing the key pk in the item");
        assertThatThrownBy(() -> put(item("pk", n("1"))))
            .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
        assertThatThrownBy(() -> db.getItem(b -> b.tableName(table).key(item("pk", s("a"), "extra", s("b")))))
            .hasMessageStartingWith("The provided key element does not match the schema");
        assertThatThrownBy(() -> db.getItem(b -> b.tableName(composite).key(key("a"))))
            .hasMessageStartingWith("The provided key element does not match the schema");
    }

    @Test
    void rejectsOversizeItems() {
        String big = "x".repeat(400 * 1024);
        assertThatThrownBy(() -> put(item("pk", s("big"), "v", s(big))))
            .isInstanceOf(DynamoDbException.class)
            .hasMessageStartingWith("Item size has exceeded the maximum allowed size");
        put(item("pk", s("big"), "v", s("x".repeat(300 * 1024))));
        assertThatThrownBy(() -> update("big", "SET w = :w", Map.of(":w", s("y".repeat(150 * 1024)))))
            .hasMessageStartingWith("Item size to update has exceeded the maximum allowed size");
        assertThat(get("big")).doesNotContainKey("w");
    }

    @Test
    void missingTableIsResourceNotFound() {
        assertThatThrownBy(() -> db.putItem(b -> b.tableName("does-not-exist").item(key("a"))))
            .isInstanceOf(ResourceNotFoundException.class)
            .hasMessageStartingWith("Requested resource not found");
        assertThatThrownBy(() -> db.updateItem(b -> b.tableName("does-not-exist").key(key("a"))))
            .isInstanceOf(ResourceNotFoundException.class);
    }

    // ------------------------------------------------------------------ conditions

    @Test
    void conditionalPutFailsWithTheServiceMessageAndCanReturnTheOldItem() {
        put(item("pk", s("cond"), "v", n("1")));
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(item("pk", s("cond"), "v", n("2")))
            .conditionExpression("attribute_not_exists(pk)")))
            .isInstanceOf(ConditionalCheckFailedException.class)
            .hasMessageStartingWith("The conditional request failed")
            .satisfies(e -> assertThat(((ConditionalCheckFailedException) e).item()).isEmpty());
        ConditionalCheckFailedException e = (ConditionalCheckFailedException) org.assertj.core.api.Assertions.catchThrowable(() ->
            db.putItem(b -> b.tableName(table).item(item("pk", s("cond"), "v", n("2")))
                .conditionExpression("v > :min").expressionAttributeValues(Map.of(":min", n("5")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(e.item()).containsEntry("v", n("1"));
        assertThat(get("cond")).containsEntry("v", n("1"));
    }

    @Test
    void evaluatesTheWholeConditionLanguage() {
        put(item("pk", s("lang"), "a", n("5"), "s", s("hello world"), "l", AttributeValue.fromL(List.of(n("1"), n("2"))),
            "m", AttributeValue.fromM(Map.of("x", AttributeValue.fromM(Map.of("y", s("deep"))))),
            "ss", AttributeValue.fromSs(List.of("red", "blue")), "nul", AttributeValue.fromNul(true)));
        Map<String, String> ok = new java.util.LinkedHashMap<>();
        ok.put("a = :five", "");
        ok.put("a <> :four AND a >= :five AND a <= :five AND a > :four AND a < :six", "");
        ok.put("a BETWEEN :four AND :six", "");
        ok.put("a IN (:four, :five)", "");
        ok.put("NOT (a = :four) OR absent = :four", "");
        ok.put("(a = :four OR a = :five) AND attribute_exists(s)", "");
        ok.put("attribute_not_exists(absent) AND attribute_exists(m.x.y) AND attribute_exists(l[1])", "");
        ok.put("attribute_type(a, :N) AND attribute_type(nul, :NULL) AND attribute_type(ss, :SS)", "");
        ok.put("begins_with(s, :hel) AND contains(s, :wor) AND contains(ss, :red) AND contains(l, :one)", "");
        ok.put("size(s) = :eleven AND size(l) = :two AND size(ss) = :two AND size(m) = :one", "");
        ok.put("m.x.y = :deep AND l[0] = :one", "");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":four", n("4"));
        values.put(":five", n("5"));
        values.put(":six", n("6"));
        values.put(":N", s("N"));
        values.put(":NULL", s("NULL"));
        values.put(":SS", s("SS"));
        values.put(":hel", s("hel"));
        values.put(":wor", s("wor"));
        values.put(":red", s("red"));
        values.put(":one", n("1"));
        values.put(":two", n("2"));
        values.put(":eleven", n("11"));
        values.put(":deep", s("deep"));
        for (String condition : ok.keySet()) {
            Map<String, AttributeValue> used = new HashMap<>();
            values.forEach((k, v) -> {
                if (java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(k) + "(?![A-Za-z0-9_])").matcher(condition).find()) {
                    used.put(k, v);
                }
            });
            assertThat(db.updateItem(b -> b.tableName(table).key(key("lang")).updateExpression("SET touched = :one")
                    .conditionExpression(condition).expressionAttributeValues(withOne(used)).returnValues(ReturnValue.UPDATED_NEW))
                .attributes()).as(condition).containsEntry("touched", n("1"));
        }
        assertThatThrownBy(() -> db.deleteItem(b -> b.tableName(table).key(key("lang"))
            .conditionExpression("a BETWEEN :six AND :six").expressionAttributeValues(Map.of(":six", n("6")))))
            .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(get("lang")).isNotEmpty();
    }

    private static Map<String, AttributeValue> withOne(Map<String, AttributeValue> used) {
        Map<String, AttributeValue> m = new HashMap<>(used);
        m.put(":one", n("1"));
        return m;
    }

    @Test
    void expressionAttributeNamesAndValuesAreCheckedForUseAndDefinition() {
        put(item("pk", s("names"), "status", s("on")));
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(key("names"))
            .conditionExpression("#s = :v").expressionAttributeNames(Map.of("#s", "status"))))
            .hasMessageStartingWith("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v");
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(key("names"))
            .conditionExpression("#x = :v").expressionAttributeValues(Map.of(":v", s("on")))))
            .hasMessageStartingWith("Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x");
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(key("names"))
            .conditionExpression("attribute_exists(pk)").expressionAttributeNames(Map.of("#unused", "x"))))
            .hasMessageStartingWith("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(key("names"))
            .conditionExpression("attribute_exists(pk)").expressionAttributeValues(Map.of(":unused", s("x")))))
            .hasMessageStartingWith("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(key("names"))
            .conditionExpression("status = :v").expressionAttributeValues(Map.of(":v", s("on")))))
            .hasMessageStartingWith("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(key("names")).expressionAttributeNames(Map.of("#a", "a"))))
            .hasMessageStartingWith("ExpressionAttributeNames can only be specified when using expressions");
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(key("names"))
            .conditionExpression("attribute_exists(pk)")
            .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))))
            .hasMessageStartingWith("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
        assertThat(get("names")).containsEntry("status", s("on"));
    }

    @Test
    void syntaxErrorsNameTheTokenAndTheExpression() {
        assertThatThrownBy(() -> db.updateItem(b -> b.tableName(table).key(key("syntax")).updateExpression("SET a = ")))
            .hasMessageStartingWith("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(key("syntax")).conditionExpression("a = = b")))
            .hasMessageStartingWith("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = b\"");
        assertThatThrownBy(() -> db.getItem(b -> b.tableName(table).key(key("syntax")).projectionExpression("a,,b")))
            .hasMessageStartingWith("Invalid ProjectionExpression: Syntax error; token: \",\", near: \",,b\"");
        assertThatThrownBy(() -> db.updateItem(b -> b.tableName(table).key(key("syntax")).updateExpression("")))
            .hasMessageStartingWith("Invalid UpdateExpression: The expression can not be empty;");
        assertThat(db.getItem(b -> b.tableName(table).key(key("syntax"))).hasItem()).isFalse();
    }

    // ------------------------------------------------------------------ updates

    @Test
    void updateSetArithmeticFunctionsAndReturnValues() {
        put(item("pk", s("upd"), "count", n("10"), "list", AttributeValue.fromL(List.of(s("a")))));
        UpdateItemResponse r = db.updateItem(b -> b.tableName(table).key(key("upd"))
            .updateExpression("SET #c = #c + :inc, newer = if_not_exists(newer, :zero) - :inc, #l = list_append(#l, :more)")
            .expressionAttributeNames(Map.of("#c", "count", "#l", "list"))
            .expressionAttributeValues(Map.of(":inc", n("3"), ":zero", n("0"),
                ":more", AttributeValue.fromL(List.of(s("b"), s("c")))))
            .returnValues(ReturnValue.UPDATED_NEW));
        assertThat(r.attributes()).containsOnlyKeys("count", "newer", "list");
        assertThat(r.attributes().get("count")).isEqualTo(n("13"));
        assertThat(r.attributes().get("newer")).isEqualTo(n("-3"));
        assertThat(r.attributes().get("list").l()).containsExactly(s("a"), s("b"), s("c"));
        UpdateItemResponse old = db.updateItem(b -> b.tableName(table).key(key("upd"))
            .updateExpression("REMOVE newer, #l[0] SET #c = :one")
            .expressionAttributeNames(Map.of("#c", "count", "#l", "list"))
            .expressionAttributeValues(Map.of(":one", n("1")))
            .returnValues(ReturnValue.UPDATED_OLD));
        assertThat(old.attributes().get("count")).isEqualTo(n("13"));
        assertThat(old.attributes().get("newer")).isEqualTo(n("-3"));
        Map<String, AttributeValue> now = get("upd");
        assertThat(now).doesNotContainKey("newer");
        assertThat(now.get("list").l()).containsExactly(s("b"), s("c"));
        assertThat(now.get("count")).isEqualTo(n("1"));
    }

    @Test
    void updateAddAndDeleteOnNumbersAndSets() {
        UpdateItemResponse r = update("sets", "ADD n :five, tags :ab", Map.of(":five", n("5"),
            ":ab", AttributeValue.fromSs(List.of("a", "b"))));
        assertThat(r.attributes().get("n")).isEqualTo(n("5"));
        update("sets", "ADD n :five, tags :bc", Map.of(":five", n("5"), ":bc", AttributeValue.fromSs(List.of("b", "c"))));
        Map<String, AttributeValue> now = update("sets", "DELETE tags :a", Map.of(":a", AttributeValue.fromSs(List.of("a")))).attributes();
        assertThat(now.get("n")).isEqualTo(n("10"));
        assertThat(now.get("tags").ss()).containsExactlyInAnyOrder("b", "c");
        Map<String, AttributeValue> emptied = update("sets", "DELETE tags :bc",
            Map.of(":bc", AttributeValue.fromSs(List.of("b", "c")))).attributes();
        assertThat(emptied).doesNotContainKey("tags");
    }

    @Test
    void updateNestedPathsAndListIndexPastTheEnd() {
        put(item("pk", s("nested"), "m", AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(n("0")))))));
        Map<String, AttributeValue> r = update("nested", "SET m.l[5] = :x, m.newkey = :y",
            Map.of(":x", s("appended"), ":y", s("new"))).attributes();
        assertThat(r.get("m").m().get("l").l()).containsExactly(n("0"), s("appended"));
        assertThat(r.get("m").m()).containsEntry("newkey", s("new"));
        assertThatThrownBy(() -> update("nested", "SET nope.deeper = :x", Map.of(":x", s("v"))))
            .hasMessageStartingWith("The document path provided in the update expression is invalid for update");
        UpdateItemResponse upd = db.updateItem(b -> b.tableName(table).key(key("nested")).updateExpression("SET m.newkey = :z")
            .expressionAttributeValues(Map.of(":z", s("changed"))).returnValues(ReturnValue.UPDATED_NEW));
        // UPDATED_NEW returns only the updated path, nested as it is (the service; DynamoDB Local returns all of m)
        assertThat(upd.attributes()).containsOnlyKeys("m");
        assertThat(upd.attributes().get("m").m()).containsOnly(Map.entry("newkey", s("changed")));
    }

    @Test
    void updateRejectsOverlappingPathsKeyChangesAndWrongTypes() {
        put(item("pk", s("bad"), "a", s("text")));
        assertThatThrownBy(() -> update("bad", "SET a = :x REMOVE a", Map.of(":x", s("v"))))
            .hasMessageStartingWith("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]");
        assertThatThrownBy(() -> update("bad", "SET pk = :x", Map.of(":x", s("v"))))
            .hasMessageStartingWith("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
        assertThatThrownBy(() -> update("bad", "SET a = a + :one", Map.of(":one", n("1"))))
            .hasMessageStartingWith("An operand in the update expression has an incorrect data type");
        assertThatThrownBy(() -> update("bad", "SET b = absent + :one", Map.of(":one", n("1"))))
            .hasMessageStartingWith("The provided expression refers to an attribute that does not exist in the item");
        assertThatThrownBy(() -> update("bad", "SET a = :x SET b = :x", Map.of(":x", n("1"))))
            .hasMessageStartingWith("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        assertThat(get("bad")).isEqualTo(item("pk", s("bad"), "a", s("text")));
    }

    @Test
    void updateWithoutExpressionCreatesTheKeyOnlyItem() {
        db.updateItem(b -> b.tableName(composite).key(Map.of("pk", s("bare"), "sk", n("1"))));
        assertThat(db.getItem(b -> b.tableName(composite).key(Map.of("pk", s("bare"), "sk", n("1")))).item())
            .isEqualTo(Map.of("pk", s("bare"), "sk", n("1")));
    }

    // ------------------------------------------------------------------ return values, projections

    @Test
    void returnValuesOnPutAndDelete() {
        put(item("pk", s("rv"), "v", n("1")));
        assertThat(db.putItem(b -> b.tableName(table).item(item("pk", s("rv"), "v", n("2"))).returnValues(ReturnValue.ALL_OLD))
            .attributes()).containsEntry("v", n("1"));
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(key("rv")).returnValues(ReturnValue.ALL_NEW)))
            .hasMessageStartingWith("Return values set to invalid value");
        assertThat(db.deleteItem(b -> b.tableName(table).key(key("rv")).returnValues(ReturnValue.ALL_OLD)).attributes())
            .containsEntry("v", n("2"));
        assertThat(db.deleteItem(b -> b.tableName(table).key(key("rv")).returnValues(ReturnValue.ALL_OLD)).hasAttributes())
            .isFalse();
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(key("rv")).returnValues("SOMETIMES")))
            .hasMessageStartingWith("1 validation error detected: Value 'SOMETIMES' at 'returnValues' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
    }

    @Test
    void projectionsReturnNestedPartsOnly() {
        put(item("pk", s("proj"), "a", n("1"), "b", n("2"),
            "m", AttributeValue.fromM(Map.of("x", n("1"), "y", n("2"))),
            "l", AttributeValue.fromL(List.of(s("zero"), s("one"), s("two")))));
        GetItemResponse r = db.getItem(b -> b.tableName(table).key(key("proj")).projectionExpression("a, m.y, l[2], l[0], nope"));
        assertThat(r.item()).isEqualTo(item("a", n("1"), "m", AttributeValue.fromM(Map.of("y", n("2"))),
            "l", AttributeValue.fromL(List.of(s("zero"), s("two")))));
        assertThat(db.getItem(b -> b.tableName(table).key(key("proj")).attributesToGet("b")).item()).isEqualTo(item("b", n("2")));
    }

    @Test
    void consumedCapacityFollowsTheUnitArithmetic() {
        put(item("pk", s("cap"), "v", s("x".repeat(5000))));
        assertThat(db.getItem(b -> b.tableName(table).key(key("cap")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity().capacityUnits()).isEqualTo(1.0); // 5 KB eventually consistent: 2 units / 2
        assertThat(db.getItem(b -> b.tableName(table).key(key("cap")).consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity().capacityUnits()).isEqualTo(2.0);
        assertThat(db.getItem(b -> b.tableName(table).key(key("absent")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(db.putItem(b -> b.tableName(table).item(item("pk", s("cap"), "v", s("small")))
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(5.0);
        assertThat(db.putItem(b -> b.tableName(table).item(item("pk", s("cap"), "v", s("small")))
            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity().table().capacityUnits()).isEqualTo(1.0);
    }

    // ------------------------------------------------------------------ legacy parameters

    @Test
    void legacyExpectedAndAttributeUpdates() {
        db.putItem(b -> b.tableName(table).item(item("pk", s("legacy"), "v", n("1")))
            .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build())));
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(table).item(item("pk", s("legacy"), "v", n("1")))
            .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))))
            .isInstanceOf(ConditionalCheckFailedException.class);
        db.updateItem(b -> b.tableName(table).key(key("legacy"))
            .attributeUpdates(Map.of("v", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("4")).build(),
                "w", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s("new")).build()))
            .expected(Map.of("v", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.EQ)
                .attributeValueList(n("1")).build())));
        assertThat(get("legacy")).containsEntry("v", n("5")).containsEntry("w", s("new"));
        db.updateItem(b -> b.tableName(table).key(key("legacy"))
            .attributeUpdates(Map.of("w", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build())));
        assertThat(get("legacy")).doesNotContainKey("w");
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void concurrentConditionalIncrementsNeverLoseAnUpdate() throws Exception {
        put(item("pk", s("counter"), "n", n("0")));
        int total = runConcurrently(8, 1000, () -> db.updateItem(b -> b.tableName(table).key(key("counter"))
            .updateExpression("SET n = n + :one").conditionExpression("attribute_exists(pk) AND n >= :zero")
            .expressionAttributeValues(Map.of(":one", n("1"), ":zero", n("0")))));
        assertThat(total).isEqualTo(8000);
        assertThat(get("counter").get("n")).isEqualTo(n("8000"));
    }

    @Test
    void optimisticCompareAndSetIsLinearizable() throws Exception {
        put(item("pk", s("cas"), "n", n("0")));
        int total = runConcurrently(8, 100, () -> {
            while (true) {
                String current = get("cas").get("n").n();
                try {
                    db.updateItem(b -> b.tableName(table).key(key("cas")).updateExpression("SET n = :next")
                        .conditionExpression("n = :current")
                        .expressionAttributeValues(Map.of(":next", n(Long.toString(Long.parseLong(current) + 1)), ":current", n(current))));
                    return;
                } catch (ConditionalCheckFailedException lost) {
                    // another writer got there first: read again
                }
            }
        });
        assertThat(total).isEqualTo(800);
        assertThat(get("cas").get("n")).isEqualTo(n("800"));
    }

    private static int runConcurrently(int threads, int perThread, Runnable op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        op.run();
                    }
                    return perThread;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(5, TimeUnit.MINUTES);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
