package dev.dynamotest.engine.model;

import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.Messages;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * A DynamoDB number: up to 38 significant digits, magnitude between 1E-130 and 9.99..E+125 (or zero),
 * normalised (leading and trailing zeros trimmed) so that {@code "01.50"} is {@code 1.5}.
 * Equality and ordering are by numeric value.
 */
public final class Num implements Comparable<Num> {
    public static final int MAX_DIGITS = 38;
    private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN_POSITIVE = new BigDecimal("1E-130");
    /** Numbers of up to this many significant digits keep their digits in a {@code long}. */
    private static final int COMPACT_DIGITS = 18;
    private static final long[] POW10 = new long[COMPACT_DIGITS + 1];
    /** The integers 0 to {@value #SMALL_MAX}, shared: counters, flags, quantities and versions are everywhere. */
    static final int SMALL_MAX = 1023;
    private static final Num[] SMALL = new Num[SMALL_MAX + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
        SMALL[0] = new Num(0, 0, null);
        for (int i = 1; i <= SMALL_MAX; i++) {
            SMALL[i] = i % 10 == 0 ? null : new Num(i, 0, null); // 10, 20, ... are normalised as 1E+1, 2E+1, ...
        }
    }

    public static final Num ZERO = SMALL[0];

    /*
     * The value is unscaled * 10^-scale, normalised (no trailing zeros in unscaled; zero is 0 with scale 0), as
     * BigDecimal.stripTrailingZeros would leave it. If it has more than COMPACT_DIGITS significant digits, big holds
     * it (normalised the same way) and unscaled/scale are unused. The representation of a value is unique.
     */
    private final long unscaled;
    private final int scale;
    private final BigDecimal big;

    private Num(long unscaled, int scale, BigDecimal big) {
        this.unscaled = unscaled;
        this.scale = scale;
        this.big = big;
    }

    /**
     * Parses a number as sent on the wire, with DynamoDB's validation and messages. Linear in the length of the
     * text: the digits are counted and the exponent computed before any BigDecimal is made, so a number of
     * millions of digits (which the service rejects at once) costs one pass over its text, never BigInteger
     * arithmetic on millions of digits.
     */
    public static Num parse(String s) {
        Num fast = parseCompact(s);
        if (fast != null) {
            return fast;
        }
        if (s.isEmpty() || !isNumberSyntax(s)) {
            throw notANumber(s);
        }
        return parseGeneral(s);
    }

