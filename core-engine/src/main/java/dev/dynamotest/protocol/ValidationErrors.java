package dev.dynamotest.protocol;

import dev.dynamotest.engine.error.DynamoException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Collects the service's model-level constraint violations and reports them all at once, as DynamoDB does:
 * {@code "2 validation errors detected: Value null at 'tableName' failed to satisfy constraint: ...; ..."}.
 */
public final class ValidationErrors {
    public static final Pattern TABLE_NAME_PATTERN = Pattern.compile("[a-zA-Z0-9_.-]+");
    private final List<String> errors = new ArrayList<>(2);

    public ValidationErrors add(String error) {
        errors.add(error);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** {@code Value null at 'member' failed to satisfy constraint: Member must not be null}. */
    public boolean notNull(String member, Object value) {
        if (value == null) {
            errors.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
            return false;
        }
        return true;
    }

    private void violation(String member, Object value, String constraint) {
        errors.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /**
     * A TableName member. Where the model types it TableArn ({@code arnAllowed}: every operation on an existing table)
     * it is a name or an ARN of 1 to 1,024 characters, without pattern; otherwise (a name the request creates) the
     * TableName shape applies: 3 to 255 characters of {@code [a-zA-Z0-9_.-]}.
     */
    public void tableName(String member, String name, boolean arnAllowed) {
        if (name == null) {
            notNull(member, null);
            return;
        }
        if (arnAllowed) {
            if (name.isEmpty()) {
                violation(member, name, "Member must have length greater than or equal to 1");
            }
            if (name.length() > 1024) {
                violation(member, name, "Member must have length less than or equal to 1024");
            }
            return;
        }
        if (!TABLE_NAME_PATTERN.matcher(name).matches()) {
            violation(member, name, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        if (name.length() < 3) {
            violation(member, name, "Member must have length greater than or equal to 3");
        }
        if (name.length() > 255) {
            violation(member, name, "Member must have length less than or equal to 255");
        }
    }

    /** A key or projected attribute name: at most {@code max} bytes of UTF-8 (the service counts names in bytes). */
    public void maxBytes(String member, String value, int max) {
        if (value != null && value.getBytes(StandardCharsets.UTF_8).length > max) {
            violation(member, value, "Member must have length less than or equal to " + max);
        }
    }

    public void minLength(String member, String value, int min) {
        if (value != null && value.length() < min) {
            violation(member, value, "Member must have length greater than or equal to " + min);
        }
    }

    public void maxLength(String member, String value, int max) {
        if (value != null && value.length() > max) {
            violation(member, value, "Member must have length less than or equal to " + max);
        }
    }

    public void min(String member, Long value, long min) {
        if (value != null && value < min) {
            violation(member, value, "Member must have value greater than or equal to " + min);
        }
    }

    public void max(String member, Long value, long max) {
        if (value != null && value > max) {
            violation(member, value, "Member must have value less than or equal to " + max);
        }
    }

    /** An enum member: {@code Member must satisfy enum value set: [A, B]}. */
    public void oneOf(String member, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            violation(member, value, "Member must satisfy enum value set: " + allowed);
        }
    }

    /** Adds checks inline: {@code new ValidationErrors().tap(v -> v.max(...)).throwIfAny()}. */
    public ValidationErrors tap(Consumer<ValidationErrors> checks) {
        checks.accept(this);
        return this;
    }

    /**
     * Structure members whose value is a list of structures, with the element's shape name; every other structure
     * member's shape is named as the member (Put, Projection, ProvisionedThroughput, ...), as the service's model does.
     */
    private static final Map<String, String> LIST_ELEMENT_SHAPES = Map.of("KeySchema", "KeySchemaElement",
        "AttributeDefinitions", "AttributeDefinition", "GlobalSecondaryIndexes", "GlobalSecondaryIndex",
        "LocalSecondaryIndexes", "LocalSecondaryIndex", "Tags", "Tag", "TransactItems", "TransactWriteItem", "Parameters", "AttributeValue");
    /** Members that are maps (of attribute values, names, or per-table requests), rendered as Java maps. */
    private static final List<String> MAP_MEMBERS = List.of("Key", "Item", "ExpressionAttributeValues",
        "ExpressionAttributeNames", "ExclusiveStartKey", "RequestItems");

    /**
     * A request value as the service echoes it in constraint messages: Java's toString of its model objects, not
     * JSON. Lists {@code [a, b]}, maps {@code {tbl=[...]}}, structures {@code KeySchemaElement(attributeName=pk,
     * keyType=HASH)} ({@code shape} names a structure; null renders an object as a map), attribute values
     * {@code AttributeValue(s=a)}.
     */
    public static String javaText(JsonNode node, String shape) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (JsonNode e : node) {
                b.append(b.length() > 1 ? ", " : "").append(javaText(e, shape));
            }
            return b.append(']').toString();
        }
        if (!node.isObject()) {
            return node.asText();
        }
        boolean structure = shape != null;
        StringBuilder b = new StringBuilder(structure ? shape + "(" : "{");
        int start = b.length();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.append(b.length() > start ? ", " : "");
            if (structure) {
                String name = e.getKey();
                String member = "AttributeValue".equals(shape) ? name.toLowerCase()
                    : Character.toLowerCase(name.charAt(0)) + name.substring(1);
                b.append(member).append('=').append(javaText(e.getValue(), memberShape(shape, name, e.getValue())));
            } else {
                JsonNode v = e.getValue();
                boolean attributeValue = v.isObject() && v.size() == 1 && v.fieldNames().next().length() <= 4
                    && v.fieldNames().next().chars().allMatch(Character::isUpperCase);
                b.append(e.getKey()).append('=').append(javaText(v, attributeValue ? "AttributeValue" : null));
            }
        }
        return b.append(structure ? ')' : '}').toString();
    }

    private static String memberShape(String parent, String member, JsonNode value) {
        if ("AttributeValue".equals(parent)) {
            return value.isObject() && !"M".equals(member) ? "AttributeValue" : null;
        }
        if (MAP_MEMBERS.contains(member)) {
            return null;
        }
        if (value.isArray()) {
            return LIST_ELEMENT_SHAPES.get(member);
        }
        return value.isObject() ? member : null;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw DynamoException.validation(message());
        }
    }

    public String message() {
        int n = errors.size();
        return n + " validation error" + (n == 1 ? "" : "s") + " detected: " + String.join("; ", errors);
    }
}
