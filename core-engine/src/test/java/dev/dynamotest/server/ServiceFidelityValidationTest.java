package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Validation texts and order as the service's deserializer gives them (issue 16), and no 500 for a missing member (issue 17). */
class ServiceFidelityValidationTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final DynamoDbClient db = ServerFixture.client();

    private String table() {
        String name = ServerFixture.uniqueName("fv");
        db.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(ServiceFidelityControlPlaneTest.ks("pk", KeyType.HASH))
            .attributeDefinitions(ServiceFidelityControlPlaneTest.ad("pk", "S")));
        return name;
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    private static String message(Throwable e) {
        return ((DynamoDbException) e).awsErrorDetails().errorMessage();
    }

    @Test
    void scanSegmentTexts() {
        String t = table();
        assertThatThrownBy(() -> db.scan(b -> b.tableName(t).segment(0))).isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo(
                "The TotalSegments parameter is required but was not present in the request when Segment parameter is present"));
        assertThatThrownBy(() -> db.scan(b -> b.tableName(t).totalSegments(2))).isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo(
                "The Segment parameter is required but was not present in the request when parameter TotalSegments is present"));
    }

    @Test
    void anInvalidExpressionAttributeValueNamesItsKey() {
        String t = table();
        assertThatThrownBy(() -> db.putItem(b -> b.tableName(t).item(key("a")).conditionExpression("x = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.builder().ss(List.of()).build()))))
            .isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo("ExpressionAttributeValues contains invalid value: "
                + "One or more parameter values were invalid: An string set  may not be empty for key :v"));
        assertThatThrownBy(() -> db.query(b -> b.tableName(t).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.builder().build()))))
            .isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo("ExpressionAttributeValues contains invalid value: "
                + "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes for key :p"));
    }

    @Test
    void queryReportsValuesWithoutExpressionsBeforeTheMissingKeyCondition() {
        String t = table();
        assertThatThrownBy(() -> db.query(b -> b.tableName(t).projectionExpression("pk")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a")))))
            .isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo(
                "ExpressionAttributeValues can only be specified when using expressions: FilterExpression and KeyConditionExpression are null"));
        assertThatThrownBy(() -> db.query(b -> b.tableName(t).filterExpression("x = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a")))))
            .isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo(
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."));
    }

    @Test
    void limitZeroIsWordedPerOperation() {
        String t = table();
        assertThatThrownBy(() -> db.query(b -> b.tableName(t).limit(0).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a")))))
            .isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo(
                "1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1"));
        assertThatThrownBy(() -> db.scan(b -> b.tableName(t).limit(0))).isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo(
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    }

    @Test
    void emptyRequestItems() {
        assertThatThrownBy(() -> db.batchGetItem(b -> b.requestItems(Map.of()))).isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo("The requestItems parameter is required for BatchGetItem"));
        assertThatThrownBy(() -> db.batchWriteItem(b -> b.requestItems(Map.of()))).isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo("The requestItems parameter is required for BatchWriteItem"));
    }

    @Test
    void echoedValuesUseJavaToString() {
        String t = table();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            String pk = Integer.toString(i);
            writes.add(WriteRequest.builder().putRequest(p -> p.item(key(pk))).build());
        }
        assertThatThrownBy(() -> db.batchWriteItem(b -> b.requestItems(Map.of(t, writes)))).isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).startsWith("1 validation error detected: Value '{" + t
                + "=[WriteRequest(putRequest=PutRequest(item={pk=AttributeValue(s=0)})), WriteRequest(putRequest=PutRequest(item={pk="
                + "AttributeValue(s=1)})), ").endsWith("WriteRequest(putRequest=PutRequest(item={pk=AttributeValue(s=25)}))]}' at "
                + "'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or "
                + "equal to 25, Member must have length greater than or equal to 1]"));
    }

    @Test
    void echoedTransactItemsAndStatementsUseJavaToString() {
        String t = table();
        List<TransactGetItem> gets = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            String pk = Integer.toString(i);
            gets.add(TransactGetItem.builder().get(g -> g.tableName(t).key(key(pk))).build());
        }
        assertThatThrownBy(() -> db.transactGetItems(b -> b.transactItems(gets))).isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).startsWith("1 validation error detected: Value '[TransactGetItem(get=Get(key={pk="
                + "AttributeValue(s=0)}, tableName=" + t + ")), TransactGetItem(get=Get(key={pk=AttributeValue(s=1)}, tableName=" + t + ")), ")
                .endsWith("' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100"));
        List<BatchStatementRequest> statements = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            statements.add(BatchStatementRequest.builder()
                .statement("SELECT * FROM " + t + " WHERE pk = ?").parameters(AttributeValue.fromS("a")).build());
        }
        assertThatThrownBy(() -> db.batchExecuteStatement(b -> b.statements(statements))).isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).startsWith("1 validation error detected: Value '[BatchStatementRequest(statement=SELECT * FROM "
                + t + " WHERE pk = ?, parameters=[AttributeValue(s=a)]), "));
    }

    @Test
    void batchGetOver100KeysForOneTableIsAConstraintErrorCheckedBeforeTheTotal() {
        String t = table();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(key(Integer.toString(i)));
        }
        assertThatThrownBy(() -> db.batchGetItem(b -> b.requestItems(Map.of(t, KeysAndAttributes.builder().keys(keys).build()))))
            .isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).startsWith("1 validation error detected: Value '[{pk=AttributeValue(s=0)}, "
                + "{pk=AttributeValue(s=1)}, ").endsWith(", {pk=AttributeValue(s=100)}]' at 'requestItems." + t + ".member.keys' failed "
                + "to satisfy constraint: Member must have length less than or equal to 100"));
        String other = table();
        assertThatThrownBy(() -> db.batchGetItem(b -> b.requestItems(Map.of(t, KeysAndAttributes.builder().keys(keys.subList(0, 60)).build(),
                other, KeysAndAttributes.builder().keys(keys.subList(0, 60)).build()))))
            .isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo("Too many items requested for the BatchGetItem call"));
    }

    @Test
    void dataPlaneTableNamesAre1To1024CharactersOrAnArn() {
        assertThatThrownBy(() -> db.getItem(b -> b.tableName("ab").key(key("a")))).isInstanceOf(ResourceNotFoundException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo("Requested resource not found"));
        assertThatThrownBy(() -> db.getItem(b -> b.tableName("a b#c").key(key("a")))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> db.describeTable(b -> b.tableName("x"))).isInstanceOf(ResourceNotFoundException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo("Requested resource not found: Table: x not found"));
        String longName = "t".repeat(1025);
        assertThatThrownBy(() -> db.getItem(b -> b.tableName(longName).key(key("a")))).isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo("1 validation error detected: Value '" + longName
                + "' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 1024"));
        assertThatThrownBy(() -> db.createTable(b -> b.tableName("ab").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(ServiceFidelityControlPlaneTest.ks("pk", KeyType.HASH)).attributeDefinitions(ServiceFidelityControlPlaneTest.ad("pk", "S"))))
            .isInstanceOf(DynamoDbException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy "
                + "constraint: Member must have length greater than or equal to 3"));
    }

    @Test
    void aTableArnNamesTheTableInEveryCall() {
        String t = table();
        String arn = db.describeTable(b -> b.tableName(t)).table().tableArn();
        db.putItem(b -> b.tableName(arn).item(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1"))));
        db.updateItem(b -> b.tableName(arn).key(key("a")).updateExpression("SET n = n + :one")
            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        assertThat(db.getItem(b -> b.tableName(arn).key(key("a"))).item().get("n").n()).isEqualTo("2");
        assertThat(db.query(b -> b.tableName(arn).keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a")))).count()).isEqualTo(1);
        assertThat(db.scan(b -> b.tableName(arn)).count()).isEqualTo(1);
        BatchGetItemResponse got = db.batchGetItem(b -> b.requestItems(Map.of(arn, KeysAndAttributes.builder().keys(key("a")).build())));
        assertThat(got.responses()).containsOnlyKeys(arn);
        assertThat(got.responses().get(arn)).hasSize(1);
        db.batchWriteItem(b -> b.requestItems(Map.of(arn, List.of(WriteRequest.builder().putRequest(p -> p.item(key("b"))).build()))));
        db.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(p -> p.tableName(arn).item(key("c"))).build()));
        assertThat(db.transactGetItems(b -> b.transactItems(TransactGetItem.builder().get(g -> g.tableName(arn).key(key("c"))).build()))
            .responses().get(0).item()).isEqualTo(key("c"));
        db.deleteItem(b -> b.tableName(arn).key(key("b")));
        assertThat(db.scan(b -> b.tableName(t)).count()).isEqualTo(2);
        db.updateTimeToLive(b -> b.tableName(arn).timeToLiveSpecification(s -> s.attributeName("ttl").enabled(true)));
        assertThat(db.describeTimeToLive(b -> b.tableName(arn)).timeToLiveDescription().attributeName()).isEqualTo("ttl");
        db.updateTable(b -> b.tableName(arn).deletionProtectionEnabled(false));
        assertThat(db.describeTable(b -> b.tableName(arn)).table().tableName()).isEqualTo(t);
        assertThat(db.deleteTable(b -> b.tableName(arn)).tableDescription().tableName()).isEqualTo(t);
    }

    @Test
    void aKeyThatDoesNotMatchTheSchemaCancelsATransaction() {
        String t = table();
        db.putItem(b -> b.tableName(t).item(key("a")));
        assertThatThrownBy(() -> db.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(t).item(key("x"))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(t).key(Map.of("pk", AttributeValue.fromN("1")))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(t).key(Map.of("other", AttributeValue.fromS("a")))
                    .conditionExpression("attribute_exists(pk)")).build(),
                TransactWriteItem.builder().update(u -> u.tableName(t).key(key("")).updateExpression("SET n = :n")
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))).build())))
            .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer cancellation reasons for "
                    + "specific reasons [None, ValidationError, ValidationError, ValidationError]");
                assertThat(e.cancellationReasons()).extracting(r -> r.code()).containsExactly("None", "ValidationError",
                    "ValidationError", "ValidationError");
                assertThat(e.cancellationReasons().get(1).message()).isEqualTo("The provided key element does not match the schema");
                assertThat(e.cancellationReasons().get(2).message()).isEqualTo("The provided key element does not match the schema");
                assertThat(e.cancellationReasons().get(3).message()).startsWith(
                    "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value.");
            });
        assertThat(db.getItem(b -> b.tableName(t).key(key("x"))).hasItem()).isFalse();
        assertThatThrownBy(() -> db.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName(t).key(key("a"))).build(),
                TransactGetItem.builder().get(g -> g.tableName(t).key(Map.of())).build())))
            .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                assertThat(e.cancellationReasons()).extracting(r -> r.code()).containsExactly("None", "ValidationError");
                assertThat(e.cancellationReasons().get(1).message()).isEqualTo("The provided key element does not match the schema");
            });
    }

    @Test
    void partiqlOnAMissingTable() {
        assertThatThrownBy(() -> db.executeStatement(b -> b.statement("SELECT * FROM \"no-such-table-fv\"")))
            .isInstanceOf(ResourceNotFoundException.class)
            .satisfies(e -> assertThat(message(e)).isEqualTo("Requested resource not found"));
    }

    @Test
    void conditionChecksAreTransactionalWritesAndReplaysAreTransactionalReads() {
        String t = table();
        // a 3 KB item: a ConditionCheck on it is 2 x 3 = 6 write units; the put of a small item is 2
        String big = "x".repeat(3 * 1024 - 10);
        db.putItem(b -> b.tableName(t).item(Map.of("pk", AttributeValue.fromS("big"), "v", AttributeValue.fromS(big))));
        List<ConsumedCapacity> written = db.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
            .clientRequestToken("fv-token-1")
            .transactItems(TransactWriteItem.builder().conditionCheck(c -> c.tableName(t).key(key("big"))
                    .conditionExpression("attribute_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(t).item(key("small"))).build())).consumedCapacity();
        assertThat(written).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(8.0));
        // the replay reads the items: 2 x ceil(3 KB / 4 KB) + 2 x 1 = 4 read units
        List<ConsumedCapacity> replayed = db.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
            .clientRequestToken("fv-token-1")
            .transactItems(TransactWriteItem.builder().conditionCheck(c -> c.tableName(t).key(key("big"))
                    .conditionExpression("attribute_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(t).item(key("small"))).build())).consumedCapacity();
        assertThat(replayed).singleElement().satisfies(c -> {
            assertThat(c.capacityUnits()).isEqualTo(4.0);
            assertThat(c.tableName()).isEqualTo(t);
        });
    }

    /**
     * Drops each member of a valid request in turn (recursively, every object member and list element), and sets each
     * string to a value no enum has: the answer is a 400 with the service's error type and a message, never a 5xx.
     */
    @Test
    void droppingAnyMemberNeverAnswers500() throws Exception {
        String t = table();
        String s = "\"" + t + "\"";
        String created = ServerFixture.uniqueName("fv-drop");
        String arn = db.describeTable(b -> b.tableName(t)).table().tableArn();
        String[][] requests = {
            {"CreateTable", "{\"TableName\":\"" + created + "\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"l\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"g\",\"AttributeType\":\"N\"}],\"BillingMode\":\"PROVISIONED\","
                + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1},"
                + "\"LocalSecondaryIndexes\":[{\"IndexName\":\"lsi\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"l\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"a\"]}}],"
                + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gsi\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"},\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}}],"
                + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"KEYS_ONLY\"},"
                + "\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}"},
            {"UpdateTable", "{\"TableName\":" + s + ",\"AttributeDefinitions\":[{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                + "\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"g1\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}}]}"},
            {"UpdateTable", "{\"TableName\":" + s + ",\"GlobalSecondaryIndexUpdates\":[{\"Update\":{\"IndexName\":\"nope\","
                + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}}},{\"Delete\":{\"IndexName\":\"nope\"}}]}"},
            {"TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":" + s + ",\"Item\":{\"pk\":{\"S\":\"a\"}},"
                + "\"ConditionExpression\":\"attribute_not_exists(pk)\"}},"
                + "{\"Update\":{\"TableName\":" + s + ",\"Key\":{\"pk\":{\"S\":\"b\"}},\"UpdateExpression\":\"SET n = :n\","
                + "\"ExpressionAttributeValues\":{\":n\":{\"N\":\"1\"}}}},"
                + "{\"Delete\":{\"TableName\":" + s + ",\"Key\":{\"pk\":{\"S\":\"c\"}}}},"
                + "{\"ConditionCheck\":{\"TableName\":" + s + ",\"Key\":{\"pk\":{\"S\":\"d\"}},\"ConditionExpression\":\"attribute_not_exists(pk)\"}}]}"},
            {"TransactGetItems", "{\"TransactItems\":[{\"Get\":{\"TableName\":" + s + ",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                + "\"ProjectionExpression\":\"#p\",\"ExpressionAttributeNames\":{\"#p\":\"pk\"}}}]}"},
            {"BatchWriteItem", "{\"RequestItems\":{" + s + ":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}}},"
                + "{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"b\"}}}}]}}"},
            {"BatchGetItem", "{\"RequestItems\":{" + s + ":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"ProjectionExpression\":\"#p\","
                + "\"ExpressionAttributeNames\":{\"#p\":\"pk\"}}}}"},
            {"CreateTable", "{\"TableName\":\"" + created + "\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"g\",\"AttributeType\":\"B\"}],"
                + "\"BillingMode\":\"PAY_PER_REQUEST\",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":5,\"MaxWriteRequestUnits\":5},"
                + "\"WarmThroughput\":{\"ReadUnitsPerSecond\":20000,\"WriteUnitsPerSecond\":5000},\"TableClass\":\"STANDARD\","
                + "\"SSESpecification\":{\"Enabled\":true,\"SSEType\":\"KMS\",\"KMSMasterKeyId\":\"k\"},\"DeletionProtectionEnabled\":false,"
                + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gsi\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"pk\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"a\"]},"
                + "\"OnDemandThroughput\":{\"MaxReadRequestUnits\":5,\"MaxWriteRequestUnits\":5}}]}"},
            {"UpdateTable", "{\"TableName\":" + s + ",\"BillingMode\":\"PROVISIONED\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":3,"
                + "\"WriteCapacityUnits\":3},\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_IMAGE\"},"
                + "\"SSESpecification\":{\"Enabled\":true},\"TableClass\":\"STANDARD_INFREQUENT_ACCESS\"}"},
            {"ExecuteTransaction", "{\"TransactStatements\":[{\"Statement\":\"INSERT INTO " + s.replace("\"", "\\\"")
                + " VALUE {'pk': ?}\",\"Parameters\":[{\"S\":\"t1\"}]}],\"ClientRequestToken\":\"fv-drop\"}"},
            {"BatchExecuteStatement", "{\"Statements\":[{\"Statement\":\"SELECT * FROM " + s.replace("\"", "\\\"")
                + " WHERE pk = ?\",\"Parameters\":[{\"S\":\"a\"}],\"ConsistentRead\":true}]}"},
            {"TagResource", "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}"},
            {"UntagResource", "{\"ResourceArn\":\"" + arn + "\",\"TagKeys\":[\"k\"]}"},
            {"UpdateTimeToLive", "{\"TableName\":" + s + ",\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"ttl\"}}"},
        };
        for (String[] r : requests) {
            JsonNode full = JSON.readTree(r[1]);
            List<JsonNode> variants = new ArrayList<>();
            dropEach(full, full, variants);
            replaceEachString(full, full, variants);
            for (JsonNode v : variants) {
                ProtocolEndToEndTest.Raw answer = ProtocolEndToEndTest.post("DynamoDB_20120810." + r[0], v.toString());
                if (answer.status() == 200) {
                    if (r[0].equals("CreateTable")) {
                        db.deleteTable(b -> b.tableName(v.path("TableName").asText()));
                    }
                    continue; // an optional member, or a value the service accepts too: the request is still valid
                }
                JsonNode body = JSON.readTree(answer.body());
                assertThat(answer.status()).as(r[0] + " " + v).isEqualTo(400);
                assertThat(body.path("__type").asText()).as(r[0] + " " + v).matches("com\\.amazon.*#[A-Za-z]+Exception");
                assertThat(body.path("message").asText()).as(r[0] + " " + v).isNotEmpty().doesNotContain("java.").doesNotContain("Exception:");
            }
        }
    }

    /** Adds to {@code out} a copy of {@code root} without each member or element reachable from {@code node}. */
    private static void dropEach(JsonNode root, JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                JsonNode copy = root.deepCopy();
                ((ObjectNode) find(copy, root, node)).remove(n);
                out.add(copy);
                dropEach(root, node.get(n), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode copy = root.deepCopy();
                ((ArrayNode) find(copy, root, node)).remove(i);
                out.add(copy);
                dropEach(root, node.get(i), out);
            }
        }
    }

    /** Adds to {@code out} a copy of {@code root} with each string value reachable from {@code node} set to "BOGUS". */
    private static void replaceEachString(JsonNode root, JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (node.get(n).isTextual()) {
                    JsonNode copy = root.deepCopy();
                    ((ObjectNode) find(copy, root, node)).put(n, "BOGUS");
                    out.add(copy);
                } else {
                    replaceEachString(root, node.get(n), out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isTextual()) {
                    JsonNode copy = root.deepCopy();
                    ((ArrayNode) find(copy, root, node)).set(i, "BOGUS");
                    out.add(copy);
                } else {
                    replaceEachString(root, node.get(i), out);
                }
            }
        }
    }

    /** The node of {@code copy} at the position {@code target} has in {@code original}. */
    private static JsonNode find(JsonNode copy, JsonNode original, JsonNode target) {
        if (original == target) {
            return copy;
        }
        if (original.isObject()) {
            for (Iterator<String> it = original.fieldNames(); it.hasNext(); ) {
                String n = it.next();
                JsonNode found = find(copy.get(n), original.get(n), target);
                if (found != null) {
                    return found;
                }
            }
        } else if (original.isArray()) {
            for (int i = 0; i < original.size(); i++) {
                JsonNode found = find(copy.get(i), original.get(i), target);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