    /**
     * A syntactically valid number that {@link #parseCompact} did not take: more digits, or a large exponent.
     * Finds the significant digits (from the first to the last non-zero one) and the exponent of the leading one
     * in one pass, checks digit count and range, and only then makes a BigDecimal of at most {@value #MAX_DIGITS}
     * digits.
     */
    private static Num parseGeneral(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            i++;
        }
        int first = -1;      // index of the first non-zero digit
        int last = -1;       // index of the last non-zero digit
        int point = -1;      // index of the decimal point
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                point = i;
            } else if (c >= '0' && c <= '9') {
                if (c != '0') {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            } else {
                break; // 'e' or 'E': the syntax was checked
            }
        }
        int mantissaEnd = i;
        // the exponent, saturated (BigDecimal, which the service parses with, refuses one beyond an int anyway)
        long exponent = 0;
        if (i < n) {
            i++;
            boolean expNegative = false;
            if (s.charAt(i) == '-' || s.charAt(i) == '+') {
                expNegative = s.charAt(i) == '-';
                i++;
            }
            for (; i < n; i++) {
                exponent = Math.min(exponent * 10 + (s.charAt(i) - '0'), 1_000_000_000_000L);
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        if (point < 0) {
            point = mantissaEnd;
        }
        // as BigDecimal: an exponent beyond an int, or a scale (fraction digits - exponent) beyond one, is no number
        long scale = (mantissaEnd - point - 1 < 0 ? 0 : mantissaEnd - point - 1) - exponent;
        if (exponent != (int) exponent || scale != (int) scale) {
            throw notANumber(s);
        }
        if (first < 0) {
            return ZERO; // all zeros
        }
        // significant digits between first and last, not counting the point
        long precision = last - first + 1 - (first < point && point < last ? 1 : 0);
        if (precision > MAX_DIGITS) {
            throw DynamoException.validation(Messages.NUMBER_TOO_MANY_DIGITS);
        }
        // the decimal exponent of the leading digit: digits between it and the point
        long leading = (first < point ? point - first - 1 : -(first - point)) + exponent;
        if (leading > 125) {
            throw DynamoException.validation(Messages.NUMBER_OVERFLOW);
        }
        if (leading < -130) {
            throw DynamoException.validation(Messages.NUMBER_UNDERFLOW);
        }
        StringBuilder digits = new StringBuilder((int) precision + 1);
        if (negative) {
            digits.append('-');
        }
        for (int k = first; k <= last; k++) {
            char c = s.charAt(k);
            if (c != '.') {
                digits.append(c);
            }
        }
        // value = digits * 10^(leading - precision + 1)
        return of(new BigDecimal(new BigInteger(digits.toString()), (int) (precision - 1 - leading)));
    }

    /**
     * The common case of {@link #parse} without a BigDecimal: plain syntax, at most {@value #COMPACT_DIGITS}
     * significant digits and a small exponent. Null for anything else (including invalid input), which the general
     * path then handles.
     */
    private static Num parseCompact(String s) {
        int n = s.length();
        int i = 0;
        if (n == 0) {
            return null;
        }
        boolean negative = false;
        char c = s.charAt(0);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long digits = 0;      // the significant digits read so far, without the pending zeros
        int count = 0;        // how many digits are in `digits`
        int pendingZeros = 0; // zeros read after the last non-zero digit
        int fraction = 0;     // digits read after the point
        int seen = 0;         // digits read at all
        boolean point = false;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                seen++;
                if (point) {
                    fraction++;
                }
                if (c == '0') {
                    if (count > 0) {
                        pendingZeros++;
                    }
                } else {
                    if (count + pendingZeros + 1 > COMPACT_DIGITS) {
                        return null;
                    }
                    digits = digits * POW10[pendingZeros + 1] + (c - '0');
                    count += pendingZeros + 1;
                    pendingZeros = 0;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (seen == 0) {
            return null;
        }
        long exponent = 0;
        if (i < n) {
            c = s.charAt(i);
            if (c != 'e' && c != 'E') {
                return null;
            }
            i++;
            boolean expNegative = false;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                expNegative = s.charAt(i) == '-';
                i++;
            }
            if (i == n) {
                return null;
            }
            for (; i < n; i++) {
                c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                exponent = exponent * 10 + (c - '0');
                if (exponent > 100_000) {
                    return null;
                }
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        if (count == 0) {
            return ZERO;
        }
        // value = digits * 10^pendingZeros * 10^(exponent - fraction)
        return compact(negative ? -digits : digits, (int) (fraction - exponent - pendingZeros), count);
    }

    /**
     * A normalised non-zero value of {@code precision} (<= COMPACT_DIGITS) digits without trailing zeros, validated
     * as {@link #of(BigDecimal)} validates (the precision cannot be exceeded here).
     */
    private static Num compact(long unscaled, int scale, int precision) {
        long adjusted = (long) precision - 1 - scale; // the exponent of the leading digit
        if (adjusted > 125) {
            throw DynamoException.validation(Messages.NUMBER_OVERFLOW);
        }
        if (adjusted < -130) {
            throw DynamoException.validation(Messages.NUMBER_UNDERFLOW);
        }
        if (scale == 0 && unscaled > 0 && unscaled <= SMALL_MAX && SMALL[(int) unscaled] != null) {
            return SMALL[(int) unscaled];
        }
        return new Num(unscaled, scale, null);
    }

    /** The shared instance of the integer {@code i} (0 to SMALL_MAX), or null if {@code i} is not shared. */
    static Num small(int i) {
        return SMALL[i];
    }

    /** For {@link ItemCodec}: the BigDecimal of a number of more than {@value #COMPACT_DIGITS} digits, else null. */
    BigDecimal bigOrNull() {
        return big;
    }

    /** For {@link ItemCodec}: the unscaled digits of a compact number. */
    long compactUnscaled() {
        return unscaled;
    }

    /** For {@link ItemCodec}: the scale of a compact number. */
    int compactScale() {
        return scale;
    }

    /** For {@link ItemCodec}: a number from the parts of a valid one (compact, or normalised big), as it was. */
    static Num restore(long unscaled, int scale, BigDecimal big) {
        if (big != null) {
            return new Num(0, 0, big);
        }
        if (unscaled == 0) {
            return ZERO;
        }
        if (scale == 0 && unscaled > 0 && unscaled <= SMALL_MAX && SMALL[(int) unscaled] != null) {
            return SMALL[(int) unscaled];
        }
        return new Num(unscaled, scale, null);
    }

    /** i if this is the shared instance of the integer i, else -1. */
    int smallIndex() {
        if (big == null && scale == 0 && unscaled >= 0 && unscaled <= SMALL_MAX && SMALL[(int) unscaled] == this) {
            return (int) unscaled;
        }
        return -1;
    }

    /** Normalises and validates unscaled * 10^-scale, for any long. */
    private static Num ofLong(long unscaled, int scale) {
        if (unscaled == 0) {
            return ZERO;
        }
        if (unscaled == Long.MIN_VALUE) {
            return of(BigDecimal.valueOf(unscaled, scale));
        }
        while (unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        int precision = digits(Math.abs(unscaled));
        if (precision > COMPACT_DIGITS) {
            return of(BigDecimal.valueOf(unscaled, scale));
        }
        return compact(unscaled, scale, precision);
    }

    /** Decimal digits of a positive long. */
    private static int digits(long v) {
        int d = 1;
        while (d < POW10.length && v >= POW10[d]) {
            d++;
        }
        return d; // 19 for values of 10^18 and more
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
    public static Num of(BigDecimal d) {
        if (d.signum() == 0) {
            return ZERO;
        }
        BigDecimal n = d.stripTrailingZeros();
        // The range first: a sum past 9.99...E+125 is an overflow even when it also has 39 digits.
        BigDecimal abs = n.abs();
        if (abs.compareTo(MAX) > 0) {
            throw DynamoException.validation(Messages.NUMBER_OVERFLOW);
        }
        if (abs.compareTo(MIN_POSITIVE) < 0) {
            throw DynamoException.validation(Messages.NUMBER_UNDERFLOW);
        }
        if (n.precision() > MAX_DIGITS) {
            throw DynamoException.validation(Messages.NUMBER_TOO_MANY_DIGITS);
        }
        if (n.precision() <= COMPACT_DIGITS) {
            return compact(n.unscaledValue().longValueExact(), n.scale(), n.precision());
        }
        return new Num(0, 0, n);
    }

    public static Num of(long v) {
        return ofLong(v, 0);
    }

    /** The value as a BigDecimal, normalised (no trailing zeros). */
    public BigDecimal value() {
        return big != null ? big : BigDecimal.valueOf(unscaled, scale);
    }

    public Num add(Num other) {
        if (big == null && other.big == null) {
            Num sum = addCompact(unscaled, scale, other.unscaled, other.scale);
            if (sum != null) {
                return sum;
            }
        }
        return of(value().add(other.value(), MathContext.UNLIMITED));
    }

    public Num subtract(Num other) {
        if (big == null && other.big == null) {
            Num difference = addCompact(unscaled, scale, -other.unscaled, other.scale);
            if (difference != null) {
                return difference;
            }
        }
        return of(value().subtract(other.value(), MathContext.UNLIMITED));
    }

    /** a + b on longs if nothing overflows, else null. */
    private static Num addCompact(long a, int scaleA, long b, int scaleB) {
        int s = Math.max(scaleA, scaleB);
        int shiftA = s - scaleA;
        int shiftB = s - scaleB;
        if (shiftA > COMPACT_DIGITS || shiftB > COMPACT_DIGITS) {
            return null;
        }
        try {
            return ofLong(Math.addExact(Math.multiplyExact(a, POW10[shiftA]), Math.multiplyExact(b, POW10[shiftB])), s);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private int signum() {
        return big != null ? big.signum() : Long.signum(unscaled);
    }

    /** Significant digits, for item-size accounting. */
    public int precision() {
        return big != null ? big.precision() : digits(Math.abs(unscaled)); // zero: 1
    }

    /**
     * The size DynamoDB charges for the number: one byte per two significant digits plus one, counted over
     * the digits from the first to the last non-zero one, aligned on the decimal point.
     */
    public int sizeBytes() {
        int signum = signum();
        if (signum == 0) {
            return 1;
        }
        int precision = precision();
        int scale = big != null ? big.scale() : this.scale;
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
        return signum < 0 ? size + 1 : size;
    }

    @Override
    public int compareTo(Num o) {
        if (big != null || o.big != null) {
            return value().compareTo(o.value());
        }
        int sa = Long.signum(unscaled);
        int sb = Long.signum(o.unscaled);
        if (sa != sb || sa == 0) {
            return Integer.compare(sa, sb);
        }
        long ma = Math.abs(unscaled);
        long mb = Math.abs(o.unscaled);
        int pa = digits(ma);
        int pb = digits(mb);
        long ea = (long) pa - scale; // exponents of the leading digits (+1), comparable as both are normalised
        long eb = (long) pb - o.scale;
        int c;
        if (ea != eb) {
            c = Long.compare(ea, eb);
        } else if (pa < pb) {
            c = Long.compare(ma * POW10[pb - pa], mb); // cannot overflow: pb <= COMPACT_DIGITS
        } else {
            c = Long.compare(ma, mb * POW10[pa - pb]);
        }
        return sa < 0 ? -c : c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Num n)) {
            return false;
        }
        if (big != null || n.big != null) {
            return big != null && n.big != null && big.compareTo(n.big) == 0;
        }
        return unscaled == n.unscaled && scale == n.scale; // the representation is unique
    }

    /** {@code value().hashCode()}, without making the BigDecimal. */
    @Override
    public int hashCode() {
        if (big != null) {
            return big.hashCode(); // normalised, so equal values have equal representations
        }
        long magnitude = Math.abs(unscaled);
        int h = (int) (((int) (magnitude >>> 32)) * 31 + (magnitude & 0xffffffffL));
        return 31 * (unscaled < 0 ? -h : h) + scale; // as BigDecimal.hashCode computes it for a compact value
    }

    /** The canonical text DynamoDB returns: plain notation, no trailing zeros. */
    @Override
    public String toString() {
        if (big != null) {
            return big.toPlainString();
        }
        if (scale == 0) {
            return Long.toString(unscaled);
        }
        String digits = Long.toString(Math.abs(unscaled));
        StringBuilder sb = new StringBuilder(digits.length() + Math.abs(scale) + 3);
        if (unscaled < 0) {
            sb.append('-');
        }
        if (scale < 0) {
            sb.append(digits);
            for (int i = scale; i < 0; i++) {
                sb.append('0');
            }
        } else if (digits.length() > scale) {
            int point = digits.length() - scale;
            sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
        } else {
            sb.append("0.");
            for (int i = digits.length(); i < scale; i++) {
                sb.append('0');
            }
            sb.append(digits);
        }
        return sb.toString();
    }
}
