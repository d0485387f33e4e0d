package dev.dynamotest.assertj;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Equality as DynamoDB means it: numbers by value ({@code 1.0} equals {@code 1}), sets regardless of order, maps
 * and lists element by element.
 */
public final class AttributeValues {
    private AttributeValues() {
    }

    public static boolean equivalent(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case S -> a.s().equals(b.s());
            case N -> numbersEqual(a.n(), b.n());
            case B -> a.b().equals(b.b());
            case BOOL -> a.bool().equals(b.bool());
            case NUL -> true;
            case SS -> new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
            case NS -> numberSet(a.ns()).equals(numberSet(b.ns()));
            case BS -> new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
            case L -> listsEquivalent(a.l(), b.l());
            case M -> itemsEquivalent(a.m(), b.m());
            default -> a.equals(b);
        };
    }

    public static boolean itemsEquivalent(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
            if (!equivalent(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean listsEquivalent(List<AttributeValue> a, List<AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equivalent(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean numbersEqual(String a, String b) {
        try {
            return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim())) == 0;
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }

    static Set<BigDecimal> numberSet(List<String> numbers) {
        return numbers.stream().map(n -> new BigDecimal(n.trim()).stripTrailingZeros()).collect(Collectors.toSet());
    }

    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.toString());
        }
        return new BigDecimal(n.toString());
    }

    /**
     * A Java value as an attribute value: String → S, Number → N, Boolean → BOOL, byte[]/SdkBytes → B, null → NULL,
     * an AttributeValue as it is.
     */
    public static AttributeValue of(Object value) {
        if (value == null) {
            return AttributeValue.fromNul(true);
        }
        if (value instanceof AttributeValue v) {
            return v;
        }
        if (value instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (value instanceof Number n) {
            return AttributeValue.fromN(decimal(n).toString());
        }
        if (value instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        }
        if (value instanceof byte[] bytes) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
        }
        if (value instanceof SdkBytes bytes) {
            return AttributeValue.fromB(bytes);
        }
        throw new IllegalArgumentException("cannot use a " + value.getClass().getName()
            + " as an attribute value; use a String, Number, Boolean, byte[], SdkBytes or AttributeValue");
    }
}
