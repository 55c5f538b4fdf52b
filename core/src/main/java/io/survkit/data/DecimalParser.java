package io.survkit.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * Parses a decimal number straight from the bytes of a file, without making a {@code String}.
 *
 * <p>Fast path (Clinger 1990, "How to read floating point numbers accurately", the exact case): a
 * decimal with at most 18 significant digits whose integer mantissa {@code m} is below 2^53 and
 * whose power of ten {@code k} has |k| &lt;= 22 is {@code m * 10^k} or {@code m / 10^-k}: both
 * operands are exact doubles, so one IEEE multiplication or division gives the correctly rounded
 * result, the same double as {@link Double#parseDouble}. Data written by R ({@code write.csv},
 * {@code fwrite}: 15 significant digits) and registry exports all take this path.
 *
 * <p>Everything else (16-17 digit round-trip output, large exponents) goes to FastDoubleParser
 * (Lemire 2021, "Number parsing at a gigabyte per second": correctly rounded, from the bytes), which
 * accepts Java's {@link Double#parseDouble} syntax; a trailing {@code d}/{@code f} is refused first,
 * as {@link Column#parse} refuses it, so every survkit input accepts the same texts and gives the
 * same doubles.
 */
final class DecimalParser {
    /** 10^0 .. 10^22, all exact doubles. */
    static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private DecimalParser() {
    }

    /**
     * The number in {@code bytes[from, to)} (already stripped of surrounding spaces, not empty),
     * or NaN if the text is not a number (or is the text {@code NaN}, which survkit refuses as a
     * value).
     */
    static double parse(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = false;
        byte c = bytes[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        for (; i < to; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            any = true;
            if (digits == 18) {
                return slow(bytes, from, to);
            }
            mantissa = mantissa * 10 + d;
            digits += mantissa == 0 ? 0 : 1;
        }
        if (i < to && bytes[i] == '.') {
            for (i++; i < to; i++) {
                int d = bytes[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                any = true;
                if (digits == 18) {
                    return slow(bytes, from, to);
                }
                mantissa = mantissa * 10 + d;
                digits += mantissa == 0 ? 0 : 1;
                scale--;
            }
        }
        if (!any) {
            return slow(bytes, from, to);
        }
        if (i < to && (bytes[i] | 0x20) == 'e') {
            int e = i + 1;
            boolean negativeExponent = false;
            if (e < to && (bytes[e] == '-' || bytes[e] == '+')) {
                negativeExponent = bytes[e] == '-';
                e++;
            }
            int exponent = 0;
            int start = e;
            for (; e < to; e++) {
                int d = bytes[e] - '0';
                if (d < 0 || d > 9 || exponent > 9999) {
                    return slow(bytes, from, to);
                }
                exponent = exponent * 10 + d;
            }
            if (e == start) {
                return slow(bytes, from, to);
            }
            scale += negativeExponent ? -exponent : exponent;
            i = e;
        }
        if (i != to) {
            return slow(bytes, from, to);
        }
        if (mantissa == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (mantissa < (1L << 53) && scale >= -22 && scale <= 22) {
            double v = scale < 0 ? mantissa / POWERS[-scale] : mantissa * POWERS[scale];
            return negative ? -v : v;
        }
        return slow(bytes, from, to);
    }

    /** The other texts: the general parser, on the bytes. */
    private static double slow(byte[] bytes, int from, int to) {
        int last = bytes[to - 1] | 0x20;
        if (last == 'd' || last == 'f') {
            return Double.NaN; // Java would read "1d" as 1; a data file does not mean a number by it.
        }
        try {
            return JavaDoubleParser.parseDouble(bytes, from, to - from);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
