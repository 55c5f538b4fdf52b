package io.survkit.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting close to R's {@code format}/{@code print} for the printed summaries. */
public final class RFormat {
    private RFormat() {
    }

    /** Decimals needed to show {@code digits} significant digits of v (0 for integers beyond that). */
    public static int decimalsFor(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) {
            return 0;
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        return Math.max(0, b.scale());
    }

    /** Common decimals for a column (R formats a column with one number of decimals), capped. */
    public static int decimals(int digits, int cap, double[]... columns) {
        int d = 0;
        for (double[] c : columns) {
            if (c == null) {
                continue;
            }
            for (double v : c) {
                d = Math.max(d, decimalsFor(v, digits));
            }
        }
        return Math.min(d, cap);
    }

    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * One number with {@code digits} significant digits, fixed or scientific, whichever is shorter
     * (fixed on a tie), trailing zeros dropped: R's {@code format(x, digits)} for a scalar.
     */
    public static String signif(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        String fixed = b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
        int exp = b.precision() - b.scale() - 1;
        BigDecimal mant = b.movePointLeft(exp).stripTrailingZeros();
        String sci = mant.toPlainString() + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "")
                + Math.abs(exp);
        return fixed.length() <= sci.length() ? fixed : sci;
    }

    /** A p-value in a coefficient table: fixed with the given decimals, or 3 significant digits in scientific below 1e-4. */
    public static String pvalue(double p, int decimals) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        if (p < 2e-16) {
            return "<2e-16";
        }
        if (p < 1e-4) {
            return String.format(Locale.ROOT, "%.2e", p);
        }
        return fixed(p, decimals);
    }

    public static String stars(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
    }

    /** Right-aligned cell; a label is written as one line without terminal control ({@code Escape.terminal}). */
    public static String pad(String raw, int width) {
        String s = Escape.terminal(raw);
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** Left-aligned cell, escaped as {@link #pad}. */
    public static String padRight(String raw, int width) {
        String s = Escape.terminal(raw);
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
