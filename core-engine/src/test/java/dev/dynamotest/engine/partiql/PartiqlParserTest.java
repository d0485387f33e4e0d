package dev.dynamotest.engine.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.Operand;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.model.AttributeValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartiqlParserTest {

    @Test
    void selectWithProjectionIndexAndWhere() {
        Statement.Select s = (Statement.Select) PartiqlParser.parse(
            "SELECT a, b.c[2] FROM \"Orders\".\"byStatus\" WHERE status = 'open' AND n > 3 OR NOT x IS MISSING", List.of());
        assertThat(s.table()).isEqualTo("Orders");
        assertThat(s.index()).isEqualTo("byStatus");
        assertThat(s.projection()).extracting(Path::toString).containsExactly("a", "b.c[2]");
        assertThat(s.where()).isInstanceOf(Condition.Or.class);
        Condition.Or or = (Condition.Or) s.where();
        assertThat(or.left()).isInstanceOf(Condition.And.class);
        assertThat(or.right()).isEqualTo(new Condition.Not(new Condition.Not(
            new Condition.Function("attribute_not_exists", List.of(new Operand.PathOperand(Path.of("x")))))).condition());
    }

    @Test
    void literalsAndParameters() {
        Statement.Insert s = (Statement.Insert) PartiqlParser.parse(
            "insert into t value {'s': 'it''s', 'n': -1.50, 'b': TRUE, 'z': NULL, 'l': [1, 'x'], 'm': {'k': ?}, 'ss': <<'a','b'>>, 'ns': <<1, 2>>}",
            List.of(AttributeValue.s("param")));
        assertThat(s.item().get("s")).isEqualTo(AttributeValue.s("it's"));
        assertThat(s.item().get("n").toString()).contains("-1.5");
        assertThat(s.item().get("b")).isEqualTo(AttributeValue.TRUE);
        assertThat(s.item().get("z")).isEqualTo(AttributeValue.NULL);
        assertThat(s.item().get("m")).isEqualTo(AttributeValue.m(java.util.Map.of("k", AttributeValue.s("param"))));
        assertThat(s.item().get("ss").type().name()).isEqualTo("SS");
        assertThat(s.item().get("ns").type().name()).isEqualTo("NS");
    }

    @Test
    void updateWithSetRemoveAndReturning() {
        Statement.Update u = (Statement.Update) PartiqlParser.parse(
            "UPDATE t SET a = a + 1, b = 'x' SET c = ? REMOVE d, e.f WHERE pk = 'k' RETURNING MODIFIED OLD *",
            List.of(AttributeValue.n(5)));
        assertThat(u.update().set()).hasSize(3);
        assertThat(u.update().set().get(0).value()).isInstanceOf(Operand.Arithmetic.class);
        assertThat(u.update().remove()).extracting(Path::toString).containsExactly("d", "e.f");
        assertThat(u.returning()).isEqualTo("UPDATED_OLD");
        Statement.Delete d = (Statement.Delete) PartiqlParser.parse("DELETE FROM t WHERE pk = 'k' RETURNING ALL OLD *", List.of());
        assertThat(d.returning()).isEqualTo("ALL_OLD");
    }

    @Test
    void inBetweenAndFunctions() {
        Statement.Select s = (Statement.Select) PartiqlParser.parse(
            "SELECT * FROM t WHERE pk IN ['a', 'b'] AND n BETWEEN 1 AND 5 AND begins_with(s, 'x') AND size(l) >= 2", List.of());
        assertThat(s.where().toString()).contains("In[", "Between[", "begins_with", "Size[");
    }

    @Test
    void errorsUseTheServiceTexts() {
        assertThatThrownBy(() -> PartiqlParser.parse("SELEC * FROM t", List.of()))
            .isInstanceOf(DynamoException.class).hasMessage("Statement wasn't well formed, can't be processed: SELEC * FROM t");
        assertThatThrownBy(() -> PartiqlParser.parse("SELECT * FROM t WHERE a = ?", List.of()))
            .hasMessage("Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> PartiqlParser.parse("SELECT * FROM t", List.of(AttributeValue.s("extra"))))
            .hasMessage("Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> PartiqlParser.parse("SELECT * FROM t WHERE a = 'unterminated", List.of()))
            .hasMessageStartingWith("Statement wasn't well formed, can't be processed:");
        assertThatThrownBy(() -> PartiqlParser.parse("DELETE FROM t WHERE pk = 'k' RETURNING ALL NEW *", List.of()))
            .hasMessageStartingWith("Unsupported RETURNING clause");
    }
}
