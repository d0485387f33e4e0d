package dev.dynamotest.assertj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Assertions on a DynamoDB item ({@code Map<String, AttributeValue>}). Attributes are named by path: {@code "total"},
 * {@code "address.city"}, {@code "tags[0]"}. Numbers compare by value ({@code 1.0} equals {@code 1}) and sets in any
 * order. Failure messages show the item as DynamoDB JSON.
 *
 * <pre>{@code
 * assertThat(item).hasString("status", "SHIPPED").hasNumber("total", 12.5).hasStringSet("tags", "gift", "sale")
 *     .hasString("address.city", "Paris").doesNotHaveAttribute("deletedAt");
 * }</pre>
 */
public class ItemAssert extends AbstractAssert<ItemAssert, Map<String, AttributeValue>> {

    public ItemAssert(Map<String, AttributeValue> actual) {
        super(actual, ItemAssert.class);
    }

    /** The item has a value at {@code path}. */
    public ItemAssert hasAttribute(String path) {
        valueAt(path, "to have " + ItemJson.quote(path));
        return myself;
    }

    /** The item has no value at {@code path}. */
    public ItemAssert doesNotHaveAttribute(String path) {
        isNotNull();
        AttributePath.Resolution r = AttributePath.resolve(actual, path);
        if (r.found()) {
            fail("not to have " + ItemJson.quote(path), "but it was " + ItemJson.of(r.value()));
        }
        return myself;
    }

    public ItemAssert hasString(String path, String expected) {
        return hasValue(path, AttributeValue.fromS(expected), "");
    }

    /** A number attribute equal by value: {@code hasNumber("total", 12)} passes for {@code {"N": "12.0"}}. */
    public ItemAssert hasNumber(String path, Number expected) {
        return hasValue(path, AttributeValue.fromN(AttributeValues.decimal(expected).toString()), " (compared as numbers)");
    }

    /** A number attribute equal by value to the number written as a string ({@code "12.50"}). */
    public ItemAssert hasNumber(String path, String expected) {
        return hasValue(path, AttributeValue.fromN(expected), " (compared as numbers)");
    }

    public ItemAssert hasBoolean(String path, boolean expected) {
        return hasValue(path, AttributeValue.fromBool(expected), "");
    }

    /** The attribute is the DynamoDB NULL value (not absent: see {@link #doesNotHaveAttribute(String)}). */
    public ItemAssert hasNull(String path) {
        return hasValue(path, AttributeValue.fromNul(true), "");
    }

    public ItemAssert hasBinary(String path, byte[] expected) {
        return hasValue(path, AttributeValue.fromB(SdkBytes.fromByteArray(expected)), "");
    }

    /** A string set with exactly these elements, in any order. */
    public ItemAssert hasStringSet(String path, String... expected) {
        return hasValue(path, AttributeValue.fromSs(Arrays.asList(expected)), " (in any order)");
    }

    /** A number set with exactly these numbers (by value), in any order. */
    public ItemAssert hasNumberSet(String path, Number... expected) {
        List<String> numbers = new ArrayList<>();
        for (Number n : expected) {
            numbers.add(AttributeValues.decimal(n).toString());
        }
        return hasValue(path, AttributeValue.fromNs(numbers), " (as numbers, in any order)");
    }

    /** A list with {@code size} elements. */
    public ItemAssert hasListSize(String path, int size) {
        String expectation = "to have " + ItemJson.quote(path) + " be a list of " + size + " element" + (size == 1 ? "" : "s");
        AttributeValue v = valueAt(path, expectation);
        if (v.type() != AttributeValue.Type.L || v.l().size() != size) {
            fail(expectation, "but it was " + ItemJson.of(v));
        }
        return myself;
    }

    /** The attribute equals {@code expected} as DynamoDB compares (numbers by value, sets in any order). */
    public ItemAssert hasAttributeEqualTo(String path, AttributeValue expected) {
        return hasValue(path, expected, "");
    }

    /** The item has exactly these top-level attributes (in any order). */
    public ItemAssert hasOnlyAttributes(String... names) {
        isNotNull();
        Set<String> expected = new LinkedHashSet<>(Arrays.asList(names));
        if (!actual.keySet().equals(expected)) {
            Set<String> missing = new LinkedHashSet<>(expected);
            missing.removeAll(actual.keySet());
            Set<String> extra = new LinkedHashSet<>(actual.keySet());
            extra.removeAll(expected);
            List<String> parts = new ArrayList<>();
            if (!missing.isEmpty()) {
                parts.add("it lacks " + names(missing));
            }
            if (!extra.isEmpty()) {
                parts.add("it also has " + names(extra));
            }
            fail("to have only the attributes " + names(expected), "but " + String.join(" and ", parts));
        }
        return myself;
    }

    /**
     * The item equals {@code expected} as DynamoDB compares, leaving out {@code ignoredAttributes} (top-level names)
     * on both sides. The message lists each differing attribute.
     */
    public ItemAssert isEqualToItem(Map<String, AttributeValue> expected, String... ignoredAttributes) {
        isNotNull();
        Set<String> ignored = new LinkedHashSet<>(Arrays.asList(ignoredAttributes));
        Set<String> names = new LinkedHashSet<>(expected.keySet());
        names.addAll(actual.keySet());
        names.removeAll(ignored);
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            AttributeValue e = expected.get(name);
            AttributeValue a = actual.get(name);
            if (e == null) {
                differences.add("  " + ItemJson.quote(name) + ": unexpected " + ItemJson.of(a));
            } else if (a == null) {
                differences.add("  " + ItemJson.quote(name) + ": expected " + ItemJson.of(e) + " but it is missing");
            } else if (!AttributeValues.equivalent(e, a)) {
                differences.add("  " + ItemJson.quote(name) + ": expected " + ItemJson.of(e) + " but was " + ItemJson.of(a));
            }
        }
        if (!differences.isEmpty()) {
            fail("to be equal to\n" + ItemJson.block(expected, "  ")
                    + (ignored.isEmpty() ? "" : "\nignoring the attributes " + names(ignored)),
                "but these attributes differ:\n" + String.join("\n", differences));
        }
        return myself;
    }

    /** Assertions on the value at {@code path} (which must exist). */
    public AttributeValueAssert attribute(String path) {
        AttributeValue v = valueAt(path, "to have " + ItemJson.quote(path));
        return new AttributeValueAssert(v, path).as(descriptionText().isEmpty() ? path : descriptionText() + " " + path);
    }

    // ------------------------------------------------------------------ helpers

    private ItemAssert hasValue(String path, AttributeValue expected, String note) {
        String expectation = "to have " + ItemJson.quote(path) + " equal to " + ItemJson.of(expected) + note;
        AttributeValue v = valueAt(path, expectation);
        if (!AttributeValues.equivalent(expected, v)) {
            fail(expectation, "but it was " + ItemJson.of(v));
        }
        return myself;
    }

    private AttributeValue valueAt(String path, String expectation) {
        isNotNull();
        AttributePath.Resolution r = AttributePath.resolve(actual, path);
        if (!r.found()) {
            fail(expectation, "but " + r.problem());
        }
        return r.value();
    }

    private static String names(Set<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String n : names) {
            quoted.add(ItemJson.quote(n));
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    private void fail(String expectation, String but) {
        failWithMessage("%s", "\nExpecting item\n" + ItemJson.block(actual, "  ") + "\n" + expectation + "\n" + but);
    }
}
