package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Throttles as the service reports them: ThrottlingReasons naming the table or index and the limit, batches that
 * return throttled requests unprocessed (and fail only when nothing could be processed), transactions cancelled with
 * a ProvisionedThroughputExceeded reason, and transactional units charged twice. On a manual clock, so no bucket
 * refills unless a test moves it.
 */
class ThrottlingEndToEndTest extends EnforcedCapacityServer {
    static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/";
    static final String TABLE_MESSAGE =
        "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.";

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    void put(String table, String pk) {
        db.putItem(b -> b.tableName(table).item(key(pk)));
    }

    static ThrottlingReason reason(String reason, String resource) {
        return ThrottlingReason.builder().reason(reason).resource(resource).build();
    }

    @Test
    void aThrottledWriteNamesTheTableAndTheProvisionedLimit() {
        CapacityEndToEndTest.table(db, "reasons", 5, 1, false);
        put("reasons", "a"); // the one unit a new 1-WCU table holds
        ProvisionedThroughputExceededException e = catchThrowableOfType(() -> put("reasons", "b"), ProvisionedThroughputExceededException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(TABLE_MESSAGE);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.throttlingReasons()).containsExactly(reason("TableWriteProvisionedThroughputExceeded", ARN + "reasons"));
        assertThat(db.getItem(b -> b.tableName("reasons").key(key("b")).consistentRead(true)).hasItem()).isFalse(); // not applied
    }

