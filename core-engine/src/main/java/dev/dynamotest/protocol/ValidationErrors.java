package dev.dynamotest.protocol;

import dev.dynamotest.engine.error.DynamoException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    /** A TableName member of a data-plane or control-plane request (name or, where allowed, ARN). */
    public void tableName(String member, String name, boolean arnAllowed) {
        if (name == null) {
            notNull(member, null);
            return;
        }
        if (arnAllowed && name.startsWith("arn:")) {
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
    public ValidationErrors tap(java.util.function.Consumer<ValidationErrors> checks) {
        checks.accept(this);
        return this;
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
