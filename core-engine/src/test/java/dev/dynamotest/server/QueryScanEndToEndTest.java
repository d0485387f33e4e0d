package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Query, Scan, secondary indexes and batches through the SDK v2 client over HTTP. */
class QueryScanEndToEndTest {
    static DynamoDbClient db;
    static String table;

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    /** Table pk S, sk N; GSI byStatus (status S, sk N, KEYS_ONLY + INCLUDE amount); LSI byAmount (pk, amount N). */
    @BeforeAll
    static void seed() {
        db = ServerFixture.client();
        table = ServerFixture.uniqueName("orders");
        db.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
            .attributeDefinitions(def("pk", "S"), def("sk", "N"), def("status", "S"), def("amount", "N"))
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
                .keySchema(key("status", KeyType.HASH), key("sk", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("amount").build()).build())
            .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byAmount")
                .keySchema(key("pk", KeyType.HASH), key("amount", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
        List<WriteRequest> batch = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 20; i++) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("pk", s("customer" + c));
                item.put("sk", n(i));
                item.put("amount", n(100 - i));
                item.put("note", s("order " + i));
                if (i % 2 == 0) {
                    item.put("status", s(i % 4 == 0 ? "OPEN" : "SHIPPED")); // odd orders are not in the GSI (sparse)
                }
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                if (batch.size() == 25) {
                    List<WriteRequest> chunk = List.copyOf(batch);
                    assertThat(db.batchWriteItem(b -> b.requestItems(Map.of(table, chunk))).unprocessedItems()).isEmpty();
                    batch.clear();
                }
            }
        }
        List<WriteRequest> rest = List.copyOf(batch);
        db.batchWriteItem(b -> b.requestItems(Map.of(table, rest)));
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeDefinition def(String name, String type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static List<Long> sks(List<Map<String, AttributeValue>> items) {
        List<Long> out = new ArrayList<>();
        items.forEach(i -> out.add(Long.parseLong(i.get("sk").n())));
        return out;
    }

    @Test
    void queryRangeDirectionAndFilter() {
        QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :p AND sk BETWEEN :lo AND :hi")
            .expressionAttributeValues(Map.of(":p", s("customer1"), ":lo", n(5), ":hi", n(9))).scanIndexForward(false));
        assertThat(sks(r.items())).containsExactly(9L, 8L, 7L, 6L, 5L);
        QueryResponse filtered = db.query(b -> b.tableName(table).keyConditionExpression("pk = :p AND sk >= :lo")
            .filterExpression("amount > :a").expressionAttributeValues(Map.of(":p", s("customer1"), ":lo", n(10), ":a", n(85))));
        assertThat(sks(filtered.items())).containsExactly(10L, 11L, 12L, 13L, 14L);
        assertThat(filtered.count()).isEqualTo(5);
        assertThat(filtered.scannedCount()).isEqualTo(10);
    }

    @Test
    void limitCountsEvaluatedItemsAndPaginationVisitsEachOnce() {
        Set<Long> seen = new HashSet<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> esk = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                .filterExpression("amount <= :a")
                .expressionAttributeValues(Map.of(":p", s("customer2"), ":a", n(90))).limit(3).exclusiveStartKey(esk));
            assertThat(r.scannedCount()).isLessThanOrEqualTo(3);
            for (Long sk : sks(r.items())) {
                assertThat(seen.add(sk)).isTrue();
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertThat(seen).hasSize(10); // amount = 100 - sk <= 90: sk 10..19
        assertThat(pages).isEqualTo(7); // 20 items, 3 evaluated per page: 6 full pages and one of 2

    }

