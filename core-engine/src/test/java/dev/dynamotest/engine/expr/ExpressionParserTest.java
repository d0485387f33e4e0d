package dev.dynamotest.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.expr.Condition.And;
import dev.dynamotest.engine.expr.Condition.Between;
import dev.dynamotest.engine.expr.Condition.Compare;
import dev.dynamotest.engine.expr.Condition.Comparator;
import dev.dynamotest.engine.expr.Condition.Function;
import dev.dynamotest.engine.expr.Condition.In;
import dev.dynamotest.engine.expr.Condition.Not;
import dev.dynamotest.engine.expr.Condition.Or;
import dev.dynamotest.engine.expr.Operand.PathOperand;
import dev.dynamotest.engine.expr.Operand.ValueRef;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing: tree shapes, and every error the parser raises (texts as DynamoDB Local 2.6.1 answers them). */
class ExpressionParserTest {

    private static Condition cond(String text) {
        return ExpressionParser.parseCondition(text, ExpressionKind.CONDITION);
    }

    private static PathOperand p(String... names) {
        return new PathOperand(path(names));
    }

    private static Path path(String... names) {
        return new Path(java.util.Arrays.stream(names).map(Path.Name::new).map(Path.PathElement.class::cast).toList());
    }

    private static ValueRef v(String name) {
        return new ValueRef(name);
    }

    private static Compare eq(Operand l, Operand r) {
        return new Compare(l, Comparator.EQ, r);
    }

