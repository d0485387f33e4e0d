package dev.dynamotest.engine.expr;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hand-written recursive-descent parser for DynamoDB's expressions. It produces unresolved trees: names are kept as
 * written ({@code #n} included) and values are {@link Operand.ValueRef}s; {@link ExpressionAttributes} resolves them.
 *
 * <p>The checks DynamoDB makes before it looks at ExpressionAttributeNames/Values happen here, in the service's
 * order (established against DynamoDB Local): the 4096-character limit, the empty expression, syntax errors (the
 * first token the grammar cannot accept, with the "near" excerpt), redundant parentheses ({@code ((x))}), then one
 * pass over the tree in text order for unknown function names, functions used where they are not allowed, reserved
 * words used as names and list indexes beyond the int range, and finally (update expressions) a clause written
 * twice.
 *
 * <p>Recursion is bounded: parentheses, NOT and function calls nest at most {@link #MAX_NESTING} deep. No valid
 * expression comes near (it would need more than 300 operators or redundant parentheses); past the bound the
 * parser stops with the error the service gives such an expression (see {@link #tooDeep()}).
 */
public final class ExpressionParser {
    static final int MAX_EXPRESSION_LENGTH = 4096;
    /** How deep parentheses, NOTs and function calls may nest before the parser gives up. */
    static final int MAX_NESTING = 1000;

    private static final Set<String> BOOLEAN_FUNCTIONS =
        Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Set<String> KNOWN_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists",
        "attribute_type", "begins_with", "contains", "size", "if_not_exists", "list_append");

    private final String text;
    private final ExpressionKind kind;
    private final List<Token> tokens;
    private int pos;
    private int depth;
    private boolean redundantParentheses;
    /** The checks of the tree pass, in text order; each yields an error detail or null. */
    private final List<Check> checks = new ArrayList<>();

    private ExpressionParser(String text, ExpressionKind kind) {
        this.text = text;
        this.kind = kind;
        this.tokens = Lexer.tokenize(text);
    }

    /** Parses a ConditionExpression, FilterExpression or KeyConditionExpression. */
    public static Condition parseCondition(String text, ExpressionKind kind) {
        if (kind == ExpressionKind.UPDATE || kind == ExpressionKind.PROJECTION) {
            throw new IllegalArgumentException("not a condition kind: " + kind);
        }
        ExpressionParser p = new ExpressionParser(checkLength(text, kind), kind);
        Node root = p.parseOr();
        Condition c = p.requireCondition(root);
        p.expect(Token.Kind.EOF);
        p.finish();
        return c;
    }

    public static UpdateExpression parseUpdate(String text) {
        return parseUpdateInOrder(text).expression();
    }

    public static Projection parseProjection(String text) {
        ExpressionParser p = new ExpressionParser(checkLength(text, ExpressionKind.PROJECTION), ExpressionKind.PROJECTION);
        List<Path> paths = new ArrayList<>();
        do {
            paths.add(p.parsePath());
        } while (p.accept(Token.Kind.COMMA));
        p.expect(Token.Kind.EOF);
        p.finish();
        return new Projection(paths);
    }

    /** Which action of which clause: {@code clause} is 'S', 'R', 'A' or 'D', {@code index} the action's position in it. */
    record ActionRef(char clause, int index) {
    }

    /** An update expression plus the order its actions were written in across clauses (needed for overlap messages). */
    record ParsedUpdate(UpdateExpression expression, List<ActionRef> textOrder) {
    }

    static ParsedUpdate parseUpdateInOrder(String text) {
        ExpressionParser p = new ExpressionParser(checkLength(text, ExpressionKind.UPDATE), ExpressionKind.UPDATE);
        List<UpdateExpression.SetAction> set = new ArrayList<>();
        List<Path> remove = new ArrayList<>();
        List<UpdateExpression.AddAction> add = new ArrayList<>();
        List<UpdateExpression.DeleteAction> delete = new ArrayList<>();
        List<ActionRef> order = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String repeated = null;
        do {
            Token clause = p.peek();
            String name;
            switch (clause.kind()) {
                case SET: name = "SET"; break;
                case REMOVE: name = "REMOVE"; break;
                case ADD: name = "ADD"; break;
                case DELETE: name = "DELETE"; break;
                default: throw p.syntaxError();
            }
            p.pos++;
            if (seen.contains(name)) {
                if (repeated == null) {
                    repeated = name;
                }
            } else {
                seen.add(name);
            }
            do {
                Path path = p.parsePath();
                switch (name) {
                    case "SET":
                        p.expect(Token.Kind.EQ);
                        order.add(new ActionRef('S', set.size()));
                        set.add(new UpdateExpression.SetAction(path, p.parseSetValue().toOperand()));
                        break;
                    case "REMOVE":
                        order.add(new ActionRef('R', remove.size()));
                        remove.add(path);
                        break;
                    case "ADD":
                        order.add(new ActionRef('A', add.size()));
                        add.add(new UpdateExpression.AddAction(path, p.parseValueRef()));
                        break;
                    default:
                        order.add(new ActionRef('D', delete.size()));
                        delete.add(new UpdateExpression.DeleteAction(path, p.parseValueRef()));
                }
            } while (p.accept(Token.Kind.COMMA));
        } while (!p.peek().is(Token.Kind.EOF));
        p.finish();
        if (repeated != null) {
            throw p.invalid(String.format(Messages.EXPR_SECTION_TWICE, repeated));
        }
        return new ParsedUpdate(new UpdateExpression(set, remove, add, delete), order);
    }

    private static String checkLength(String text, ExpressionKind kind) {
        if (text.length() > MAX_EXPRESSION_LENGTH) {
            // The service counts characters, not UTF-8 bytes (DynamoDB Local accepts 2,100 'é' = 4,200 bytes).
            boolean withSize = kind != ExpressionKind.UPDATE && kind != ExpressionKind.PROJECTION;
            throw DynamoException.validation(kind.invalid(withSize
                ? String.format(Messages.EXPR_TOO_LONG_WITH_SIZE, text.length()) : Messages.EXPR_TOO_LONG));
        }
        if (text.isEmpty()) {
            throw DynamoException.validation(kind.invalid(Messages.EXPR_EMPTY));
        }
        return text;
    }

    /** After a successful parse: redundant parentheses, then the tree pass in text order. */
    private void finish() {
        if (redundantParentheses) {
            throw invalid(Messages.EXPR_REDUNDANT_PARENTHESES);
        }
        for (Check c : checks) {
            String detail = c.error();
            if (detail != null) {
                throw invalid(detail);
            }
        }
    }

    // ---------------------------------------------------------------- conditions

    /** A parse result that may still be either a condition or an operand, e.g. {@code (a)} or {@code f(x)}. */
    private static final class Node {
        Condition condition;
        Operand operand;
        Call call;
        boolean parenthesized;
        boolean arithmetic;

        static Node of(Condition c) {
            Node n = new Node();
            n.condition = c;
            return n;
        }

        static Node of(Operand o) {
            Node n = new Node();
            n.operand = o;
            return n;
        }

        boolean isOperand() {
            return condition == null;
        }

        Operand toOperand() {
            if (call != null) {
                call.asOperand = true;
                return call.toOperand();
            }
            return operand;
        }
    }

    /** A function call; whether it serves as a condition or an operand is known only once its context is parsed. */
    private final class Call implements Check {
        final String name;
        final Call parent;
        final List<Operand> arguments = new ArrayList<>();
        boolean asOperand;
        boolean inArithmetic;

        Call(String name, Call parent) {
            this.name = name;
            this.parent = parent;
        }

        Operand toOperand() {
            int n = arguments.size();
            if (name.equals("size") && n == 1) {
                return new Operand.Size(arguments.get(0));
            }
            if (name.equals("if_not_exists") && n == 2) {
                return new Operand.IfNotExists(arguments.get(0), arguments.get(1));
            }
            if (name.equals("list_append") && n == 2) {
                return new Operand.ListAppend(arguments.get(0), arguments.get(1));
            }
            return new Operand.UnknownFunction(name, arguments);
        }

        @Override
        public String error() {
            if (!KNOWN_FUNCTIONS.contains(name)) {
                return String.format(Messages.EXPR_INVALID_FUNCTION, name);
            }
            if (kind == ExpressionKind.UPDATE) {
                if (!UPDATE_FUNCTIONS.contains(name)) {
                    return String.format(Messages.EXPR_FUNCTION_NOT_IN_UPDATE, name);
                }
                if (name.equals("list_append") && (parent != null || inArithmetic)) {
                    return String.format(Messages.EXPR_FUNCTION_MISUSED, name);
                }
                return null;
            }
            if (UPDATE_FUNCTIONS.contains(name)) {
                return String.format(Messages.EXPR_FUNCTION_NOT_IN_CONDITION, name);
            }
            boolean booleanFunction = BOOLEAN_FUNCTIONS.contains(name);
            if (booleanFunction == asOperand) {
                return String.format(Messages.EXPR_FUNCTION_MISUSED, name);
            }
            return null;
        }
    }

    private interface Check {
        String error();
    }

    private Node parseOr() {
        Node left = parseAnd();
        while (peek().is(Token.Kind.OR)) {
            Condition l = requireCondition(left);
            pos++;
            Condition r = requireCondition(parseAnd());
            left = Node.of(new Condition.Or(l, r));
        }
        return left;
    }

    private Node parseAnd() {
        Node left = parseNot();
        while (peek().is(Token.Kind.AND)) {
            Condition l = requireCondition(left);
            pos++;
            Condition r = requireCondition(parseNot());
            left = Node.of(new Condition.And(l, r));
        }
        return left;
    }

    private Node parseNot() {
        if (accept(Token.Kind.NOT)) {
            enter();
            Node n = Node.of(new Condition.Not(requireCondition(parseNot())));
            depth--;
            return n;
        }
        return parseComparison();
    }

    private Node parseComparison() {
        Node primary = parsePrimary();
        if (!primary.isOperand()) {
            return primary;
        }
        Token t = peek();
        Condition.Comparator cmp = comparator(t.kind());
        if (cmp != null) {
            pos++;
            Operand left = primary.toOperand();
            return Node.of(new Condition.Compare(left, cmp, parseOperand(null).toOperand()));
        }
        if (t.is(Token.Kind.BETWEEN)) {
            pos++;
            Operand value = primary.toOperand();
            Operand low = parseOperand(null).toOperand();
            expect(Token.Kind.AND);
            return Node.of(new Condition.Between(value, low, parseOperand(null).toOperand()));
        }
        if (t.is(Token.Kind.IN)) {
            pos++;
            Operand value = primary.toOperand();
            expect(Token.Kind.LPAREN);
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(parseOperand(null).toOperand());
            } while (accept(Token.Kind.COMMA));
            expect(Token.Kind.RPAREN);
            return Node.of(new Condition.In(value, candidates));
        }
        return primary;
    }

    private static Condition.Comparator comparator(Token.Kind k) {
        switch (k) {
            case EQ: return Condition.Comparator.EQ;
            case NE: return Condition.Comparator.NE;
            case LT: return Condition.Comparator.LT;
            case LE: return Condition.Comparator.LE;
            case GT: return Condition.Comparator.GT;
            case GE: return Condition.Comparator.GE;
            default: return null;
        }
    }

    /** {@code ( condition-or-operand )}, a function call, a path or a value. */
    private Node parsePrimary() {
        if (accept(Token.Kind.LPAREN)) {
            enter();
            Node inner = parseOr();
            expect(Token.Kind.RPAREN);
            depth--;
            return parenthesize(inner);
        }
        return parseOperand(null);
    }

    private Node parenthesize(Node inner) {
        if (inner.parenthesized) {
            redundantParentheses = true;
        }
        inner.parenthesized = true;
        return inner;
    }

    /** Where the grammar needs a condition: a bare function call becomes a condition function; an operand is an error. */
    private Condition requireCondition(Node n) {
        if (!n.isOperand()) {
            return n.condition;
        }
        if (n.call != null) {
            return new Condition.Function(n.call.name, n.call.arguments);
        }
        throw syntaxError();
    }

    // ---------------------------------------------------------------- operands

    /** An operand: path, {@code :value}, function call or a parenthesized operand. */
    private Node parseOperand(Call parent) {
        Token t = peek();
        if (t.is(Token.Kind.LPAREN)) {
            pos++;
            enter();
            Node inner = parseOperand(parent);
            expect(Token.Kind.RPAREN);
            depth--;
            return parenthesize(inner);
        }
        if (t.is(Token.Kind.IDENT) && tokens.get(pos + 1).is(Token.Kind.LPAREN)) {
            pos += 2;
            enter();
            Call call = new Call(t.text(), parent);
            checks.add(call);
            do {
                call.arguments.add(parseOperand(call).toOperand());
            } while (accept(Token.Kind.COMMA));
            expect(Token.Kind.RPAREN);
            depth--;
            if (parent != null) {
                call.asOperand = true;
            }
            Node n = new Node();
            n.call = call;
            return n;
        }
        if (t.is(Token.Kind.IDENT) || t.is(Token.Kind.NAME_REF)) {
            return Node.of(new Operand.PathOperand(parsePath()));
        }
        if (t.is(Token.Kind.VALUE_REF)) {
            pos++;
            return Node.of(new Operand.ValueRef(t.text()));
        }
        throw syntaxError();
    }

    private Operand parseValueRef() {
        Token t = expect(Token.Kind.VALUE_REF);
        return new Operand.ValueRef(t.text());
    }

    /** A SET value: operand, operand + operand, operand - operand, or one of these in parentheses. */
    private Node parseSetValue() {
        Node first;
        if (accept(Token.Kind.LPAREN)) {
            enter();
            Node inner = parseSetValue();
            expect(Token.Kind.RPAREN);
            depth--;
            first = parenthesize(inner);
        } else {
            first = parseOperand(null);
        }
        if (first.arithmetic) {
            return first;
        }
        Token t = peek();
        if (t.is(Token.Kind.PLUS) || t.is(Token.Kind.MINUS)) {
            pos++;
            Node second = parseOperand(null);
            markArithmetic(first);
            markArithmetic(second);
            Node n = Node.of(new Operand.Arithmetic(first.toOperand(), t.text().charAt(0), second.toOperand()));
            n.arithmetic = true;
            return n;
        }
        return first;
    }

    private static void markArithmetic(Node n) {
        if (n.call != null) {
            n.call.inArithmetic = true;
        }
    }

    /** {@code name ( . name | [ index ] )*} where a name is an identifier or a {@code #placeholder}. */
    private Path parsePath() {
        List<Path.PathElement> elements = new ArrayList<>();
        elements.add(new Path.Name(parsePathName()));
        while (true) {
            if (accept(Token.Kind.DOT)) {
                elements.add(new Path.Name(parsePathName()));
            } else if (accept(Token.Kind.LBRACKET)) {
                Token number = expect(Token.Kind.NUMBER);
                expect(Token.Kind.RBRACKET);
                int index;
                try {
                    index = Integer.parseInt(number.text());
                } catch (NumberFormatException e) {
                    index = Integer.MAX_VALUE; // never seen: the check below fails the expression
                    checks.add(() -> String.format(Messages.EXPR_INDEX_OUT_OF_RANGE, number.text()));
                }
                elements.add(new Path.Index(index));
            } else {
                return new Path(elements);
            }
        }
    }

    private String parsePathName() {
        Token t = peek();
        if (t.is(Token.Kind.IDENT)) {
            pos++;
            if (ReservedWords.isReserved(t.text())) {
                checks.add(() -> String.format(Messages.EXPR_RESERVED_KEYWORD, t.text()));
            }
            return t.text();
        }
        if (t.is(Token.Kind.NAME_REF)) {
            pos++;
            return t.text();
        }
        throw syntaxError();
    }

    // ---------------------------------------------------------------- nesting

    /** One level deeper (a parenthesis, NOT or function call); past {@link #MAX_NESTING} the parse stops. */
    private void enter() {
        if (++depth > MAX_NESTING) {
            throw tooDeep();
        }
    }

    /**
     * An expression nested past {@link #MAX_NESTING}. It has either parentheses directly inside parentheses
     * (the service: redundant parentheses) or, on the way down, more than 300 operators (the service stops
     * counting at 301), since every other level of nesting takes an operator or a function. The service would
     * report a syntax error further on first; the parser does not read that far.
     */
    private DynamoException tooDeep() {
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).is(Token.Kind.LPAREN) && tokens.get(i - 1).is(Token.Kind.LPAREN)) {
                return invalid(Messages.EXPR_REDUNDANT_PARENTHESES);
            }
        }
        return invalid(String.format(Messages.EXPR_TOO_MANY_OPERATORS, ExpressionAttributes.MAX_OPERATORS + 1));
    }

    // ---------------------------------------------------------------- tokens and errors

    private Token peek() {
        return tokens.get(pos);
    }

    private boolean accept(Token.Kind k) {
        if (peek().is(k)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(Token.Kind k) {
        Token t = peek();
        if (!t.is(k)) {
            throw syntaxError();
        }
        pos++;
        return t;
    }

    /**
     * A syntax error at the current token. "near" is the text from the start of the previous token (or of the input)
     * to the end of the next token (or of the input, when the next token or the offending one is the end).
     */
    private DynamoException syntaxError() {
        Token t = tokens.get(pos);
        int start = pos > 0 ? tokens.get(pos - 1).start() : 0;
        int end = t.is(Token.Kind.EOF) || tokens.get(pos + 1).is(Token.Kind.EOF) ? text.length() : tokens.get(pos + 1).end();
        return invalid(String.format(Messages.EXPR_SYNTAX, t.display(), text.substring(start, end)));
    }

    private DynamoException invalid(String detail) {
        return DynamoException.validation(kind.invalid(detail));
    }
}
