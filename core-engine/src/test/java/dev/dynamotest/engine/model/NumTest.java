package dev.dynamotest.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.engine.error.DynamoException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Num} keeps most numbers in a long; {@link BigDecimalNum}, the BigDecimal implementation it replaced, is the
 * reference: parsing (values and error messages), text, ordering, equality, hash codes, sizes and arithmetic agree.
 */
class NumTest {
    static final String[] EDGES = {"0", "-0", "+0", "0.000", "00", "0e5", "-0.0e-10", "01.50", "1.5", "-1.5", "1e5",
        "1E+5", "1e-5", "100", "10", "-10", "1000000000000000000", "100000000000000000", "999999999999999999",
        "-999999999999999999", "9999999999999999999", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "123456789012345678", "1234567890123456789",
        "12345678901234567890123456789012345678", "123456789012345678901234567890123456789",
        "1234567890123456789012345678901234567800000", "0.1", "0.01", "0.0010", ".5", "5.", "-.5", "+3", "10.01",
        "-0.000001", "1E-130", "1.5E-130", "9E-131", "1E-131", "9.9999999999999999999999999999999999999E+125",
        "99999999999999999999999999999999999999E+88", "1E+126", "1E+125", "1.0000000000000000001", "3.14159",
        "2.5E10", "25000000000", "1234.5678e2", "1e0000000005", "1e99999999999", "1e-99999999999", "1e100001", "1023",
        "1024", "1020", "-1", "1", "7", "42", "",
        " 1", "1 ", "1_0", "0x10", "abc", "1e", "1e+", "e5", ".", "-", "+", "--1", "1..2", "1.2.3", "1e5e5", "١",
        "1e٣", "NaN", "Infinity", "1,5", "1d", "1f"};

    static Object parse(String s) {
        try {
            return Num.parse(s);
        } catch (DynamoException e) {
            return "error " + e.getMessage();
        }
    }

    static Object parseReference(String s) {
        try {
            return BigDecimalNum.parse(s);
        } catch (DynamoException e) {
            return "error " + e.getMessage();
        }
    }

    /** The same outcome: both an error with the same message, or both numbers agreeing on every observation. */
    static void assertSame(String input, Object actual, Object expected) {
        if (expected instanceof String || actual instanceof String) {
            assertThat(String.valueOf(actual)).as(input).isEqualTo(String.valueOf(expected));
            return;
        }
        Num n = (Num) actual;
        BigDecimalNum r = (BigDecimalNum) expected;
        assertThat(n.toString()).as(input).isEqualTo(r.toString());
        assertThat(n.value()).as(input).isEqualTo(r.value()); // BigDecimal.equals: the same scale too
        assertThat(n.hashCode()).as(input).isEqualTo(r.hashCode());
        assertThat(n.sizeBytes()).as(input).isEqualTo(r.sizeBytes());
        assertThat(n.precision()).as(input).isEqualTo(r.precision());
    }

    static List<String> inputs() {
        List<String> in = new ArrayList<>(List.of(EDGES));
        Random random = new Random(20261203L);
        String alphabet = "0123456789012345678900000.eE+-";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(i % 3 == 0 ? 45 : 12);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            in.add(sb.toString());
            in.add(random.nextLong() + "");
            in.add((random.nextInt(2_000_001) - 1_000_000) + "." + random.nextInt(1000));
            in.add(random.nextInt(100) + "e" + (random.nextInt(300) - 150));
        }
        return in;
    }

    @Test
    void parsesAsTheBigDecimalImplementation() {
        for (String s : inputs()) {
            assertSame(s, parse(s), parseReference(s));
        }
    }

    @Test
    void ordersComparesAndComputesAsTheBigDecimalImplementation() {
        List<Num> nums = new ArrayList<>();
        List<BigDecimalNum> refs = new ArrayList<>();
        for (String s : inputs()) {
            Object n = parse(s);
            if (n instanceof Num num) {
                nums.add(num);
                refs.add((BigDecimalNum) parseReference(s));
            }
        }
        Random random = new Random(7);
        for (int k = 0; k < 200_000; k++) {
            int i = k < 10_000 ? k % nums.size() : random.nextInt(nums.size());
            int j = k < 10_000 ? (k * 7919) % nums.size() : random.nextInt(nums.size());
            if (k % 4 == 0) {
                j = Math.min(nums.size() - 1, i + 1); // neighbours: often the same magnitude
            }
            Num a = nums.get(i);
            Num b = nums.get(j);
            BigDecimalNum ra = refs.get(i);
            BigDecimalNum rb = refs.get(j);
            String what = a + " vs " + b;
            assertThat(Integer.signum(a.compareTo(b))).as(what).isEqualTo(Integer.signum(ra.compareTo(rb)));
            assertThat(a.equals(b)).as(what).isEqualTo(ra.equals(rb));
            assertSame(what + " +", sum(a, b, true), sum(ra, rb, true));
            assertSame(what + " -", sum(a, b, false), sum(ra, rb, false));
        }
    }

    static Object sum(Num a, Num b, boolean add) {
        try {
            return add ? a.add(b) : a.subtract(b);
        } catch (DynamoException e) {
            return "error " + e.getMessage();
        }
    }

    static Object sum(BigDecimalNum a, BigDecimalNum b, boolean add) {
        try {
            return add ? a.add(b) : a.subtract(b);
        } catch (DynamoException e) {
            return "error " + e.getMessage();
        }
    }

    @Test
    void computedValuesAgree() {
        long[] longs = {0, 1, -1, 9, 10, 1023, 1024, 1030, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
            999_999_999_999_999_999L, 1_000_000_000_000_000_000L, -1_000_000_000_000_000_000L, 123_000};
        for (long v : longs) {
            assertSame(Long.toString(v), Num.of(v), BigDecimalNum.of(v));
        }
        String[] decimals = {"1E+200", "1E-200", "123.4500", "-0.00", "1234567890123456789.123456789", "1E+125",
            "12345678901234567890123456789012345678901"};
        for (String d : decimals) {
            Object n;
            Object r;
            try {
                n = Num.of(new BigDecimal(d));
            } catch (DynamoException e) {
                n = "error " + e.getMessage();
            }
            try {
                r = BigDecimalNum.of(new BigDecimal(d));
            } catch (DynamoException e) {
                r = "error " + e.getMessage();
            }
            assertSame(d, n, r);
        }
    }

    @Test
    void smallIntegersAreShared() {
        assertThat(Num.parse("7")).isSameAs(Num.of(7)).isSameAs(Num.parse("7.000")).isSameAs(Num.parse("0.7e1"));
        assertThat(Num.parse("0")).isSameAs(Num.ZERO).isSameAs(Num.parse("-0.0"));
        assertThat(AttributeValue.n(Num.parse("7"))).isSameAs(AttributeValue.n(7));
        assertThat(AttributeValue.n(Num.parse("7"))).isEqualTo(new AttributeValue.N(Num.of(7)));
        assertThat(Num.parse("1023")).isSameAs(Num.of(1023));
        assertThat(Num.parse("1024")).isEqualTo(Num.of(1024)).isNotSameAs(Num.of(1024));
    }
}
