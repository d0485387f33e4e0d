package dev.dynamotest.engine.partiql;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.Operand;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.expr.UpdateExpression;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Bytes;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.model.Num;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A hand-written recursive-descent parser for DynamoDB's PartiQL subset: SELECT, INSERT, UPDATE, DELETE with
 * WHERE conditions, literals (strings, numbers, booleans, NULL, maps, lists, sets) and {@code ?} parameters,
 * which are bound while parsing. It produces the engine's own condition and update trees.
 */
public final class PartiqlParser {
    public static final String MALFORMED = "Statement wasn't well formed, can't be processed: ";
    public static final String PARAMETER_COUNT = "Number of parameters in request and statement don't match.";

    private final String text;
    private final List<AttributeValue> parameters;
    private final List<Tok> toks;
    private int pos;
    private int usedParameters;

    private PartiqlParser(String text, List<AttributeValue> parameters) {
        this.text = text;
        this.parameters = parameters == null ? List.of() : parameters;
        this.toks = lex(text);
    }

    public static Statement parse(String statement, List<AttributeValue> parameters) {
        PartiqlParser p = new PartiqlParser(statement, parameters);
        Statement s = p.statement();
        if (p.usedParameters != p.parameters.size()) {
            throw DynamoException.validation(PARAMETER_COUNT);
        }
        return s;
    }

    // ------------------------------------------------------------------ lexer

    enum K { IDENT, QUOTED, STRING, NUMBER, PUNCT, EOF }

    record Tok(K kind, String text) {
        boolean is(String keyword) {
            return kind == K.IDENT && text.equalsIgnoreCase(keyword);
        }

        boolean punct(String p) {
            return kind == K.PUNCT && text.equals(p);
        }
    }

