package dev.dynamotest.engine.expr;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.model.AttrType;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.model.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's legacy parameters expressed in the engine's trees: Expected / QueryFilter / ScanFilter /
 * KeyConditions become {@link Condition}s, AttributesToGet a {@link Projection}, AttributeUpdates are applied
 * with their own (pre-expression) rules.
 */
public final class Legacy {
    private Legacy() {
    }

    /**
     * One entry of Expected (Exists/Value, or ComparisonOperator with AttributeValueList or a Value standing for a
     * one-element list; {@code inExpected}) or of a Condition map (QueryFilter, ScanFilter, KeyConditions).
     */
    public record ExpectedEntry(String attribute, Boolean exists, AttributeValue value, String comparisonOperator,
                                List<AttributeValue> attributeValueList, boolean inExpected) {
    }

    /** One entry of AttributeUpdates: action PUT (default), ADD or DELETE. */
    public record AttributeUpdate(String attribute, String action, AttributeValue value) {
    }

    private static final String INVALID = "One or more parameter values were invalid: ";

    public static Condition fromExpected(List<ExpectedEntry> entries, String conditionalOperator) {
        Condition result = null;
        boolean or = "OR".equals(conditionalOperator);
        for (ExpectedEntry e : entries) {
            Condition c = entry(e);
            result = result == null ? c : or ? new Condition.Or(result, c) : new Condition.And(result, c);
        }
        return result;
    }

    private static Operand path(String attribute) {
        return new Operand.PathOperand(Path.of(attribute));
    }

    private static Operand lit(AttributeValue v) {
        return new Operand.Literal(v, null);
    }

