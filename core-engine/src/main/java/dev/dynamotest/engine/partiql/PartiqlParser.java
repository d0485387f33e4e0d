package dev.dynamotest.engine.partiql;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.Operand;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.expr.UpdateExpression;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Bytes;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.model.Num;
import dev.dynamotest.engine.partiql.PartiqlLexer.Kind;
import dev.dynamotest.engine.partiql.PartiqlLexer.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for DynamoDB's PartiQL subset: SELECT, INSERT, UPDATE, DELETE and EXISTS, with
 * literals (strings, numbers, booleans, NULL, maps, lists, sets) and {@code ?} parameters, which are bound while
 * parsing. It produces the engine's own condition and update trees; the checks that need the table (keys,
 * indexes) are the planner's ({@link PartiqlPlanner}). Messages are DynamoDB's, as DynamoDB Local 2.6.1 words
 * them.
 *
 * <p>Recursion is bounded: conditions (parentheses, NOT, size) nest at most {@link #MAX_NESTING} deep, literal
 * maps and lists at most 32 levels inside an item, as items do; past either the statement is refused with the
 * service's "Nesting Levels have exceeded supported limits".
 */
public final class PartiqlParser {
    public static final String MALFORMED = "Statement wasn't well formed, can't be processed: ";
    public static final String PARAMETER_COUNT = "Number of parameters in request and statement don't match.";
    public static final String DELETE_RETURNING = "Invalid returning clause: RETURNING %s *. Only RETURNING ALL OLD * is allowed in DELETE statements.";
    public static final String NOT_ON_INDEX = "This operation is not supported on an index";
    public static final String INSERT_INTO_INDEX = "FROM clause may only contain a single table name in data manipulation statements";
    public static final String SINGLE_SOURCE = "Only select from a single table or index is supported.";
    public static final String ALIASING = "Aliasing is not supported";
    public static final String DUPLICATE_SELECT = "Duplicate identifiers in select clause: %s";
    public static final String HIERARCHY = "Changing item's hierarchy while reading isn't supported";
    public static final String PATH_COMPONENT = "Unexpected path component";
    public static final String UNSUPPORTED_CLAUSE = "Unsupported clause: %s";
    public static final String UNRECOGNIZED_FUNCTION = "Unrecognized function: %s";
    public static final String LIKE = "Unsupported operator in Condition Expression. Operator: like";
    public static final String UPDATE_OPERATOR = "Unsupported operator in Update Expression. Operator: %s";
    public static final String SET_FUNCTION_TARGET = "The first argument to %s must equal the assignment value";
    public static final String IS_TYPE = "Unsupported data type for IS operator: %s. Supported data types are "
        + "[MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]";
    public static final String AND_OR_ARGUMENTS = "The arguments to AND/OR must be Expressions";
    public static final String WHERE_BOOLEAN = "WHERE clause must contain an expression that resolves to a boolean";
    public static final String ITEM_FORMAT = "Unsupported format in item expression. Please use struct format {...} to express item values for insert statement.";
    public static final String TUPLE_KEY_TYPE = "Tuple keys must be of type String. Actual type: VariableReference under %s";
    public static final String TUPLE_DUPLICATE_KEY = "Duplicate keys in tuple. Key: %s under %s";
    public static final String UNSUPPORTED_VALUE = "Unsupported data type: %s under key %s";
    public static final String EMPTY_BAG = "Empty bags are not supported";
    public static final String BAG_TYPE = "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags";
    public static final String BAG_DUPLICATES = "Input collection contains duplicates";
    public static final String PRECISION = "DynamoDB only supports precision up to 38 digits";
    public static final String ION_LITERAL = "Ion Literals are not supported: %s under key %s";
    public static final String UNSUPPORTED_OPERATION = "Unsupported operation: %s";

    /** Functions that are conditions; {@code size} is the one operand function of WHERE clauses. */
    private static final Set<String> CONDITION_FUNCTIONS =
        Set.of("begins_with", "contains", "attribute_type", "attribute_exists", "attribute_not_exists");

    /** PartiQL type names that IS accepts syntactically but DynamoDB rejects (INT is reported as INTEGER). */
    private static final Set<String> UNSUPPORTED_IS_TYPES = Set.of("INT", "INTEGER", "SMALLINT", "BIGINT", "DECIMAL",
        "DEC", "FLOAT", "REAL", "DOUBLE", "TIMESTAMP", "CHAR", "VARCHAR", "CHARACTER", "SYMBOL", "CLOB", "SEXP", "BAG",
        "DATE", "TIME");

    private final String text;
    private final List<AttributeValue> parameters;
    private final List<Token> toks;
    private int pos;
    private int usedParameters;
    private int depth;
    private int valueDepth;

    /** How deep conditions may nest (parentheses, NOT, size) before the parser gives up. */
    static final int MAX_NESTING = 1000;
    /** Literal maps and lists: the item's own tuple plus the 32 levels an item may nest. */
    static final int MAX_VALUE_NESTING = AttributeValue.MAX_NESTING_LEVELS + 1;

    private PartiqlParser(String text, List<AttributeValue> parameters) {
        this.text = text;
        this.parameters = parameters == null ? List.of() : parameters;
        List<Token> t;
        try {
            t = PartiqlLexer.lex(text);
        } catch (PartiqlLexer.LexException e) {
            throw malformed();
        }
        this.toks = t;
    }

    /**
     * Parses one statement and binds its {@code ?} parameters in order; the parameter count must match exactly
     * (checked after the syntax).
     */
    public static Statement parse(String statement, List<AttributeValue> parameters) {
        PartiqlParser p = new PartiqlParser(statement, parameters);
        Statement s = p.statement();
        if (p.usedParameters != p.parameters.size()) {
            throw DynamoException.validation(PARAMETER_COUNT);
        }
        return s;
    }

    // ------------------------------------------------------------------ tokens

    private void enter() {
        if (++depth > MAX_NESTING) {
            throw error(Messages.NESTING_TOO_DEEP);
        }
    }

    private void enterValue() {
        if (++valueDepth > MAX_VALUE_NESTING) {
            throw error(Messages.NESTING_TOO_DEEP);
        }
    }

    private DynamoException malformed() {
        return DynamoException.validation(MALFORMED + text);
    }

    private static DynamoException error(String message) {
        return DynamoException.validation(message);
    }

    private Token peek() {
        return toks.get(pos);
    }

    private Token peek(int ahead) {
        return toks.get(Math.min(pos + ahead, toks.size() - 1));
    }

    private Token next() {
        Token t = toks.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
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

    /** Words that end an expression and so cannot be unquoted attribute names here. */
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS",
        "BETWEEN", "ORDER", "BY", "SET", "REMOVE", "RETURNING", "VALUE", "VALUES", "INSERT", "INTO", "UPDATE", "DELETE",
        "TRUE", "FALSE", "NULL", "MISSING", "EXISTS", "LIKE", "AS", "LIMIT", "OFFSET", "ASC", "DESC", "GROUP", "HAVING",
        "UNION", "JOIN", "AT");

    private static boolean isName(Token t) {
        return t.kind() == Kind.QUOTED || (t.kind() == Kind.IDENT && !KEYWORDS.contains(t.upper()));
    }

    // ------------------------------------------------------------------ statements

    private Statement statement() {
        Token t = peek();
        Statement s;
        if (t.is("SELECT")) {
            s = select();
        } else if (t.is("INSERT")) {
            s = insert();
        } else if (t.is("UPDATE")) {
            s = update();
        } else if (t.is("DELETE")) {
            s = delete();
        } else if (t.is("EXISTS") || (t.is("NOT") && peek(1).is("EXISTS"))) {
            s = exists();
        } else {
            throw unsupportedStatement();
        }
        acceptPunct(";");
        if (peek().kind() != Kind.EOF) {
            throw malformed();
        }
        return s;
    }

    /** A statement that is valid PartiQL but no DynamoDB operation, or not PartiQL at all. */
    private DynamoException unsupportedStatement() {
        Token t = peek();
        if (t.is("CREATE") && peek(1).is("TABLE")) {
            return error(String.format(UNSUPPORTED_OPERATION, "CreateTable"));
        }
        if (t.is("DROP") && peek(1).is("TABLE")) {
            return error(String.format(UNSUPPORTED_OPERATION, "DropTable"));
        }
        if (t.is("CREATE") && peek(1).is("INDEX")) {
            return error(String.format(UNSUPPORTED_OPERATION, "CreateIndex"));
        }
        if (t.is("DROP") && peek(1).is("INDEX")) {
            return error(String.format(UNSUPPORTED_OPERATION, "DropIndex"));
        }
        if ((t.kind() == Kind.IDENT || t.kind() == Kind.QUOTED) && peek(1).kind() == Kind.EOF) {
            return error(String.format(UNSUPPORTED_OPERATION, "VariableReference")); // a bare name is an expression
        }
        return malformed();
    }

    private Statement.Exists exists() {
        boolean negated = acceptKeyword("NOT");
        expectKeyword("EXISTS");
        expectPunct("(");
        if (!peek().is("SELECT")) {
            throw malformed();
        }
        Statement.Select s = select();
        expectPunct(")");
        return new Statement.Exists(s, negated);
    }

    private Statement.Select select() {
        expectKeyword("SELECT");
        List<Path> projection = null;
        if (!acceptPunct("*")) {
            projection = new ArrayList<>();
            Set<String> names = new HashSet<>();
            do {
                Token start = peek();
                if (!isName(start) || peek(1).punct("(")) {
                    if (start.kind() == Kind.EOF || start.is("FROM")) {
                        throw malformed();
                    }
                    throw error(PATH_COMPONENT + start.at());
                }
                Path p = path(true);
                if (peek().is("AS") || (isName(peek()) && !peek().is("FROM"))) {
                    throw error(ALIASING);
                }
                String name = resultName(p);
                if (!names.add(name)) {
                    throw error(String.format(DUPLICATE_SELECT, name));
                }
                projection.add(p);
            } while (acceptPunct(","));
        }
        expectKeyword("FROM");
        String table = name();
        String index = null;
        if (acceptPunct(".")) {
            index = name();
        }
        if (peek().is("AS") || isName(peek())) {
            throw error(ALIASING);
        }
        if (peek().punct(",") || peek().is("JOIN")) {
            throw error(SINGLE_SOURCE);
        }
        Condition where = null;
        if (acceptKeyword("WHERE")) {
            where = whereClause();
        }
        List<Statement.OrderBy> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                String attribute = name();
                boolean desc = false;
                if (acceptKeyword("DESC")) {
                    desc = true;
                } else {
                    acceptKeyword("ASC");
                }
                orderBy.add(new Statement.OrderBy(attribute, desc));
            } while (acceptPunct(","));
        }
        if (peek().is("LIMIT") || peek().is("OFFSET")) {
            String clause = next().upper();
            Token value = peek();
            if (value.kind() == Kind.EOF) {
                throw malformed();
            }
            throw error(String.format(UNSUPPORTED_CLAUSE, clause) + value.at());
        }
        return new Statement.Select(projection, table, index, where, orderBy);
    }

    /**
     * The attribute name a projected path gets in the result, as DynamoDB's PartiQL names it: the last name of
     * the path with the list indexes that follow it ({@code m.n.d} → {@code d}, {@code m.l[0]} → {@code l[0]}).
     */
    public static String resultName(Path p) {
        int last = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i) instanceof Path.Name) {
                last = i;
            }
        }
        StringBuilder b = new StringBuilder(((Path.Name) p.get(last)).name());
        for (int i = last + 1; i < p.size(); i++) {
            b.append('[').append(((Path.Index) p.get(i)).index()).append(']');
        }
        return b.toString();
    }

    private Statement.Insert insert() {
        expectKeyword("INSERT");
        expectKeyword("INTO");
        String table = name();
        if (acceptPunct(".")) {
            name();
            throw error(INSERT_INTO_INDEX);
        }
        expectKeyword("VALUE");
        Token start = peek();
        if (!start.punct("{")) {
            if (start.kind() == Kind.EOF) {
                throw malformed();
            }
            throw error(ITEM_FORMAT + start.at());
        }
        AttributeValue v = value("root", "root", true);
        Token after = peek();
        if (!after.punct(";") && after.kind() != Kind.EOF && !after.is("WHERE")) {
            if (isOperator(after)) {
                throw error(String.format(UNSUPPORTED_VALUE, after.text(), "root") + after.at());
            }
        }
        return new Statement.Insert(table, Item.of(((AttributeValue.M) v).value()));
    }

    private Statement.Update update() {
        expectKeyword("UPDATE");
        String table = name();
        if (acceptPunct(".")) {
            name();
            throw error(NOT_ON_INDEX);
        }
        List<UpdateExpression.SetAction> sets = new ArrayList<>();
        List<Path> removes = new ArrayList<>();
        List<UpdateExpression.AddAction> adds = new ArrayList<>();
        List<UpdateExpression.DeleteAction> deletes = new ArrayList<>();
        boolean any = false;
        while (true) {
            if (acceptKeyword("SET")) {
                do {
                    assignment(sets, adds, deletes);
                } while (acceptPunct(","));
                any = true;
            } else if (acceptKeyword("REMOVE")) {
                do {
                    removes.add(path(false));
                } while (acceptPunct(","));
                any = true;
            } else {
                break;
            }
        }
        if (!any) {
            throw malformed();
        }
        Condition where = acceptKeyword("WHERE") ? whereClause() : null;
        Statement.Returning returning = returning();
        return new Statement.Update(table, new UpdateExpression(sets, removes, adds, deletes), where, returning);
    }

    /**
     * {@code path = value}, {@code path = a + b}, {@code path = list_append(..)}, {@code if_not_exists(..)}, and
     * {@code path = set_add(path, <<..>>)} / {@code set_delete(path, <<..>>)}, which are ADD and DELETE actions.
     */
    private void assignment(List<UpdateExpression.SetAction> sets, List<UpdateExpression.AddAction> adds,
                            List<UpdateExpression.DeleteAction> deletes) {
        Path target = path(false);
        expectPunct("=");
        Token t = peek();
        if (t.kind() == Kind.IDENT && peek(1).punct("(")) {
            String fn = t.text().toLowerCase(Locale.ROOT);
            if (fn.equals("set_add") || fn.equals("set_delete")) {
                pos += 2;
                Operand first = operand();
                expectPunct(",");
                Operand value = operand();
                expectPunct(")");
                if (!(first instanceof Operand.PathOperand p) || !p.path().equals(target)) {
                    throw error(String.format(SET_FUNCTION_TARGET, fn.toUpperCase(Locale.ROOT)));
                }
                if (fn.equals("set_add")) {
                    adds.add(new UpdateExpression.AddAction(target, value));
                } else {
                    deletes.add(new UpdateExpression.DeleteAction(target, value));
                }
                return;
            }
        }
        Operand left = setOperand();
        if (peek().punct("+") || peek().punct("-")) {
            char op = next().text().charAt(0);
            left = new Operand.Arithmetic(left, op, setOperand());
        }
        if (peek().punct("*") || peek().punct("/") || peek().punct("%") || peek().punct("||")) {
            throw error(String.format(UPDATE_OPERATOR, peek().text()));
        }
        sets.add(new UpdateExpression.SetAction(target, left));
    }

    private Operand setOperand() {
        Token t = peek();
        if (t.kind() == Kind.IDENT && peek(1).punct("(")) {
            String fn = t.text().toLowerCase(Locale.ROOT);
            pos += 2;
            List<Operand> args = new ArrayList<>();
            if (!peek().punct(")")) {
                do {
                    args.add(setOperand());
                } while (acceptPunct(","));
            }
            expectPunct(")");
            if (fn.equals("list_append") && args.size() == 2) {
                return new Operand.ListAppend(args.get(0), args.get(1));
            }
            if (fn.equals("if_not_exists") && args.size() == 2) {
                return new Operand.IfNotExists(args.get(0), args.get(1));
            }
            if (fn.equals("list_append") || fn.equals("if_not_exists")) {
                return new Operand.UnknownFunction(fn, args); // the resolver reports the arity
            }
            throw error(String.format(UNRECOGNIZED_FUNCTION, fn));
        }
        return operand();
    }

    private Statement.Delete delete() {
        expectKeyword("DELETE");
        expectKeyword("FROM");
        String table = name();
        if (acceptPunct(".")) {
            name();
            throw error(NOT_ON_INDEX);
        }
        Condition where = acceptKeyword("WHERE") ? whereClause() : null;
        Statement.Returning returning = returning();
        if (returning != null && returning != Statement.Returning.ALL_OLD) {
            throw error(String.format(DELETE_RETURNING, returning.text));
        }
        return new Statement.Delete(table, where, returning);
    }

    /** RETURNING ALL|MODIFIED OLD|NEW *, or null. */
    private Statement.Returning returning() {
        if (!acceptKeyword("RETURNING")) {
            return null;
        }
        String scope = next().upper();
        String when = next().upper();
        expectPunct("*");
        if (!(scope.equals("ALL") || scope.equals("MODIFIED")) || !(when.equals("OLD") || when.equals("NEW"))) {
            throw malformed();
        }
        return Statement.Returning.valueOf(scope + "_" + when);
    }

    private String name() {
        Token t = next();
        if (!isName(t)) {
            throw malformed();
        }
        return t.text();
    }

    /** {@code a.b[0]."c"['d']}; {@code projection}: {@code a.*} is the service's "hierarchy" error there. */
    private Path path(boolean projection) {
        List<Path.PathElement> elements = new ArrayList<>();
        elements.add(new Path.Name(name()));
        while (true) {
            if (peek().punct(".") && isName(peek(1))) {
                pos++;
                elements.add(new Path.Name(name()));
            } else if (peek().punct(".") && peek(1).punct("*")) {
                if (projection) {
                    throw error(HIERARCHY);
                }
                throw malformed();
            } else if (peek().punct("[") && peek(1).kind() == Kind.NUMBER && peek(2).punct("]")) {
                pos++;
                String digits = next().text();
                int index;
                try {
                    index = Integer.parseInt(digits);
                } catch (NumberFormatException e) {
                    throw malformed();
                }
                elements.add(new Path.Index(index));
                expectPunct("]");
            } else if (peek().punct("[") && peek(1).kind() == Kind.STRING && peek(2).punct("]")) {
                pos++;
                elements.add(new Path.Name(next().text()));
                expectPunct("]");
            } else {
                return new Path(elements);
            }
        }
    }

    // ------------------------------------------------------------------ conditions

    /**
     * A bare value where a condition belongs ({@code WHERE v}, {@code ... AND TRUE}); reported by the caller with
     * the service's message for where it stands.
     */
    private static final class BareOperand extends RuntimeException {
        BareOperand() {
            super(null, null, false, false);
        }
    }

    private Condition whereClause() {
        Token start = peek();
        if (start.kind() == Kind.EOF) {
            throw malformed();
        }
        int save = pos;
        try {
            return condition();
        } catch (BareOperand e) {
            // a lone value is the WHERE clause itself, or one argument of AND/OR
            pos = save;
            try {
                operand();
            } catch (DynamoException ignored) {
                throw malformed();
            }
            if (peek().kind() == Kind.EOF || peek().punct(";") || peek().is("ORDER") || peek().is("RETURNING")) {
                throw error(WHERE_BOOLEAN);
            }
            throw error(AND_OR_ARGUMENTS);
        }
    }

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
            enter();
            Condition c = new Condition.Not(not());
            depth--;
            return c;
        }
        return predicate();
    }

    private Condition predicate() {
        if (peek().punct("(")) {
            pos++;
            enter();
            Condition c = condition();
            expectPunct(")");
            depth--;
            return c;
        }
        Token t = peek();
        if (t.kind() == Kind.IDENT && peek(1).punct("(")) {
            String fn = t.text().toLowerCase(Locale.ROOT);
            if (CONDITION_FUNCTIONS.contains(fn)) {
                pos += 2;
                List<Operand> args = new ArrayList<>();
                if (!peek().punct(")")) {
                    do {
                        args.add(operand());
                    } while (acceptPunct(","));
                }
                expectPunct(")");
                return new Condition.Function(fn, args);
            }
            if (!fn.equals("size")) {
                throw error(String.format(UNRECOGNIZED_FUNCTION, fn));
            }
        }
        Operand left = operand();
        if (acceptKeyword("BETWEEN")) {
            Operand lo = operand();
            expectKeyword("AND");
            return new Condition.Between(left, lo, operand());
        }
        if (peek().is("NOT") && (peek(1).is("BETWEEN") || peek(1).is("IN") || peek(1).is("LIKE"))) {
            pos++;
            return new Condition.Not(afterNot(left));
        }
        if (acceptKeyword("IN")) {
            return in(left);
        }
        if (peek().is("LIKE")) {
            throw error(LIKE);
        }
        if (peek().is("IS")) {
            return is(left);
        }
        Token op = peek();
        Condition.Comparator cmp;
        switch (op.kind() == Kind.PUNCT ? op.text() : "") {
            case "=": cmp = Condition.Comparator.EQ; break;
            case "<>": case "!=": cmp = Condition.Comparator.NE; break;
            case "<": cmp = Condition.Comparator.LT; break;
            case "<=": cmp = Condition.Comparator.LE; break;
            case ">": cmp = Condition.Comparator.GT; break;
            case ">=": cmp = Condition.Comparator.GE; break;
            default:
                if (op.kind() == Kind.EOF || op.is("AND") || op.is("OR") || op.punct(")") || op.punct(";")
                    || op.is("ORDER") || op.is("RETURNING")) {
                    throw new BareOperand();
                }
                throw malformed();
        }
        pos++;
        return new Condition.Compare(left, cmp, operand());
    }

    private Condition afterNot(Operand left) {
        if (acceptKeyword("BETWEEN")) {
            Operand lo = operand();
            expectKeyword("AND");
            return new Condition.Between(left, lo, operand());
        }
        if (acceptKeyword("IN")) {
            return in(left);
        }
        throw error(LIKE);
    }

    private Condition in(Operand left) {
        String close;
        if (acceptPunct("[")) {
            close = "]";
        } else {
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

    /** {@code x IS [NOT] MISSING | NULL | BOOLEAN | BLOB | STRING | NUMERIC | STRUCT | TUPLE | LIST}. */
    private Condition is(Operand left) {
        Token isToken = next();
        boolean negated = acceptKeyword("NOT");
        Token what = next();
        String type = what.kind() == Kind.IDENT ? what.upper() : "";
        Condition c;
        switch (type) {
            case "MISSING":
                c = new Condition.Function("attribute_not_exists", List.of(left));
                break;
            case "NULL": c = typeCheck(left, "NULL"); break;
            case "BOOL":
            case "BOOLEAN": c = typeCheck(left, "BOOL"); break;
            case "BLOB": c = typeCheck(left, "B"); break;
            case "STRING": c = typeCheck(left, "S"); break;
            case "NUMERIC": c = typeCheck(left, "N"); break;
            case "STRUCT":
            case "TUPLE": c = typeCheck(left, "M"); break;
            case "LIST": c = typeCheck(left, "L"); break;
            default:
                if (UNSUPPORTED_IS_TYPES.contains(type)) {
                    throw error(String.format(IS_TYPE, type.equals("INT") ? "INTEGER" : type) + isToken.at());
                }
                throw malformed();
        }
        return negated ? new Condition.Not(c) : c;
    }

    private static Condition typeCheck(Operand left, String type) {
        return new Condition.Function("attribute_type", List.of(left, lit(AttributeValue.s(type))));
    }

    private static Operand lit(AttributeValue v) {
        return new Operand.Literal(v, null);
    }

    private Operand operand() {
        Token t = peek();
        if (t.kind() == Kind.IDENT && peek(1).punct("(")) {
            String fn = t.text().toLowerCase(Locale.ROOT);
            if (!fn.equals("size")) {
                throw error(String.format(UNRECOGNIZED_FUNCTION, fn));
            }
            pos += 2;
            enter();
            List<Operand> args = new ArrayList<>();
            if (!peek().punct(")")) {
                do {
                    args.add(operand());
                } while (acceptPunct(","));
            }
            expectPunct(")");
            depth--;
            return args.size() == 1 ? new Operand.Size(args.get(0)) : new Operand.UnknownFunction("size", args);
        }
        if (isName(t)) {
            return new Operand.PathOperand(path(false));
        }
        return lit(value("root", "root", false));
    }

    private static boolean isOperator(Token t) {
        return t.kind() == Kind.PUNCT && "+-*/%||".contains(t.text());
    }

    // ------------------------------------------------------------------ values

    /**
     * A literal value or {@code ?}. For messages, {@code under} names the structure the value stands in ("root" at
     * the top) and {@code self} the key the value itself stands under; {@code inItem} is true inside INSERT's
     * item, where only values are allowed.
     */
    private AttributeValue value(String under, String self, boolean inItem) {
        Token t = next();
        switch (t.kind()) {
            case STRING:
                return AttributeValue.s(t.text());
            case NUMBER:
                return number(t.text());
            case ION:
                throw error(String.format(ION_LITERAL, ionType(t.text()), under) + t.at());
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
                if (inItem && isName(t)) {
                    throw error(String.format(UNSUPPORTED_VALUE, t.text(), under) + t.at());
                }
                throw malformed();
            case QUOTED:
                if (inItem) {
                    throw error(String.format(UNSUPPORTED_VALUE, t.text(), under) + t.at());
                }
                throw malformed();
            case PUNCT:
                return punctValue(t, self, inItem);
            default:
                throw malformed();
        }
    }

    /** {@code self}: the key this value stands under, which its own entries' messages name. */
    private AttributeValue punctValue(Token t, String self, boolean inItem) {
        switch (t.text()) {
            case "-":
            case "+": {
                Token num = next();
                if (num.kind() != Kind.NUMBER) {
                    throw malformed();
                }
                return number(t.text().equals("-") ? "-" + num.text() : num.text());
            }
            case "?":
                usedParameters++;
                // too few parameters: keep parsing (syntax errors come first), the count is checked at the end
                return usedParameters <= parameters.size() ? parameters.get(usedParameters - 1) : AttributeValue.NULL;
            case "{": {
                enterValue();
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                if (!acceptPunct("}")) {
                    do {
                        Token k = next();
                        if (k.kind() == Kind.IDENT || k.kind() == Kind.QUOTED) {
                            throw error(String.format(TUPLE_KEY_TYPE, self) + k.at());
                        }
                        if (k.kind() != Kind.STRING) {
                            throw malformed();
                        }
                        expectPunct(":");
                        AttributeValue v = value(self, k.text(), inItem);
                        if (inItem && isOperator(peek())) {
                            throw error(String.format(UNSUPPORTED_VALUE, peek().text(), self) + peek().at());
                        }
                        if (m.put(k.text(), v) != null) {
                            throw error(String.format(TUPLE_DUPLICATE_KEY, k.text(), self) + k.at());
                        }
                    } while (acceptPunct(","));
                    expectPunct("}");
                }
                valueDepth--;
                return AttributeValue.m(m);
            }
            case "[": {
                enterValue();
                List<AttributeValue> l = new ArrayList<>();
                if (!acceptPunct("]")) {
                    do {
                        l.add(value(self, self, inItem));
                    } while (acceptPunct(","));
                    expectPunct("]");
                }
                valueDepth--;
                return AttributeValue.l(l);
            }
            case "<<":
                return bag(t);
            default:
                throw malformed();
        }
    }

    /** {@code <<'a', 'b'>>} / {@code <<1, 2>>}: a string or number set (binary sets through parameters). */
    private AttributeValue bag(Token open) {
        if (peek().punct(">>")) {
            throw error(EMPTY_BAG + open.at());
        }
        List<AttributeValue> elements = new ArrayList<>();
        List<Token> starts = new ArrayList<>();
        do {
            starts.add(peek());
            elements.add(value("root", "root", true));
        } while (acceptPunct(","));
        expectPunct(">>");
        AttributeValue first = elements.get(0);
        for (int i = 0; i < elements.size(); i++) {
            AttributeValue e = elements.get(i);
            boolean scalar = e instanceof AttributeValue.S || e instanceof AttributeValue.N || e instanceof AttributeValue.B;
            if (!scalar || e.type() != first.type()) {
                throw error(BAG_TYPE + starts.get(i).at());
            }
        }
        if (first instanceof AttributeValue.S) {
            LinkedHashSet<String> s = new LinkedHashSet<>();
            for (AttributeValue e : elements) {
                if (!s.add(((AttributeValue.S) e).value())) {
                    throw error(BAG_DUPLICATES);
                }
            }
            return AttributeValue.SS.of(s);
        }
        if (first instanceof AttributeValue.N) {
            LinkedHashSet<Num> s = new LinkedHashSet<>();
            for (AttributeValue e : elements) {
                if (!s.add(((AttributeValue.N) e).value())) {
                    throw error(BAG_DUPLICATES);
                }
            }
            return AttributeValue.NS.of(s);
        }
        LinkedHashSet<Bytes> s = new LinkedHashSet<>();
        for (AttributeValue e : elements) {
            if (!s.add(((AttributeValue.B) e).value())) {
                throw error(BAG_DUPLICATES);
            }
        }
        return AttributeValue.BS.of(s);
    }

    private static AttributeValue number(String text) {
        int digits = 0;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9') {
                if (c != '0' || !leading) {
                    leading = false;
                    digits++;
                }
            }
        }
        if (digits > Num.MAX_DIGITS) {
            throw error(PRECISION);
        }
        return AttributeValue.n(Num.parse(text));
    }

    private static String ionType(String ion) {
        String s = ion.trim();
        if (s.matches("[+-]?\\d+")) {
            return "INT";
        }
        if (s.matches("[+-]?\\d*\\.\\d+([dD][+-]?\\d+)?")) {
            return "DECIMAL";
        }
        if (s.startsWith("\"")) {
            return "STRING";
        }
        return "SYMBOL";
    }
}
