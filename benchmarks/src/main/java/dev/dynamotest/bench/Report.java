package dev.dynamotest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Number formatting for RESULTS.md, and medians. */
final class Report {
    private Report() {
    }

    static String n0(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String n1(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.1f", v);
    }

    static String n2(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Milliseconds with three significant digits at most. */
    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v >= 100 ? n0(v) : v >= 10 ? n1(v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The lower median. */
    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.removeIf(d -> d == null || Double.isNaN(d));
        if (v.isEmpty()) {
            return Double.NaN;
        }
        v.sort(null);
        return v.get((v.size() - 1) / 2);
    }
}
