package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Multi-attribute keys for global secondary indexes: up to four HASH and four RANGE attributes; sparse unless every
 * key attribute is present; the partition is all HASH values, the sort order the RANGE values left to right; key
 * conditions give every HASH attribute and RANGE attributes left to right.
 */
class MultiAttributeGsiEndToEndTest {
    static final DynamoDbClient DB = ServerFixture.client();
    static String table;

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(int v) {
        return AttributeValue.fromN(Integer.toString(v));
    }

    static void put(String id, String tenant, String region, Integer year, Integer month, Integer day) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", s(id));
        item.put("tenant", s(tenant));
        item.put("region", s(region));
        if (year != null) {
            item.put("year", n(year));
        }
        if (month != null) {
            item.put("month", n(month));
        }
        if (day != null) {
            item.put("day", n(day));
        }
        DB.putItem(b -> b.tableName(table).item(item));
    }

    @BeforeAll
    static void createTable() {
        table = ServerFixture.uniqueName("multi-gsi");
        DB.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(key("id", KeyType.HASH))
            .attributeDefinitions(def("id", ScalarAttributeType.S), def("tenant", ScalarAttributeType.S),
                def("region", ScalarAttributeType.S), def("year", ScalarAttributeType.N), def("month", ScalarAttributeType.N),
                def("day", ScalarAttributeType.N))
            .globalSecondaryIndexes(g -> g.indexName("byDate")
                .keySchema(key("tenant", KeyType.HASH), key("region", KeyType.HASH), key("year", KeyType.RANGE),
                    key("month", KeyType.RANGE), key("day", KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL))));
        put("a", "t1", "eu", 2024, 1, 5);
        put("b", "t1", "eu", 2024, 1, 20);
        put("c", "t1", "eu", 2024, 3, 1);
        put("d", "t1", "eu", 2025, 1, 1);
        put("e", "t1", "eu", 2023, 12, 31);
        put("f", "t1", "us", 2024, 1, 5);     // another partition (region differs)
        put("g", "t2", "eu", 2024, 1, 5);     // another partition (tenant differs)
        put("h", "t1", "eu", 2024, 2, null);  // no day: not in the index
    }

    static List<String> ids(QueryResponse r) {
        List<String> out = new ArrayList<>();
        r.items().forEach(i -> out.add(i.get("id").s()));
        return out;
    }

    static QueryResponse query(String condition, Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>();
        Map.of("#y", "year", "#m", "month", "#d", "day", "#r", "region").forEach((k, n) -> {
            if (condition.contains(k)) {
                names.put(k, n);
            }
        });
        Map<String, AttributeValue> used = new HashMap<>();
        values.forEach((k, v) -> {
            if (condition.matches(".*" + k + "\\b.*")) {
                used.put(k, v);
            }
        });
        return DB.query(b -> b.tableName(table).indexName("byDate").keyConditionExpression(condition)
            .expressionAttributeNames(names).expressionAttributeValues(used));
    }

    static DynamoDbException error(Runnable call) {
        try {
            call.run();
        } catch (DynamoDbException e) {
            return e;
        }
        throw new AssertionError("no error");
    }

    @Test
    void describeTableShowsEveryKeyAttributeInOrder() {
        GlobalSecondaryIndexDescription gsi = DB.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().get(0);
        assertThat(gsi.keySchema()).containsExactly(key("tenant", KeyType.HASH), key("region", KeyType.HASH),
            key("year", KeyType.RANGE), key("month", KeyType.RANGE), key("day", KeyType.RANGE));
        assertThat(gsi.itemCount()).isEqualTo(7L); // "h" lacks day: sparse
    }

    @Test
    void thePartitionIsEveryHashValueAndTheOrderIsTheRangeValuesLeftToRight() {
        Map<String, AttributeValue> v = Map.of(":t", s("t1"), ":r", s("eu"));
        assertThat(ids(query("tenant = :t AND #r = :r", v))).containsExactly("e", "a", "b", "c", "d");
        assertThat(ids(DB.query(b -> b.tableName(table).indexName("byDate").keyConditionExpression("tenant = :t AND #r = :r")
            .expressionAttributeNames(Map.of("#r", "region")).expressionAttributeValues(v).scanIndexForward(false))))
            .containsExactly("d", "c", "b", "a", "e");
        assertThat(ids(query("tenant = :t AND #r = :r", Map.of(":t", s("t1"), ":r", s("us"))))).containsExactly("f");
    }

    @Test
    void rangeAttributesAreConstrainedLeftToRightWithARangeConditionOnlyOnTheLast() {
        Map<String, AttributeValue> v = new HashMap<>(Map.of(":t", s("t1"), ":r", s("eu"), ":y", n(2024)));
        assertThat(ids(query("tenant = :t AND #r = :r AND #y = :y", v))).containsExactly("a", "b", "c");
        assertThat(ids(query("tenant = :t AND #r = :r AND #y >= :y", v))).containsExactly("a", "b", "c", "d");
        assertThat(ids(query("tenant = :t AND #r = :r AND #y < :y", v))).containsExactly("e");
        v.put(":m", n(1));
        assertThat(ids(query("tenant = :t AND #r = :r AND #y = :y AND #m = :m", v))).containsExactly("a", "b");
        assertThat(ids(query("tenant = :t AND #r = :r AND #y = :y AND #m > :m", v))).containsExactly("c");
        assertThat(ids(query("tenant = :t AND #r = :r AND #y = :y AND #m <= :m", v))).containsExactly("a", "b");
        v.put(":d1", n(6));
        v.put(":d2", n(31));
        assertThat(ids(query("tenant = :t AND #r = :r AND #y = :y AND #m = :m AND #d BETWEEN :d1 AND :d2", v)))
            .containsExactly("b");
    }

    @Test
    void queryKeyConditionsThatBreakTheRulesAreRejected() {
        Map<String, AttributeValue> v = Map.of(":t", s("t1"), ":r", s("eu"), ":y", n(2024), ":m", n(1));
        DynamoDbException missingHash = error(() -> query("tenant = :t AND #y = :y", Map.of(":t", s("t1"), ":y", n(2024))));
        assertThat(missingHash.awsErrorDetails().errorMessage()).isEqualTo("Query condition missed key schema element: region");
        DynamoDbException skipped = error(() -> query("tenant = :t AND #r = :r AND #m = :m",
            Map.of(":t", s("t1"), ":r", s("eu"), ":m", n(1))));
        assertThat(skipped.awsErrorDetails().errorMessage()).isEqualTo("Query condition missed key schema element: year");
        DynamoDbException rangeNotLast = error(() -> query("tenant = :t AND #r = :r AND #y > :y AND #m = :m", v));
        assertThat(rangeNotLast.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(rangeNotLast.awsErrorDetails().errorMessage()).isEqualTo("Query key condition not supported: only the last "
            + "sort key attribute given may use a range condition; year must be an equality");
        DynamoDbException hashRange = error(() -> query("tenant = :t AND #r > :r", Map.of(":t", s("t1"), ":r", s("eu"))));
        assertThat(hashRange.awsErrorDetails().errorMessage()).isEqualTo("Query key condition not supported");
    }

    @Test
    void pagesCarryEveryKeyAttributeInLastEvaluatedKey() {
        Map<String, AttributeValue> v = Map.of(":t", s("t1"), ":r", s("eu"));
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = DB.query(QueryRequest.builder().tableName(table).indexName("byDate")
                .keyConditionExpression("tenant = :t AND #r = :r").expressionAttributeNames(Map.of("#r", "region"))
                .expressionAttributeValues(v).limit(2).exclusiveStartKey(from).build());
            seen.addAll(ids(r));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            if (start != null) {
                assertThat(start.keySet()).containsExactlyInAnyOrder("id", "tenant", "region", "year", "month", "day");
            }
        } while (start != null);
        assertThat(seen).containsExactly("e", "a", "b", "c", "d");
    }

    @Test
    void updatesMoveItemsInAndOutOfTheIndex() {
        String t = ServerFixture.uniqueName("multi-gsi-upd");
        DB.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST).keySchema(key("id", KeyType.HASH))
            .attributeDefinitions(def("id", ScalarAttributeType.S), def("a", ScalarAttributeType.S), def("b", ScalarAttributeType.S),
                def("x", ScalarAttributeType.N), def("y", ScalarAttributeType.N))
            .globalSecondaryIndexes(g -> g.indexName("abxy").keySchema(key("a", KeyType.HASH), key("b", KeyType.HASH),
                key("x", KeyType.RANGE), key("y", KeyType.RANGE)).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        DB.putItem(b -> b.tableName(t).item(Map.of("id", s("1"), "a", s("A"), "b", s("B"), "x", n(1))));
        Map<String, AttributeValue> v = Map.of(":a", s("A"), ":b", s("B"));
        assertThat(DB.query(b -> b.tableName(t).indexName("abxy").keyConditionExpression("a = :a AND b = :b")
            .expressionAttributeValues(v)).count()).isZero();
        DB.updateItem(b -> b.tableName(t).key(Map.of("id", s("1"))).updateExpression("SET y = :y")
            .expressionAttributeValues(Map.of(":y", n(7))));
        QueryResponse r = DB.query(b -> b.tableName(t).indexName("abxy").keyConditionExpression("a = :a AND b = :b")
            .expressionAttributeValues(v));
        assertThat(r.items()).containsExactly(Map.of("id", s("1"), "a", s("A"), "b", s("B"), "x", n(1), "y", n(7)));
        DB.updateItem(b -> b.tableName(t).key(Map.of("id", s("1"))).updateExpression("REMOVE b"));
        assertThat(DB.query(b -> b.tableName(t).indexName("abxy").keyConditionExpression("a = :a AND b = :b")
            .expressionAttributeValues(v)).count()).isZero();
    }

    @Test
    void keySchemasBeyondTheRulesAreRejectedAtCreateTable() {
        List<AttributeDefinition> defs = List.of(def("id", ScalarAttributeType.S), def("a", ScalarAttributeType.S),
            def("b", ScalarAttributeType.S), def("c", ScalarAttributeType.S), def("d", ScalarAttributeType.S), def("e", ScalarAttributeType.S));
        DynamoDbException tooMany = error(() -> DB.createTable(b -> b.tableName(ServerFixture.uniqueName("multi-bad"))
            .billingMode(BillingMode.PAY_PER_REQUEST).keySchema(key("id", KeyType.HASH)).attributeDefinitions(defs)
            .globalSecondaryIndexes(g -> g.indexName("idx").projection(p -> p.projectionType(ProjectionType.ALL))
                .keySchema(key("a", KeyType.HASH), key("b", KeyType.HASH), key("c", KeyType.HASH), key("d", KeyType.HASH),
                    key("e", KeyType.HASH)))));
        assertThat(tooMany.awsErrorDetails().errorMessage())
            .isEqualTo("Invalid KeySchema: A global secondary index key schema can have at most 4 HASH key attributes");
        DynamoDbException order = error(() -> DB.createTable(b -> b.tableName(ServerFixture.uniqueName("multi-bad"))
            .billingMode(BillingMode.PAY_PER_REQUEST).keySchema(key("id", KeyType.HASH))
            .attributeDefinitions(defs.subList(0, 4))
            .globalSecondaryIndexes(g -> g.indexName("idx").projection(p -> p.projectionType(ProjectionType.ALL))
                .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE), key("c", KeyType.HASH)))));
        assertThat(order.awsErrorDetails().errorMessage())
            .isEqualTo("Invalid KeySchema: HASH key attributes must come before RANGE key attributes");
        DynamoDbException duplicate = error(() -> DB.createTable(b -> b.tableName(ServerFixture.uniqueName("multi-bad"))
            .billingMode(BillingMode.PAY_PER_REQUEST).keySchema(key("id", KeyType.HASH))
            .attributeDefinitions(defs.subList(0, 3))
            .globalSecondaryIndexes(g -> g.indexName("idx").projection(p -> p.projectionType(ProjectionType.ALL))
                .keySchema(key("a", KeyType.HASH), key("b", KeyType.HASH), key("a", KeyType.RANGE)))));
        assertThat(duplicate.awsErrorDetails().errorMessage())
            .isEqualTo("Invalid KeySchema: Some index key attributes are duplicated: a");
    }

    @Test
    void aFilterOnAnyKeyAttributeOfTheIndexIsRejected() {
        DynamoDbException e = error(() -> DB.query(b -> b.tableName(table).indexName("byDate")
            .keyConditionExpression("tenant = :t AND #r = :r").filterExpression("#d > :d")
            .expressionAttributeNames(Map.of("#r", "region", "#d", "day"))
            .expressionAttributeValues(Map.of(":t", s("t1"), ":r", s("eu"), ":d", n(1)))));
        assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Filter Expression can only contain non-primary key attributes: Primary key attribute: day");
    }

    @Test
    void aRestoredTableKeepsTheMultiAttributeIndexAndItsDefinitions() {
        String arn = DB.createBackup(b -> b.tableName(table).backupName("multi")).backupDetails().backupArn();
        String restored = ServerFixture.uniqueName("multi-gsi-restored");
        DB.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName(restored));
        var d = DB.describeTable(b -> b.tableName(restored)).table();
        assertThat(d.attributeDefinitions()).extracting(AttributeDefinition::attributeName)
            .containsExactlyInAnyOrder("id", "tenant", "region", "year", "month", "day");
        assertThat(d.globalSecondaryIndexes().get(0).keySchema()).hasSize(5);
        assertThat(DB.query(b -> b.tableName(restored).indexName("byDate").keyConditionExpression("tenant = :t AND #r = :r")
            .expressionAttributeNames(Map.of("#r", "region"))
            .expressionAttributeValues(Map.of(":t", s("t1"), ":r", s("eu")))).count()).isEqualTo(5);
    }

    @Test
    void partiqlOnTheIndexIsAFilteredScan() {
        var r = DB.executeStatement(b -> b.statement("SELECT id FROM \"" + table + "\".\"byDate\" WHERE tenant = ? AND region = ? AND \"month\" = ?")
            .parameters(s("t1"), s("eu"), n(1)));
        assertThat(r.items()).extracting(i -> i.get("id").s()).containsExactlyInAnyOrder("a", "b", "d");
        DynamoDbException orderBy = error(() -> DB.executeStatement(b -> b.statement("SELECT id FROM \"" + table
            + "\".\"byDate\" WHERE tenant = ? AND region = ? ORDER BY \"year\"").parameters(s("t1"), s("eu"))));
        assertThat(orderBy.awsErrorDetails().errorMessage()).isEqualTo("ORDER BY is not supported on an index with a multi-attribute key");
    }
}