    private static Condition entry(ExpectedEntry e) {
        String a = e.attribute();
        if (e.attributeValueList() != null && e.value() != null) {
            throw DynamoException.validation(INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + a);
        }
        if (e.comparisonOperator() == null) {
            if (e.attributeValueList() != null) {
                throw DynamoException.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + a);
            }
            boolean exists = e.exists() == null || e.exists();
            if (exists) {
                if (e.value() == null) {
                    throw DynamoException.validation(INVALID + "Value must be provided when Exists is "
                        + (e.exists() == null ? "null" : "true") + " for Attribute: " + a);
                }
                return new Condition.Compare(path(a), Condition.Comparator.EQ, lit(e.value()));
            }
            if (e.value() != null) {
                throw DynamoException.validation(INVALID + "Value cannot be used when Exists is false for Attribute: " + a);
            }
            return new Condition.Function("attribute_not_exists", List.of(path(a)));
        }
        if (e.exists() != null) {
            throw DynamoException.validation(INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: " + a);
        }
        String op = e.comparisonOperator();
        if (e.inExpected() && e.value() == null && e.attributeValueList() == null && !op.equals("NULL") && !op.equals("NOT_NULL")) {
            throw DynamoException.validation(INVALID + "Value or AttributeValueList must be used with ComparisonOperator: " + op
                + " for Attribute: " + a);
        }
        List<AttributeValue> values = e.attributeValueList() != null ? e.attributeValueList()
            : e.value() != null ? List.of(e.value()) : List.of();
        switch (op) {
            case "EQ": case "NE": case "LE": case "LT": case "GE": case "GT": {
                count(op, values, 1);
                AttributeValue v = values.get(0);
                if (!op.equals("EQ") && !op.equals("NE")) {
                    scalar(op, v);
                } else if (v.type() == AttrType.NULL) {
                    // allowed
                }
                Condition.Comparator c = Condition.Comparator.valueOf(op);
                return new Condition.Compare(path(a), c, lit(v));
            }
            case "NOT_NULL":
                count(op, values, 0);
                return new Condition.Function("attribute_exists", List.of(path(a)));
            case "NULL":
                count(op, values, 0);
                return new Condition.Function("attribute_not_exists", List.of(path(a)));
            case "CONTAINS":
            case "NOT_CONTAINS": {
                count(op, values, 1);
                AttributeValue v = values.get(0);
                scalar(op, v);
                Condition c = new Condition.Function("contains", List.of(path(a), lit(v)));
                if (op.equals("CONTAINS")) {
                    return c;
                }
                return new Condition.And(new Condition.Function("attribute_exists", List.of(path(a))), new Condition.Not(c));
            }
            case "BEGINS_WITH": {
                count(op, values, 1);
                AttributeValue v = values.get(0);
                if (v.type() != AttrType.S && v.type() != AttrType.B) {
                    throw DynamoException.validation(INVALID + "ComparisonOperator BEGINS_WITH is not valid for "
                        + v.type() + " AttributeValue type");
                }
                return new Condition.Function("begins_with", List.of(path(a), lit(v)));
            }
            case "IN": {
                if (values.isEmpty()) {
                    throw DynamoException.validation(INVALID + "Invalid number of argument(s) for the IN ComparisonOperator");
                }
                sameType(values);
                List<Operand> candidates = new ArrayList<>();
                for (AttributeValue v : values) {
                    scalar(op, v);
                    candidates.add(lit(v));
                }
                return new Condition.In(path(a), candidates);
            }
            case "BETWEEN": {
                count(op, values, 2);
                AttributeValue lo = values.get(0);
                AttributeValue hi = values.get(1);
                sameType(values);
                scalar(op, lo);
                scalar(op, hi);
                if (Values.compareScalars(lo, hi) > 0) {
                    throw DynamoException.validation(INVALID + "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
                }
                return new Condition.Between(path(a), lit(lo), lit(hi));
            }
            default:
                throw DynamoException.validation("1 validation error detected: Value '" + op + "' at 'comparisonOperator' failed to "
                    + "satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, "
                    + "NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        }
    }

    private static void count(String op, List<AttributeValue> values, int expected) {
        if (values.size() != expected) {
            throw DynamoException.validation(INVALID + "Invalid number of argument(s) for the " + op + " ComparisonOperator");
        }
    }

    /** Several values (IN, BETWEEN) must all be of one type; checked before the operator's own type rules. */
    private static void sameType(List<AttributeValue> values) {
        for (AttributeValue v : values) {
            if (v.type() != values.get(0).type()) {
                throw DynamoException.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
            }
        }
    }

    private static void scalar(String op, AttributeValue v) {
        if (!v.type().isScalarKeyType()) {
            throw DynamoException.validation(INVALID + "ComparisonOperator " + op + " is not valid for " + v.type()
                + " AttributeValue type");
        }
    }

    public static Projection fromAttributesToGet(List<String> attributes) {
        List<Path> paths = new ArrayList<>(attributes.size());
        for (String a : attributes) {
            paths.add(Path.of(a));
        }
        return new Projection(paths);
    }

    /** The service's text when ADD or DELETE meets an attribute of another type (AttributeUpdates only). */
    public static final String TYPE_MISMATCH = "Type mismatch for attribute to update";

    /**
     * Applies AttributeUpdates with the legacy rules (ADD appends to lists; DELETE without a value removes). When
     * the item does not exist and every action is a DELETE, nothing happens and no item is created (the service's
     * documentation of AttributeValueUpdate: "DELETE - Nothing happens; there is no attribute to delete").
     */
    public static UpdateResult applyAttributeUpdates(Item old, Map<String, AttributeValue> key, List<AttributeUpdate> updates) {
        if (old == null && !updates.isEmpty() && updates.stream().allMatch(u -> "DELETE".equals(u.action()))) {
            return new UpdateResult(null, List.of());
        }
        LinkedHashMap<String, AttributeValue> attrs = old != null ? old.toMutableMap() : new LinkedHashMap<>(key);
        List<Path> touched = new ArrayList<>();
        for (AttributeUpdate u : updates) {
            String action = u.action() == null ? "PUT" : u.action();
            AttributeValue current = attrs.get(u.attribute());
            touched.add(Path.of(u.attribute()));
            switch (action) {
                case "PUT":
                    if (u.value() == null) {
                        throw DynamoException.validation(INVALID + "Only DELETE action is allowed when no attribute value is specified");
                    }
                    attrs.put(u.attribute(), u.value());
                    break;
                case "DELETE":
                    if (u.value() == null) {
                        attrs.remove(u.attribute());
                    } else {
                        if (!u.value().type().isSet()) {
                            throw DynamoException.validation(INVALID + "DELETE action with value is not supported for the type " + u.value().type());
                        }
                        if (current != null && current.type() != u.value().type()) {
                            throw DynamoException.validation(TYPE_MISMATCH);
                        }
                        if (current != null) {
                            AttributeValue rest = UpdateApplier.delete(current, u.value());
                            if (rest == null) {
                                attrs.remove(u.attribute());
                            } else {
                                attrs.put(u.attribute(), rest);
                            }
                        }
                    }
                    break;
                case "ADD":
                    if (u.value() == null) {
                        throw DynamoException.validation(INVALID + "Only DELETE action is allowed when no attribute value is specified");
                    }
                    if (u.value() instanceof AttributeValue.L list) {
                        if (current != null && !(current instanceof AttributeValue.L)) {
                            throw DynamoException.validation(TYPE_MISMATCH);
                        }
                        List<AttributeValue> joined = new ArrayList<>(current == null ? List.of() : ((AttributeValue.L) current).value());
                        joined.addAll(list.value());
                        attrs.put(u.attribute(), AttributeValue.l(joined));
                    } else if (u.value().type() == AttrType.N || u.value().type().isSet()) {
                        if (current != null && current.type() != u.value().type()) {
                            throw DynamoException.validation(TYPE_MISMATCH);
                        }
                        attrs.put(u.attribute(), UpdateApplier.add(current, u.value()));
                    } else {
                        throw DynamoException.validation(INVALID + "ADD action is not supported for the type " + u.value().type());
                    }
                    break;
                default:
                    throw DynamoException.validation("1 validation error detected: Value '" + action + "' at 'attributeUpdates."
                        + u.attribute() + ".member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
            }
        }
        return new UpdateResult(Item.wrap(attrs), touched);
    }
}
