package io.survkit.estimate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number and table formatting for {@code toString()}, close to R's {@code print} of a matrix. */
final class Format {
    private Format() {
    }

    /** A number with up to 7 significant digits, {@code NA} for NaN, {@code Inf} for infinity. */
    static String number(double v) {
        return number(v, 7);
    }

    /** A number with up to {@code digits} significant digits (trailing zeros dropped). */
    static String number(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e15 || a < 1e-5) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "g", v);
        }
        return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Decimals R would print for a column at {@code digits} significant digits: the fewest that
     * show every finite value to its needed significant digits (at most {@code digits}).
     */
    static int decimals(double[] column, int digits) {
        int dec = 0;
        for (double x : column) {
            if (!Double.isFinite(x) || x == 0) {
                continue;
            }
            BigDecimal full = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
            BigDecimal stripped = full.stripTrailingZeros();
            dec = Math.max(dec, Math.max(0, stripped.scale()));
        }
        return Math.min(dec, 15);
    }

    /** A right-aligned table: a header row, then one row per name. */
    static String table(String[] header, String[] rawRowNames, double[][] columns, int digits) {
        // a label is one line without terminal control (escape sequences, line breaks)
        String[] rowNames = new String[rawRowNames.length];
        for (int i = 0; i < rowNames.length; i++) {
            rowNames[i] = io.survkit.internal.Escape.terminal(rawRowNames[i]);
        }
        int rows = rowNames.length;
        int cols = header.length;
        String[][] cells = new String[rows][cols];
        for (int j = 0; j < cols; j++) {
            int dec = decimals(columns[j], digits);
            for (int i = 0; i < rows; i++) {
                double v = columns[j][i];
                cells[i][j] = Double.isNaN(v) ? "NA"
                        : Double.isInfinite(v) ? (v > 0 ? "Inf" : "-Inf")
                        : String.format(Locale.ROOT, "%." + dec + "f", v);
            }
        }
        int nameWidth = 0;
        for (String r : rowNames) {
            nameWidth = Math.max(nameWidth, r.length());
        }
        int[] width = new int[cols];
        for (int j = 0; j < cols; j++) {
            width[j] = header[j].length();
            for (int i = 0; i < rows; i++) {
                width[j] = Math.max(width[j], cells[i][j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(" ".repeat(nameWidth));
        for (int j = 0; j < cols; j++) {
            sb.append(' ').append(pad(header[j], width[j]));
        }
        sb.append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(rowNames[i]).append(" ".repeat(nameWidth - rowNames[i].length()));
            for (int j = 0; j < cols; j++) {
                sb.append(' ').append(pad(cells[i][j], width[j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