    private List<Tok> lex(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Tok(K.IDENT, s.substring(i, j)));
                i = j;
            } else if (c == '"' || c == '\'') {
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw malformed();
                    }
                    char d = s.charAt(j);
                    if (d == c) {
                        if (j + 1 < n && s.charAt(j + 1) == c) {
                            b.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    b.append(d);
                    j++;
                }
                out.add(new Tok(c == '"' ? K.QUOTED : K.STRING, b.toString()));
                i = j + 1;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int j = i + 1;
                while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                    j++;
                    if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                        j++;
                    }
                    while (j < n && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                }
                out.add(new Tok(K.NUMBER, s.substring(i, j)));
                i = j;
            } else {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                if (two.equals("<>") || two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("<<") || two.equals(">>")) {
                    out.add(new Tok(K.PUNCT, two));
                    i += 2;
                } else if ("(),.[]{}:?*=<>+-;".indexOf(c) >= 0) {
                    out.add(new Tok(K.PUNCT, String.valueOf(c)));
                    i++;
                } else {
                    throw malformed();
                }
            }
        }
        out.add(new Tok(K.EOF, ""));
        return out;
    }

    private DynamoException malformed() {
        return DynamoException.validation(MALFORMED + text);
    }

    private Tok peek() {
        return toks.get(pos);
    }

    private Tok next() {
        return toks.get(pos++);
    }

    private void expectKeyword(String k) {
        if (!next().is(k)) {
            throw malformed();
        }
    }

    private void expectPunct(String p) {
        if (!next().punct(p)) {
            throw malformed();
        }
    }

    private boolean acceptKeyword(String k) {
        if (peek().is(k)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptPunct(String p) {
        if (peek().punct(p)) {
            pos++;
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ statements

    private Statement statement() {
        Tok t = peek();
        Statement s;
        if (t.is("SELECT")) {
            s = select();
        } else if (t.is("INSERT")) {
            s = insert();
        } else if (t.is("UPDATE")) {
            s = update();
        } else if (t.is("DELETE")) {
            s = delete();
        } else {
            throw malformed();
        }
        acceptPunct(";");
        if (peek().kind() != K.EOF) {
            throw malformed();
        }
        return s;
    }

    private Statement.Select select() {
        expectKeyword("SELECT");
        List<Path> projection = null;
        if (!acceptPunct("*")) {
            projection = new ArrayList<>();
            do {
                projection.add(path());
            } while (acceptPunct(","));
        }
        expectKeyword("FROM");
        String table = name();
        String index = null;
        if (acceptPunct(".")) {
            index = name();
        }
        Condition where = acceptKeyword("WHERE") ? condition() : null;
        return new Statement.Select(projection, table, index, where);
    }

    private Statement.Insert insert() {
        expectKeyword("INSERT");
        expectKeyword("INTO");
        String table = name();
        expectKeyword("VALUE");
        AttributeValue v = value();
        if (!(v instanceof AttributeValue.M m)) {
            throw malformed();
        }
        return new Statement.Insert(table, Item.of(m.value()));
    }

    private Statement.Update update() {
        expectKeyword("UPDATE");
        String table = name();
        List<UpdateExpression.SetAction> sets = new ArrayList<>();
        List<Path> removes = new ArrayList<>();
        boolean any = false;
        while (true) {
            if (acceptKeyword("SET")) {
                do {
                    Path p = path();
                    expectPunct("=");
                    sets.add(new UpdateExpression.SetAction(p, setValue()));
                } while (acceptPunct(",") && !peek().is("SET") && !peek().is("REMOVE"));
                any = true;
            } else if (acceptKeyword("REMOVE")) {
                do {
                    removes.add(path());
                } while (acceptPunct(","));
                any = true;
            } else {
                break;
            }
        }
        if (!any) {
            throw malformed();
        }
        expectKeyword("WHERE");
        Condition where = condition();
        String returning = returning();
        return new Statement.Update(table, new UpdateExpression(sets, removes, List.of(), List.of()), where, returning);
    }

    private Statement.Delete delete() {
        expectKeyword("DELETE");
        expectKeyword("FROM");
        String table = name();
        expectKeyword("WHERE");
        Condition where = condition();
        String returning = returning();
        if (returning != null && !returning.equals("ALL_OLD")) {
            throw DynamoException.validation("Unsupported RETURNING clause for DELETE: only RETURNING ALL OLD * is supported");
        }
        return new Statement.Delete(table, where, returning);
    }

    /** RETURNING ALL|MODIFIED OLD|NEW * → ALL_OLD, UPDATED_NEW, ... (the ReturnValues names), or null. */
    private String returning() {
        if (!acceptKeyword("RETURNING")) {
            return null;
        }
        String scope = next().text().toUpperCase(Locale.ROOT);
        String when = next().text().toUpperCase(Locale.ROOT);
        expectPunct("*");
        if (!(scope.equals("ALL") || scope.equals("MODIFIED")) || !(when.equals("OLD") || when.equals("NEW"))) {
            throw malformed();
        }
        return (scope.equals("ALL") ? "ALL_" : "UPDATED_") + when;
    }

    private String name() {
        Tok t = next();
        if (t.kind() != K.IDENT && t.kind() != K.QUOTED) {
            throw malformed();
        }
        return t.text();
    }

    private Path path() {
        List<Path.PathElement> elements = new ArrayList<>();
        elements.add(new Path.Name(name()));
        while (true) {
            if (peek().punct(".") && (toks.get(pos + 1).kind() == K.IDENT || toks.get(pos + 1).kind() == K.QUOTED)) {
                pos++;
                elements.add(new Path.Name(name()));
            } else if (peek().punct("[") && toks.get(pos + 1).kind() == K.NUMBER) {
                pos++;
                elements.add(new Path.Index(Integer.parseInt(next().text())));
                expectPunct("]");
            } else if (peek().punct("[") && toks.get(pos + 1).kind() == K.STRING) {
                pos++;
                elements.add(new Path.Name(next().text()));
                expectPunct("]");
            } else {
                return new Path(elements);
            }
        }
    }

    // ------------------------------------------------------------------ conditions

    private Condition condition() {
        Condition c = and();
        while (acceptKeyword("OR")) {
            c = new Condition.Or(c, and());
        }
        return c;
    }

    private Condition and() {
        Condition c = not();
        while (acceptKeyword("AND")) {
            c = new Condition.And(c, not());
        }
        return c;
    }

    private Condition not() {
        if (acceptKeyword("NOT")) {
            return new Condition.Not(not());
        }
        return predicate();
    }

    private Condition predicate() {
        if (peek().punct("(")) {
            int save = pos;
            pos++;
            try {
                Condition c = condition();
                expectPunct(")");
                return c;
            } catch (DynamoException e) {
                pos = save; // a parenthesised operand, not a condition
            }
        }
        Tok t = peek();
        if (t.kind() == K.IDENT && toks.get(pos + 1).punct("(")) {
            String fn = t.text().toLowerCase(Locale.ROOT);
            if (fn.equals("begins_with") || fn.equals("contains") || fn.equals("attribute_type")
                || fn.equals("attribute_exists") || fn.equals("attribute_not_exists")) {
                pos += 2;
                List<Operand> args = new ArrayList<>();
                args.add(new Operand.PathOperand(path()));
                while (acceptPunct(",")) {
                    args.add(operand());
                }
                expectPunct(")");
                return new Condition.Function(fn, args);
            }
        }
        Operand left = operand();
        if (acceptKeyword("BETWEEN")) {
            Operand lo = operand();
            expectKeyword("AND");
            return new Condition.Between(left, lo, operand());
        }
        if (acceptKeyword("IN")) {
            String close = acceptPunct("[") ? "]" : null;
            if (close == null) {
                expectPunct("(");
                close = ")";
            }
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operand());
            } while (acceptPunct(","));
            expectPunct(close);
            return new Condition.In(left, candidates);
        }
        if (acceptKeyword("IS")) {
            boolean negated = acceptKeyword("NOT");
            Tok what = next();
            Condition c;
            if (what.is("MISSING")) {
                c = new Condition.Function("attribute_not_exists", List.of(left));
            } else if (what.is("NULL")) {
                c = new Condition.Function("attribute_type", List.of(left, lit(AttributeValue.s("NULL"))));
            } else {
                throw malformed();
            }
            return negated ? new Condition.Not(c) : c;
        }
        Tok op = next();
        Condition.Comparator cmp;
        switch (op.kind() == K.PUNCT ? op.text() : "") {
            case "=": cmp = Condition.Comparator.EQ; break;
            case "<>": case "!=": cmp = Condition.Comparator.NE; break;
            case "<": cmp = Condition.Comparator.LT; break;
            case "<=": cmp = Condition.Comparator.LE; break;
            case ">": cmp = Condition.Comparator.GT; break;
            case ">=": cmp = Condition.Comparator.GE; break;
            default: throw malformed();
        }
        return new Condition.Compare(left, cmp, operand());
    }

    private static Operand lit(AttributeValue v) {
        return new Operand.Literal(v, null);
    }

    private Operand operand() {
        Tok t = peek();
        if (t.kind() == K.IDENT && t.text().equalsIgnoreCase("size") && toks.get(pos + 1).punct("(")) {
            pos += 2;
            Operand p = new Operand.PathOperand(path());
            expectPunct(")");
            return new Operand.Size(p);
        }
        if (t.kind() == K.IDENT && !isLiteralKeyword(t) || t.kind() == K.QUOTED) {
            return new Operand.PathOperand(path());
        }
        return lit(value());
    }

    private Operand setValue() {
        Operand left = operand();
        if (peek().punct("+") || peek().punct("-")) {
            char op = next().text().charAt(0);
            return new Operand.Arithmetic(left, op, operand());
        }
        return left;
    }

    private static boolean isLiteralKeyword(Tok t) {
        return t.is("TRUE") || t.is("FALSE") || t.is("NULL");
    }

    // ------------------------------------------------------------------ values

    private AttributeValue value() {
        Tok t = next();
        switch (t.kind()) {
            case STRING:
                return AttributeValue.s(t.text());
            case NUMBER:
                return AttributeValue.n(Num.parse(t.text()));
            case IDENT:
                if (t.is("TRUE")) {
                    return AttributeValue.TRUE;
                }
                if (t.is("FALSE")) {
                    return AttributeValue.FALSE;
                }
                if (t.is("NULL")) {
                    return AttributeValue.NULL;
                }
                throw malformed();
            case PUNCT:
                switch (t.text()) {
                    case "-": {
                        Tok num = next();
                        if (num.kind() != K.NUMBER) {
                            throw malformed();
                        }
                        return AttributeValue.n(Num.parse("-" + num.text()));
                    }
                    case "?":
                        if (usedParameters >= parameters.size()) {
                            throw DynamoException.validation(PARAMETER_COUNT);
                        }
                        return parameters.get(usedParameters++);
                    case "{": {
                        Map<String, AttributeValue> m = new LinkedHashMap<>();
                        if (!acceptPunct("}")) {
                            do {
                                Tok k = next();
                                if (k.kind() != K.STRING && k.kind() != K.QUOTED && k.kind() != K.IDENT) {
                                    throw malformed();
                                }
                                expectPunct(":");
                                m.put(k.text(), value());
                            } while (acceptPunct(","));
                            expectPunct("}");
                        }
                        return AttributeValue.m(m);
                    }
                    case "[": {
                        List<AttributeValue> l = new ArrayList<>();
                        if (!acceptPunct("]")) {
                            do {
                                l.add(value());
                            } while (acceptPunct(","));
                            expectPunct("]");
                        }
                        return AttributeValue.l(l);
                    }
                    case "<<": {
                        List<AttributeValue> elements = new ArrayList<>();
                        do {
                            elements.add(value());
                        } while (acceptPunct(","));
                        expectPunct(">>");
                        return set(elements);
                    }
                    default:
                        throw malformed();
                }
            default:
                throw malformed();
        }
    }

    private AttributeValue set(List<AttributeValue> elements) {
        if (elements.stream().allMatch(e -> e instanceof AttributeValue.S)) {
            LinkedHashSet<String> s = new LinkedHashSet<>();
            elements.forEach(e -> s.add(((AttributeValue.S) e).value()));
            return AttributeValue.SS.of(s);
        }
        if (elements.stream().allMatch(e -> e instanceof AttributeValue.N)) {
            LinkedHashSet<Num> s = new LinkedHashSet<>();
            elements.forEach(e -> s.add(((AttributeValue.N) e).value()));
            return AttributeValue.NS.of(s);
        }
        if (elements.stream().allMatch(e -> e instanceof AttributeValue.B)) {
            LinkedHashSet<Bytes> s = new LinkedHashSet<>();
            elements.forEach(e -> s.add(((AttributeValue.B) e).value()));
            return AttributeValue.BS.of(s);
        }
        throw malformed();
    }
}
