package dev.dynamotest.engine.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.query.SortCondition;
import dev.dynamotest.engine.table.KeyAttribute;
import dev.dynamotest.engine.table.KeySchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Planning against a key schema: single items for writes, query or scan for SELECT, and the static checks. */
class PartiqlPlannerTest {
    static final KeySchema KS = new KeySchema(new KeyAttribute("pk", AttrType.S), new KeyAttribute("sk", AttrType.N));

    static Statement.Select select(String where) {
        return (Statement.Select) PartiqlParser.parse("SELECT * FROM t " + where, List.of());
    }

    static Condition where(String condition) {
        return select("WHERE " + condition).where();
    }

    @Test
    void singleItemTakesTheKeyEqualitiesAndLeavesTheRest() {
        PartiqlPlanner.SingleItem s = PartiqlPlanner.singleItem(where("v = 'x' AND 1 = sk AND pk = 'a' AND n > 2"), KS);
        assertThat(s.key()).containsExactly(Map.entry("pk", AttributeValue.s("a")), Map.entry("sk", AttributeValue.n(1)));
        assertThat(s.rest()).isEqualTo(where("v = 'x' AND n > 2"));
        assertThat(PartiqlPlanner.singleItem(where("pk = 'a' AND sk = 1"), KS).rest()).isNull();
    }

    @Test
    void singleItemErrors() {
        String missing = "Where clause does not contain a mandatory equality on all key attributes";
        assertThatThrownBy(() -> PartiqlPlanner.singleItem(null, KS)).hasMessage(missing);
        assertThatThrownBy(() -> PartiqlPlanner.singleItem(where("pk = 'a'"), KS)).hasMessage(missing);
        assertThatThrownBy(() -> PartiqlPlanner.singleItem(where("pk = 'a' OR sk = 1"), KS)).hasMessage(missing);
        assertThatThrownBy(() -> PartiqlPlanner.singleItem(where("pk = 'a' AND sk > 1"), KS)).hasMessage(missing);
        assertThatThrownBy(() -> PartiqlPlanner.singleItem(where("pk IN ['a'] AND sk = 1"), KS)).hasMessage(missing);
        assertThatThrownBy(() -> PartiqlPlanner.singleItem(where("pk = 'a' AND sk = 1 AND pk = 'b'"), KS))
            .hasMessage("Multiple conditions on same key pk. Only single item Update/Insert/Delete are supported");
        assertThatThrownBy(() -> PartiqlPlanner.singleItem(where("pk = 'a' AND sk = 'x'"), KS))
            .hasMessage("Key attribute's data type should match its data type in table's schema: Key sk");
        assertThatThrownBy(() -> PartiqlPlanner.singleItem(where("pk = '' AND sk = 1"), KS))
            .hasMessage("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
    }

    @Test
    void insertedItemsNeedTheirKeys() {
        assertThatThrownBy(() -> PartiqlPlanner.checkItemKey(Item.of(Map.of("pk", AttributeValue.s("b"))), KS))
            .hasMessage("Key attribute should be present in the item: Key sk");
        assertThatThrownBy(() -> PartiqlPlanner.checkItemKey(Item.of(Map.of("pk", AttributeValue.s("b"), "sk", AttributeValue.s("s"))), KS))
            .hasMessage("Key attribute's data type should match its data type in table's schema: Key sk");
    }

    @Test
    void selectsWithAPartitionEqualityAreQueries() {
        PartiqlPlanner.ReadPlan scan = PartiqlPlanner.read(select("WHERE v = 1 OR pk = 'a'"), KS);
        assertThat(scan.isQuery()).isFalse();
        assertThat(PartiqlPlanner.read(select(""), KS).isQuery()).isFalse();
        PartiqlPlanner.ReadPlan q = PartiqlPlanner.read(select("WHERE v = 1 AND pk = 'a'"), KS);
        assertThat(q.partition()).isEqualTo(AttributeValue.s("a"));
        assertThat(q.sort()).isNull();
        assertThat(q.forward()).isTrue();
        assertThat(PartiqlPlanner.read(select("WHERE pk = 'a' AND sk > 2"), KS).sort())
            .isEqualTo(new SortCondition(SortCondition.Op.GT, AttributeValue.n(2), null));
        assertThat(PartiqlPlanner.read(select("WHERE pk = 'a' AND 2 > sk"), KS).sort())
            .isEqualTo(new SortCondition(SortCondition.Op.LT, AttributeValue.n(2), null));
        assertThat(PartiqlPlanner.read(select("WHERE pk = 'a' AND sk BETWEEN 1 AND 3"), KS).sort())
            .isEqualTo(new SortCondition(SortCondition.Op.BETWEEN, AttributeValue.n(1), AttributeValue.n(3)));
        assertThat(PartiqlPlanner.read(select("WHERE pk = 'a' AND sk <> 3"), KS).sort()).isNull();
        assertThat(PartiqlPlanner.read(select("WHERE pk = 'a' ORDER BY sk DESC"), KS).forward()).isFalse();
        assertThatThrownBy(() -> PartiqlPlanner.read(select("WHERE pk = 1"), KS))
            .hasMessage("Key attribute's data type should match its data type in table's schema: Key pk");
        assertThatThrownBy(() -> PartiqlPlanner.read(select("WHERE pk = 'a' AND sk = 'x'"), KS))
            .hasMessage("Key attribute's data type should match its data type in table's schema: Key sk");
    }

    @Test
    void orderByRules() {
        assertThatThrownBy(() -> PartiqlPlanner.read(select("ORDER BY sk DESC"), KS))
            .hasMessage("Must have WHERE clause in the statement when using ORDER BY clause.");
        assertThatThrownBy(() -> PartiqlPlanner.read(select("WHERE sk = 1 ORDER BY sk DESC"), KS))
            .hasMessage("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
        assertThatThrownBy(() -> PartiqlPlanner.read(select("WHERE pk = 'a' ORDER BY v"), KS))
            .hasMessage("Variable reference v in ORDER BY clause must be part of the primary key");
    }

    @Test
    void staticChecksUsePartiqlTexts() {
        assertThatThrownBy(() -> PartiqlPlanner.check(where("v = \"v\"")))
            .hasMessage("The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [v]");
        assertThatThrownBy(() -> PartiqlPlanner.check(where("sk BETWEEN 2 AND 1")))
            .hasMessage("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}");
        assertThatThrownBy(() -> PartiqlPlanner.check(where("begins_with(sk, 1)")))
            .hasMessage("Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        assertThatThrownBy(() -> PartiqlPlanner.check(where("contains(v)")))
            .hasMessage("Incorrect number of operands for operator or function; operator or function: contains, number of operands: 1");
        assertThatThrownBy(() -> PartiqlPlanner.check(where("attribute_type(v, 'XX')")))
            .hasMessage("Invalid attribute type name found; type: XX, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}");
        assertThatThrownBy(() -> PartiqlPlanner.check(((Statement.Update) PartiqlParser.parse(
            "UPDATE t SET v = 'b' REMOVE v WHERE pk = 'a'", List.of())).update()))
            .hasMessage("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [v], path two: [v]");
        assertThat(PartiqlPlanner.check(where("v = 'x'"))).isEqualTo(where("v = 'x'"));
    }
}
