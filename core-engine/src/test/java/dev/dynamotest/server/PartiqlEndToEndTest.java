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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;

/** PartiQL through the SDK v2 client over HTTP. */
class PartiqlEndToEndTest {
    static DynamoDbClient db;
    static String t;

    @BeforeAll
    static void table() {
        db = ServerFixture.client();
        t = ServerFixture.createTable("pql", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static ExecuteStatementResponse exec(String statement, AttributeValue... params) {
        return db.executeStatement(b -> b.statement(statement).parameters(params.length == 0 ? null : List.of(params)));
    }

    @Test
    void insertSelectUpdateDelete() {
        exec("INSERT INTO \"" + t + "\" VALUE {'pk': 'a', 'sk': 1, 'v': 'x', 'tags': <<'p', 'q'>>, 'm': {'k': [1, 2]}}");
        assertThatThrownBy(() -> exec("INSERT INTO \"" + t + "\" VALUE {'pk': 'a', 'sk': 1}"))
            .isInstanceOf(DuplicateItemException.class).hasMessageStartingWith("Duplicate primary key exists in table");
        exec("INSERT INTO \"" + t + "\" VALUE {'pk': ?, 'sk': ?, 'v': ?}", s("a"), n(2), s("y"));
        assertThat(exec("SELECT * FROM \"" + t + "\" WHERE pk = 'a'").items()).extracting(i -> i.get("sk").n()).containsExactly("1", "2");
        assertThat(exec("SELECT v, m.k[1] FROM \"" + t + "\" WHERE pk = 'a' AND sk = 1").items())
            .containsExactly(Map.of("v", s("x"), "m", AttributeValue.fromM(Map.of("k", AttributeValue.fromL(List.of(n(2)))))));
        assertThat(exec("SELECT * FROM \"" + t + "\" WHERE v = 'y'").items()).extracting(i -> i.get("sk").n()).containsExactly("2");
        assertThat(exec("SELECT * FROM \"" + t + "\" WHERE pk = 'a' AND tags IS NOT MISSING").items()).hasSize(1);
        ExecuteStatementResponse updated = exec("UPDATE \"" + t + "\" SET v = 'z' SET n = 5 WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW *");
        assertThat(updated.items()).singleElement().satisfies(i -> assertThat(i).containsEntry("v", s("z")).containsEntry("n", n(5)));
        assertThat(exec("UPDATE \"" + t + "\" SET n = n + 3 WHERE pk = 'a' AND sk = 1 RETURNING MODIFIED NEW *").items())
            .containsExactly(Map.of("n", n(8)));
        assertThatThrownBy(() -> exec("UPDATE \"" + t + "\" SET v = 'q' WHERE pk = 'a' AND sk = 1 AND v = 'nope'"))
            .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> exec("UPDATE \"" + t + "\" SET v = 'q' WHERE pk = 'missing' AND sk = 1"))
            .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> exec("UPDATE \"" + t + "\" SET v = 'q' WHERE pk = 'a'"))
            .hasMessageStartingWith("Where clause does not contain a mandatory equality on all key attributes");
        exec("UPDATE \"" + t + "\" REMOVE tags WHERE pk = 'a' AND sk = 1");
        assertThat(exec("SELECT * FROM \"" + t + "\" WHERE pk = 'a' AND sk = 1").items().get(0)).doesNotContainKey("tags");
        assertThat(exec("DELETE FROM \"" + t + "\" WHERE pk = 'a' AND sk = 2 RETURNING ALL OLD *").items())
            .singleElement().satisfies(i -> assertThat(i).containsEntry("v", s("y")));
        assertThat(exec("DELETE FROM \"" + t + "\" WHERE pk = 'none' AND sk = 2").items()).isEmpty();
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> exec("SELEC * FROM \"" + t + "\""))
            .hasMessageStartingWith("Statement wasn't well formed, can't be processed: SELEC * FROM \"" + t + "\"");
        assertThatThrownBy(() -> exec("SELECT * FROM \"no-such-table\""))
            .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> db.executeStatement(b -> b.statement("SELECT * FROM \"" + t + "\" WHERE pk = ?")))
            .hasMessageStartingWith("Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> exec("SELECT * FROM \"" + t + "\".\"nope\""))
            .hasMessageStartingWith("The table does not have the specified index: nope");
    }

    @Test
    void limitAndNextTokenPaginate() {
        for (int i = 0; i < 7; i++) {
            exec("INSERT INTO \"" + t + "\" VALUE {'pk': 'page', 'sk': ?}", n(i));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ExecuteStatementResponse r = db.executeStatement(b -> b.statement("SELECT sk FROM \"" + t + "\" WHERE pk = 'page'")
                .limit(3).nextToken(next));
            r.items().forEach(i -> seen.add(i.get("sk").n()));
            token = r.nextToken();
        } while (token != null);
        assertThat(seen).containsExactly("0", "1", "2", "3", "4", "5", "6");
    }

    @Test
    void batchExecuteStatementReportsErrorsPerStatement() {
        exec("INSERT INTO \"" + t + "\" VALUE {'pk': 'batch', 'sk': 1}");
        List<BatchStatementResponse> r = db.batchExecuteStatement(b -> b.statements(
            BatchStatementRequest.builder().statement("INSERT INTO \"" + t + "\" VALUE {'pk': 'batch', 'sk': 2}").build(),
            BatchStatementRequest.builder().statement("INSERT INTO \"" + t + "\" VALUE {'pk': 'batch', 'sk': 1}").build())).responses();
        assertThat(r.get(0).error()).isNull();
        assertThat(r.get(1).error().codeAsString()).isEqualTo("DuplicateItem");
        assertThat(r.get(1).error().message()).isEqualTo("Duplicate primary key exists in table");
        List<BatchStatementResponse> reads = db.batchExecuteStatement(b -> b.statements(
            BatchStatementRequest.builder().statement("SELECT * FROM \"" + t + "\" WHERE pk = 'batch' AND sk = 2").build(),
            BatchStatementRequest.builder().statement("SELECT * FROM \"" + t + "\" WHERE pk = 'batch' AND sk = 9").build())).responses();
        assertThat(reads.get(0).item()).containsEntry("sk", n(2));
        assertThat(reads.get(1).hasItem()).isFalse();
        assertThatThrownBy(() -> db.batchExecuteStatement(b -> b.statements(
            BatchStatementRequest.builder().statement("SELECT * FROM \"" + t + "\" WHERE pk = 'batch' AND sk = 2").build(),
            BatchStatementRequest.builder().statement("INSERT INTO \"" + t + "\" VALUE {'pk': 'batch', 'sk': 3}").build())))
            .hasMessageStartingWith("Read and write requests together in the same batch is not supported.");
    }

    @Test
    void executeTransactionIsAllOrNothingAndIdempotent() {
        exec("INSERT INTO \"" + t + "\" VALUE {'pk': 'txn', 'sk': 1, 'n': 1}");
        TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class, () ->
            db.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("INSERT INTO \"" + t + "\" VALUE {'pk': 'txn', 'sk': 2}").build(),
                ParameterizedStatement.builder().statement("INSERT INTO \"" + t + "\" VALUE {'pk': 'txn', 'sk': 1}").build())));
        assertThat(e.cancellationReasons()).extracting(r -> r.code()).containsExactly("None", "DuplicateItem");
        assertThat(exec("SELECT * FROM \"" + t + "\" WHERE pk = 'txn'").items()).hasSize(1);
        for (int i = 0; i < 2; i++) {
            db.executeTransaction(b -> b.clientRequestToken("pql-token-1").transactStatements(
                ParameterizedStatement.builder().statement("UPDATE \"" + t + "\" SET n = n + 1 WHERE pk = 'txn' AND sk = 1").build()));
        }
        assertThat(exec("SELECT n FROM \"" + t + "\" WHERE pk = 'txn' AND sk = 1").items()).containsExactly(Map.of("n", n(2)));
        var reads = db.executeTransaction(b -> b.transactStatements(
            ParameterizedStatement.builder().statement("SELECT * FROM \"" + t + "\" WHERE pk = 'txn' AND sk = 1").build())).responses();
        assertThat(reads.get(0).item()).containsEntry("n", n(2));
    }
}
