package dev.dynamotest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * PartiQL through the SDK v2 client over HTTP: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction,
 * with the values, exception classes and messages DynamoDB Local 2.6.1 answers.
 */
class PartiqlEndToEndTest {
    static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";
    static DynamoDbClient db;

    @BeforeAll
    static void client() {
        db = ServerFixture.client();
    }

    static String table() {
        return ServerFixture.createTable("pql", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    /** A table with pk/sk and a KEYS_ONLY global index "byG" on g. */
    static String tableWithIndex() {
        String name = ServerFixture.uniqueName("pqlidx");
        db.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build(),
                AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
                .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        return name;
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static String q(String table) {
        return "\"" + table + "\"";
    }

    static ExecuteStatementResponse exec(String statement, AttributeValue... params) {
        return db.executeStatement(b -> b.statement(statement).parameters(params.length == 0 ? null : List.of(params)));
    }

    static BatchStatementRequest bs(String statement) {
        return BatchStatementRequest.builder().statement(statement).build();
    }

    static ParameterizedStatement ps(String statement) {
        return ParameterizedStatement.builder().statement(statement).build();
    }

    static void insertPage(String t, String pk, int count) {
        for (int i = 0; i < count; i++) {
            exec("INSERT INTO " + q(t) + " VALUE {'pk': ?, 'sk': ?, 'v': ?, 'g': 'G'}", s(pk), n(i), s("x" + i));
        }
    }

    // ------------------------------------------------------------------ SELECT

    @Test
    void selectByFullKeyByPartitionAndByScan() {
        String t = table();
        insertPage(t, "a", 3);
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'b', 'sk': 1, 'v': 'y', 'm': {'n': {'d': 1}, 'l': [5, 6]}}");
        assertThat(exec("SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 1").items())
            .containsExactly(Map.of("pk", s("a"), "sk", n(1), "v", s("x1"), "g", s("G")));
        assertThat(exec("SELECT sk FROM " + q(t) + " WHERE pk = 'a'").items()).extracting(i -> i.get("sk").n())
            .containsExactly("0", "1", "2");
        assertThat(exec("SELECT * FROM " + q(t) + " WHERE pk = 'a' ORDER BY sk DESC").items()).extracting(i -> i.get("sk").n())
            .containsExactly("2", "1", "0");
        assertThat(exec("SELECT sk FROM " + q(t) + " WHERE pk = 'a' AND sk >= 1").items()).extracting(i -> i.get("sk").n())
            .containsExactly("1", "2");
        assertThat(exec("SELECT pk FROM " + q(t) + " WHERE v = 'y'").items()).containsExactly(Map.of("pk", s("b")));
        assertThat(exec("SELECT * FROM " + q(t)).items()).hasSize(4);
        // projected paths are named by their last name, as PartiQL names them; absent paths are left out
        assertThat(exec("SELECT m.n.d, m.l[1], nope FROM " + q(t) + " WHERE pk = 'b' AND sk = 1").items())
            .containsExactly(Map.of("d", n(1), "l[1]", n(6)));
        assertThat(exec("SELECT nope FROM " + q(t) + " WHERE pk = 'a' AND sk = 1").items()).containsExactly(Map.of());
        assertThat(exec("SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 9").items()).isEmpty();
    }

    @Test
    void whereOperatorsAndFunctions() {
        String t = table();
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 1, 'v': 'hello', 'n': 5, 'ss': <<'x', 'y'>>, 'l': [1, 'two'], 'nul': NULL, 'b': TRUE}");
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 2, 'v': 'world', 'n': 7}");
        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("begins_with(v, 'he')", List.of("1"));
        cases.put("contains(ss, 'x')", List.of("1"));
        cases.put("contains(v, 'orl')", List.of("2"));
        cases.put("attribute_type(ss, 'SS')", List.of("1"));
        cases.put("size(l) = 2", List.of("1"));
        cases.put("l IS MISSING", List.of("2"));
        cases.put("l IS NOT MISSING", List.of("1"));
        cases.put("nul IS NULL", List.of("1"));
        cases.put("nul IS NOT NULL", List.of("2"));
        cases.put("b IS BOOLEAN", List.of("1"));
        cases.put("v IS STRING", List.of("1", "2"));
        cases.put("n BETWEEN 4 AND 6", List.of("1"));
        cases.put("n IN [5, 9]", List.of("1"));
        cases.put("n <> 5", List.of("2"));
        cases.put("NOT n = 5", List.of("2"));
        cases.put("(n = 5 OR n = 7)", List.of("1", "2"));
        cases.put("l[1] = 'two'", List.of("1"));
        cases.put("n > 5 AND n <= 7", List.of("2"));
        cases.forEach((condition, expected) -> assertThat(exec("SELECT sk FROM " + q(t) + " WHERE pk = 'a' AND " + condition).items())
            .as(condition).extracting(i -> i.get("sk").n()).containsExactlyElementsOf(expected));
        assertThat(exec("SELECT sk FROM " + q(t) + " WHERE 'a' = pk AND 1 = sk").items()).hasSize(1);
        assertThat(exec("SELECT sk FROM " + q(t) + " WHERE pk = ? AND n = ?", s("a"), n(7)).items()).containsExactly(Map.of("sk", n(2)));
    }

