package dev.dynamotest.engine.model;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The BigDecimal implementation {@link Num} had before it kept its digits in a long: the reference NumTest compares
 * it with (verbatim but for its name).
 *
 * <p>A DynamoDB number: up to 38 significant digits, magnitude between 1E-130 and 9.99..E+125 (or zero),
 * normalised (leading and trailing zeros trimmed) so that {@code "01.50"} is {@code 1.5}.
 * Equality and ordering are by numeric value.
 */
final class BigDecimalNum implements Comparable<BigDecimalNum> {
    public static final int MAX_DIGITS = 38;
    private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN_POSITIVE = new BigDecimal("1E-130");
    public static final BigDecimalNum ZERO = new BigDecimalNum(BigDecimal.ZERO);

    private final BigDecimal value;
    private String text;

    private BigDecimalNum(BigDecimal normalised) {
        this.value = normalised;
    }

    /** Parses a number as sent on the wire, with DynamoDB's validation and messages. */
    public static BigDecimalNum parse(String s) {
        BigDecimal d;
        try {
            if (s.isEmpty() || !isNumberSyntax(s)) {
                throw notANumber(s);
            }
            d = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw notANumber(s);
        }
        return of(d);
    }

    private static DynamoException notANumber(String s) {
        return DynamoException.validation(s.isEmpty() ? Messages.NUMBER_NOT_CONVERTIBLE : Messages.NUMBER_NOT_CONVERTIBLE + ": " + s);
    }

    /** Accepts what DynamoDB accepts: optional sign, digits with an optional point, optional exponent. */
    private static boolean isNumberSyntax(String s) {
        int i = 0;
        int n = s.length();
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Validates and normalises a computed value (e.g. the result of SET a = a + :x). */
    public static BigDecimalNum of(BigDecimal d) {
        if (d.signum() == 0) {
            return ZERO;
        }
        BigDecimal n = d.stripTrailingZeros();
        BigDecimal abs = n.abs();
        if (abs.compareTo(MAX) > 0) {
            throw DynamoException.validation(Messages.NUMBER_OVERFLOW); // the range before the digits, as the service
        }
        if (abs.compareTo(MIN_POSITIVE) < 0) {
            throw DynamoException.validation(Messages.NUMBER_UNDERFLOW);
        }
        if (n.precision() > MAX_DIGITS) {
            throw DynamoException.validation(Messages.NUMBER_TOO_MANY_DIGITS);
        }
        return new BigDecimalNum(n);
    }

    public static BigDecimalNum of(long v) {
        return of(BigDecimal.valueOf(v));
    }

    public BigDecimal value() {
        return value;
    }

    public BigDecimalNum add(BigDecimalNum other) {
        return of(value.add(other.value, MathContext.UNLIMITED));
    }

    public BigDecimalNum subtract(BigDecimalNum other) {
        return of(value.subtract(other.value, MathContext.UNLIMITED));
    }

    /** Significant digits, for item-size accounting. */
    public int precision() {
        return value.signum() == 0 ? 1 : value.precision();
    }

    /**
     * The size DynamoDB charges for the number: one byte per two significant digits plus one, counted over
     * the digits from the first to the last non-zero one, aligned on the decimal point.
     */
    public int sizeBytes() {
        if (value.signum() == 0) {
            return 1;
        }
        int precision = value.precision();
        int scale = value.scale();
        // Digits are stored in base-100 pairs aligned on the decimal point: an odd number of digits on either
        // side of the point costs a whole pair.
        int intDigits = precision - scale; // digits before the point (may be <= 0)
        int fracDigits = scale;            // digits after the point (may be < 0)
        int left = intDigits > 0 ? (intDigits + 1) / 2 : 0;
        int right = fracDigits > 0 ? (fracDigits + 1) / 2 : 0;
        if (intDigits <= 0) {
            // 0.00ddd: leading zero pairs after the point are not stored.
            int leadingZeros = -intDigits;
            right = (fracDigits + 1) / 2 - leadingZeros / 2;
        } else if (fracDigits < 0) {
            // ddd000: trailing zero pairs before the point are not stored.
            left = (intDigits + 1) / 2 - (-fracDigits) / 2;
        }
        int size = left + right + 1;
        return value.signum() < 0 ? size + 1 : size;
    }

    @Override
    public int compareTo(BigDecimalNum o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BigDecimalNum && value.compareTo(((BigDecimalNum) o).value) == 0;
    }

    @Override
    public int hashCode() {
        return value.hashCode(); // normalised, so equal values have equal representations
    }

    /** The canonical text DynamoDB returns: plain notation, no trailing zeros. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = value.toPlainString();
            text = t;
        }
        return t;
    }
}
