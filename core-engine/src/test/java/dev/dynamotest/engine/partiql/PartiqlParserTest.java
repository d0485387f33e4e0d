package dev.dynamotest.engine.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.Operand;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.expr.UpdateExpression;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Bytes;
import dev.dynamotest.engine.model.Num;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PartiQL grammar rule by rule, and every parser error with the text DynamoDB Local 2.6.1 answers. */
class PartiqlParserTest {

    static Statement parse(String text, AttributeValue... params) {
        return PartiqlParser.parse(text, List.of(params));
    }

    static Statement.Select select(String text, AttributeValue... params) {
        return (Statement.Select) parse(text, params);
    }

    static Condition where(String condition, AttributeValue... params) {
        return select("SELECT * FROM t WHERE " + condition, params).where();
    }

    static Operand path(String name) {
        return new Operand.PathOperand(Path.of(name));
    }

    static Operand lit(AttributeValue v) {
        return new Operand.Literal(v, null);
    }

    static void fails(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(DynamoException.class).hasMessage(message)
            .satisfies(e -> assertThat(((DynamoException) e).type()).isEqualTo("ValidationException"));
    }

    static void malformed(String text) {
        fails(text, "Statement wasn't well formed, can't be processed: " + text);
    }

    // ------------------------------------------------------------------ SELECT

    @Test
    void selectStarFromTableAndIndex() {
        Statement.Select s = select("SELECT * FROM \"Orders\"");
        assertThat(s.projection()).isNull();
        assertThat(s.table()).isEqualTo("Orders");
        assertThat(s.index()).isNull();
        assertThat(s.where()).isNull();
        assertThat(s.orderBy()).isEmpty();
        Statement.Select i = select("select * from \"Orders\".\"byStatus\"");
        assertThat(i.table()).isEqualTo("Orders");
        assertThat(i.index()).isEqualTo("byStatus");
        Statement.Select unquoted = select("SELECT * FROM Orders.byStatus;");
        assertThat(unquoted.table()).isEqualTo("Orders");
        assertThat(unquoted.index()).isEqualTo("byStatus");
    }

    @Test
    void projectionPathsAndTheirResultNames() {
        Statement.Select s = select("SELECT a, \"B\", m.n.d, l[1], m['k'], l[0][2], l[1].x FROM t");
        assertThat(s.projection()).extracting(Path::toString).containsExactly("a", "B", "m.n.d", "l[1]", "m.k", "l[0][2]", "l[1].x");
        assertThat(s.projection()).extracting(PartiqlParser::resultName).containsExactly("a", "B", "d", "l[1]", "k", "l[0][2]", "x");
    }

    @Test
    void projectionErrors() {
        fails("SELECT sk, sk FROM t", "Duplicate identifiers in select clause: sk");
        fails("SELECT m.x, x FROM t", "Duplicate identifiers in select clause: x");
        fails("SELECT m.*, v FROM t", "Changing item's hierarchy while reading isn't supported");
        fails("SELECT COUNT(*) FROM t", "Unexpected path component at 1:8:5");
        fails("SELECT 'lit' FROM t", "Unexpected path component at 1:8:5");
        fails("SELECT v AS w FROM t", "Aliasing is not supported");
        fails("SELECT * FROM t AS x", "Aliasing is not supported");
        fails("SELECT * FROM t, u", "Only select from a single table or index is supported.");
        malformed("SELECT *, v FROM t");
        malformed("SELECT FROM t");
        malformed("SELECT * FROM");
    }

    @Test
    void unsupportedClausesAndStatements() {
        fails("SELECT * FROM \"pqlprobe3e50a9\" LIMIT 1", "Unsupported clause: LIMIT at 1:38:1");
        fails("CREATE TABLE foo", "Unsupported operation: CreateTable");
        fails("DROP TABLE foo", "Unsupported operation: DropTable");
        fails("SELEC", "Unsupported operation: VariableReference");
        malformed("SELEC * FROM t");
        malformed("SELECT * FROM t WHERE pk = 'a';;");
        malformed("SELECT * FROM t WHERE");
        malformed("SELECT * FROM t WHERE pk = 'a' AND");
        malformed("SELECT * FROM t WHERE pk = 'a");
        malformed("SELECT * FROM t WHERE pk = 'a' #");
    }