    @Test
    void limitAndNextTokenPaginateQueriesAndScans() {
        String t = table();
        insertPage(t, "page", 7);
        for (String statement : List.of("SELECT sk FROM " + q(t) + " WHERE pk = 'page'", "SELECT sk FROM " + q(t))) {
            List<String> seen = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String token = null;
            do {
                String next = token;
                ExecuteStatementResponse r = db.executeStatement(b -> b.statement(statement).limit(3).nextToken(next));
                r.items().forEach(i -> seen.add(i.get("sk").n()));
                pageSizes.add(r.items().size());
                token = r.nextToken();
                if (token != null) {
                    assertThat(r.lastEvaluatedKey()).containsKeys("pk", "sk");
                }
            } while (token != null);
            assertThat(seen).as(statement).containsExactly("0", "1", "2", "3", "4", "5", "6");
            assertThat(pageSizes).containsExactly(3, 3, 1);
        }
        // Limit counts evaluated items within the sort-key range; a page ending exactly at the end still has a token
        ExecuteStatementResponse ranged = db.executeStatement(b -> b.statement("SELECT sk FROM " + q(t) + " WHERE pk = 'page' AND sk > 4").limit(2));
        assertThat(ranged.items()).extracting(i -> i.get("sk").n()).containsExactly("5", "6");
        assertThat(ranged.nextToken()).isNotNull();
        assertThat(db.executeStatement(b -> b.statement("SELECT sk FROM " + q(t) + " WHERE pk = 'page' AND sk > 4")
            .nextToken(ranged.nextToken())).items()).isEmpty();
        // the filter applies after Limit: a page may hold fewer items than it evaluated
        ExecuteStatementResponse filtered = db.executeStatement(b -> b.statement("SELECT sk FROM " + q(t) + " WHERE pk = 'page' AND v = 'x4'").limit(3));
        assertThat(filtered.items()).isEmpty();
        assertThat(filtered.nextToken()).isNotNull();
        assertThat(db.executeStatement(b -> b.statement("SELECT * FROM " + q(t) + " WHERE pk = 'page' ORDER BY sk DESC").limit(2))
            .items()).extracting(i -> i.get("sk").n()).containsExactly("6", "5");
        assertThatThrownBy(() -> db.executeStatement(b -> b.statement("SELECT sk FROM " + q(t)).nextToken("garbage")))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("Invalid NextToken");
    }