    @Test
    void theWireBodyCarriesTheReasonsAsTheServiceDoes() throws Exception {
        CapacityEndToEndTest.table(db, "wire", 1, 1, false);
        put("wire", "a");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint())
            .header("X-Amz-Target", "DynamoDB_20120810.PutItem").header("Content-Type", "application/x-amz-json-1.0")
            .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTEST/20300101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"wire\",\"Item\":{\"pk\":{\"S\":\"b\"}}}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
            + "\"message\":\"" + TABLE_MESSAGE + "\",\"ThrottlingReasons\":[{\"reason\":\"TableWriteProvisionedThroughputExceeded\","
            + "\"resource\":\"" + ARN + "wire\"}]}");
    }

    @Test
    void aHotKeyIsAKeyRangeLimitAndAThrottledReadAReadLimit() {
        CapacityEndToEndTest.table(db, "hotkey", 1, 3000, false); // 3 partitions of 1,000 WCU
        for (int i = 0; i < 1000; i++) {
            put("hotkey", "same");
        }
        ProvisionedThroughputExceededException hot = catchThrowableOfType(() -> put("hotkey", "same"), ProvisionedThroughputExceededException.class);
        assertThat(hot.throttlingReasons()).containsExactly(reason("TableWriteKeyRangeThroughputExceeded", ARN + "hotkey"));

        db.getItem(b -> b.tableName("hotkey").key(key("same")).consistentRead(true)); // the table's one RCU
        ProvisionedThroughputExceededException read = catchThrowableOfType(
            () -> db.getItem(b -> b.tableName("hotkey").key(key("same")).consistentRead(true)), ProvisionedThroughputExceededException.class);
        assertThat(read.awsErrorDetails().errorMessage()).isEqualTo(TABLE_MESSAGE);
        assertThat(read.throttlingReasons()).containsExactly(reason("TableReadProvisionedThroughputExceeded", ARN + "hotkey"));
    }

    @Test
    void aGsiHoldingBackItsBaseTableSaysSoAndNamesTheIndex() {
        CapacityEndToEndTest.table(db, "gsiback", 5, 100, true); // byG has 1 WCU
        db.putItem(b -> b.tableName("gsiback").item(Map.of("pk", AttributeValue.fromS("a"), "g", AttributeValue.fromS("x"))));
        ProvisionedThroughputExceededException e = catchThrowableOfType(
            () -> db.putItem(b -> b.tableName("gsiback").item(Map.of("pk", AttributeValue.fromS("b"), "g", AttributeValue.fromS("x")))),
            ProvisionedThroughputExceededException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The level of configured provisioned throughput for one or more global "
            + "secondary indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global "
            + "secondary indexes with the UpdateTable API");
        assertThat(e.throttlingReasons()).containsExactly(reason("IndexWriteProvisionedThroughputExceeded", ARN + "gsiback/index/byG"));
    }

    @Test
    void batchWriteReturnsThrottledRequestsUnprocessedAndFailsOnlyWhenNoneCouldBeWritten() {
        CapacityEndToEndTest.table(db, "batchw", 5, 2, false); // a new table holds one second: 2 units
        List<WriteRequest> three = List.of(
            WriteRequest.builder().putRequest(p -> p.item(key("a"))).build(),
            WriteRequest.builder().putRequest(p -> p.item(key("b"))).build(),
            WriteRequest.builder().putRequest(p -> p.item(key("c"))).build());
        BatchWriteItemResponse r = db.batchWriteItem(b -> b.requestItems(Map.of("batchw", three)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(r.unprocessedItems()).containsOnlyKeys("batchw");
        assertThat(r.unprocessedItems().get("batchw")).containsExactly(three.get(2));
        assertThat(r.consumedCapacity().get(0).capacityUnits()).isEqualTo(2.0); // only what was written
        assertThat(db.scan(b -> b.tableName("batchw").consistentRead(true)).count()).isEqualTo(2);

        ProvisionedThroughputExceededException none = catchThrowableOfType(
            () -> db.batchWriteItem(b -> b.requestItems(Map.of("batchw", r.unprocessedItems().get("batchw")))),
            ProvisionedThroughputExceededException.class);
        assertThat(none.awsErrorDetails().errorMessage()).isEqualTo(TABLE_MESSAGE);
        assertThat(none.throttlingReasons()).containsExactly(reason("TableWriteProvisionedThroughputExceeded", ARN + "batchw"));

        engine.clock().advance(Duration.ofSeconds(1)); // the retry a batch writer makes after its backoff
        assertThat(db.batchWriteItem(b -> b.requestItems(r.unprocessedItems())).unprocessedItems()).isEmpty();
        assertThat(db.getItem(b -> b.tableName("batchw").key(key("c")).consistentRead(true)).hasItem()).isTrue();
    }

    @Test
    void batchGetIsChargedPerItemAndReturnsThrottledKeysUnprocessed() {
        CapacityEndToEndTest.table(db, "batchg", 1, 100, false); // one RCU: two eventually consistent reads of small items
        for (String pk : List.of("a", "b", "c")) {
            put("batchg", pk);
        }
        BatchGetItemResponse r = db.batchGetItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
            .requestItems(Map.of("batchg", KeysAndAttributes.builder().keys(key("a"), key("b"), key("c")).build())));
        assertThat(r.responses().get("batchg")).hasSize(2);
        assertThat(r.unprocessedKeys().get("batchg").keys()).hasSize(1);
        assertThat(r.consumedCapacity().get(0).capacityUnits()).isEqualTo(1.0);
        assertThat(engine.capacity().metrics(ARN + "batchg").consumedReadUnits()).isEqualTo(1.0);

        ProvisionedThroughputExceededException none = catchThrowableOfType(
            () -> db.batchGetItem(b -> b.requestItems(r.unprocessedKeys())), ProvisionedThroughputExceededException.class);
        assertThat(none.throttlingReasons()).containsExactly(reason("TableReadProvisionedThroughputExceeded", ARN + "batchg"));

        engine.clock().advance(Duration.ofSeconds(1));
        assertThat(db.batchGetItem(b -> b.requestItems(r.unprocessedKeys())).responses().get("batchg")).hasSize(1);
    }

    @Test
    void transactGetCostsTwiceAConsistentReadAndIsCancelledWhenThrottled() {
        CapacityEndToEndTest.table(db, "tget", 3, 100, false); // three units now: one transactional read of a small item costs 2
        put("tget", "a");
        put("tget", "b");
        TransactionCanceledException e = catchThrowableOfType(() -> db.transactGetItems(b -> b.transactItems(
            TransactGetItem.builder().get(g -> g.tableName("tget").key(key("a"))).build(),
            TransactGetItem.builder().get(g -> g.tableName("tget").key(key("b"))).build())), TransactionCanceledException.class);
        assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ProvisionedThroughputExceeded]");
        assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ProvisionedThroughputExceeded");
        assertThat(e.cancellationReasons().get(1).message()).isEqualTo(TABLE_MESSAGE);

        engine.clock().advance(Duration.ofSeconds(10));
        assertThat(db.transactGetItems(b -> b.transactItems(TransactGetItem.builder().get(g -> g.tableName("tget").key(key("a"))).build()))
            .responses().get(0).item()).isEqualTo(key("a"));
    }

    @Test
    void transactWriteIsCancelledWithTheThrottledActionsReasonAndWritesNothing() {
        CapacityEndToEndTest.table(db, "twrite", 5, 3, false); // three units now; a transactional write of a small item costs 2
        TransactionCanceledException e = catchThrowableOfType(() -> db.transactWriteItems(b -> b.transactItems(
            TransactWriteItem.builder().conditionCheck(c -> c.tableName("twrite").key(key("guard")).conditionExpression("attribute_not_exists(pk)")).build(),
            TransactWriteItem.builder().put(p -> p.tableName("twrite").item(key("a"))).build(),
            TransactWriteItem.builder().put(p -> p.tableName("twrite").item(key("b"))).build())), TransactionCanceledException.class);
        assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "None", "ProvisionedThroughputExceeded");
        assertThat(db.scan(b -> b.tableName("twrite").consistentRead(true)).count()).isZero(); // all or nothing

        engine.clock().advance(Duration.ofSeconds(10));
        db.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(p -> p.tableName("twrite").item(key("a"))).build()));
        assertThat(db.scan(b -> b.tableName("twrite").consistentRead(true)).count()).isEqualTo(1);
    }

    @Test
    void partiqlBatchReadsAreChargedAndAThrottledOneIsThatStatementsError() {
        CapacityEndToEndTest.table(db, "pbatch", 1, 100, false);
        put("pbatch", "a");
        put("pbatch", "b");
        var r = db.batchExecuteStatement(b -> b.statements(
            s -> s.statement("SELECT * FROM pbatch WHERE pk = 'a'").consistentRead(true),
            s -> s.statement("SELECT * FROM pbatch WHERE pk = 'b'").consistentRead(true)));
        assertThat(r.responses().get(0).item()).isEqualTo(key("a"));
        assertThat(r.responses().get(1).error().code()).isEqualTo(BatchStatementErrorCodeEnum.PROVISIONED_THROUGHPUT_EXCEEDED);
        assertThat(r.responses().get(1).error().message()).isEqualTo(TABLE_MESSAGE);
    }

    @Test
    void anOnDemandTableAtItsConfiguredMaximumIsThrottledWithThrottlingException() {
        db.createTable(b -> b.tableName("ondemand").billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
            .onDemandThroughput(o -> o.maxWriteRequestUnits(5L)));
        assertThat(db.describeTable(b -> b.tableName("ondemand")).table().onDemandThroughput())
            .isEqualTo(OnDemandThroughput.builder().maxReadRequestUnits(-1L).maxWriteRequestUnits(5L).build());
        for (int i = 0; i < 5; i++) {
            put("ondemand", "k" + i);
        }
        ThrottlingException e = catchThrowableOfType(() -> put("ondemand", "over"), ThrottlingException.class);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Throughput exceeds the current capacity of your table or index. DynamoDB is "
            + "automatically scaling your table or index so please try again shortly. If exceptions persist, check if you have a hot key: "
            + "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html");
        assertThat(e.throttlingReasons()).containsExactly(reason("TableWriteMaxOnDemandThroughputExceeded", ARN + "ondemand"));

        db.updateTable(b -> b.tableName("ondemand").onDemandThroughput(o -> o.maxWriteRequestUnits(-1L)));
        assertThat(db.describeTable(b -> b.tableName("ondemand")).table().onDemandThroughput().maxWriteRequestUnits()).isEqualTo(-1L);
        engine.clock().advance(Duration.ofSeconds(1));
        for (int i = 0; i < 6; i++) {
            put("ondemand", "later" + i); // no maximum: the on-demand floor of 4,000 units a second applies
        }
    }

    /** BatchWriteItem of {@code n} small items in batches of 25; returns how many were processed before the first unprocessed one. */
    int writeInBatches(String table, int n) {
        int written = 0;
        for (int start = 0; start < n; start += 25) {
            List<WriteRequest> batch = new java.util.ArrayList<>();
            for (int i = start; i < Math.min(n, start + 25); i++) {
                batch.add(WriteRequest.builder().putRequest(p -> p.item(key("w" + batch.size() + "-" + java.util.UUID.randomUUID()))).build());
            }
            BatchWriteItemResponse r;
            try {
                r = db.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
            } catch (ThrottlingException e) {
                return written;
            }
            int unprocessed = r.unprocessedItems().getOrDefault(table, List.of()).size();
            written += batch.size() - unprocessed;
            if (unprocessed > 0) {
                return written;
            }
        }
        return written;
    }

    @Test
    void warmThroughputIsDescribedAndIsWhatAnOnDemandTableAbsorbsAtOnce() {
        db.createTable(b -> b.tableName("warm").billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
            .warmThroughput(w -> w.writeUnitsPerSecond(6_000L)));
        var warm = db.describeTable(b -> b.tableName("warm")).table().warmThroughput();
        assertThat(warm.readUnitsPerSecond()).isEqualTo(12_000L); // the baseline every table has
        assertThat(warm.writeUnitsPerSecond()).isEqualTo(6_000L);
        assertThat(warm.statusAsString()).isEqualTo("ACTIVE");
        CapacityEndToEndTest.table(db, "cold", 5, 5, true);
        var cold = db.describeTable(b -> b.tableName("cold")).table();
        assertThat(cold.warmThroughput().writeUnitsPerSecond()).isEqualTo(4_000L);
        assertThat(cold.globalSecondaryIndexes().get(0).warmThroughput().readUnitsPerSecond()).isEqualTo(12_000L);

        assertThat(writeInBatches("warm", 6_500)).isEqualTo(6_000); // in one engine-clock second, no throttle before 6,000

        db.updateTable(b -> b.tableName("warm").warmThroughput(w -> w.readUnitsPerSecond(15_000L)));
        warm = db.describeTable(b -> b.tableName("warm")).table().warmThroughput();
        assertThat(warm.readUnitsPerSecond()).isEqualTo(15_000L);
        assertThat(warm.writeUnitsPerSecond()).isEqualTo(6_000L);
    }
}