    @Test
    void orderBy() {
        Statement.Select s = select("SELECT * FROM t WHERE pk = 'a' ORDER BY sk DESC");
        assertThat(s.orderBy()).containsExactly(new Statement.OrderBy("sk", true));
        assertThat(select("SELECT * FROM t WHERE pk = 'a' ORDER BY pk, \"sk\" ASC").orderBy())
            .containsExactly(new Statement.OrderBy("pk", false), new Statement.OrderBy("sk", false));
    }

    // ------------------------------------------------------------------ WHERE

    @Test
    void comparisonsBindLiteralsOnEitherSide() {
        assertThat(where("pk = 'a'")).isEqualTo(new Condition.Compare(path("pk"), Condition.Comparator.EQ, lit(AttributeValue.s("a"))));
        assertThat(where("'a' = pk")).isEqualTo(new Condition.Compare(lit(AttributeValue.s("a")), Condition.Comparator.EQ, path("pk")));
        assertThat(where("n <> 1")).isEqualTo(new Condition.Compare(path("n"), Condition.Comparator.NE, lit(AttributeValue.n(1))));
        assertThat(where("n != 1")).isEqualTo(new Condition.Compare(path("n"), Condition.Comparator.NE, lit(AttributeValue.n(1))));
        assertThat(((Condition.Compare) where("n < 1")).comparator()).isEqualTo(Condition.Comparator.LT);
        assertThat(((Condition.Compare) where("n <= 1")).comparator()).isEqualTo(Condition.Comparator.LE);
        assertThat(((Condition.Compare) where("n > 1")).comparator()).isEqualTo(Condition.Comparator.GT);
        assertThat(((Condition.Compare) where("n >= 1")).comparator()).isEqualTo(Condition.Comparator.GE);
        assertThat(where("v = \"w\"")).isEqualTo(new Condition.Compare(path("v"), Condition.Comparator.EQ, path("w")));
    }

    @Test
    void precedenceNotAndOrAndParentheses() {
        Condition c = where("a = 1 OR b = 2 AND NOT c = 3");
        assertThat(c).isInstanceOf(Condition.Or.class);
        Condition.And and = (Condition.And) ((Condition.Or) c).right();
        assertThat(and.right()).isInstanceOf(Condition.Not.class);
        Condition grouped = where("(a = 1 OR b = 2) AND c = 3");
        assertThat(grouped).isInstanceOf(Condition.And.class);
        assertThat(((Condition.And) grouped).left()).isInstanceOf(Condition.Or.class);
    }

    @Test
    void betweenInAndTheirNegations() {
        assertThat(where("n BETWEEN 1 AND 5")).isEqualTo(new Condition.Between(path("n"), lit(AttributeValue.n(1)), lit(AttributeValue.n(5))));
        assertThat(where("n IN [1, 2]")).isEqualTo(new Condition.In(path("n"), List.of(lit(AttributeValue.n(1)), lit(AttributeValue.n(2)))));
        assertThat(where("n IN (1, 2)")).isEqualTo(where("n IN [1, 2]"));
        assertThat(where("n NOT BETWEEN 1 AND 5")).isEqualTo(new Condition.Not(where("n BETWEEN 1 AND 5")));
        assertThat(where("n NOT IN [1]")).isEqualTo(new Condition.Not(where("n IN [1]")));
    }

