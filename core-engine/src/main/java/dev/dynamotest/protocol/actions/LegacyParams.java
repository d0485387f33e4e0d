package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.Legacy;
import dev.dynamotest.engine.expr.Projection;
import dev.dynamotest.engine.expr.UpdateResult;
import dev.dynamotest.engine.model.AttributeValue;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes DynamoDB's legacy (pre-expression) parameters into the engine's forms: Expected, QueryFilter,
 * ScanFilter and KeyConditions become condition trees, AttributesToGet a projection, AttributeUpdates an
 * update. The semantics and their messages live in the engine ({@link Legacy}).
 */
final class LegacyParams {
    private LegacyParams() {
    }

    static final String CONDITIONAL_OPERATOR_ALONE =
        "ConditionalOperator can only be used when Filter or Expected conditions have been specified";

    /** {@code Expected} as a condition, or null when absent; ConditionalOperator needs conditions to join. */
    static Condition expected(JsonNode req, String conditionalOperator) {
        JsonNode expected = Requests.object(req, "Expected");
        if (expected == null) {
            if (conditionalOperator != null) {
                throw DynamoException.validation(CONDITIONAL_OPERATOR_ALONE);
            }
            return null;
        }
        if (expected.isEmpty() && conditionalOperator != null) {
            throw DynamoException.validation(CONDITIONAL_OPERATOR_ALONE);
        }
        List<Legacy.ExpectedEntry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            JsonNode value = Requests.member(c, "Value");
            entries.add(new Legacy.ExpectedEntry(e.getKey(), Requests.bool(c, "Exists"),
                value == null ? null : AttributeValueJson.read(value), Requests.string(c, "ComparisonOperator"),
                values(c), true));
        }
        return Legacy.fromExpected(entries, conditionalOperator);
    }

    /** A map of attribute name to {ComparisonOperator, AttributeValueList} (QueryFilter, ScanFilter, KeyConditions). */
    static Condition conditions(JsonNode conditions, String conditionalOperator) {
        if (conditions == null) {
            if (conditionalOperator != null) {
                throw DynamoException.validation(CONDITIONAL_OPERATOR_ALONE);
            }
            return null;
        }
        if (conditions.isEmpty() && conditionalOperator != null) {
            throw DynamoException.validation(CONDITIONAL_OPERATOR_ALONE);
        }
        List<Legacy.ExpectedEntry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = conditions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            String op = Requests.string(c, "ComparisonOperator");
            if (op == null) {
                throw DynamoException.validation(new ValidationErrors()
                    .tap(v -> v.notNull("conditions." + e.getKey() + ".member.comparisonOperator", null)).message());
            }
            entries.add(new Legacy.ExpectedEntry(e.getKey(), null, null, op, values(c), false));
        }
        return entries.isEmpty() ? null : Legacy.fromExpected(entries, conditionalOperator);
    }

    private static List<AttributeValue> values(JsonNode c) {
        JsonNode list = Requests.array(c, "AttributeValueList");
        if (list == null) {
            return null;
        }
        List<AttributeValue> out = new ArrayList<>(list.size());
        for (JsonNode v : list) {
            out.add(AttributeValueJson.read(v));
        }
        return out;
    }

    static void checkAttributesToGet(ValidationErrors v, List<String> attributesToGet) {
        if (attributesToGet != null && attributesToGet.isEmpty()) {
            v.add("Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
    }

    /** {@code AttributesToGet} as a projection, or null; duplicates are rejected as the service does. */
    static Projection attributesToGet(List<String> attributesToGet) {
        if (attributesToGet == null) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (String a : attributesToGet) {
            if (!seen.add(a)) {
                throw DynamoException.validation("One or more parameter values were invalid: Duplicate value in attribute name: " + a);
            }
        }
        return Legacy.fromAttributesToGet(attributesToGet);
    }

    /** Decoded {@code AttributeUpdates}. */
    static final class AttributeUpdates {
        private final List<Legacy.AttributeUpdate> updates;

        AttributeUpdates(List<Legacy.AttributeUpdate> updates) {
            this.updates = updates;
        }

        void checkKeyAttributes(Set<String> keyAttributes) {
            for (Legacy.AttributeUpdate u : updates) {
                if (keyAttributes.contains(u.attribute())) {
                    throw DynamoException.validation(String.format(
                        Messages.UPDATE_KEY_ATTRIBUTE, u.attribute()));
                }
            }
        }

        UpdateResult apply(Item old, Map<String, AttributeValue> key) {
            return Legacy.applyAttributeUpdates(old, key, updates);
        }
    }

    static AttributeUpdates attributeUpdates(JsonNode req) {
        JsonNode au = Requests.object(req, "AttributeUpdates");
        if (au == null) {
            return null;
        }
        List<Legacy.AttributeUpdate> updates = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = au.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = Requests.member(e.getValue(), "Value");
            updates.add(new Legacy.AttributeUpdate(e.getKey(), Requests.string(e.getValue(), "Action"),
                value == null ? null : AttributeValueJson.read(value)));
        }
        return new AttributeUpdates(updates);
    }
}