    @Test
    void selectFromAnIndex() {
        String t = tableWithIndex();
        insertPage(t, "a", 3);
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'b', 'sk': 1, 'g': 'H'}");
        assertThat(exec("SELECT * FROM " + q(t) + ".\"byG\" WHERE g = 'H'").items())
            .containsExactly(Map.of("pk", s("b"), "sk", n(1), "g", s("H")));
        assertThat(exec("SELECT * FROM " + q(t) + ".\"byG\" WHERE g = 'G'").items()).hasSize(3)
            .allSatisfy(i -> assertThat(i).containsOnlyKeys("pk", "sk", "g"));
        assertThat(exec("SELECT * FROM " + q(t) + ".\"byG\"").items()).hasSize(4);
        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ExecuteStatementResponse r = db.executeStatement(b -> b.statement("SELECT * FROM " + q(t) + ".\"byG\" WHERE g = 'G'").limit(2).nextToken(next));
            r.items().forEach(i -> paged.add(i.get("sk").n()));
            token = r.nextToken();
        } while (token != null);
        assertThat(paged).containsExactlyInAnyOrder("0", "1", "2");
        assertThatThrownBy(() -> exec("SELECT * FROM " + q(t) + ".\"nope\""))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("The table does not have the specified index: nope");
        assertThatThrownBy(() -> db.executeStatement(b -> b.statement("SELECT * FROM " + q(t) + ".\"byG\"").consistentRead(true)))
            .hasMessageStartingWith("Consistent read cannot be true when scanning a GSI");
        assertThatThrownBy(() -> exec("SELECT v FROM " + q(t) + ".\"byG\" WHERE g = 'G'"))
            .hasMessageStartingWith("One or more parameter values were invalid: Global secondary index byG does not project [v]");
    }

    // ------------------------------------------------------------------ writes

    @Test
    void insertAndDuplicates() {
        String t = table();
        ExecuteStatementResponse r = exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 1, 'tags': <<'p', 'q'>>, 'm': {'k': [1, 2]}, 'e': ''}");
        assertThat(r.items()).isEmpty();
        assertThat(db.getItem(b -> b.tableName(t).key(Map.of("pk", s("a"), "sk", n(1)))).item())
            .containsEntry("tags", AttributeValue.fromSs(List.of("p", "q")))
            .containsEntry("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromL(List.of(n(1), n(2))))))
            .containsEntry("e", s(""));
        assertThatThrownBy(() -> exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 1}"))
            .isInstanceOf(DuplicateItemException.class).hasMessageStartingWith("Duplicate primary key exists in table");
        assertThatThrownBy(() -> exec("INSERT INTO " + q(t) + " VALUE {'pk': 'b'}"))
            .hasMessageStartingWith("Key attribute should be present in the item: Key sk");
        assertThatThrownBy(() -> exec("INSERT INTO " + q(t) + " VALUE {'pk': 'b', 'sk': 's'}"))
            .hasMessageStartingWith("Key attribute's data type should match its data type in table's schema: Key sk");
        assertThatThrownBy(() -> exec("INSERT INTO " + q(t) + " VALUE {'pk': '', 'sk': 3}"))
            .hasMessageStartingWith("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
        exec("INSERT INTO " + q(t) + " VALUE {'pk': ?, 'sk': ?, 'bin': ?}", s("p"), n(2), AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {7})));
        assertThat(exec("SELECT bin FROM " + q(t) + " WHERE pk = 'p' AND sk = 2").items().get(0).get("bin").b().asByteArray())
            .containsExactly(7);
    }

    @Test
    void updateWithConditionsAndReturning() {
        String t = table();
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 1, 'v': 'x', 'n': 1, 'l': [1], 'ss': <<'a'>>, 'm': {'a': {'b': 1}}}");
        String key = " WHERE pk = 'a' AND sk = 1";
        assertThat(exec("UPDATE " + q(t) + " SET v = 'y'" + key).items()).isEmpty();
        assertThat(exec("UPDATE " + q(t) + " SET v = 'q'" + key + " RETURNING ALL OLD *").items().get(0)).containsEntry("v", s("y"));
        assertThat(exec("UPDATE " + q(t) + " SET v = 'r', w = 1" + key + " RETURNING MODIFIED OLD *").items()).containsExactly(Map.of("v", s("q")));
        assertThat(exec("UPDATE " + q(t) + " SET v = 's', w = 2" + key + " RETURNING MODIFIED NEW *").items())
            .containsExactly(Map.of("v", s("s"), "w", n(2)));
        assertThat(exec("UPDATE " + q(t) + " SET n = n + 5" + key + " RETURNING ALL NEW *").items().get(0)).containsEntry("n", n(6));
        assertThat(exec("UPDATE " + q(t) + " SET n = ? REMOVE w" + key + " AND w = 2 RETURNING ALL NEW *", n(42)).items().get(0))
            .containsEntry("n", n(42)).doesNotContainKey("w");
        assertThat(exec("UPDATE " + q(t) + " SET l = list_append(l, [2]), z = if_not_exists(z, 5)" + key + " RETURNING MODIFIED NEW *").items())
            .containsExactly(Map.of("l", AttributeValue.fromL(List.of(n(1), n(2))), "z", n(5)));
        assertThat(exec("UPDATE " + q(t) + " SET ss = set_add(ss, <<'b'>>)" + key + " RETURNING MODIFIED NEW *").items())
            .containsExactly(Map.of("ss", AttributeValue.fromSs(List.of("a", "b"))));
        assertThat(exec("UPDATE " + q(t) + " SET ss = set_delete(ss, <<'a'>>)" + key + " RETURNING MODIFIED NEW *").items())
            .containsExactly(Map.of("ss", AttributeValue.fromSs(List.of("b"))));
        assertThat(exec("UPDATE " + q(t) + " SET m.a.b = 2" + key + " RETURNING MODIFIED NEW *").items())
            .containsExactly(Map.of("m", AttributeValue.fromM(Map.of("a", AttributeValue.fromM(Map.of("b", n(2)))))));

        ConditionalCheckFailedException failed = catchThrowableOfType(ConditionalCheckFailedException.class,
            () -> db.executeStatement(b -> b.statement("UPDATE " + q(t) + " SET v = 'no'" + key + " AND v = 'other'")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(failed).hasMessageStartingWith("The conditional request failed");
        assertThat(failed.item()).containsEntry("v", s("s"));
        assertThatThrownBy(() -> exec("UPDATE " + q(t) + " SET v = 'q' WHERE pk = 'missing' AND sk = 1"))
            .isInstanceOf(ConditionalCheckFailedException.class).hasMessageStartingWith("The conditional request failed");
        assertThatThrownBy(() -> exec("UPDATE " + q(t) + " SET v = 'q' WHERE pk = 'a'"))
            .hasMessageStartingWith("Where clause does not contain a mandatory equality on all key attributes");
        assertThatThrownBy(() -> exec("UPDATE " + q(t) + " SET v = 'q'"))
            .hasMessageStartingWith("Where clause does not contain a mandatory equality on all key attributes");
        assertThatThrownBy(() -> exec("UPDATE " + q(t) + " SET v = 'c'" + key + " AND pk = 'b'"))
            .hasMessageStartingWith("Multiple conditions on same key pk. Only single item Update/Insert/Delete are supported");
        assertThatThrownBy(() -> exec("UPDATE " + q(t) + " SET sk = 3" + key))
            .hasMessageStartingWith("One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key");
        assertThatThrownBy(() -> exec("UPDATE " + q(t) + " SET v = v2" + key))
            .hasMessageStartingWith("The provided expression refers to an attribute that does not exist in the item");
        assertThatThrownBy(() -> exec("UPDATE " + q(t) + " SET v = 'a', v = 'b'" + key))
            .hasMessageStartingWith("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [v], path two: [v]");
    }

    @Test
    void deleteWithConditionsAndReturning() {
        String t = table();
        insertPage(t, "a", 3);
        assertThat(exec("DELETE FROM " + q(t) + " WHERE pk = 'a' AND sk = 0").items()).isEmpty();
        assertThat(exec("DELETE FROM " + q(t) + " WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *").items())
            .containsExactly(Map.of("pk", s("a"), "sk", n(1), "v", s("x1"), "g", s("G")));
        assertThat(exec("DELETE FROM " + q(t) + " WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *").items()).isEmpty();
        ConditionalCheckFailedException failed = catchThrowableOfType(ConditionalCheckFailedException.class,
            () -> db.executeStatement(b -> b.statement("DELETE FROM " + q(t) + " WHERE pk = 'a' AND sk = 2 AND v = 'no'")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(failed.item()).containsEntry("v", s("x2"));
        // deleting an item that is not there is no error, extra conditions or not (as DynamoDB Local answers)
        assertThat(exec("DELETE FROM " + q(t) + " WHERE pk = 'zz' AND sk = 3 AND v = 'no'").items()).isEmpty();
        assertThat(exec("DELETE FROM " + q(t) + " WHERE pk = 'a' AND sk = 2 AND v = 'x2'").items()).isEmpty();
        assertThat(exec("SELECT * FROM " + q(t) + " WHERE pk = 'a'").items()).isEmpty();
        assertThatThrownBy(() -> exec("DELETE FROM " + q(t) + " WHERE pk = 'a' AND sk = 3 RETURNING ALL NEW *"))
            .hasMessageStartingWith("Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
        assertThatThrownBy(() -> exec("DELETE FROM " + q(t) + " WHERE pk = 'a'"))
            .hasMessageStartingWith("Where clause does not contain a mandatory equality on all key attributes");
    }

    @Test
    void consumedCapacity() {
        String t = table();
        ExecuteStatementResponse w = db.executeStatement(b -> b.statement("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 1}")
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(w.consumedCapacity().tableName()).isEqualTo(t);
        assertThat(w.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        ExecuteStatementResponse r = db.executeStatement(b -> b.statement("SELECT * FROM " + q(t) + " WHERE pk = 'a'")
            .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertThat(r.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        assertThat(r.consumedCapacity().table().capacityUnits()).isEqualTo(1.0);
        assertThat(exec("SELECT * FROM " + q(t)).consumedCapacity()).isNull();
    }

    @Test
    void statementErrors() {
        String t = table();
        assertThatThrownBy(() -> exec("SELEC * FROM " + q(t)))
            .isInstanceOf(DynamoDbException.class).hasMessageStartingWith(NOT_WELL_FORMED + "SELEC * FROM " + q(t));
        assertThatThrownBy(() -> exec("SELECT * FROM \"no-such-table\""))
            .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found (Service");
        assertThatThrownBy(() -> exec("SELECT * FROM " + q(t) + " WHERE pk = ?"))
            .hasMessageStartingWith("Number of parameters in request and statement don't match.");
        // the service's rule; DynamoDB Local 2.6.1 ignores surplus parameters
        assertThatThrownBy(() -> exec("SELECT * FROM " + q(t) + " WHERE pk = ?", s("a"), s("b")))
            .hasMessageStartingWith("Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> exec("SELECT * FROM " + q(t) + " LIMIT 1"))
            .hasMessageStartingWith("Unsupported clause: LIMIT at 1:");
        assertThatThrownBy(() -> exec("SELECT * FROM " + q(t) + " WHERE pk = 1"))
            .hasMessageStartingWith("Key attribute's data type should match its data type in table's schema: Key pk");
        assertThatThrownBy(() -> exec("SELECT * FROM " + q(t) + " ORDER BY sk DESC"))
            .hasMessageStartingWith("Must have WHERE clause in the statement when using ORDER BY clause.");
        assertThatThrownBy(() -> exec("SELECT sk FROM " + q(t) + " WHERE pk = 'a' AND sk BETWEEN 2 AND 1"))
            .hasMessageStartingWith("The BETWEEN operator requires upper bound to be greater than or equal to lower bound");
        assertThatThrownBy(() -> exec("EXISTS(SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 1)"))
            .hasMessageStartingWith("EXISTS can only be used in ExecuteTransaction write requests.");
        assertThatThrownBy(() -> exec("CREATE TABLE foo")).hasMessageStartingWith("Unsupported operation: CreateTable");
        assertThatThrownBy(() -> exec("SELECT * FROM \"ab\""))
            .hasMessageStartingWith("Table name should be within the length [3, 255] and only contain 'a-z', 'A-Z', '0-9', '-', '_', '.'.");
        assertThatThrownBy(() -> exec("INSERT INTO \"ab\" VALUE {'pk': 'a'}"))
            .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> exec("UPDATE " + q(t) + ".\"byG\" SET v = 1 WHERE pk = 'a' AND sk = 1"))
            .hasMessageStartingWith("This operation is not supported on an index");
        assertThatThrownBy(() -> db.executeStatement(b -> b.statement("SELECT * FROM " + q(t)).parameters(List.of())))
            .hasMessageStartingWith("1 validation error detected: Value '[]' at 'parameters' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    // ------------------------------------------------------------------ BatchExecuteStatement

    @Test
    void batchWritesReportErrorsPerStatement() {
        String t = table();
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 1, 'v': 'x'}");
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 2, 'v': 'y'}");
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 4, 'v': 'w'}");
        List<BatchStatementResponse> r = db.batchExecuteStatement(b -> b.statements(
            bs("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 3}"),
            bs("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 1}"),
            bs("UPDATE " + q(t) + " SET v = 'z' WHERE pk = 'a' AND sk = 9"),
            BatchStatementRequest.builder().statement("UPDATE " + q(t) + " SET v = 'z' WHERE pk = 'a' AND sk = 2 AND v = 'no'")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build(),
            bs("DELETE FROM " + q(t) + " WHERE pk = 'a' AND sk = 77"),
            bs("SELEC x"),
            bs("UPDATE " + q(t) + " SET v = 'z' WHERE pk = 'a'"),
            bs("INSERT INTO \"nosuch\" VALUE {'pk': 'a', 'sk': 6}"),
            BatchStatementRequest.builder().statement("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': ?}").build(),
            bs("UPDATE " + q(t) + " SET v = 'q' WHERE pk = 'a' AND sk = 4 RETURNING MODIFIED OLD *"),
            bs("EXISTS(SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 1)"))).responses();
        assertThat(r.get(0).error()).isNull();
        assertThat(r.get(0).tableName()).isEqualTo(t);
        assertThat(r.get(1).error().code()).isEqualTo(BatchStatementErrorCodeEnum.DUPLICATE_ITEM);
        assertThat(r.get(1).error().message()).isEqualTo("Duplicate primary key exists in table");
        assertThat(r.get(1).tableName()).isEqualTo(t);
        assertThat(r.get(2).error().code()).isEqualTo(BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED);
        assertThat(r.get(2).error().message()).isEqualTo("The conditional request failed");
        assertThat(r.get(2).error().hasItem()).isFalse();
        assertThat(r.get(3).error().code()).isEqualTo(BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED);
        assertThat(r.get(3).error().item()).isEqualTo(Map.of("pk", s("a"), "sk", n(2), "v", s("y")));
        assertThat(r.get(4).error()).isNull();
        assertThat(r.get(5).error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
        assertThat(r.get(5).error().message()).isEqualTo(NOT_WELL_FORMED + "SELEC x");
        assertThat(r.get(5).tableName()).isNull();
        assertThat(r.get(6).error().message()).isEqualTo("Where clause does not contain a mandatory equality on all key attributes");
        assertThat(r.get(7).error().code()).isEqualTo(BatchStatementErrorCodeEnum.RESOURCE_NOT_FOUND);
        assertThat(r.get(7).error().message()).isEqualTo("Requested resource not found");
        assertThat(r.get(8).error().message()).isEqualTo("Number of parameters in request and statement don't match.");
        assertThat(r.get(9).error()).isNull();
        assertThat(r.get(9).item()).isEqualTo(Map.of("v", s("w")));
        assertThat(r.get(10).error().message()).isEqualTo("EXISTS can only be used in ExecuteTransaction write requests.");
        assertThat(exec("SELECT sk FROM " + q(t) + " WHERE pk = 'a'").items()).extracting(i -> i.get("sk").n())
            .containsExactly("1", "2", "3", "4");
    }

    @Test
    void batchReadsAreSingleItemSelects() {
        String t = tableWithIndex();
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 1, 'v': 'x'}");
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 2, 'v': 'y'}");
        List<BatchStatementResponse> r = db.batchExecuteStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).statements(
            bs("SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 1"),
            bs("SELECT * FROM " + q(t) + " WHERE pk = 'a'"),
            bs("SELECT v FROM " + q(t) + " WHERE pk = 'a' AND sk = 2 AND v = 'y'"),
            bs("SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 99"),
            bs("SELECT * FROM \"nosuch\" WHERE pk = 'a' AND sk = 1"),
            bs("SELECT * FROM " + q(t) + ".\"byG\" WHERE g = 'a'"),
            BatchStatementRequest.builder().statement("SELECT v FROM " + q(t) + " WHERE pk = 'a' AND sk = ?").parameters(n(2)).consistentRead(true).build(),
            bs("SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 'x'"))).responses();
        assertThat(r.get(0).item()).isEqualTo(Map.of("pk", s("a"), "sk", n(1), "v", s("x")));
        assertThat(r.get(0).tableName()).isEqualTo(t);
        for (int i : new int[] {1, 2, 5}) {
            assertThat(r.get(i).error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
            assertThat(r.get(i).error().message()).isEqualTo("Only single item select is supported");
        }
        assertThat(r.get(3).error()).isNull();
        assertThat(r.get(3).hasItem()).isFalse();
        assertThat(r.get(3).tableName()).isEqualTo(t);
        assertThat(r.get(4).error().code()).isEqualTo(BatchStatementErrorCodeEnum.RESOURCE_NOT_FOUND);
        assertThat(r.get(6).item()).isEqualTo(Map.of("v", s("y")));
        assertThat(r.get(7).error().message()).isEqualTo("Key attribute's data type should match its data type in table's schema: Key sk");
    }

    @Test
    void batchCallErrors() {
        String t = table();
        assertThatThrownBy(() -> db.batchExecuteStatement(b -> b.statements(
            bs("SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 1"), bs("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 3}"))))
            .isInstanceOf(DynamoDbException.class)
            .hasMessageStartingWith("Read and write requests together in the same batch is not supported.");
        assertThatThrownBy(() -> db.batchExecuteStatement(b -> b.statements(
            bs("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 7}"), bs("DELETE FROM " + q(t) + " WHERE pk = 'a' AND sk = 7"))))
            .hasMessageStartingWith("Provided list of item keys contains duplicates");
        assertThat(exec("SELECT * FROM " + q(t)).items()).isEmpty();
        List<BatchStatementRequest> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(bs("INSERT INTO " + q(t) + " VALUE {'pk': 'w', 'sk': " + i + "}"));
        }
        assertThatThrownBy(() -> db.batchExecuteStatement(b -> b.statements(many)))
            .hasMessageContaining("at 'statements' failed to satisfy constraint: Member must have length less than or equal to 25");
    }

    // ------------------------------------------------------------------ ExecuteTransaction

    @Test
    void transactionCommitsAllOrNothing() {
        String t = table();
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 1, 'v': 'x'}");
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 2, 'v': 'y'}");
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 5, 'v': 'keep'}");
        ExecuteTransactionResponse ok = db.executeTransaction(b -> b.transactStatements(
            ps("INSERT INTO " + q(t) + " VALUE {'pk': 't', 'sk': 1}"),
            ps("UPDATE " + q(t) + " SET v = 'q' WHERE pk = 'a' AND sk = 1"),
            ps("DELETE FROM " + q(t) + " WHERE pk = 'a' AND sk = 2"),
            ps("EXISTS(SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 5 AND v = 'keep')")));
        assertThat(ok.responses()).isEmpty();
        // EXISTS needs the item to exist: a missing item fails the check
        TransactionCanceledException missing = catchThrowableOfType(TransactionCanceledException.class, () ->
            db.executeTransaction(b -> b.transactStatements(ps("EXISTS(SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 3 AND v IS MISSING)"))));
        assertThat(missing.cancellationReasons()).extracting(r -> r.code()).containsExactly("ConditionalCheckFailed");
        assertThat(exec("SELECT sk, v FROM " + q(t) + " WHERE pk = 'a'").items())
            .containsExactly(Map.of("sk", n(1), "v", s("q")), Map.of("sk", n(5), "v", s("keep")));

        TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class, () ->
            db.executeTransaction(b -> b.transactStatements(
                ps("INSERT INTO " + q(t) + " VALUE {'pk': 't', 'sk': 2}"),
                ps("INSERT INTO " + q(t) + " VALUE {'pk': 't', 'sk': 1}"),
                ParameterizedStatement.builder().statement("UPDATE " + q(t) + " SET v = 'z' WHERE pk = 'a' AND sk = 1 AND v = 'no'")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build(),
                ps("UPDATE " + q(t) + " SET v = 'z' WHERE pk = 'nope' AND sk = 1"),
                ps("EXISTS(SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 5 AND v = 'no')"))));
        // The service names a duplicate INSERT "DuplicateItem" (DynamoDB Local 2.6.1 says ValidationError)
        assertThat(e.cancellationReasons()).extracting(r -> r.code())
            .containsExactly("None", "DuplicateItem", "ConditionalCheckFailed", "ConditionalCheckFailed", "ConditionalCheckFailed");
        assertThat(e.cancellationReasons().get(1).message()).isEqualTo("Duplicate primary key exists in table");
        assertThat(e.cancellationReasons().get(2).item()).isEqualTo(Map.of("pk", s("a"), "sk", n(1), "v", s("q")));
        assertThat(e.cancellationReasons().get(3).message()).isEqualTo("The conditional request failed");
        assertThat(e.cancellationReasons().get(4).message()).isEqualTo("The conditional request failed.");
        assertThat(e).hasMessageStartingWith("Transaction cancelled, please refer cancellation reasons for specific reasons "
            + "[None, DuplicateItem, ConditionalCheckFailed, ConditionalCheckFailed, ConditionalCheckFailed]");
        assertThat(exec("SELECT * FROM " + q(t) + " WHERE pk = 't'").items()).hasSize(1);
    }

    @Test
    void transactionReadsAndIdempotency() {
        String t = table();
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'a', 'sk': 1, 'n': 1, 'v': 'x'}");
        exec("INSERT INTO " + q(t) + " VALUE {'pk': 'b', 'sk': 1, 'v': 'y'}");
        for (int i = 0; i < 2; i++) {
            db.executeTransaction(b -> b.clientRequestToken("pql-token-1").transactStatements(
                ps("UPDATE " + q(t) + " SET n = n + 1 WHERE pk = 'a' AND sk = 1")));
        }
        assertThat(exec("SELECT n FROM " + q(t) + " WHERE pk = 'a' AND sk = 1").items()).containsExactly(Map.of("n", n(2)));
        assertThatThrownBy(() -> db.executeTransaction(b -> b.clientRequestToken("pql-token-1").transactStatements(
            ps("UPDATE " + q(t) + " SET n = n + 2 WHERE pk = 'a' AND sk = 1"))))
            .isInstanceOf(IdempotentParameterMismatchException.class)
            // the service's text (the engine's ClientTokens), where DynamoDB Local says "Specified idempotent token was used ..."
            .hasMessageStartingWith("DynamoDB rejected the request because you retried a request with a different payload but with an idempotent token that was already used.");
        ExecuteTransactionResponse reads = db.executeTransaction(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactStatements(
            ps("SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 1"),
            ps("SELECT v FROM " + q(t) + " WHERE pk = 'a' AND sk = 9"),
            ParameterizedStatement.builder().statement("SELECT v FROM " + q(t) + " WHERE pk = ? AND sk = ?").parameters(s("b"), n(1)).build()));
        assertThat(reads.responses().get(0).item()).isEqualTo(Map.of("pk", s("a"), "sk", n(1), "n", n(2), "v", s("x")));
        assertThat(reads.responses().get(1).hasItem()).isFalse();
        assertThat(reads.responses().get(2).item()).isEqualTo(Map.of("v", s("y")));
        assertThat(reads.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(6.0));
    }

    @Test
    void transactionValidation() {
        String t = tableWithIndex();
        String in0 = "Validation failed in TransactStatements[0]: ";
        String in1 = "Validation failed in TransactStatements[1]: ";
        Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("INSERT INTO " + q(t) + " VALUE {'pk': 't', 'sk': 3}", "EXISTS(SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 1)"),
            in1 + "EXISTS() must contain a single item read with additional condition");
        cases.put(List.of("INSERT INTO " + q(t) + " VALUE {'pk': 't', 'sk': 6}", "NOT EXISTS(SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 1 AND v = 1)"),
            "Unsupported operation in transaction.");
        cases.put(List.of("INSERT INTO " + q(t) + " VALUE {'pk': 't', 'sk': 8}", "INSERT INTO " + q(t) + " VALUE {'pk': 't', 'sk': 8}"),
            "Transaction request cannot include multiple operations on one item");
        cases.put(List.of("INSERT INTO " + q(t) + " VALUE {'pk': 't', 'sk': 10}", "SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 1"),
            "ExecuteTransaction API does not support both read and write operations in the same request.");
        cases.put(List.of("SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 1 AND v = 'x'"),
            in0 + "Select statements within ExecuteTransaction must specify the primary key in the where clause.");
        cases.put(List.of("SELECT * FROM " + q(t) + " WHERE pk = 'a'"),
            in0 + "Select statements within ExecuteTransaction must specify the primary key in the where clause.");
        cases.put(List.of("SELECT * FROM " + q(t) + ".\"byG\" WHERE g = 'a'"), in0 + "Reads on indices are not supported within transactions.");
        cases.put(List.of("SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 1", "SELECT * FROM " + q(t) + " WHERE pk = 'a' AND sk = 1"),
            "Transaction request cannot include multiple operations on one item");
        cases.put(List.of("UPDATE " + q(t) + " SET v = 'q' WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW *"),
            in0 + "RETURNING clause is not supported in ExecuteTransaction.");
        cases.put(List.of("SELEC"), "Unsupported operation: VariableReference");
        cases.forEach((statements, message) -> assertThatThrownBy(() -> db.executeTransaction(b -> b.transactStatements(
            statements.stream().map(PartiqlEndToEndTest::ps).toList())))
            .as(statements.toString()).isInstanceOf(DynamoDbException.class).hasMessageStartingWith(message));
        assertThatThrownBy(() -> db.executeTransaction(b -> b.transactStatements(
            ps("INSERT INTO " + q(t) + " VALUE {'pk': 't', 'sk': 22}"), ps("INSERT INTO \"nosuch\" VALUE {'pk': 'a', 'sk': 6}"))))
            .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found");
        assertThat(exec("SELECT * FROM " + q(t)).items()).isEmpty();
    }
}