    @Test
    void isMissingNullAndTypes() {
        assertThat(where("x IS MISSING")).isEqualTo(new Condition.Function("attribute_not_exists", List.of(path("x"))));
        assertThat(where("x IS NOT MISSING")).isEqualTo(new Condition.Not(where("x IS MISSING")));
        Map<String, String> types = Map.of("NULL", "NULL", "BOOLEAN", "BOOL", "BOOL", "BOOL", "BLOB", "B", "STRING", "S",
            "NUMERIC", "N", "STRUCT", "M", "TUPLE", "M", "LIST", "L");
        types.forEach((word, type) -> assertThat(where("x IS " + word))
            .isEqualTo(new Condition.Function("attribute_type", List.of(path("x"), lit(AttributeValue.s(type))))));
        assertThat(where("x is not null")).isEqualTo(new Condition.Not(where("x IS NULL")));
        fails("SELECT sk FROM \"pqlprobe43184d\" WHERE pk='a' AND ss IS BAG",
            "Unsupported data type for IS operator: BAG. Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST] at 1:53:2");
        fails("SELECT v FROM \"pqlprobe8a6b03\" WHERE pk='a' AND sk=1 AND n IS INT",
            "Unsupported data type for IS operator: INTEGER. Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST] at 1:60:2");
        malformed("SELECT * FROM t WHERE n IS NUMBER");
        malformed("SELECT * FROM t WHERE n IS 'S'");
    }

    @Test
    void functions() {
        assertThat(where("begins_with(v, 'he')")).isEqualTo(new Condition.Function("begins_with", List.of(path("v"), lit(AttributeValue.s("he")))));
        assertThat(where("BEGINS_WITH(v, 'he')")).isEqualTo(where("begins_with(v, 'he')"));
        assertThat(where("contains(ss, 'x')")).isEqualTo(new Condition.Function("contains", List.of(path("ss"), lit(AttributeValue.s("x")))));
        assertThat(where("attribute_type(v, 'S')")).isEqualTo(new Condition.Function("attribute_type", List.of(path("v"), lit(AttributeValue.s("S")))));
        assertThat(where("attribute_exists(v)")).isEqualTo(new Condition.Function("attribute_exists", List.of(path("v"))));
        assertThat(where("size(l) >= 2")).isEqualTo(new Condition.Compare(new Operand.Size(path("l")), Condition.Comparator.GE, lit(AttributeValue.n(2))));
        fails("SELECT * FROM t WHERE EXISTS(v)", "Unrecognized function: exists");
        fails("SELECT * FROM t WHERE missing_fn(v)", "Unrecognized function: missing_fn");
        fails("SELECT * FROM t WHERE v LIKE 'h%'", "Unsupported operator in Condition Expression. Operator: like");
    }

    @Test
    void bareValuesAreNoConditions() {
        fails("SELECT v FROM t WHERE v", "WHERE clause must contain an expression that resolves to a boolean");
        fails("SELECT v FROM t WHERE pk='a' AND TRUE", "The arguments to AND/OR must be Expressions");
    }

    @Test
    void pathsWithMapKeysAndIndexes() {
        Condition c = where("a.\"B\"[2]['c d'] = 1");
        Path p = ((Operand.PathOperand) ((Condition.Compare) c).left()).path();
        assertThat(p.elements()).containsExactly(new Path.Name("a"), new Path.Name("B"), new Path.Index(2), new Path.Name("c d"));
    }

    // ------------------------------------------------------------------ literals and parameters

    @Test
    void literals() {
        Statement.Insert s = (Statement.Insert) parse("INSERT INTO t VALUE {'s': 'it''s', 'n': -1.50, 'p': +2, 'e': 1e3, "
            + "'d': .5, 'b': TRUE, 'f': false, 'z': NULL, 'l': [1, 'x', []], 'm': {'k': {}}, 'ss': <<'a','b'>>, 'ns': <<1, 2>>}");
        assertThat(s.item().get("s")).isEqualTo(AttributeValue.s("it's"));
        assertThat(s.item().get("n")).isEqualTo(AttributeValue.n(Num.parse("-1.5")));
        assertThat(s.item().get("p")).isEqualTo(AttributeValue.n(2));
        assertThat(s.item().get("e")).isEqualTo(AttributeValue.n(1000));
        assertThat(s.item().get("d")).isEqualTo(AttributeValue.n(Num.parse("0.5")));
        assertThat(s.item().get("b")).isEqualTo(AttributeValue.TRUE);
        assertThat(s.item().get("f")).isEqualTo(AttributeValue.FALSE);
        assertThat(s.item().get("z")).isEqualTo(AttributeValue.NULL);
        assertThat(s.item().get("l")).isEqualTo(AttributeValue.l(List.of(AttributeValue.n(1), AttributeValue.s("x"), AttributeValue.l(List.of()))));
        assertThat(s.item().get("m")).isEqualTo(AttributeValue.m(Map.of("k", AttributeValue.m(Map.of()))));
        assertThat(s.item().get("ss")).isEqualTo(AttributeValue.SS.of(new LinkedHashSet<>(List.of("a", "b"))));
        assertThat(s.item().get("ns")).isEqualTo(AttributeValue.NS.of(new LinkedHashSet<>(List.of(Num.of(1), Num.of(2)))));
    }

