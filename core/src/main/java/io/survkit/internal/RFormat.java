package io.survkit.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The one number printer of survkit's R-style text: R's {@code format}, {@code print} of a numeric
 * matrix, {@code format.pval} and {@code round}.
 *
 * <p>Rounding. R formats through C's {@code sprintf}, which rounds the exact decimal value of the
 * binary double, half to even only when that value is exactly a tie: {@code 0.125} (exact in binary)
 * prints as {@code 0.12} at 2 digits, {@code 2.5} as {@code 2} at 1 digit, while {@code 0.15} (stored
 * as 0.1499999999999999944...) prints as {@code 0.1} and {@code 0.0125} (stored as 0.01250000000000000069...)
 * as {@code 0.013}. R's {@code formatReal} counts the significant digits the same way (R's
 * {@code scientific()} in src/main/format.c). Every method here therefore rounds
 * {@code new BigDecimal(v)} (the exact binary value) with {@link RoundingMode#HALF_EVEN};
 * {@code String.format("%.2f")} is never used, since Java rounds the shortest decimal string half up
 * ({@code 0.15 -> "0.2"}, {@code 2.675 -> "2.68"}, {@code 2.5 -> "3"}).
 *
 * <p>Missing values. R prints {@code NA} for a missing value ({@code NA_real_}, e.g. a median not
 * reached) and {@code NaN} for the result of {@code 0/0} (e.g. {@code (O-E)^2/E} of a group with no
 * expected events in {@code print(survdiff)}). Java has one NaN, so the caller, who knows which R
 * computes, says which text it takes ({@link NotANumber}); without it NaN prints as {@code NA}.
 */
public final class RFormat {
    private RFormat() {
    }

    /** How a NaN prints: R's missing value {@code NA} or R's not-a-number {@code NaN}. */
    public enum NotANumber {
        /** R's {@code NA}: the value is absent (R gives no number). */
        NA("NA"),
        /** R's {@code NaN}: R computes 0/0 or an undefined operation and prints {@code NaN}. */
        NAN("NaN");

        private final String text;

        NotANumber(String text) {
            this.text = text;
        }

        /**
         * The printed text.
         *
         * @return {@code "NA"} or {@code "NaN"}
         */
        public String text() {
            return text;
        }
    }

    /** The exact binary value of a finite v rounded to {@code digits} significant digits, half to even. */
    private static BigDecimal significant(double v, int digits) {
        return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    }

    /** Text of a non-finite value, or null for a finite one. */
    private static String nonFinite(double v, NotANumber nan) {
        if (Double.isNaN(v)) {
            return nan.text();
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return null;
    }

    /** Adds the minus sign C's sprintf keeps when a negative value rounds to zero ({@code "-0.00"}). */
    private static String signed(double v, BigDecimal rounded, String text) {
        return v < 0 && rounded.signum() == 0 ? "-" + text : text;
    }

    /**
     * R's {@code round(x, digits)} (R 4.0.0 and later, src/nmath/fround.c): of the two neighbours
     * {@code floor(x * 10^d) / 10^d} and {@code ceiling(x * 10^d) / 10^d}, the one nearer x in double
     * arithmetic, the even one on a tie; {@code digits = 0} is {@code nearbyint}. This is not the
     * exact-value rounding of {@link #fixed}: R gives {@code round(0.45, 1) = 0.4} while
     * {@code sprintf("%.1f", 0.45)} is {@code "0.5"}.
     *
     * @param v the value; NaN, infinities and zero are returned as they are
     * @param digits decimals to keep (may be negative: tens, hundreds)
     * @return the rounded value
     */
    public static double round(double v, int digits) {
        if (!Double.isFinite(v) || v == 0 || digits > 323) {
            return v;
        }
        if (digits < -308) {
            return 0;
        }
        if (digits == 0) {
            return Math.rint(v);
        }
        double sign = v < 0 ? -1 : 1;
        double x = Math.abs(v);
        if (digits + (Math.getExponent(x) + 0.5) * LOG10_2 > 15) {
            return v;
        }
        double pow10 = powerOfTen(digits);
        double x10 = pow10 * x;
        double i10 = Math.floor(x10);
        double xd = i10 / pow10;
        double xu = Math.ceil(x10) / pow10;
        double du = xu - x;
        double dd = x - xd;
        return sign * (du < dd || du == dd && i10 % 2 == 1 ? xu : xd);
    }

    private static final double LOG10_2 = Math.log10(2);

    /** R's {@code R_pow_di(10., n)}: repeated squaring, the reciprocal for negative n. */
    private static double powerOfTen(int n) {
        double x = 10;
        double xn = 1;
        int m = Math.abs(n);
        while (true) {
            if ((m & 1) != 0) {
                xn *= x;
            }
            m >>= 1;
            if (m == 0) {
                break;
            }
            x *= x;
        }
        return n < 0 ? 1 / xn : xn;
    }

    /**
     * Decimals needed to show {@code digits} significant digits of v (0 for integers beyond that).
     *
     * @param v the value
     * @param digits significant digits
     * @return the number of decimals, 0 for zero and non-finite values
     */
    public static int decimalsFor(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) {
            return 0;
        }
        return Math.max(0, significant(v, digits).stripTrailingZeros().scale());
    }

    /**
     * Common decimals for a column (R formats a column with one number of decimals), capped.
     *
     * @param digits significant digits each value needs
     * @param cap the most decimals
     * @param columns the values (null arrays are skipped)
     * @return the decimals the value needing most of them shows, at most {@code cap}
     */
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

    /**
     * v with a fixed number of decimals, C's {@code sprintf("%.*f")}; NaN as {@code NA}.
     *
     * @param v the value
     * @param decimals decimals shown
     * @return the text
     */
    public static String fixed(double v, int decimals) {
        return fixed(v, decimals, NotANumber.NA);
    }

    /**
     * v with a fixed number of decimals, C's {@code sprintf("%.*f")}.
     *
     * @param v the value
     * @param decimals decimals shown
     * @param nan how NaN prints
     * @return the text
     */
    public static String fixed(double v, int decimals, NotANumber nan) {
        String s = nonFinite(v, nan);
        if (s != null) {
            return s;
        }
        BigDecimal b = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN);
        return signed(v, b, b.toPlainString());
    }

    /**
     * One number as R's {@code format(x, digits)} writes a scalar: at least {@code digits}
     * significant digits (integer digits are never dropped: {@code format(12.5, digits = 1)} is
     * {@code "12"}), trailing zeros dropped, fixed or scientific, whichever is narrower (fixed on a
     * tie); NaN as {@code NA}.
     *
     * @param v the value
     * @param digits significant digits
     * @return the text
     */
    public static String signif(double v, int digits) {
        return signif(v, digits, NotANumber.NA);
    }

    /**
     * One number as {@link #signif(double, int)}, NaN printed as {@code nan} says.
     *
     * @param v the value
     * @param digits significant digits
     * @param nan how NaN prints
     * @return the text
     */
    public static String signif(double v, int digits, NotANumber nan) {
        String s = nonFinite(v, nan);
        if (s != null) {
            return s;
        }
        return format(new double[] {v}, digits)[0];
    }

    /** R's exponent suffix: {@code e-05}, {@code e+12}, {@code e+100}. */
    private static String exponent(int exp) {
        return "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /**
     * A p-value in a coefficient table: fixed with the given decimals, or 3 significant digits in
     * scientific below 1e-4, {@code <2e-16} below that.
     *
     * @param p the p-value
     * @param decimals decimals of the fixed form
     * @return the text, {@code NA} for NaN
     */
    public static String pvalue(double p, int decimals) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        if (p < 2e-16) {
            return "<2e-16";
        }
        if (p < 1e-4) {
            return scientific(p, 2);
        }
        return fixed(p, decimals);
    }

    /**
     * R's significance stars ({@code symnum} in {@code printCoefmat}).
     *
     * @param p the p-value
     * @return {@code ***}, {@code **}, {@code *}, {@code .} or empty (also for NaN)
     */
    public static String stars(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
    }

    /**
     * Right-aligned cell; a label is written as R's {@code print} writes a string ({@link Escape#terminal}).
     *
     * @param raw the text
     * @param width the width to pad to
     * @return the padded text
     */
    public static String pad(String raw, int width) {
        String s = Escape.terminal(raw);
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /**
     * Left-aligned cell, escaped as {@link #pad}.
     *
     * @param raw the text
     * @param width the width to pad to
     * @return the padded text
     */
    public static String padRight(String raw, int width) {
        String s = Escape.terminal(raw);
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /**
     * R's {@code format(x, digits = digits)} of a numeric vector: one common layout, fixed with the
     * decimals the element needing most of them shows at {@code digits} significant digits, or
     * scientific when that is narrower (R {@code formatReal}, {@code scipen = 0}). Non-finite
     * values print as {@code NA}, {@code Inf}, {@code -Inf}.
     *
     * @param x the values
     * @param digits significant digits
     * @return one text per value (not padded)
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
            BigDecimal b = significant(v, digits).stripTrailingZeros();
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

    /**
     * {@code v} as C's {@code sprintf("%.*e")} with R's exponent ({@code 5.1e-06}).
     *
     * @param v the value
     * @param decimals mantissa decimals
     * @return the text, {@code NA}/{@code Inf}/{@code -Inf} for non-finite values
     */
    public static String scientific(double v, int decimals) {
        String s = nonFinite(v, NotANumber.NA);
        if (s != null) {
            return s;
        }
        if (v == 0) {
            return BigDecimal.ZERO.setScale(decimals).toPlainString() + exponent(0);
        }
        BigDecimal b = significant(v, decimals + 1);
        int exp = b.precision() - b.scale() - 1;
        BigDecimal mant = b.movePointLeft(exp).setScale(decimals, RoundingMode.UNNECESSARY);
        return mant.toPlainString() + exponent(exp);
    }

    /**
     * R's {@code format.pval(p, digits)} of one p-value (as {@code print(survdiff)} writes it with
     * {@code digits = 1}).
     *
     * @param p the p-value
     * @param digits significant digits
     * @return the text, {@code NA} for NaN (R's {@code format.pval(NaN)})
     */
    public static String formatPValue(double p, int digits) {
        return formatPValues(new double[] {p}, digits)[0];
    }

    /**
     * R's {@code format.pval(p, digits)} with {@code eps = .Machine$double.eps}: values below eps as
     * {@code "< 2e-16"}; those down to 1e-4 formatted together, the smaller ones together.
     *
     * @param p the p-values
     * @param digits significant digits
     * @return one text per p-value
     */
    public static String[] formatPValues(double[] p, int digits) {
        double eps = Tolerances.MACHINE_EPSILON;
        String[] out = new String[p.length];
        List<Integer> fix = new ArrayList<>();
        List<Integer> small = new ArrayList<>();
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
        for (List<Integer> group : List.of(fix, small)) {
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

    /**
     * A numeric column as R's {@code print} of a matrix writes it: every value with the decimals the
     * value needing most of them shows at {@code digits} significant digits (at most 15).
     *
     * @param v the column
     * @param digits significant digits
     * @param nan how NaN prints
     * @return one text per value
     */
    public static String[] column(double[] v, int digits, NotANumber nan) {
        int dec = decimals(digits, 15, v);
        String[] r = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = fixed(v[i], dec, nan);
        }
        return r;
    }

    /**
     * A right-aligned table of numeric columns, each formatted by {@link #column}.
     *
     * @param header column names
     * @param rowNames row names (escaped as R prints strings)
     * @param columns one array per column, one value per row
     * @param digits significant digits
     * @param nan how NaN prints
     * @return the table, one line per row after the header
     */
    public static String table(String[] header, String[] rowNames, double[][] columns, int digits, NotANumber nan) {
        String[][] cells = new String[rowNames.length][header.length];
        for (int j = 0; j < header.length; j++) {
            String[] c = column(columns[j], digits, nan);
            for (int i = 0; i < rowNames.length; i++) {
                cells[i][j] = c[i];
            }
        }
        return table(header, rowNames, cells);
    }

    /**
     * A right-aligned table as R's {@code print} of a matrix: a header row, then one row per name,
     * row names left-aligned and escaped as R prints strings ({@link Escape#terminal}).
     *
     * @param header column names
     * @param rawRowNames row names
     * @param cells {@code cells[row][column]}
     * @return the table, one line per row after the header
     */
    public static String table(String[] header, String[] rawRowNames, String[][] cells) {
        String[] rowNames = new String[rawRowNames.length];
        int nameWidth = 0;
        for (int i = 0; i < rowNames.length; i++) {
            rowNames[i] = Escape.terminal(rawRowNames[i]);
            nameWidth = Math.max(nameWidth, rowNames[i].length());
        }
        int cols = header.length;
        int[] width = new int[cols];
        for (int j = 0; j < cols; j++) {
            width[j] = Escape.terminal(header[j]).length();
            for (String[] row : cells) {
                width[j] = Math.max(width[j], Escape.terminal(row[j]).length());
            }
        }
        StringBuilder sb = new StringBuilder(" ".repeat(nameWidth));
        for (int j = 0; j < cols; j++) {
            sb.append(' ').append(pad(header[j], width[j]));
        }
        sb.append('\n');
        for (int i = 0; i < rowNames.length; i++) {
            sb.append(rowNames[i]).append(" ".repeat(nameWidth - rowNames[i].length()));
            for (int j = 0; j < cols; j++) {
                sb.append(' ').append(pad(cells[i][j], width[j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * A character matrix as R's {@code print(m, quote = FALSE)} writes it: every column, header
     * included, left-aligned and padded to its widest cell (R pads the last column too), row names
     * left-aligned; labels escaped as R prints strings.
     *
     * @param header column names
     * @param rawRowNames row names
     * @param cells {@code cells[row][column]}
     * @return the matrix, one line per row after the header
     */
    public static String textMatrix(String[] header, String[] rawRowNames, String[][] cells) {
        String[] rowNames = new String[rawRowNames.length];
        int nameWidth = 0;
        for (int i = 0; i < rowNames.length; i++) {
            rowNames[i] = Escape.terminal(rawRowNames[i]);
            nameWidth = Math.max(nameWidth, rowNames[i].length());
        }
        int[] width = new int[header.length];
        for (int j = 0; j < header.length; j++) {
            width[j] = Escape.terminal(header[j]).length();
            for (String[] row : cells) {
                width[j] = Math.max(width[j], Escape.terminal(row[j]).length());
            }
        }
        StringBuilder sb = new StringBuilder(" ".repeat(nameWidth));
        for (int j = 0; j < header.length; j++) {
            sb.append(' ').append(padRight(header[j], width[j]));
        }
        sb.append('\n');
        for (int i = 0; i < rowNames.length; i++) {
            sb.append(rowNames[i]).append(" ".repeat(nameWidth - rowNames[i].length()));
            for (int j = 0; j < header.length; j++) {
                sb.append(' ').append(padRight(cells[i][j], width[j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * A coefficient table as R's {@code printCoefmat} lays it out: the first column (term names)
     * left-aligned, the others right-aligned, the last one left-aligned when it holds significance
     * stars; one space apart, trailing blanks removed, labels escaped as R prints strings.
     *
     * @param cells {@code cells[row][column]}, the header as row 0
     * @param lastLeft whether the last column is left-aligned (the stars)
     * @return the table, one line per row
     */
    public static String coefficientTable(String[][] cells, boolean lastLeft) {
        int cols = cells[0].length;
        int[] w = new int[cols];
        for (String[] row : cells) {
            for (int c = 0; c < cols; c++) {
                w[c] = Math.max(w[c], Escape.terminal(row[c]).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder(padRight(row[0], w[0]));
            for (int c = 1; c < cols; c++) {
                line.append(' ').append(c == cols - 1 && lastLeft ? padRight(row[c], w[c]) : pad(row[c], w[c]));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /**
     * The cells of R's {@code printCoefmat(x, digits, P.values = TRUE, has.Pvalue = TRUE,
     * signif.stars = FALSE, na.print = "")} (R 4.2 stats): columns {@code 0..k-1} are
     * coefficient-like ({@code cs.ind}) and formatted together, rounded to {@code max(1, digits -
     * digmin)} decimals, {@code digmin = 1 + floor(log10(range(|x|)))} over their finite non-zero
     * values, then {@code format(, digits)}; column {@code k} is the test statistic ({@code
     * tst.ind}: {@code format(round(x, dig.tst), digits)}, {@code dig.tst = max(1, min(5, digits -
     * 1))}); the last column holds p-values ({@code format.pval(p, dig.tst)}). A non-zero value shown
     * as zero is re-formatted alone with {@code digits - 1}. NaN (R's NA) prints as the empty string;
     * the coefficient-like cells share one width, as R's {@code format} of a matrix pads them.
     *
     * @param columns {@code columns[c][row]}, at least three columns
     * @param digits R's {@code digits}
     * @return {@code cells[row][c]}
     */
    public static String[][] coefficientMatrix(double[][] columns, int digits) {
        int nc = columns.length;
        int rows = columns[0].length;
        int k = nc - 2;
        int digTst = Math.max(1, Math.min(5, digits - 1));
        String[][] out = new String[rows][nc];
        for (String[] r : out) {
            java.util.Arrays.fill(r, "");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        boolean anyFinite = false;
        for (int c = 0; c < k; c++) {
            for (double v : columns[c]) {
                if (Double.isFinite(v)) {
                    anyFinite = true;
                    if (v != 0) {
                        lo = Math.min(lo, Math.abs(v));
                        hi = Math.max(hi, Math.abs(v));
                    }
                }
            }
        }
        if (anyFinite) {
            // max(1, digits - digmin) over both ends of the range: the smallest value decides
            int digmin = hi > 0 ? 1 + (int) Math.floor(Math.log10(lo)) : 1;
            int places = Math.max(1, digits - digmin);
            double[] all = new double[k * rows];
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < rows; i++) {
                    all[c * rows + i] = round(columns[c][i], places);
                }
            }
            String[] f = format(all, digits);
            int width = 0;
            for (String t : f) {
                width = Math.max(width, t.length());
            }
            for (int j = 0; j < f.length; j++) {
                f[j] = pad(f[j], width); // format() of the matrix: one common width
            }
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < rows; i++) {
                    double v = columns[c][i];
                    String t = f[c * rows + i];
                    boolean shownZero = Double.isFinite(v) && Double.parseDouble(t.strip()) == 0;
                    out[i][c] = Double.isNaN(v) ? ""
                            : (v == 0) != shownZero ? format(new double[] {v}, Math.max(1, digits - 1))[0] : t;
                }
            }
        }
        double[] test = new double[rows];
        for (int i = 0; i < rows; i++) {
            test[i] = round(columns[k][i], digTst);
        }
        String[] t = format(test, digits);
        for (int i = 0; i < rows; i++) {
            out[i][k] = Double.isNaN(columns[k][i]) ? "" : t[i];
        }
        List<Integer> ok = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (!Double.isNaN(columns[nc - 1][i])) {
                ok.add(i);
            }
        }
        double[] p = new double[ok.size()];
        for (int j = 0; j < p.length; j++) {
            p[j] = columns[nc - 1][ok.get(j)];
        }
        String[] pf = formatPValues(p, digTst);
        for (int j = 0; j < p.length; j++) {
            out[ok.get(j)][nc - 1] = pf[j];
        }
        return out;
    }
}
