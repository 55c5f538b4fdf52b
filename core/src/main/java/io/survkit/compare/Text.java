package io.survkit.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Formatting close to R's {@code print} of a numeric matrix and {@code format.pval}. */
final class Text {
    private Text() {
    }

    /** Decimals R shows for a column at {@code digits} significant digits (fewest that show every value). */
    static int decimals(double[] column, int digits) {
        int dec = 0;
        for (double x : column) {
            if (!Double.isFinite(x) || x == 0) {
                continue;
            }
            BigDecimal b = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            dec = Math.max(dec, Math.max(0, b.scale()));
        }
        return Math.min(dec, 15);
    }

    static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** {@code digits} significant digits, fixed unless scientific is shorter (R's {@code format}). */
    static String signif(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        String fixed = b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
        int exp = b.precision() - b.scale() - 1;
        BigDecimal mant = b.movePointLeft(exp).stripTrailingZeros();
        String sci = mant.toPlainString() + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "")
                + Math.abs(exp);
        return fixed.length() <= sci.length() ? fixed : sci;
    }

    /** R's {@code format.pval(p, digits = 1)} as {@code print(survdiff)} uses it. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "NaN";
        }
        if (p < Math.ulp(1.0)) {
            return "<2e-16";
        }
        return signif(p, 1);
    }

    /** A right-aligned table: a header row, then one row per name. */
    static String table(String[] header, String[] rawRowNames, String[][] cells) {
        // a label is one line without terminal control (escape sequences, line breaks)
        String[] rowNames = new String[rawRowNames.length];
        for (int i = 0; i < rowNames.length; i++) {
            rowNames[i] = io.survkit.internal.Escape.terminal(rawRowNames[i]);
        }
        int cols = header.length;
        int nameWidth = 0;
        for (String r : rowNames) {
            nameWidth = Math.max(nameWidth, r.length());
        }
        int[] width = new int[cols];
        for (int j = 0; j < cols; j++) {
            width[j] = header[j].length();
            for (String[] row : cells) {
                width[j] = Math.max(width[j], row[j].length());
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

    /** A numeric column formatted as R prints it at {@code digits} significant digits. */
    static String[] column(double[] v, int digits) {
        int dec = decimals(v, digits);
        String[] r = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = fixed(v[i], dec);
        }
        return r;
    }

    static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
