package dev.dynamotest.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Bytes;
import dev.dynamotest.engine.model.Num;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolution of names and values, the checks that need them, path overlaps, limits and unused placeholders. */
class ExpressionAttributesTest {
    private static final AttributeValue ONE = AttributeValue.n(1);
    private static final AttributeValue STR = AttributeValue.s("x");
    private static final AttributeValue LIST = AttributeValue.l(List.of());
    private static final AttributeValue MAP = AttributeValue.m(Map.of());

    private static Map<String, AttributeValue> vals(Object... kv) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (AttributeValue) kv[i + 1]);
        }
        return m;
    }

    private static Map<String, String> names(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static ExpressionAttributes attrs(Map<String, String> n, Map<String, AttributeValue> v) {
        return new ExpressionAttributes(n, v);
    }

    private static void conditionFails(ExpressionAttributes a, String text, String message) {
        assertThatThrownBy(() -> a.condition(text, ExpressionKind.CONDITION))
            .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.type()).isEqualTo("ValidationException"))
            .hasMessage(message);
    }

    private static void conditionFails(String text, String message) {
        conditionFails(attrs(null, null), text, message);
    }

    private static void updateFails(ExpressionAttributes a, String text, String message) {
        assertThatThrownBy(() -> a.update(text)).isInstanceOf(DynamoException.class).hasMessage(message);
    }

    private static void updateFails(String text, String message) {
        updateFails(attrs(null, null), text, message);
    }

    private static String overlap(String one, String two) {
        return "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
            + one + ", path two: " + two;
    }

    private static String conflict(String one, String two) {
        return "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "
            + one + ", path two: " + two;
    }

    // ------------------------------------------------------------------ resolution

    @Test
    void namesAndValuesAreSubstituted() {
        ExpressionAttributes a = attrs(names("#n", "name", "#k", "key.with.dots"), vals(":v", STR));
        Condition c = a.condition("#n.#k[2] = :v", ExpressionKind.CONDITION);
        assertThat(c).isEqualTo(new Condition.Compare(
            new Operand.PathOperand(new Path(List.of(new Path.Name("name"), new Path.Name("key.with.dots"), new Path.Index(2)))),
            Condition.Comparator.EQ, new Operand.Literal(STR, ":v")));
        a.checkAllUsed();
    }

    @Test
    void parsedTreesKeepPlaceholdersAndResolveReturnsNewTrees() {
        Condition parsed = ExpressionParser.parseCondition("attribute_exists(#n) AND size(#n) > :v", ExpressionKind.FILTER);
        ExpressionAttributes a = attrs(names("#n", "data"), vals(":v", ONE));
        Condition resolved = a.resolve(parsed, ExpressionKind.FILTER);
        Operand data = new Operand.PathOperand(Path.of("data"));
        assertThat(resolved).isEqualTo(new Condition.And(new Condition.Function("attribute_exists", List.of(data)),
            new Condition.Compare(new Operand.Size(data), Condition.Comparator.GT, new Operand.Literal(ONE, ":v"))));
        assertThat(parsed).isEqualTo(ExpressionParser.parseCondition("attribute_exists(#n) AND size(#n) > :v", ExpressionKind.FILTER));
    }

    @Test
    void updateAndProjectionResolve() {
        ExpressionAttributes a = attrs(names("#a", "A", "#b", "B"), vals(":v", ONE, ":s", AttributeValue.SS.of(List.of("q"))));
        UpdateExpression u = a.update("SET #a = #a + :v REMOVE x ADD #b :v DELETE s :s");
        assertThat(u.set()).containsExactly(new UpdateExpression.SetAction(Path.of("A"),
            new Operand.Arithmetic(new Operand.PathOperand(Path.of("A")), '+', new Operand.Literal(ONE, ":v"))));
        assertThat(u.remove()).containsExactly(Path.of("x"));
        assertThat(u.add()).containsExactly(new UpdateExpression.AddAction(Path.of("B"), new Operand.Literal(ONE, ":v")));
        assertThat(u.delete().get(0).value()).isEqualTo(new Operand.Literal(AttributeValue.SS.of(List.of("q")), ":s"));
        a.checkAllUsed();

        ExpressionAttributes p = attrs(names("#a", "A"), null);
        assertThat(p.projection("#a.b, c").paths()).containsExactly(
            new Path(List.of(new Path.Name("A"), new Path.Name("b"))), Path.of("c"));
        p.checkAllUsed();
    }

    @Test
    void undefinedPlaceholders() {
        conditionFails("#n = :v",
            "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #n");
        conditionFails(attrs(names("#n", "x"), null), "#n = :v",
            "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v");
        conditionFails(":v = #n",
            "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v");
        conditionFails(attrs(names("#m", "x"), vals(":v", STR)), ":w = #m AND #n = :v",
            "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :w");
        assertThatThrownBy(() -> attrs(null, null).projection("#a, #b"))
            .hasMessage("Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #b");
    }

    @Test
    void unusedNamesThenValuesListedInHashSetOrder() {
        ExpressionAttributes a = attrs(names("#n", "x", "#m", "y"), vals(":v", STR, ":w", STR, ":b", STR));
        a.condition("a = :v", ExpressionKind.CONDITION);
        assertThatThrownBy(a::checkAllUsed).hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#m, #n}");

        Map<String, AttributeValue> many = vals(":v", STR, ":zz", STR, ":A", STR, ":m1", STR, ":b2", STR, ":Z", STR,
            ":abc", STR, ":_x", STR, ":10", STR, ":9", STR);
        ExpressionAttributes b = attrs(null, many);
        b.condition("a = :v", ExpressionKind.CONDITION);
        assertThatThrownBy(b::checkAllUsed).hasMessage(
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:Z, :abc, :_x, :A, :10, :zz, :b2, :m1, :9}");
    }

    @Test
    void useIsJudgedAcrossAllExpressionsOfTheRequest() {
        ExpressionAttributes a = attrs(names("#a", "A", "#c", "C"), vals(":v", ONE, ":w", ONE));
        a.update("SET #a = :v");
        a.condition("attribute_exists(#c) AND b <> :w", ExpressionKind.CONDITION);
        a.checkAllUsed();
    }

    @Test
    void mapsAreValidatedOnConstruction() {
        assertThatThrownBy(() -> attrs(names(), vals(":v", STR))).hasMessage("ExpressionAttributeNames must not be empty");
        assertThatThrownBy(() -> attrs(names("#n", "x"), vals())).hasMessage("ExpressionAttributeValues must not be empty");
        assertThatThrownBy(() -> attrs(names("n", "x"), vals("v", STR)))
            .hasMessage("ExpressionAttributeNames contains invalid key: Syntax error; key: \"n\"");
        assertThatThrownBy(() -> attrs(names("#", "x"), null))
            .hasMessage("ExpressionAttributeNames contains invalid key: Syntax error; key: \"#\"");
        assertThatThrownBy(() -> attrs(names("#n", "x"), vals("v", STR)))
            .hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
        assertThatThrownBy(() -> attrs(null, vals(":vé", STR)))
            .hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \":vé\"");
        assertThatThrownBy(() -> attrs(null, vals(":a-b", STR)))
            .hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \":a-b\"");
        assertThatThrownBy(() -> attrs(names("#n", ""), null))
            .hasMessage("ExpressionAttributeNames contains invalid value: Empty attribute name for key #n");
        assertThatThrownBy(() -> attrs(names(), vals())).hasMessage("ExpressionAttributeNames must not be empty");
        attrs(names("#1", "x", "#_a", "y"), vals(":1", STR, ":_b", STR));
    }

    // ------------------------------------------------------------------ condition checks that need values

    @Test
    void operandsMustBeDistinctPaths() {
        String prefix = "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; ";
        conditionFails("ab = ab", prefix + "operator: =, first operand: [ab]");
        conditionFails("a.b = a.b", prefix + "operator: =, first operand: [a, b]");
        conditionFails("a <> a", prefix + "operator: <>, first operand: [a]");
        conditionFails("a BETWEEN b AND a", prefix + "operator: BETWEEN, first operand: [a]");
        conditionFails(attrs(null, vals(":v", STR)), "a.b[0] IN (:v, a.b[0])", prefix + "operator: IN, first operand: [a, b, [0]]");
        conditionFails("begins_with(a, a)", prefix + "operator: begins_with, first operand: [a]");
        conditionFails("contains(a, a)", prefix + "operator: contains, first operand: [a]");
        conditionFails(attrs(names("#n", "a"), null), "#n = a", prefix + "operator: =, first operand: [a]");
        ExpressionAttributes same = attrs(null, vals(":v", STR));
        assertThat(same.condition(":v = :v", ExpressionKind.CONDITION)).isInstanceOf(Condition.Compare.class);
        assertThat(attrs(null, null).condition("size(a) = size(a)", ExpressionKind.CONDITION)).isInstanceOf(Condition.Compare.class);
    }

    @Test
    void functionArityAndDocumentPathOperands() {
        String arity = "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: ";
        conditionFails("attribute_exists(a, b)", arity + "attribute_exists, number of operands: 2");
        conditionFails("begins_with(a)", arity + "begins_with, number of operands: 1");
        conditionFails("contains(a, b, c)", arity + "contains, number of operands: 3");
        conditionFails("attribute_type(a)", arity + "attribute_type, number of operands: 1");
        conditionFails("size(a, b) = c", arity + "size, number of operands: 2");
        ExpressionAttributes a = attrs(null, vals(":v", STR));
        conditionFails(a, "attribute_exists(:v)",
            "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists");
        conditionFails("attribute_not_exists(size(a))",
            "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_not_exists");
        updateFails(attrs(null, vals(":n", ONE)), "SET a = if_not_exists(:n, b)",
            "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists");
        updateFails("SET a = if_not_exists(b)",
            "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1");
    }

    @Test
    void staticallyKnownOperandTypes() {
        String type = "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: ";
        conditionFails(attrs(null, vals(":v", MAP)), "a > :v", type + ">, operand type: M");
        conditionFails(attrs(null, vals(":v", AttributeValue.TRUE)), "a < :v", type + "<, operand type: BOOL");
        conditionFails(attrs(null, vals(":v", LIST, ":w", MAP)), ":v < :w", type + "<, operand type: L");
        conditionFails(attrs(null, vals(":v", ONE)), "begins_with(a, :v)", type + "begins_with, operand type: N");
        conditionFails(attrs(null, vals(":v", AttributeValue.SS.of(List.of("1")))), "begins_with(a, :v)",
            type + "begins_with, operand type: SS");
        conditionFails(attrs(null, vals(":v", STR)), "begins_with(size(a), :v)", type + "begins_with, operand type: N");
        conditionFails(attrs(null, vals(":v", ONE)), "size(:v) > a", type + "size, operand type: N");
        conditionFails(attrs(null, vals(":v", AttributeValue.NULL)), "size(:v) > a", type + "size, operand type: NULL");
        conditionFails("size(size(a)) > b", type + "size, operand type: N");
        conditionFails(attrs(null, vals(":v", MAP)), "a BETWEEN :v AND b", type + "BETWEEN, operand type: M");
        conditionFails(attrs(null, vals(":v", MAP)), "a BETWEEN a AND :v", type + "BETWEEN, operand type: M");
        // allowed: equality of anything, contains with anything, size of strings/sets/maps/lists, begins_with on binaries
        ExpressionAttributes ok = attrs(null, vals(":m", MAP, ":s", STR, ":b", AttributeValue.b(Bytes.wrap(new byte[] {1}))));
        ok.condition("a = :m AND a <> :m AND contains(a, :m) AND size(:s) > a AND size(:m) > b AND begins_with(a, :b)",
            ExpressionKind.CONDITION);
        ok.condition("size(a) > :s", ExpressionKind.CONDITION);
    }

    @Test
    void attributeTypeNames() {
        conditionFails(attrs(null, vals(":t", AttributeValue.s("X"))), "attribute_type(a, :t)",
            "Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}");
        conditionFails(attrs(null, vals(":t", AttributeValue.s("s"))), "attribute_type(a, :t)",
            "Invalid ConditionExpression: Invalid attribute type name found; type: s, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}");
        conditionFails(attrs(null, vals(":t", ONE)), "attribute_type(a, :t)",
            "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N");
        conditionFails("attribute_type(a, size(b))",
            "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N");
        for (String t : List.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M")) {
            attrs(null, vals(":t", AttributeValue.s(t))).condition("attribute_type(a, :t)", ExpressionKind.CONDITION);
        }
    }

    @Test
    void betweenBounds() {
        String prefix = "Invalid ConditionExpression: The BETWEEN operator requires ";
        conditionFails(attrs(null, vals(":v", STR, ":w", ONE)), "a BETWEEN :v AND :w", prefix
            + "same data type for lower and upper bounds; lower bound operand: AttributeValue: {S:x}, upper bound operand: AttributeValue: {N:1}");
        conditionFails(attrs(null, vals(":v", AttributeValue.n(Num.parse("10")), ":w", AttributeValue.n(Num.parse("9.5")))),
            "a BETWEEN :v AND :w", prefix
            + "upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:9.5}");
        conditionFails(attrs(null, vals(":v", AttributeValue.s("b"), ":w", AttributeValue.s("a"))), "a BETWEEN :v AND :w", prefix
            + "upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}");
        conditionFails(attrs(null, vals(":v", AttributeValue.b(Bytes.wrap(new byte[] {2, 2})), ":w", AttributeValue.b(Bytes.wrap(new byte[] {1})))),
            "a BETWEEN :v AND :w", prefix + "upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: "
            + "{B:java.nio.HeapByteBuffer[pos=0 lim=2 cap=2]}, upper bound operand: AttributeValue: {B:java.nio.HeapByteBuffer[pos=0 lim=1 cap=1]}");
        attrs(null, vals(":v", AttributeValue.n(Num.parse("1.0")), ":w", ONE)).condition("a BETWEEN :v AND :w", ExpressionKind.CONDITION);
    }

    @Test
    void checksThatNeedValuesRunInTextOrder() {
        conditionFails("#n = b AND begins_with(a)",
            "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #n");
        conditionFails("begins_with(a) AND #n = b",
            "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1");
        conditionFails("a = a AND #n = b", "Invalid ConditionExpression: The first operand must be distinct from the remaining "
            + "operands for this operator or function; operator: =, first operand: [a]");
        conditionFails(attrs(null, vals(":v", MAP)), "b > :v AND a = a",
            "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: >, operand type: M");
        // the tree pass (reserved words, functions) comes before any of them
        conditionFails("#n = b AND data = a", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: data");
        conditionFails("#n = b AND size(a)",
            "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
    }

    // ------------------------------------------------------------------ limits

    @Test
    void inListsNestingAndOperatorCount() {
        List<String> c101 = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            c101.add("b" + i);
        }
        conditionFails("a IN (" + String.join(", ", c101) + ")",
            "Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101");
        attrs(null, null).condition("a IN (" + String.join(", ", c101.subList(0, 100)) + ")", ExpressionKind.CONDITION);
        conditionFails("#n IN (" + String.join(", ", c101) + ")",
            "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #n");

        String deep32 = String.join(".", java.util.Collections.nCopies(32, "a"));
        attrs(null, null).condition(deep32 + " = b", ExpressionKind.CONDITION);
        conditionFails(deep32 + ".a = b", "Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 33");
        conditionFails("a" + "[0]".repeat(32) + " = b",
            "Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 33");
        assertThatThrownBy(() -> attrs(null, null).projection(deep32 + ".a"))
            .hasMessage("Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33");

        String tooMany = "Invalid ConditionExpression: The expression contains too many operators; operator count: 301";
        conditionFails("NOT ".repeat(400) + "a = b", tooMany);
        List<String> fns = new ArrayList<>();
        for (int i = 0; i < 151; i++) {
            fns.add("attribute_exists(a" + i + ")");
        }
        conditionFails(String.join(" AND ", fns), tooMany);
        attrs(null, null).condition(String.join(" AND ", fns.subList(0, 150)), ExpressionKind.CONDITION);
        List<String> betweens = new ArrayList<>();
        for (int i = 0; i < 151; i++) {
            betweens.add("a" + i + " BETWEEN b AND c");
        }
        conditionFails(String.join(" AND ", betweens), tooMany);
        // undefined placeholders are found before the operators are counted
        List<String> cmps = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            cmps.add("e" + i + " = b");
        }
        conditionFails(String.join(" AND ", cmps) + " AND #n = c",
            "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #n");

        List<String> sets = new ArrayList<>();
        for (int i = 0; i < 301; i++) {
            sets.add("a" + i + "=:v+:v");
        }
        updateFails(attrs(null, vals(":v", ONE)), "SET " + String.join(",", sets),
            "Invalid UpdateExpression: The expression contains too many operators; operator count: 301");
        attrs(null, vals(":v", ONE)).update("SET " + String.join(",", sets.subList(0, 300)));
    }

    // ------------------------------------------------------------------ update checks

    @Test
    void addAndDeleteValueTypes() {
        String add = "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: ";
        updateFails(attrs(null, vals(":v", STR)), "ADD a :v", add + "STRING, typeSet: ALLOWED_FOR_ADD_OPERAND");
        updateFails(attrs(null, vals(":v", LIST)), "ADD a :v", add + "LIST, typeSet: ALLOWED_FOR_ADD_OPERAND");
        updateFails(attrs(null, vals(":v", AttributeValue.TRUE)), "ADD a :v", add + "BOOLEAN, typeSet: ALLOWED_FOR_ADD_OPERAND");
        updateFails(attrs(null, vals(":v", MAP)), "ADD a :v", add + "MAP, typeSet: ALLOWED_FOR_ADD_OPERAND");
        updateFails(attrs(null, vals(":v", AttributeValue.NULL)), "ADD a :v", add + "NULL, typeSet: ALLOWED_FOR_ADD_OPERAND");
        updateFails(attrs(null, vals(":v", AttributeValue.b(Bytes.wrap(new byte[] {1})))), "ADD a :v",
            add + "BINARY, typeSet: ALLOWED_FOR_ADD_OPERAND");
        String del = "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: ";
        updateFails(attrs(null, vals(":v", ONE)), "DELETE a :v", del + "NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND");
        updateFails(attrs(null, vals(":v", STR)), "DELETE a :v", del + "STRING, typeSet: ALLOWED_FOR_DELETE_OPERAND");
        attrs(null, vals(":n", ONE, ":s", AttributeValue.NS.of(List.of(Num.of(2))))).update("ADD a :n, b :s DELETE c :s");
    }

    @Test
    void arithmeticAndListAppendOperandTypes() {
        String type = "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: ";
        updateFails(attrs(null, vals(":v", STR, ":w", ONE)), "SET a = :v + :w", type + "+, operand type: S");
        updateFails(attrs(null, vals(":v", ONE, ":w", AttributeValue.SS.of(List.of("1")))), "SET a = :v - :w", type + "-, operand type: SS");
        updateFails(attrs(null, vals(":w", AttributeValue.TRUE)), "SET a = :w + b", type + "+, operand type: BOOL");
        updateFails(attrs(null, vals(":n", ONE, ":s", STR)), "SET a = if_not_exists(b, :n) + :s", type + "+, operand type: S");
        updateFails(attrs(null, vals(":v", ONE)), "SET a = list_append(b, :v)", type + "list_append, operand type: N");
        updateFails(attrs(null, vals(":v", STR)), "SET a = list_append(:v, b)", type + "list_append, operand type: S");
        // not decidable before reading the item: no error here
        attrs(null, vals(":s", STR, ":n", ONE)).update("SET a = if_not_exists(b, :s) + :n");
        attrs(null, vals(":l", LIST, ":n", ONE)).update("SET a = list_append(:l, if_not_exists(b, :n))");
    }

    @Test
    void actionsAreResolvedInReverseTextOrderTargetsBeforeValues() {
        String undefinedName = "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: ";
        updateFails(attrs(null, vals(":v", ONE)), "SET #a = :v, #b = :v", undefinedName + "#b");
        updateFails("REMOVE #a, #b", undefinedName + "#b");
        updateFails("SET a = #n, b = #m", undefinedName + "#m");
        updateFails("SET a = #n + #m", undefinedName + "#n");
        updateFails("SET a = #n REMOVE #m", undefinedName + "#m");
        updateFails("SET a = :n ADD b :m",
            "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :m");
        updateFails("SET a = b, a = #n", overlap("[a]", "[a]"));
        updateFails(attrs(null, vals(":s", STR, ":n", ONE)), "SET a = :s + :n, a = b", overlap("[a]", "[a]"));
        updateFails("SET a = b, #n = c REMOVE a", undefinedName + "#n");
        updateFails("SET a = b REMOVE " + String.join(".", java.util.Collections.nCopies(33, "a")),
            "Invalid UpdateExpression: The document path has too many nesting levels; nesting levels: 33");
        updateFails("SET a = #n, b = x." + String.join(".", java.util.Collections.nCopies(33, "a")),
            "Invalid UpdateExpression: The document path has too many nesting levels; nesting levels: 34");
    }

    @Test
    void overlappingAndConflictingUpdatePaths() {
        updateFails("SET a = b, a = c", overlap("[a]", "[a]"));
        updateFails("SET a.b = b REMOVE a", overlap("[a, b]", "[a]"));
        updateFails("REMOVE a SET a.b = c", overlap("[a]", "[a, b]"));
        updateFails("SET a[0] = b REMOVE a.b", conflict("[a, [0]]", "[a, b]"));
        updateFails("SET a[0] = b REMOVE a[0].b", overlap("[a, [0]]", "[a, [0], b]"));
        updateFails("REMOVE a.b, a[0]", conflict("[a, b]", "[a, [0]]"));
        updateFails("REMOVE a[0].x, a.b.y", conflict("[a, [0], x]", "[a, b, y]"));
        updateFails(attrs(names("#a", "x", "#b", "x"), null), "REMOVE #a.c, #b.c", overlap("[x, c]", "[x, c]"));
        updateFails(attrs(null, vals(":v", ONE, ":w", AttributeValue.NS.of(List.of(Num.of(1))))), "DELETE a :w ADD a.b :v",
            overlap("[a]", "[a, b]"));
        // which pair is named when several paths clash (reverse insertion, hash-map order of siblings)
        updateFails("REMOVE a.b, a.b.c, a.b.d", overlap("[a, b]", "[a, b, d]"));
        updateFails("REMOVE a.b.d, a.b.c, a.b", overlap("[a, b, c]", "[a, b]"));
        updateFails("REMOVE a.x, a.y, a.z, a.w, a", overlap("[a, w]", "[a]"));
        updateFails("REMOVE a.b, a[0], a.b.c", conflict("[a, [0]]", "[a, b, c]"));
        updateFails("REMOVE a.b, a.c, a[0]", conflict("[a, c]", "[a, [0]]"));
        updateFails("REMOVE a[0], a.b, a", overlap("[a, b]", "[a]"));
        updateFails("REMOVE a.b, x.y, x, a", overlap("[x, y]", "[x]"));
        updateFails("REMOVE x[0], x.b.s, x.q.r, x.b.c", conflict("[x, [0]]", "[x, b, c]"));
        updateFails("REMOVE x.b, x[0], x[1]", conflict("[x, b]", "[x, [1]]"));
        updateFails("REMOVE x[0], x.a, x.B", conflict("[x, [0]]", "[x, B]"));
        updateFails("REMOVE x.b, x.b.d, x.b.c", overlap("[x, b]", "[x, b, d]"));
        updateFails("REMOVE x.q.c, x.b, x.q", overlap("[x, q, c]", "[x, b]"));
        updateFails("REMOVE a.b, x, a", overlap("[a, b]", "[x]"));
        updateFails("SET a = x, b = c REMOVE a", overlap("[a]", "[b]"));
        attrs(null, null).update("SET a[0] = b REMOVE a[1], c.d, c.e");
    }

    @Test
    void resolvingARecordWithoutTextUsesClauseOrder() {
        UpdateExpression parsed = ExpressionParser.parseUpdate("REMOVE a SET a.b = c");
        assertThatThrownBy(() -> attrs(null, null).resolve(parsed)).hasMessage(overlap("[a, b]", "[a]"));
    }

    @Test
    void projectionOverlaps() {
        assertThatThrownBy(() -> attrs(null, null).projection("a, a.b")).hasMessage(
            "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        assertThatThrownBy(() -> attrs(null, null).projection("a[0], a.b")).hasMessage(
            "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]");
        assertThatThrownBy(() -> attrs(null, null).projection("a.b, a, x[0], x.a")).hasMessage(
            "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [x, [0]], path two: [x, a]");
        assertThat(attrs(null, null).projection("a[0][1].b, a[1], c").paths()).hasSize(3);
    }
}
