package dev.dynamotest.engine.expr;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, and the resolution stage: placeholders
 * are replaced ({@code #n} by the real name, {@code :v} by an {@link Operand.Literal}) and the checks DynamoDB makes
 * once it knows the values run, in the service's order (established against DynamoDB Local):
 *
 * <ul>
 *   <li>conditions: one post-order pass in text order (undefined placeholders, path depth, IN size, function arity,
 *   "requires a document path", identical operands, statically known operand types, BETWEEN bounds), then the
 *   operator count;</li>
 *   <li>update expressions: the target paths of the actions in reverse text order, the overlap check, the values of
 *   the actions in reverse text order, then the operator count;</li>
 *   <li>projections: the paths in reverse text order, then the overlap check.</li>
 * </ul>
 *
 * The maps themselves are validated by the constructor. {@link #checkAllUsed()} runs after all expressions of the
 * request were resolved.
 */
public final class ExpressionAttributes {
    static final int MAX_PATH_DEPTH = 32;
    static final int MAX_IN_CANDIDATES = 100;
    static final int MAX_OPERATORS = 300;

    private static final Set<String> ATTRIBUTE_TYPE_NAMES =
        Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    /**
     * @param names  ExpressionAttributeNames, or null when the request has none
     * @param values ExpressionAttributeValues (decoded), or null when the request has none
     * @throws DynamoException (ValidationException) for an empty map, a malformed key or an empty name
     */
    public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
        if (names != null) {
            if (names.isEmpty()) {
                throw DynamoException.validation(Messages.EXPR_NAMES_EMPTY);
            }
            for (Map.Entry<String, String> e : names.entrySet()) {
                if (!isPlaceholder(e.getKey(), '#')) {
                    throw DynamoException.validation(String.format(Messages.EXPR_NAMES_INVALID_KEY, e.getKey()));
                }
                if (e.getValue() == null || e.getValue().isEmpty()) {
                    throw DynamoException.validation(String.format(Messages.EXPR_NAMES_EMPTY_VALUE, e.getKey()));
                }
            }
        }
        if (values != null) {
            if (values.isEmpty()) {
                throw DynamoException.validation(Messages.EXPR_VALUES_EMPTY);
            }
            for (String key : values.keySet()) {
                if (!isPlaceholder(key, ':')) {
                    throw DynamoException.validation(String.format(Messages.EXPR_VALUES_INVALID_KEY, key));
                }
            }
        }
        this.names = names == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(names));
        this.values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private static boolean isPlaceholder(String key, char prefix) {
        if (key == null || key.length() < 2 || key.charAt(0) != prefix) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            if (!Lexer.isWordChar(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- convenience: parse + resolve

    public Condition condition(String text, ExpressionKind kind) {
        return resolve(ExpressionParser.parseCondition(text, kind), kind);
    }

    public UpdateExpression update(String text) {
        ExpressionParser.ParsedUpdate parsed = ExpressionParser.parseUpdateInOrder(text);
        return resolveUpdate(parsed.expression(), parsed.textOrder());
    }

    public Projection projection(String text) {
        return resolve(ExpressionParser.parseProjection(text));
    }

    // ---------------------------------------------------------------- resolution

    public Condition resolve(Condition parsed, ExpressionKind kind) {
        Resolver r = new Resolver(kind);
        Condition resolved = r.condition(parsed);
        checkOperatorCount(countOperators(resolved), kind);
        return resolved;
    }

    /**
     * Resolves an update expression. Without the text the actions are taken in clause order (SET, REMOVE, ADD,
     * DELETE); {@link #update(String)} keeps the order they were written in, which decides which placeholder or
     * which pair of paths an error names when several are wrong.
     */
    public UpdateExpression resolve(UpdateExpression parsed) {
        List<ExpressionParser.ActionRef> order = new ArrayList<>();
        for (int i = 0; i < parsed.set().size(); i++) {
            order.add(new ExpressionParser.ActionRef('S', i));
        }
        for (int i = 0; i < parsed.remove().size(); i++) {
            order.add(new ExpressionParser.ActionRef('R', i));
        }
        for (int i = 0; i < parsed.add().size(); i++) {
            order.add(new ExpressionParser.ActionRef('A', i));
        }
        for (int i = 0; i < parsed.delete().size(); i++) {
            order.add(new ExpressionParser.ActionRef('D', i));
        }
        return resolveUpdate(parsed, order);
    }

    private UpdateExpression resolveUpdate(UpdateExpression u, List<ExpressionParser.ActionRef> order) {
        Resolver r = new Resolver(ExpressionKind.UPDATE);
        Path[] setPaths = new Path[u.set().size()];
        Path[] removePaths = new Path[u.remove().size()];
        Path[] addPaths = new Path[u.add().size()];
        Path[] deletePaths = new Path[u.delete().size()];
        for (int i = order.size() - 1; i >= 0; i--) {
            ExpressionParser.ActionRef a = order.get(i);
            switch (a.clause()) {
                case 'S': setPaths[a.index()] = r.path(u.set().get(a.index()).path()); break;
                case 'R': removePaths[a.index()] = r.path(u.remove().get(a.index())); break;
                case 'A': addPaths[a.index()] = r.path(u.add().get(a.index()).path()); break;
                default: deletePaths[a.index()] = r.path(u.delete().get(a.index()).path());
            }
        }
        List<Path> inTextOrder = new ArrayList<>();
        for (ExpressionParser.ActionRef a : order) {
            switch (a.clause()) {
                case 'S': inTextOrder.add(setPaths[a.index()]); break;
                case 'R': inTextOrder.add(removePaths[a.index()]); break;
                case 'A': inTextOrder.add(addPaths[a.index()]); break;
                default: inTextOrder.add(deletePaths[a.index()]);
            }
        }
        PathOverlap.check(inTextOrder, ExpressionKind.UPDATE);

        Operand[] setValues = new Operand[setPaths.length];
        Operand[] addValues = new Operand[addPaths.length];
        Operand[] deleteValues = new Operand[deletePaths.length];
        for (int i = order.size() - 1; i >= 0; i--) {
            ExpressionParser.ActionRef a = order.get(i);
            switch (a.clause()) {
                case 'S':
                    setValues[a.index()] = r.operand(u.set().get(a.index()).value());
                    break;
                case 'A':
                    addValues[a.index()] = r.actionValue("ADD", u.add().get(a.index()).value());
                    break;
                case 'D':
                    deleteValues[a.index()] = r.actionValue("DELETE", u.delete().get(a.index()).value());
                    break;
                default:
            }
        }
        List<UpdateExpression.SetAction> set = new ArrayList<>();
        int operators = 0;
        for (int i = 0; i < setPaths.length; i++) {
            set.add(new UpdateExpression.SetAction(setPaths[i], setValues[i]));
            operators += countOperators(setValues[i]);
        }
        List<UpdateExpression.AddAction> add = new ArrayList<>();
        for (int i = 0; i < addPaths.length; i++) {
            add.add(new UpdateExpression.AddAction(addPaths[i], addValues[i]));
        }
        List<UpdateExpression.DeleteAction> delete = new ArrayList<>();
        for (int i = 0; i < deletePaths.length; i++) {
            delete.add(new UpdateExpression.DeleteAction(deletePaths[i], deleteValues[i]));
        }
        checkOperatorCount(operators, ExpressionKind.UPDATE);
        return new UpdateExpression(set, List.of(removePaths), add, delete);
    }

    public Projection resolve(Projection parsed) {
        Resolver r = new Resolver(ExpressionKind.PROJECTION);
        Path[] paths = new Path[parsed.paths().size()];
        for (int i = paths.length - 1; i >= 0; i--) {
            paths[i] = r.path(parsed.paths().get(i));
        }
        List<Path> resolved = List.of(paths);
        PathOverlap.check(resolved, ExpressionKind.PROJECTION);
        return new Projection(resolved);
    }

    /**
     * After every expression of the request was resolved: names given but never used, then values. The keys are
     * listed in the order DynamoDB lists them (that of a Java HashSet).
     */
    public void checkAllUsed() {
        Set<String> unusedNames = new HashSet<>();
        for (String k : names.keySet()) {
            if (!usedNames.contains(k)) {
                unusedNames.add(k);
            }
        }
        if (!unusedNames.isEmpty()) {
            throw DynamoException.validation(String.format(Messages.EXPR_NAMES_UNUSED, String.join(", ", unusedNames)));
        }
        Set<String> unusedValues = new HashSet<>();
        for (String k : values.keySet()) {
            if (!usedValues.contains(k)) {
                unusedValues.add(k);
            }
        }
        if (!unusedValues.isEmpty()) {
            throw DynamoException.validation(String.format(Messages.EXPR_VALUES_UNUSED, String.join(", ", unusedValues)));
        }
    }

    // ---------------------------------------------------------------- operator count

    private static void checkOperatorCount(int count, ExpressionKind kind) {
        if (count > MAX_OPERATORS) {
            // The service stops counting at the first operator past the limit, so it always names 301.
            throw DynamoException.validation(kind.invalid(String.format(Messages.EXPR_TOO_MANY_OPERATORS, MAX_OPERATORS + 1)));
        }
    }

    /** Comparators, BETWEEN, IN, AND, OR, NOT, functions and + / - count; BETWEEN's AND and SET's = do not. */
    static int countOperators(Condition c) {
        if (c instanceof Condition.Compare cmp) {
            return 1 + countOperators(cmp.left()) + countOperators(cmp.right());
        }
        if (c instanceof Condition.Between b) {
            return 1 + countOperators(b.value()) + countOperators(b.low()) + countOperators(b.high());
        }
        if (c instanceof Condition.In in) {
            int n = 1 + countOperators(in.value());
            for (Operand o : in.candidates()) {
                n += countOperators(o);
            }
            return n;
        }
        if (c instanceof Condition.And and) {
            return 1 + countOperators(and.left()) + countOperators(and.right());
        }
        if (c instanceof Condition.Or or) {
            return 1 + countOperators(or.left()) + countOperators(or.right());
        }
        if (c instanceof Condition.Not not) {
            return 1 + countOperators(not.condition());
        }
        Condition.Function f = (Condition.Function) c;
        int n = 1;
        for (Operand o : f.arguments()) {
            n += countOperators(o);
        }
        return n;
    }

    static int countOperators(Operand o) {
        if (o instanceof Operand.Size s) {
            return 1 + countOperators(s.path());
        }
        if (o instanceof Operand.IfNotExists i) {
            return 1 + countOperators(i.path()) + countOperators(i.fallback());
        }
        if (o instanceof Operand.ListAppend l) {
            return 1 + countOperators(l.first()) + countOperators(l.second());
        }
        if (o instanceof Operand.Arithmetic a) {
            return 1 + countOperators(a.left()) + countOperators(a.right());
        }
        if (o instanceof Operand.UnknownFunction u) {
            int n = 1;
            for (Operand arg : u.arguments()) {
                n += countOperators(arg);
            }
            return n;
        }
        return 0;
    }

    // ---------------------------------------------------------------- the resolving pass

    private final class Resolver {
        private final ExpressionKind kind;

        Resolver(ExpressionKind kind) {
            this.kind = kind;
        }

        private DynamoException invalid(String format, Object... args) {
            return DynamoException.validation(kind.invalid(String.format(format, args)));
        }

        Condition condition(Condition c) {
            if (c instanceof Condition.Compare cmp) {
                Operand l = operand(cmp.left());
                Operand r = operand(cmp.right());
                String op = cmp.comparator().symbol;
                distinct(op, l, List.of(r));
                if (cmp.comparator() != Condition.Comparator.EQ && cmp.comparator() != Condition.Comparator.NE) {
                    requireScalar(op, l);
                    requireScalar(op, r);
                }
                return new Condition.Compare(l, cmp.comparator(), r);
            }
            if (c instanceof Condition.Between b) {
                Operand v = operand(b.value());
                Operand lo = operand(b.low());
                Operand hi = operand(b.high());
                requireScalar("BETWEEN", v);
                requireScalar("BETWEEN", lo);
                requireScalar("BETWEEN", hi);
                distinct("BETWEEN", v, List.of(lo, hi));
                if (lo instanceof Operand.Literal l && hi instanceof Operand.Literal h) {
                    if (l.value().type() != h.value().type()) {
                        throw invalid(Messages.EXPR_BETWEEN_TYPES, render(l.value()), render(h.value()));
                    }
                    if (Values.compareScalars(l.value(), h.value()) > 0) {
                        throw invalid(Messages.EXPR_BETWEEN_ORDER, render(l.value()), render(h.value()));
                    }
                }
                return new Condition.Between(v, lo, hi);
            }
            if (c instanceof Condition.In in) {
                Operand v = operand(in.value());
                List<Operand> candidates = new ArrayList<>();
                for (Operand o : in.candidates()) {
                    candidates.add(operand(o));
                }
                if (candidates.size() > MAX_IN_CANDIDATES) {
                    throw invalid(Messages.EXPR_IN_TOO_MANY, candidates.size());
                }
                distinct("IN", v, candidates);
                return new Condition.In(v, candidates);
            }
            if (c instanceof Condition.And and) {
                Condition l = condition(and.left());
                return new Condition.And(l, condition(and.right()));
            }
            if (c instanceof Condition.Or or) {
                Condition l = condition(or.left());
                return new Condition.Or(l, condition(or.right()));
            }
            if (c instanceof Condition.Not not) {
                return new Condition.Not(condition(not.condition()));
            }
            Condition.Function f = (Condition.Function) c;
            List<Operand> args = new ArrayList<>();
            for (Operand o : f.arguments()) {
                args.add(operand(o));
            }
            String name = f.name();
            switch (name) {
                case "attribute_exists":
                case "attribute_not_exists":
                    arity(name, args, 1);
                    requirePath(name, args.get(0));
                    break;
                case "attribute_type":
                    arity(name, args, 2);
                    checkTypeName(args.get(1));
                    break;
                case "begins_with":
                    arity(name, args, 2);
                    distinct(name, args.get(0), args.subList(1, 2));
                    for (Operand o : args) {
                        AttrType t = staticType(o);
                        if (t != null && t != AttrType.S && t != AttrType.B) {
                            throw invalid(Messages.EXPR_OPERAND_TYPE, name, t);
                        }
                    }
                    break;
                case "contains":
                    arity(name, args, 2);
                    distinct(name, args.get(0), args.subList(1, 2));
                    break;
                default:
            }
            return new Condition.Function(name, args);
        }

        Operand operand(Operand o) {
            if (o instanceof Operand.PathOperand p) {
                return new Operand.PathOperand(path(p.path()));
            }
            if (o instanceof Operand.ValueRef v) {
                return literal(v.placeholder());
            }
            if (o instanceof Operand.Size s) {
                Operand inner = operand(s.path());
                AttrType t = staticType(inner);
                if (t == AttrType.N || t == AttrType.BOOL || t == AttrType.NULL) {
                    throw invalid(Messages.EXPR_OPERAND_TYPE, "size", t);
                }
                return new Operand.Size(inner);
            }
            if (o instanceof Operand.IfNotExists i) {
                Operand p = operand(i.path());
                Operand fallback = operand(i.fallback());
                requirePath("if_not_exists", p);
                return new Operand.IfNotExists(p, fallback);
            }
            if (o instanceof Operand.ListAppend l) {
                Operand first = operand(l.first());
                Operand second = operand(l.second());
                for (Operand x : List.of(first, second)) {
                    AttrType t = staticType(x);
                    if (t != null && t != AttrType.L) {
                        throw invalid(Messages.EXPR_OPERAND_TYPE, "list_append", t);
                    }
                }
                return new Operand.ListAppend(first, second);
            }
            if (o instanceof Operand.Arithmetic a) {
                Operand l = operand(a.left());
                Operand r = operand(a.right());
                for (Operand x : List.of(l, r)) {
                    AttrType t = staticType(x);
                    if (t != null && t != AttrType.N) {
                        throw invalid(Messages.EXPR_OPERAND_TYPE, String.valueOf(a.operator()), t);
                    }
                }
                return new Operand.Arithmetic(l, a.operator(), r);
            }
            if (o instanceof Operand.UnknownFunction u) {
                List<Operand> args = new ArrayList<>();
                for (Operand arg : u.arguments()) {
                    args.add(operand(arg));
                }
                switch (u.name()) {
                    case "size": arity(u.name(), args, 1); break;
                    case "if_not_exists":
                    case "list_append": arity(u.name(), args, 2); break;
                    default:
                }
                return new Operand.UnknownFunction(u.name(), args);
            }
            return o; // already a Literal
        }

        /** The value of an ADD or DELETE action: numbers and sets for ADD, sets for DELETE. */
        Operand actionValue(String action, Operand value) {
            Operand resolved = operand(value);
            AttrType t = staticType(resolved);
            boolean allowed = t == null || t.isSet() || (t == AttrType.N && action.equals("ADD"));
            if (!allowed) {
                throw invalid(Messages.EXPR_ACTION_OPERAND_TYPE, action, longTypeName(t),
                    action.equals("ADD") ? "ALLOWED_FOR_ADD_OPERAND" : "ALLOWED_FOR_DELETE_OPERAND");
            }
            return resolved;
        }

        Path path(Path p) {
            List<Path.PathElement> out = new ArrayList<>(p.size());
            for (Path.PathElement e : p.elements()) {
                if (e instanceof Path.Name n && n.name().startsWith("#")) {
                    String real = names.get(n.name());
                    if (real == null) {
                        throw invalid(Messages.EXPR_NAME_UNDEFINED, n.name());
                    }
                    usedNames.add(n.name());
                    out.add(new Path.Name(real));
                } else {
                    out.add(e);
                }
            }
            if (out.size() > MAX_PATH_DEPTH) {
                throw invalid(Messages.EXPR_PATH_TOO_DEEP, out.size());
            }
            return new Path(out);
        }

        private Operand.Literal literal(String placeholder) {
            AttributeValue v = values.get(placeholder);
            if (v == null) {
                throw invalid(Messages.EXPR_VALUE_UNDEFINED, placeholder);
            }
            usedValues.add(placeholder);
            return new Operand.Literal(v, placeholder);
        }

        private void arity(String function, List<Operand> args, int expected) {
            if (args.size() != expected) {
                throw invalid(Messages.EXPR_ARITY, function, args.size());
            }
        }

        private void requirePath(String function, Operand o) {
            if (!(o instanceof Operand.PathOperand)) {
                throw invalid(Messages.EXPR_REQUIRES_PATH, function);
            }
        }

        /** The first operand must not be the same document path as any of the others. */
        private void distinct(String operator, Operand first, List<Operand> others) {
            if (first instanceof Operand.PathOperand p) {
                for (Operand o : others) {
                    if (o instanceof Operand.PathOperand q && p.path().equals(q.path())) {
                        throw invalid(Messages.EXPR_OPERANDS_NOT_DISTINCT, operator, p.path().toMessageString());
                    }
                }
            }
        }

        /** Ordering operators and BETWEEN take strings, numbers and binaries only. */
        private void requireScalar(String operator, Operand o) {
            AttrType t = staticType(o);
            if (t != null && !t.isScalarKeyType()) {
                throw invalid(Messages.EXPR_OPERAND_TYPE, operator, t);
            }
        }

        private void checkTypeName(Operand o) {
            if (o instanceof Operand.PathOperand) {
                throw invalid(Messages.EXPR_OPERAND_TYPE, "attribute_type", Messages.EXPR_ATTRIBUTE_TYPE_PATH_OPERAND);
            }
            AttrType t = staticType(o);
            if (t != null && t != AttrType.S) {
                throw invalid(Messages.EXPR_OPERAND_TYPE, "attribute_type", t);
            }
            if (o instanceof Operand.Literal l && !ATTRIBUTE_TYPE_NAMES.contains(((AttributeValue.S) l.value()).value())) {
                throw invalid(Messages.EXPR_INVALID_ATTRIBUTE_TYPE, ((AttributeValue.S) l.value()).value());
            }
        }
    }

    /** The type of an operand when it is known before reading the item: literals, and size() (a number). */
    static AttrType staticType(Operand o) {
        if (o instanceof Operand.Literal l) {
            return l.value().type();
        }
        if (o instanceof Operand.Size) {
            return AttrType.N;
        }
        return null;
    }

    /** The type names of ADD/DELETE messages. The set names never appear (sets are always accepted). */
    static String longTypeName(AttrType t) {
        switch (t) {
            case S: return "STRING";
            case N: return "NUMBER";
            case B: return "BINARY";
            case BOOL: return "BOOLEAN";
            case NULL: return "NULL";
            case M: return "MAP";
            case L: return "LIST";
            case SS: return "STRING_SET";
            case NS: return "NUMBER_SET";
            default: return "BINARY_SET";
        }
    }

    /**
     * A BETWEEN bound as DynamoDB Local prints it: {@code {S:abc}}, {@code {N:1.5}}; a binary prints as Java's
     * {@code ByteBuffer.toString()}, which names only its length.
     */
    static String render(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return "{S:" + s.value() + "}";
        }
        if (v instanceof AttributeValue.N n) {
            return "{N:" + n.value() + "}";
        }
        if (v instanceof AttributeValue.B b) {
            int len = b.value().length();
            return "{B:java.nio.HeapByteBuffer[pos=0 lim=" + len + " cap=" + len + "]}";
        }
        return "{" + v.type() + ":" + v + "}";
    }
}
