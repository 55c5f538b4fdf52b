package io.survkit.arms;

import io.survkit.internal.RFormat;

/**
 * Number formats of the comparison's text, Markdown and methods: the report's choice of decimals,
 * written by the one R-style printer ({@link RFormat#fixed}: C's {@code sprintf} rounding of the
 * binary value, NaN as "NA").
 */
final class Numbers {
    private Numbers() {
    }

    /** A time or count: up to 2 decimals, trailing zeros dropped (57, 56.5, 12.25). */
    static String time(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        String s = RFormat.fixed(v, 2);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s.equals("-0") ? "0" : s;
    }

    /** An event count (weighted sums keep 2 decimals). */
    static String count(double v) {
        return time(v);
    }

    /** A probability or ratio with 3 decimals. */
    static String fixed3(double v) {
        return RFormat.fixed(v, 3);
    }

    /** A hazard ratio with 2 decimals. */
    static String fixed2(double v) {
        return RFormat.fixed(v, 2);
    }

    /** A p-value: "<0.001" below 0.001, else 3 decimals. */
    static String p(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        return v < 0.001 ? "<0.001" : RFormat.fixed(v, 3);
    }

    /** "x (lo-hi)" with the given formatter. */
    static String withCi(String est, String lo, String hi) {
        return est + " (" + lo + " to " + hi + ")";
    }

    /** The confidence level as a percentage, e.g. "95%". */
    static String percent(double level) {
        return time(100 * level) + "%";
    }
}