    @Test
    void selectCountAndProjection() {
        QueryResponse count = db.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", s("customer0"))).select(Select.COUNT));
        assertThat(count.count()).isEqualTo(20);
        assertThat(count.hasItems()).isFalse();
        QueryResponse projected = db.query(b -> b.tableName(table).keyConditionExpression("pk = :p AND sk < :three")
            .projectionExpression("note").expressionAttributeValues(Map.of(":p", s("customer0"), ":three", n(3))));
        assertThat(projected.items()).containsExactly(Map.of("note", s("order 0")), Map.of("note", s("order 1")), Map.of("note", s("order 2")));
        assertThatThrownBy(() -> db.query(b -> b.tableName(table).keyConditionExpression("pk = :p").select(Select.COUNT)
            .projectionExpression("note").expressionAttributeValues(Map.of(":p", s("customer0")))))
            .hasMessageStartingWith("Cannot specify the ProjectionExpression when choosing to get only the Count");
        assertThatThrownBy(() -> db.query(b -> b.tableName(table).keyConditionExpression("pk = :p").select(Select.ALL_PROJECTED_ATTRIBUTES)
            .expressionAttributeValues(Map.of(":p", s("customer0")))))
            .hasMessageStartingWith("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }

    @Test
    void keyConditionErrors() {
        Map<String, AttributeValue> v = Map.of(":p", s("customer0"), ":n", n(1));
        assertThatThrownBy(() -> db.query(b -> b.tableName(table)))
            .hasMessageStartingWith("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        assertThatThrownBy(() -> db.query(b -> b.tableName(table).keyConditionExpression("sk = :n").expressionAttributeValues(Map.of(":n", n(1)))))
            .hasMessageStartingWith("Query condition missed key schema element");
        assertThatThrownBy(() -> db.query(b -> b.tableName(table).keyConditionExpression("pk = :p OR sk = :n").expressionAttributeValues(v)))
            .hasMessageStartingWith("Invalid operator used in KeyConditionExpression: OR");
        assertThatThrownBy(() -> db.query(b -> b.tableName(table).keyConditionExpression("pk = :p AND sk <> :n").expressionAttributeValues(v)))
            .hasMessageStartingWith("Invalid operator used in KeyConditionExpression: <>");
        assertThatThrownBy(() -> db.query(b -> b.tableName(table).keyConditionExpression("pk = :p AND sk > :n AND sk < :n").expressionAttributeValues(v)))
            .hasMessageStartingWith("KeyConditionExpressions must only contain one condition per key");
        assertThatThrownBy(() -> db.query(b -> b.tableName(table).keyConditionExpression("pk = :p AND contains(sk, :n)").expressionAttributeValues(v)))
            .hasMessageStartingWith("Invalid operator used in KeyConditionExpression: contains");
        assertThatThrownBy(() -> db.query(b -> b.tableName(table).keyConditionExpression("pk = :n").expressionAttributeValues(Map.of(":n", n(1)))))
            .hasMessageStartingWith("One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertThatThrownBy(() -> db.query(b -> b.tableName(table).keyConditionExpression("pk = :p").filterExpression("sk = :n").expressionAttributeValues(v)))
            .hasMessageStartingWith("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
        assertThatThrownBy(() -> db.query(b -> b.tableName(table).indexName("nope").keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", s("customer0")))))
            .hasMessageStartingWith("The table does not have the specified index: nope");
        assertThatThrownBy(() -> db.query(b -> b.tableName(table).indexName("byStatus").consistentRead(true)
            .keyConditionExpression("#s = :p").expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":p", s("OPEN")))))
            .hasMessageStartingWith("Consistent reads are not supported on global secondary indexes");
    }

    @Test
    void legacyKeyConditionsAndQueryFilter() {
        QueryResponse r = db.query(b -> b.tableName(table)
            .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("customer0")).build(),
                "sk", Condition.builder().comparisonOperator(ComparisonOperator.LT).attributeValueList(n(4)).build()))
            .queryFilter(Map.of("amount", Condition.builder().comparisonOperator(ComparisonOperator.GE).attributeValueList(n(98)).build())));
        assertThat(sks(r.items())).containsExactly(0L, 1L, 2L);
    }

    @Test
    void globalIndexIsSparseProjectedAndPaginatesWithIndexKeys() {
        QueryResponse r = db.query(b -> b.tableName(table).indexName("byStatus").keyConditionExpression("#s = :open")
            .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":open", s("OPEN"))));
        assertThat(r.count()).isEqualTo(15); // sk 0,4,8,12,16 for 3 customers
        assertThat(r.items()).allSatisfy(i -> assertThat(i).containsOnlyKeys("pk", "sk", "status", "amount"));
        QueryResponse page = db.query(b -> b.tableName(table).indexName("byStatus").keyConditionExpression("#s = :open")
            .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":open", s("OPEN"))).limit(2));
        assertThat(page.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "status");
        QueryResponse next = db.query(b -> b.tableName(table).indexName("byStatus").keyConditionExpression("#s = :open")
            .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":open", s("OPEN")))
            .exclusiveStartKey(page.lastEvaluatedKey()));
        assertThat(next.count()).isEqualTo(13);
        assertThatThrownBy(() -> db.query(b -> b.tableName(table).indexName("byStatus").select(Select.ALL_ATTRIBUTES)
            .keyConditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":open", s("OPEN")))))
            .hasMessageStartingWith("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byStatus because its projection type is not ALL");
    }

    @Test
    void localIndexOrdersByItsSortKeyAndFetchesUnprojectedAttributes() {
        QueryResponse r = db.query(b -> b.tableName(table).indexName("byAmount").keyConditionExpression("pk = :p AND amount < :a")
            .expressionAttributeValues(Map.of(":p", s("customer0"), ":a", n(84))));
        assertThat(sks(r.items())).containsExactly(19L, 18L, 17L); // amounts 81, 82, 83 ascending
        assertThat(r.items().get(0)).containsOnlyKeys("pk", "sk", "amount");
        QueryResponse all = db.query(b -> b.tableName(table).indexName("byAmount").select(Select.ALL_ATTRIBUTES)
            .keyConditionExpression("pk = :p AND amount < :a").expressionAttributeValues(Map.of(":p", s("customer0"), ":a", n(82))));
        assertThat(all.items().get(0)).containsEntry("note", s("order 19"));
    }

    @Test
    void scanSeesEveryItemOnceAcrossPagesAndSegments() {
        Set<String> seen = new HashSet<>();
        for (int segment = 0; segment < 4; segment++) {
            int seg = segment;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> esk = start;
                ScanResponse r = db.scan(b -> b.tableName(table).segment(seg).totalSegments(4).limit(1).exclusiveStartKey(esk));
                r.items().forEach(i -> assertThat(seen.add(i.get("pk").s() + "/" + i.get("sk").n())).isTrue());
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
        }
        assertThat(seen).hasSize(60);
        ScanResponse filtered = db.scan(b -> b.tableName(table).filterExpression("amount = :a")
            .expressionAttributeValues(Map.of(":a", n(100))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(filtered.count()).isEqualTo(3);
        assertThat(filtered.scannedCount()).isEqualTo(60);
        assertThat(filtered.consumedCapacity().capacityUnits()).isPositive();
        ScanResponse index = db.scan(b -> b.tableName(table).indexName("byStatus"));
        assertThat(index.count()).isEqualTo(30);
    }

    @Test
    void scanSegmentValidation() {
        assertThatThrownBy(() -> db.scan(b -> b.tableName(table).segment(1)))
            .hasMessageStartingWith("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        assertThatThrownBy(() -> db.scan(b -> b.tableName(table).totalSegments(2)))
            .hasMessageStartingWith("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        assertThatThrownBy(() -> db.scan(b -> b.tableName(table).segment(4).totalSegments(4)))
            .hasMessageStartingWith("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is not less than TotalSegments: 4");
        assertThatThrownBy(() -> db.scan(b -> b.tableName(table).segment(0).totalSegments(1000001)))
            .hasMessageStartingWith("1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000");
    }

    @Test
    void batchGetAcrossTablesWithProjectionAndDuplicateCheck() {
        String other = ServerFixture.createTable("batch", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S, null);
        db.putItem(b -> b.tableName(other).item(Map.of("pk", s("x"), "v", s("other"))));
        BatchGetItemResponse r = db.batchGetItem(b -> b.requestItems(Map.of(
            table, KeysAndAttributes.builder().keys(Map.of("pk", s("customer0"), "sk", n(1)), Map.of("pk", s("customer9"), "sk", n(1)))
                .projectionExpression("note").build(),
            other, KeysAndAttributes.builder().keys(Map.of("pk", s("x"))).consistentRead(true).build())));
        assertThat(r.responses().get(table)).containsExactly(Map.of("note", s("order 1")));
        assertThat(r.responses().get(other)).containsExactly(Map.of("pk", s("x"), "v", s("other")));
        assertThat(r.unprocessedKeys()).isEmpty();
        assertThatThrownBy(() -> db.batchGetItem(b -> b.requestItems(Map.of(other,
            KeysAndAttributes.builder().keys(Map.of("pk", s("x")), Map.of("pk", s("x"))).build()))))
            .hasMessageStartingWith("Provided list of item keys contains duplicates");
    }

    @Test
    void batchWriteValidatesTheWholeBatchFirst() {
        String t = ServerFixture.createTable("bw", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S, null);
        List<WriteRequest> dup = List.of(
            WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("a"))).build()).build(),
            WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("a"))).build()).build());
        assertThatThrownBy(() -> db.batchWriteItem(b -> b.requestItems(Map.of(t, dup))))
            .hasMessageStartingWith("Provided list of item keys contains duplicates");
        List<WriteRequest> badSecond = List.of(
            WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("ok"))).build()).build(),
            WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", n(1))).build()).build());
        assertThatThrownBy(() -> db.batchWriteItem(b -> b.requestItems(Map.of(t, badSecond))))
            .hasMessageStartingWith("The provided key element does not match the schema");
        assertThat(db.getItem(b -> b.tableName(t).key(Map.of("pk", s("ok")))).hasItem()).isFalse();
        List<WriteRequest> tooMany = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            tooMany.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("k" + i))).build()).build());
        }
        assertThatThrownBy(() -> db.batchWriteItem(b -> b.requestItems(Map.of(t, tooMany))))
            .hasMessageContaining("failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
    }
}
