package dev.dynamotest.assertj;

import java.util.Map;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Assertions on one attribute value, usually reached with {@link ItemAssert#attribute(String)}. */
public class AttributeValueAssert extends AbstractAssert<AttributeValueAssert, AttributeValue> {
    private final String path;

    public AttributeValueAssert(AttributeValue actual) {
        this(actual, null);
    }

    AttributeValueAssert(AttributeValue actual, String path) {
        super(actual, AttributeValueAssert.class);
        this.path = path;
    }

    public AttributeValueAssert isString(String expected) {
        return isEquivalentTo(AttributeValue.fromS(expected));
    }

    public AttributeValueAssert isNumber(Number expected) {
        return isEquivalentTo(AttributeValue.fromN(AttributeValues.decimal(expected).toString()));
    }

    public AttributeValueAssert isBoolean(boolean expected) {
        return isEquivalentTo(AttributeValue.fromBool(expected));
    }

    public AttributeValueAssert isNullValue() {
        return isEquivalentTo(AttributeValue.fromNul(true));
    }

    /** Equal as DynamoDB compares: numbers by value, sets in any order. */
    public AttributeValueAssert isEquivalentTo(AttributeValue expected) {
        isNotNull();
        if (!AttributeValues.equivalent(expected, actual)) {
            failWithMessage("%s", "\nExpecting " + (path != null ? ItemJson.quote(path) + " " : "attribute value ")
                + "to be equal to " + ItemJson.of(expected) + "\nbut it was " + ItemJson.of(actual));
        }
        return myself;
    }

    /** The value is a map; continues with assertions on it as an item. */
    public ItemAssert isMap() {
        isNotNull();
        if (actual.type() != AttributeValue.Type.M) {
            failWithMessage("%s", "\nExpecting " + (path != null ? ItemJson.quote(path) + " " : "attribute value ")
                + "to be a map\nbut it was " + ItemJson.of(actual));
        }
        Map<String, AttributeValue> m = actual.m();
        return new ItemAssert(m);
    }
}