    @Test
    void parametersBindInOrderAnywhereAValueGoes() {
        AttributeValue bin = AttributeValue.b(Bytes.copyOf(new byte[] {1}));
        Statement.Insert s = (Statement.Insert) parse("INSERT INTO t VALUE {'pk': ?, 'm': {'k': ?}, 'bs': <<?>>}",
            AttributeValue.s("a"), AttributeValue.n(5), bin);
        assertThat(s.item().get("pk")).isEqualTo(AttributeValue.s("a"));
        assertThat(s.item().get("m")).isEqualTo(AttributeValue.m(Map.of("k", AttributeValue.n(5))));
        assertThat(s.item().get("bs").type().name()).isEqualTo("BS");
        assertThat(where("pk = ? AND sk IN [?, ?]", AttributeValue.s("a"), AttributeValue.n(1), AttributeValue.n(2)))
            .isEqualTo(where("pk = 'a' AND sk IN [1, 2]"));
        fails("SELECT * FROM t WHERE a = ?", "Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> parse("SELECT * FROM t", AttributeValue.s("extra")))
            .hasMessage("Number of parameters in request and statement don't match.");
        malformed("SELECT * FROM t WHERE a = ? AND");
    }

    @Test
    void valueErrorsInInsert() {
        String t = "INSERT INTO \"pqlprobe43184d\" VALUE ";
        fails(t + "{'pk':'p','sk':2, 'pk':'q'}", "Duplicate keys in tuple. Key: pk under root at 1:54:4");
        fails(t + "{'pk':'p','sk':4, 's':<<>>}", "Empty bags are not supported at 1:58:2");
        fails(t + "{'pk':'p','sk':5, 's':<<'a','a'>>}", "Input collection contains duplicates");
        fails(t + "{'pk':'p','sk':6, 's':<<'a',1>>}",
            "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags at 1:64:1");
        fails(t + "{'pk':'p','sk':8, k:1}", "Tuple keys must be of type String. Actual type: VariableReference under root at 1:54:1");
        fails(t + "{'pk':'p','sk':9, \"k\":1}", "Tuple keys must be of type String. Actual type: VariableReference under root at 1:54:3");
        fails(t + "{'pk':'p','sk':10, 'k':v}", "Unsupported data type: v under key root at 1:59:1");
        fails(t + "{'pk':'p','sk':11, 'k':1+1}", "Unsupported data type: + under key root at 1:60:1");
        fails(t + "?", "Unsupported format in item expression. Please use struct format {...} to express item values for insert statement. at 1:36:1");
        fails(t + "[1]", "Unsupported format in item expression. Please use struct format {...} to express item values for insert statement. at 1:36:1");
        fails(t + "{'pk':'p','big':1234567890123456789012345678901234567890}", "DynamoDB only supports precision up to 38 digits");
        fails("SELECT * FROM \"pqlprobe3e50a9\" WHERE pk = 'a' AND sk = `1`", "Ion Literals are not supported: INT under key root at 1:56:3");
        malformed("INSERT INTO t VALUES {'pk':'p'}");
        malformed("INSERT INTO t VALUE {'pk':'b','sk':1} WHERE x = 1");
        malformed("INSERT INTO t (pk, sk) VALUES ('p', 13)");
        fails("INSERT INTO t.i VALUE {'pk':'a'}", "FROM clause may only contain a single table name in data manipulation statements");
    }

    // ------------------------------------------------------------------ UPDATE, DELETE, EXISTS

    @Test
    void updateSetRemoveAndReturning() {
        Statement.Update u = (Statement.Update) parse(
            "UPDATE t SET a = a + 1, b = 'x' SET c = ? REMOVE d, e.f WHERE pk = 'k' RETURNING MODIFIED OLD *", AttributeValue.n(5));
        assertThat(u.update().set()).extracting(a -> a.path().toString()).containsExactly("a", "b", "c");
        assertThat(u.update().set().get(0).value()).isEqualTo(new Operand.Arithmetic(path("a"), '+', lit(AttributeValue.n(1))));
        assertThat(u.update().set().get(2).value()).isEqualTo(lit(AttributeValue.n(5)));
        assertThat(u.update().remove()).extracting(Path::toString).containsExactly("d", "e.f");
        assertThat(u.returning()).isEqualTo(Statement.Returning.MODIFIED_OLD);
        assertThat(((Statement.Update) parse("UPDATE t SET a = 1 WHERE pk = 'k' RETURNING ALL NEW *")).returning())
            .isEqualTo(Statement.Returning.ALL_NEW);
        assertThat(((Statement.Update) parse("UPDATE t REMOVE a")).where()).isNull();
        malformed("UPDATE t SET v = 'c' WHERE pk='a' RETURNING ALL OLD");
        malformed("UPDATE t WHERE pk='a'");
        fails("UPDATE t.i SET v = 'c' WHERE pk='a'", "This operation is not supported on an index");
    }

    @Test
    void updateFunctions() {
        UpdateExpression u = ((Statement.Update) parse("UPDATE t SET l = list_append(l, [2]), z = if_not_exists(z, 5), "
            + "ss = set_add(ss, <<'b'>>), ns = set_delete(ns, <<1>>) WHERE pk = 'a'")).update();
        assertThat(u.set()).extracting(a -> a.value().getClass().getSimpleName()).containsExactly("ListAppend", "IfNotExists");
        assertThat(u.add()).containsExactly(new UpdateExpression.AddAction(Path.of("ss"), lit(AttributeValue.SS.of(new LinkedHashSet<>(List.of("b"))))));
        assertThat(u.delete()).containsExactly(new UpdateExpression.DeleteAction(Path.of("ns"), lit(AttributeValue.NS.of(new LinkedHashSet<>(List.of(Num.of(1)))))));
        fails("UPDATE t SET ss = set_add(v, <<'b'>>) WHERE pk='a'", "The first argument to SET_ADD must equal the assignment value");
        fails("UPDATE t SET n = n * 2 WHERE pk='a'", "Unsupported operator in Update Expression. Operator: *");
        fails("UPDATE t SET n = nope(n) WHERE pk='a'", "Unrecognized function: nope");
    }

    @Test
    void deleteAndItsReturningClause() {
        Statement.Delete d = (Statement.Delete) parse("DELETE FROM t WHERE pk = 'k' AND sk = 1 RETURNING ALL OLD *");
        assertThat(d.returning()).isEqualTo(Statement.Returning.ALL_OLD);
        assertThat(d.where()).isInstanceOf(Condition.And.class);
        fails("DELETE FROM t WHERE pk = 'k' RETURNING ALL NEW *",
            "Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
        fails("DELETE FROM t WHERE pk = 'k' RETURNING MODIFIED OLD *",
            "Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
        fails("DELETE FROM t.i WHERE pk='a'", "This operation is not supported on an index");
    }

    @Test
    void existsWrapsASelect() {
        Statement.Exists e = (Statement.Exists) parse("EXISTS(SELECT * FROM t WHERE pk = 'a' AND v = 1)");
        assertThat(e.negated()).isFalse();
        assertThat(e.table()).isEqualTo("t");
        assertThat(((Statement.Exists) parse("NOT EXISTS(SELECT * FROM t WHERE pk = 'a')")).negated()).isTrue();
        malformed("EXISTS(DELETE FROM t WHERE pk = 'a')");
    }

    @Test
    void commentsAndLinesCountInPositions() {
        assertThat(select("SELECT * -- all\nFROM t /* the table */ WHERE pk = 'a'").table()).isEqualTo("t");
        fails("SELECT *\nFROM t LIMIT 5", "Unsupported clause: LIMIT at 2:14:1");
    }
}
