package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.expr.ExpressionAttributes;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.engine.table.IndexLayout;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request parameters and rules shared by the item operations. */
final class ItemRequests {
    private ItemRequests() {
    }

    static final List<String> RETURN_VALUES = List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
    static final List<String> RETURN_VALUES_ON_CCF = List.of("ALL_OLD", "NONE");
    static final List<String> RETURN_ITEM_COLLECTION_METRICS = List.of("SIZE", "NONE");
    static final List<String> CONDITIONAL_OPERATORS = List.of("AND", "OR");
    static final String RETURN_VALUES_INVALID = "Return values set to invalid value";

    /**
     * The members every single-item write validates first: table name, the item or key, ReturnValues,
     * ReturnConsumedCapacity, ReturnItemCollectionMetrics, ReturnValuesOnConditionCheckFailure, ConditionalOperator.
     */
    static void validateWrite(JsonNode req, String itemMember) {
        ValidationErrors v = new ValidationErrors();
        v.tableName("tableName", Requests.string(req, "TableName"), true);
        v.notNull(itemMember.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + itemMember.substring(1), Requests.member(req, itemMember));
        v.oneOf("returnValues", Requests.string(req, "ReturnValues"), RETURN_VALUES);
        v.oneOf("returnConsumedCapacity", Requests.string(req, "ReturnConsumedCapacity"), ConsumedCapacityJson.VALUES);
        v.oneOf("returnItemCollectionMetrics", Requests.string(req, "ReturnItemCollectionMetrics"), RETURN_ITEM_COLLECTION_METRICS);
        validateConditionParameters(v, req);
        v.throwIfAny();
    }

    /** ReturnValues of PutItem and DeleteItem may only be NONE or ALL_OLD. */
    static void checkNoneOrAllOld(String returnValues) {
        if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw DynamoException.validation(RETURN_VALUES_INVALID);
        }
    }

    /** ReturnValuesOnConditionCheckFailure and ConditionalOperator, validated with the other members. */
    static void validateConditionParameters(ValidationErrors v, JsonNode req) {
        v.oneOf("returnValuesOnConditionCheckFailure", Requests.string(req, "ReturnValuesOnConditionCheckFailure"),
            RETURN_VALUES_ON_CCF);
        v.oneOf("conditionalOperator", Requests.string(req, "ConditionalOperator"), CONDITIONAL_OPERATORS);
    }

    static boolean oldOnFailure(JsonNode req) {
        return "ALL_OLD".equals(Requests.string(req, "ReturnValuesOnConditionCheckFailure"));
    }

    /**
     * Rejects a request that mixes legacy and expression parameters, as the service does:
     * {@code Can not use both expression and non-expression parameters in the same request: Non-expression
     * parameters: {Expected} Expression parameters: {ConditionExpression}}.
     */
    static void checkNoMix(JsonNode req, List<String> legacy, List<String> expressions) {
        List<String> legacyUsed = present(req, legacy);
        List<String> expressionUsed = present(req, expressions);
        if (Requests.member(req, "KeyConditionExpression") == null) {
            legacyUsed.remove("KeyConditions"); // KeyConditions goes with FilterExpression and ProjectionExpression
        }
        if (!legacyUsed.isEmpty() && !expressionUsed.isEmpty()) {
            throw DynamoException.validation("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {" + String.join(", ", legacyUsed) + "} Expression parameters: {"
                + String.join(", ", expressionUsed) + "}");
        }
    }

    static List<String> present(JsonNode req, List<String> names) {
        List<String> out = new ArrayList<>(2);
        for (String n : names) {
            if (Requests.member(req, n) != null) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * Reads ExpressionAttributeNames/Values and checks they are only given with expressions; {@code nullList}
     * names the expressions in the service's message ("ConditionExpression is null").
     */
    static ExpressionAttributes expressionAttributes(JsonNode req, List<String> expressions, String nullList) {
        Map<String, String> names = Requests.stringMap(req, "ExpressionAttributeNames");
        Map<String, AttributeValue> values = expressionAttributeValues(req);
        checkExpressionParams(req, expressions, nullList);
        return new ExpressionAttributes(names, values);
    }

    /** ExpressionAttributeNames/Values only with expressions: checked on their presence, before their contents. */
    static void checkExpressionParams(JsonNode req, List<String> expressions, String nullList) {
        List<String> given = present(req, expressions);
        if (given.isEmpty() && Requests.member(req, "ExpressionAttributeNames") != null) {
            throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        // a ProjectionExpression has no values: it does not allow ExpressionAttributeValues
        // (where the only expression is a projection, as in GetItem, unused values are reported later instead)
        if (Requests.member(req, EXPRESSION_ATTRIBUTE_VALUES) != null
                && !expressions.stream().allMatch("ProjectionExpression"::equals)
                && given.stream().allMatch("ProjectionExpression"::equals)) {
            throw DynamoException.validation("ExpressionAttributeValues can only be specified when using expressions: "
                + nullList);
        }
    }

    /**
     * ExpressionAttributeValues, each value read on its own: a value the service refuses is reported with the key
     * it was given under, as the service words it ("ExpressionAttributeValues contains invalid value: One or more
     * parameter values were invalid: ... for key :v").
     */
    static Map<String, AttributeValue> expressionAttributeValues(JsonNode req) {
        JsonNode node = Requests.member(req, EXPRESSION_ATTRIBUTE_VALUES);
        if (node == null || !node.isObject()) {
            return Requests.attributeMap(req, EXPRESSION_ATTRIBUTE_VALUES);
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                values.put(e.getKey(), AttributeValueJson.read(e.getValue()));
            } catch (DynamoException error) {
                if (!ErrorTypes.VALIDATION.equals(error.type())) {
                    throw error;
                }
                throw DynamoException.validation(String.format(INVALID_VALUE, error.getMessage(), e.getKey()));
            }
        }
        return values;
    }

    private static final String EXPRESSION_ATTRIBUTE_VALUES = "ExpressionAttributeValues";
    static final String INVALID_VALUE = "ExpressionAttributeValues contains invalid value: %s for key %s";

    /** ItemCollectionMetrics for tables with local secondary indexes, when asked for with SIZE. */
    static boolean wantsItemCollectionMetrics(String value, Table table) {
        if (!"SIZE".equals(value)) {
            return false;
        }
        for (IndexLayout l : table.data().layouts()) {
            if (!l.global()) {
                return true;
            }
        }
        return false;
    }

    static void writeItemCollectionMetrics(com.fasterxml.jackson.core.JsonGenerator g, Table table, Item anyItem)
        throws java.io.IOException {
        g.writeObjectFieldStart("ItemCollectionMetrics");
        writeItemCollectionMetricsBody(g, table, anyItem);
        g.writeEndObject();
    }

    /** ItemCollectionKey and SizeEstimateRangeGB of the item collection (partition) the item belongs to. */
    static void writeItemCollectionMetricsBody(com.fasterxml.jackson.core.JsonGenerator g, Table table, Item anyItem)
        throws java.io.IOException {
        String pk = table.keySchema().partition().name();
        AttributeValue pv = anyItem.get(pk);
        g.writeObjectFieldStart("ItemCollectionKey");
        g.writeFieldName(pk);
        AttributeValueJson.write(g, pv);
        g.writeEndObject();
        g.writeArrayFieldStart("SizeEstimateRangeGB");
        g.writeNumber(0.0);
        g.writeNumber(1.0);
        g.writeEndArray();
    }
}