    private static void conditionFails(String text, String message) {
        assertThatThrownBy(() -> cond(text))
            .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.type()).isEqualTo("ValidationException"))
            .hasMessage(message);
    }

    private static void updateFails(String text, String message) {
        assertThatThrownBy(() -> ExpressionParser.parseUpdate(text)).isInstanceOf(DynamoException.class).hasMessage(message);
    }

    // ------------------------------------------------------------------ conditions: shapes

    @Test
    void comparatorsBuildCompareNodes() {
        assertThat(cond("a = :v")).isEqualTo(eq(p("a"), v(":v")));
        assertThat(cond("a <> :v")).isEqualTo(new Compare(p("a"), Comparator.NE, v(":v")));
        assertThat(cond("a < :v")).isEqualTo(new Compare(p("a"), Comparator.LT, v(":v")));
        assertThat(cond("a <= :v")).isEqualTo(new Compare(p("a"), Comparator.LE, v(":v")));
        assertThat(cond("a > :v")).isEqualTo(new Compare(p("a"), Comparator.GT, v(":v")));
        assertThat(cond("a >= :v")).isEqualTo(new Compare(p("a"), Comparator.GE, v(":v")));
        assertThat(cond(":v=b")).isEqualTo(eq(v(":v"), p("b")));
    }

    @Test
    void andBindsTighterThanOrAndBothAreLeftAssociative() {
        Compare a = eq(p("a"), v(":a"));
        Compare b = eq(p("b"), v(":b"));
        Compare c = eq(p("c"), v(":c"));
        assertThat(cond("a = :a OR b = :b AND c = :c")).isEqualTo(new Or(a, new And(b, c)));
        assertThat(cond("a = :a AND b = :b OR c = :c")).isEqualTo(new Or(new And(a, b), c));
        assertThat(cond("a = :a AND b = :b AND c = :c")).isEqualTo(new And(new And(a, b), c));
        assertThat(cond("a = :a OR b = :b OR c = :c")).isEqualTo(new Or(new Or(a, b), c));
        assertThat(cond("(a = :a OR b = :b) AND c = :c")).isEqualTo(new And(new Or(a, b), c));
    }

    @Test
    void notBindsTighterThanAndButLooserThanComparisons() {
        Compare a = eq(p("a"), v(":a"));
        Compare b = eq(p("b"), v(":b"));
        assertThat(cond("NOT a = :a AND b = :b")).isEqualTo(new And(new Not(a), b));
        assertThat(cond("NOT NOT a = :a")).isEqualTo(new Not(new Not(a)));
        assertThat(cond("NOT (a = :a OR b = :b)")).isEqualTo(new Not(new Or(a, b)));
        assertThat(cond("NOT (a) = :a")).isEqualTo(new Not(a));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        Condition expected = new Or(new And(new Between(p("a"), v(":l"), v(":h")), new In(p("b"), List.of(v(":x")))),
            new Not(eq(p("c"), v(":c"))));
        assertThat(cond("a BETWEEN :l AND :h AND b IN (:x) OR NOT c = :c")).isEqualTo(expected);
        assertThat(cond("a between :l and :h and b in (:x) or not c = :c")).isEqualTo(expected);
        assertThat(cond("a BeTwEeN :l aNd :h AnD b iN (:x) oR nOt c = :c")).isEqualTo(expected);
    }

    @Test
    void whitespaceIsSpaceTabCarriageReturnAndNewline() {
        assertThat(cond(" \t a\n=\r\n:v \t")).isEqualTo(eq(p("a"), v(":v")));
        assertThat(cond("a=:v AND(b=:w)")).isEqualTo(new And(eq(p("a"), v(":v")), eq(p("b"), v(":w"))));
    }

    @Test
    void betweenAndInTakeOperands() {
        assertThat(cond("a BETWEEN :lo AND :hi")).isEqualTo(new Between(p("a"), v(":lo"), v(":hi")));
        assertThat(cond("a BETWEEN b AND c AND d = e"))
            .isEqualTo(new And(new Between(p("a"), p("b"), p("c")), eq(p("d"), p("e"))));
        assertThat(cond("a IN (:x, b, (:y))")).isEqualTo(new In(p("a"), List.of(v(":x"), p("b"), v(":y"))));
        assertThat(cond("size(a) IN (:x)")).isEqualTo(new In(new Operand.Size(p("a")), List.of(v(":x"))));
    }

    @Test
    void functionsAsConditionsAndSizeAsOperand() {
        assertThat(cond("attribute_exists(a)")).isEqualTo(new Function("attribute_exists", List.of(p("a"))));
        assertThat(cond("attribute_not_exists (#n)")).isEqualTo(new Function("attribute_not_exists", List.of(p("#n"))));
        assertThat(cond("attribute_type(a, :t)")).isEqualTo(new Function("attribute_type", List.of(p("a"), v(":t"))));
        assertThat(cond("begins_with(a.b, :p)")).isEqualTo(new Function("begins_with", List.of(p("a", "b"), v(":p"))));
        assertThat(cond("contains(a, :x) AND size(b) > :n")).isEqualTo(new And(
            new Function("contains", List.of(p("a"), v(":x"))),
            new Compare(new Operand.Size(p("b")), Comparator.GT, v(":n"))));
        assertThat(cond("(attribute_exists(a))")).isEqualTo(new Function("attribute_exists", List.of(p("a"))));
        assertThat(cond("begins_with(a, (b))")).isEqualTo(new Function("begins_with", List.of(p("a"), p("b"))));
        // wrong arity is kept for the resolver, which names the count
        assertThat(cond("size(a, b) = c")).isEqualTo(
            eq(new Operand.UnknownFunction("size", List.of(p("a"), p("b"))), p("c")));
    }

    @Test
    void functionNamesAreOnlyFunctionsWhenFollowedByAParenthesis() {
        assertThat(cond("a = attribute_exists")).isEqualTo(eq(p("a"), p("attribute_exists")));
        assertThat(cond("size = :v")).isEqualTo(eq(p("size"), v(":v")));
        assertThat(cond("a = size (b)")).isEqualTo(eq(p("a"), new Operand.Size(p("b"))));
    }

    @Test
    void parenthesizedOperandsAndConditions() {
        assertThat(cond("(a) = b")).isEqualTo(eq(p("a"), p("b")));
        assertThat(cond("((a) = b)")).isEqualTo(eq(p("a"), p("b")));
        assertThat(cond("(a = b)")).isEqualTo(eq(p("a"), p("b")));
        assertThat(cond("((a = b) AND c = d)")).isEqualTo(new And(eq(p("a"), p("b")), eq(p("c"), p("d"))));
    }

    @Test
    void pathsWithMapKeysIndexesAndPlaceholders() {
        Path expected = new Path(List.of(new Path.Name("a"), new Path.Name("#b"), new Path.Index(3),
            new Path.Index(0), new Path.Name("c_1")));
        assertThat(cond("a.#b[3][0].c_1 = :v")).isEqualTo(eq(new PathOperand(expected), v(":v")));
        assertThat(cond("a . b [ 2 ] = :v")).isEqualTo(eq(new PathOperand(new Path(List.of(
            new Path.Name("a"), new Path.Name("b"), new Path.Index(2)))), v(":v")));
        assertThat(cond("#1 = :1")).isEqualTo(eq(p("#1"), v(":1")));
        assertThat(cond("a[2147483647] = :v")).isEqualTo(eq(new PathOperand(new Path(List.of(
            new Path.Name("a"), new Path.Index(Integer.MAX_VALUE)))), v(":v")));
    }

    @Test
    void keyConditionsAndFiltersUseTheConditionGrammar() {
        assertThat(ExpressionParser.parseCondition("pk = :p AND begins_with(sk, :s)", ExpressionKind.KEY_CONDITION))
            .isEqualTo(new And(eq(p("pk"), v(":p")), new Function("begins_with", List.of(p("sk"), v(":s")))));
        assertThat(ExpressionParser.parseCondition("a <> :v", ExpressionKind.FILTER))
            .isEqualTo(new Compare(p("a"), Comparator.NE, v(":v")));
    }

    // ------------------------------------------------------------------ conditions: syntax errors

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "a =|<EOF>|=",
        "~a = ~|<EOF>|~= ~",
        "a = b c|c|b c",
        "a =    b    c    d|c|b    c    d",
        "a  ==  b|=|==  b",
        "a = b)|)|b)",
        "(a = b|<EOF>|b",
        "a = b AND|<EOF>|AND",
        "a-b = c|-|a-b",
        "1a = b|1|1a",
        "a = 1|1|= 1",
        "a = 'x'|'|= 'x",
        "a[-1] = x|-|[-1",
        "a.1 = x|1|.1 =",
        "a[x] = x|x|[x]",
        "a[1.5] = x|.|1.5",
        "a = :|:|= :",
        "~a = # ~|#|~= # ~",
        "@ = x|@|@ =",
        "a = $x|$|= $x",
        "_a = b|_|_a",
        "éa = :v|é|éa",
        "a != b|!|a !=",
        "a =< b|<|=< b",
        "NOT|<EOF>|NOT",
        "a BETWEEN b|<EOF>|b",
        "a IN ()|)|()",
        "a IN b|b|IN b",
        "a IN (b,)|)|,)",
        "a = b = c|=|b = c",
        "a BETWEEN b AND c BETWEEN d AND e|BETWEEN|c BETWEEN d",
        "a IN (b) = c|=|) = c",
        "NOT a|<EOF>|a",
        "a|<EOF>|a",
        "a AND b|AND|a AND b",
        "(a = b) = c|=|) = c",
        "a = (b = c)|=|b = c",
        "(a, b)|,|a, b",
        "( )|)|( )",
        "(a = b) c|c|) c",
        "a = b AND (c)|<EOF>|)",
        "(a AND b)|AND|a AND b",
        "((a = b)|<EOF>|)",
        "(a = b))|)|))",
        "a BETWEEN (b AND c)|AND|b AND c",
        "attribute_exists()|)|()",
        "attribute_exists(a b)|b|a b)",
        "attribute_exists AND a = b|AND|attribute_exists AND a",
        "size(a = b)|=|a = b",
        "a.b.[0] = c|[|.[0",
        "a..b = c|.|..b",
        "a[#n] = c|#n|[#n]",
        "a[0]b = c|b|]b =",
        "a[007] = c|0|007",
        "a = :v.b|.|:v.b",
        "set = b|set|set =",
        "a.and = b|and|.and =",
        "a = not|not|= not",
        "~   ~|<EOF>|~   ~",
    })
    void syntaxErrorsNameTheTokenAndWhatIsAroundIt(String text, String token, String near) {
        conditionFails(text, "Invalid ConditionExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }

    @Test
    void syntaxErrorExcerptKeepsTabsAndNewlines() {
        conditionFails("a = b\tc", "Invalid ConditionExpression: Syntax error; token: \"c\", near: \"b\tc\"");
        conditionFails("a = b\nc", "Invalid ConditionExpression: Syntax error; token: \"c\", near: \"b\nc\"");
        conditionFails("a = b\u000bAND c = d",
            "Invalid ConditionExpression: Syntax error; token: \"\u000b\", near: \"b\u000bAND\"");
    }

    @Test
    void emptyAndOverlongExpressions() {
        conditionFails("", "Invalid ConditionExpression: The expression can not be empty;");
        updateFails("", "Invalid UpdateExpression: The expression can not be empty;");
        String long4097 = "attribute_exists(" + "x".repeat(4079) + ")";
        conditionFails(long4097,
            "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097");
        assertThat(cond("attribute_exists(" + "x".repeat(4078) + ")")).isInstanceOf(Function.class);
        assertThatThrownBy(() -> ExpressionParser.parseCondition("a".repeat(4097), ExpressionKind.FILTER))
            .hasMessage("Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4097");
        assertThatThrownBy(() -> ExpressionParser.parseProjection("a".repeat(4097)))
            .hasMessage("Invalid ProjectionExpression: Expression size has exceeded the maximum allowed size;");
        updateFails("REMOVE " + "a,".repeat(2100) + "a",
            "Invalid UpdateExpression: Expression size has exceeded the maximum allowed size;");
        // characters are counted, not UTF-8 bytes: 2,118 characters, 4,218 bytes, fails on the 'é' only
        conditionFails("attribute_exists(" + "é".repeat(2100) + ")",
            "Invalid ConditionExpression: Syntax error; token: \"é\", near: \"(éé\"");
    }

    @Test
    void redundantParenthesesAreRejectedAfterTheSyntaxCheck() {
        String msg = "Invalid ConditionExpression: The expression has redundant parentheses;";
        conditionFails("((a = b))", msg);
        conditionFails("((a)) = b", msg);
        conditionFails("a = ((b))", msg);
        conditionFails("NOT ((a = b))", msg);
        conditionFails("(((a = b) AND c = d))", msg);
        conditionFails("((attribute_exists(a)))", msg);
        conditionFails("data = b AND ((c = d))", msg);
        conditionFails("((c = d)) AND foo(b)", msg);
        conditionFails("((c = d)) AND (", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
        assertThat(cond("size((a)) = b")).isEqualTo(eq(new Operand.Size(p("a")), p("b")));
        assertThat(cond("a IN ((b), c)")).isEqualTo(new In(p("a"), List.of(p("b"), p("c"))));
    }

    // ------------------------------------------------------------------ conditions: the tree pass

    @Test
    void reservedWordsAsNamesAreRejectedCaseInsensitivelyAsWritten() {
        conditionFails("aBoRt = :v", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: aBoRt");
        conditionFails("a.name = :v", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name");
        conditionFails("a = :v AND b.zone.c = :v AND date = :v",
            "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: zone");
        assertThat(cond("#data = :v")).isEqualTo(eq(p("#data"), v(":v")));
        assertThat(ReservedWords.isReserved("Timestamp")).isTrue();
        assertThat(ReservedWords.isReserved("size")).isFalse();
        assertThat(ReservedWords.count()).isEqualTo(570);
    }

    @Test
    void unknownAndMisusedFunctions() {
        conditionFails("foo(a)", "Invalid ConditionExpression: Invalid function name; function: foo");
        conditionFails("a = FOO(b)", "Invalid ConditionExpression: Invalid function name; function: FOO");
        conditionFails("ATTRIBUTE_EXISTS(a)", "Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS");
        conditionFails("size(a)",
            "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
        conditionFails("a = attribute_exists(b)",
            "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists");
        conditionFails("attribute_exists(a) = b",
            "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists");
        conditionFails("if_not_exists(a, b) = c",
            "Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists");
        conditionFails("list_append(a, b) = c",
            "Invalid ConditionExpression: The function is not allowed in a condition expression; function: list_append");
        assertThatThrownBy(() -> ExpressionParser.parseCondition("pk = :v AND size(a)", ExpressionKind.KEY_CONDITION))
            .hasMessage("Invalid KeyConditionExpression: The function is not allowed to be used this way in an expression; function: size");
    }

    @Test
    void theTreePassReportsTheFirstProblemInTextOrder() {
        conditionFails("data = foo(b)", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: data");
        conditionFails("foo(data)", "Invalid ConditionExpression: Invalid function name; function: foo");
        conditionFails("size(b) AND data = a",
            "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
        conditionFails("size(b) AND foo(a)",
            "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
        conditionFails("if_not_exists(a) AND size(b)",
            "Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists");
        conditionFails("a[99999999999] = c AND data = b",
            "Invalid ConditionExpression: List index is not within the allowable range; index: [99999999999]");
        conditionFails("data = b AND a[2147483648] = c",
            "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: data");
    }

    // ------------------------------------------------------------------ update expressions

    @Test
    void updateClausesInAnyOrderWithCaseInsensitiveKeywords() {
        UpdateExpression u = ExpressionParser.parseUpdate("remove e, f.g add h :n Set a = :v, b = c delete i :s");
        assertThat(u.set()).containsExactly(new UpdateExpression.SetAction(path("a"), v(":v")),
            new UpdateExpression.SetAction(path("b"), p("c")));
        assertThat(u.remove()).containsExactly(path("e"), path("f", "g"));
        assertThat(u.add()).containsExactly(new UpdateExpression.AddAction(path("h"), v(":n")));
        assertThat(u.delete()).containsExactly(new UpdateExpression.DeleteAction(path("i"), v(":s")));
    }

    @Test
    void setValuesArithmeticFunctionsAndParentheses() {
        assertThat(ExpressionParser.parseUpdate("SET a = b + :v").set().get(0).value())
            .isEqualTo(new Operand.Arithmetic(p("b"), '+', v(":v")));
        assertThat(ExpressionParser.parseUpdate("SET a=:v-:w").set().get(0).value())
            .isEqualTo(new Operand.Arithmetic(v(":v"), '-', v(":w")));
        assertThat(ExpressionParser.parseUpdate("SET a = (b + c)").set().get(0).value())
            .isEqualTo(new Operand.Arithmetic(p("b"), '+', p("c")));
        assertThat(ExpressionParser.parseUpdate("SET a = ((b) + c)").set().get(0).value())
            .isEqualTo(new Operand.Arithmetic(p("b"), '+', p("c")));
        assertThat(ExpressionParser.parseUpdate("SET a = if_not_exists(a, :z) + :one").set().get(0).value())
            .isEqualTo(new Operand.Arithmetic(new Operand.IfNotExists(p("a"), v(":z")), '+', v(":one")));
        assertThat(ExpressionParser.parseUpdate("SET l = list_append(if_not_exists(l, :e), :x)").set().get(0).value())
            .isEqualTo(new Operand.ListAppend(new Operand.IfNotExists(p("l"), v(":e")), v(":x")));
        assertThat(ExpressionParser.parseUpdate("SET a = if_not_exists(b, if_not_exists(c, :n))").set().get(0).value())
            .isEqualTo(new Operand.IfNotExists(p("b"), new Operand.IfNotExists(p("c"), v(":n"))));
        assertThat(ExpressionParser.parseUpdate("SET a[0].b = c.d[1]").set().get(0)).isEqualTo(new UpdateExpression.SetAction(
            new Path(List.of(new Path.Name("a"), new Path.Index(0), new Path.Name("b"))),
            new PathOperand(new Path(List.of(new Path.Name("c"), new Path.Name("d"), new Path.Index(1))))));
        assertThat(ExpressionParser.parseUpdate("SET a = list_append(b)").set().get(0).value())
            .isEqualTo(new Operand.UnknownFunction("list_append", List.of(p("b"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SET|<EOF>|SET",
        "SET a|<EOF>|a",
        "SET a = b,|<EOF>|,",
        "SET a = b,, c = d|,|,, c",
        "SET a = b + c + d|+|c + d",
        "SET a = b + c - d|-|c - d",
        "SET a = (b + c) + d|+|) + d",
        "SET a = b + (c + d)|+|c + d",
        "SET a = if_not_exists(a + b, :v)|+|a + b",
        "SET a + b = c|+|a + b",
        "SET :v = c|:v|SET :v =",
        "SET if_not_exists(a, b) = c|(|if_not_exists(a",
        "SET a = -:v|-|= -:v",
        "SET a = :v , REMOVE b|REMOVE|, REMOVE b",
        "SET a = :v REMOVE|<EOF>|REMOVE",
        "SET a = and|and|= and",
        "a = :v|a|a =",
        "FOO a = :v|FOO|FOO a",
        "ADD a b|b|a b",
        "ADD a if_not_exists(a, :v)|if_not_exists|a if_not_exists(",
        "ADD a = :v|=|a = :v",
        "DELETE a|<EOF>|a",
        "REMOVE a = b|=|a = b",
        "REMOVE :v|:v|REMOVE :v",
        "SET a = b SET c = d )|)|d )",
    })
    void updateSyntaxErrors(String text, String token, String near) {
        updateFails(text, "Invalid UpdateExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }

    @Test
    void eachClauseOnlyOnceCheckedAfterTheTreePass() {
        updateFails("SET a = b SET c = d", "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        updateFails("REMOVE a REMOVE b", "Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;");
        updateFails("ADD a :v ADD b :v", "Invalid UpdateExpression: The \"ADD\" section can only be used once in an update expression;");
        updateFails("DELETE a :v DELETE b :v", "Invalid UpdateExpression: The \"DELETE\" section can only be used once in an update expression;");
        updateFails("REMOVE c SET a = b REMOVE f SET d = e",
            "Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;");
        updateFails("SET data = b SET c = d", "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: data");
        updateFails("SET a = ((b)) SET c = d", "Invalid UpdateExpression: The expression has redundant parentheses;");
    }

    @Test
    void functionsInUpdateExpressions() {
        updateFails("SET a = size(b)", "Invalid UpdateExpression: The function is not allowed in an update expression; function: size");
        updateFails("SET a = attribute_exists(b)",
            "Invalid UpdateExpression: The function is not allowed in an update expression; function: attribute_exists");
        updateFails("SET a = foo(b)", "Invalid UpdateExpression: Invalid function name; function: foo");
        updateFails("SET a = if_not_exists(a, list_append(b, :v))",
            "Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: list_append");
        updateFails("SET a = list_append(list_append(:l, :l), :l)",
            "Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: list_append");
        updateFails("SET a = list_append(:w, :w) + :v",
            "Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: list_append");
        updateFails("SET a = size(b), c = foo(d)",
            "Invalid UpdateExpression: The function is not allowed in an update expression; function: size");
        updateFails("SET a = ((b))", "Invalid UpdateExpression: The expression has redundant parentheses;");
    }

    // ------------------------------------------------------------------ projections

    @Test
    void projectionsAreCommaSeparatedPaths() {
        assertThat(ExpressionParser.parseProjection("a, b.c, #d[2]").paths()).containsExactly(path("a"), path("b", "c"),
            new Path(List.of(new Path.Name("#d"), new Path.Index(2))));
        assertThatThrownBy(() -> ExpressionParser.parseProjection("a,"))
            .hasMessage("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        assertThatThrownBy(() -> ExpressionParser.parseProjection("size(a)"))
            .hasMessage("Invalid ProjectionExpression: Syntax error; token: \"(\", near: \"size(a\"");
        assertThatThrownBy(() -> ExpressionParser.parseProjection("between"))
            .hasMessage("Invalid ProjectionExpression: Syntax error; token: \"between\", near: \"between\"");
        assertThatThrownBy(() -> ExpressionParser.parseProjection("data, zone"))
            .hasMessage("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: data");
    }
}
