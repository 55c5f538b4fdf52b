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

    /**
     * R's {@code format(x, digits = digits)} of a numeric vector: one common layout, fixed with the
     * decimals the element needing most of them shows at {@code digits} significant digits, or
     * scientific when that is narrower (R {@code formatReal}, {@code scipen = 0}). Non-finite
     * values print as {@code NA}, {@code Inf}, {@code -Inf}.
     */
    public static String[] format(double[] x, int digits) {
        int rgt = 0;
        int left = 1;
        int maxSig = 1;
        int minExp = Integer.MAX_VALUE;
        int maxExp = Integer.MIN_VALUE;
        boolean neg = false;
        boolean any = false;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                continue;
            }
            any = true;
            neg |= v < 0;
            if (v == 0) {
                continue;
            }
            BigDecimal b = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
            int sig = b.precision();
            int kp = b.precision() - b.scale() - 1;
            rgt = Math.max(rgt, sig - kp - 1);
            left = Math.max(left, kp + 1);
            maxSig = Math.max(maxSig, sig);
            minExp = Math.min(minExp, kp);
            maxExp = Math.max(maxExp, kp);
        }
        String[] out = new String[x.length];
        if (!any) {
            for (int i = 0; i < x.length; i++) {
                out[i] = fixed(x[i], 0);
            }
            return out;
        }
        int fixedWidth = (neg ? 1 : 0) + left + (rgt > 0 ? rgt + 1 : 0);
        boolean bigExp = minExp != Integer.MAX_VALUE && (Math.abs(minExp) >= 100 || Math.abs(maxExp) >= 100);
        int sciWidth = (neg ? 1 : 0) + (maxSig > 1 ? maxSig + 1 : 1) + (bigExp ? 5 : 4);
        boolean sci = minExp != Integer.MAX_VALUE && fixedWidth > sciWidth;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (!Double.isFinite(v)) {
                out[i] = fixed(v, 0);
            } else if (sci) {
                out[i] = scientific(v, maxSig - 1);
            } else {
                out[i] = fixed(v, rgt);
            }
        }
        return out;
    }

    /** {@code v} as R writes it in scientific notation with {@code decimals} mantissa decimals ({@code 5.1e-06}). */
    public static String scientific(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "e", v);
        int e = s.indexOf('e');
        String mant = s.substring(0, e);
        int exp = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /**
     * R's {@code format.pval(p, digits)} with {@code eps = .Machine$double.eps}: values below eps as
     * {@code "< 2e-16"}; those down to 1e-4 formatted together, the smaller ones together.
     */
    public static String[] formatPValues(double[] p, int digits) {
        double eps = Math.ulp(1.0);
        String[] out = new String[p.length];
        java.util.List<Integer> fix = new java.util.ArrayList<>();
        java.util.List<Integer> small = new java.util.ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(p[i])) {
                out[i] = "NA";
            } else if (p[i] < eps) {
                out[i] = null;
            } else {
                int expo = (int) Math.floor(Math.log10(p[i] > 0 ? p[i] : 1e-50));
                (expo >= -3 || (expo == -4 && digits > 1) ? fix : small).add(i);
            }
        }
        int nc = 0;
        for (java.util.List<Integer> group : java.util.List.of(fix, small)) {
            double[] v = new double[group.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = p[group.get(k)];
            }
            String[] f = format(v, digits);
            for (int k = 0; k < v.length; k++) {
                out[group.get(k)] = f[k];
                nc = Math.max(nc, f[k].length());
            }
        }
        int d0 = Math.max(1, digits - 2);
        if (d0 > 1 && d0 + 6 > nc && nc > 0) {
            d0 = Math.max(1, nc - 7);
        }
        String sep = d0 == 1 && nc <= 6 && (!fix.isEmpty() || !small.isEmpty()) ? "" : " ";
        if (fix.isEmpty() && small.isEmpty()) {
            sep = d0 == 1 ? "" : " ";
        }
        String epsText = format(new double[] {eps}, d0)[0];
        for (int i = 0; i < p.length; i++) {
            if (out[i] == null) {
                out[i] = "<" + sep + epsText;
            }
        }
        return out;
    }
}
