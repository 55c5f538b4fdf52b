package io.survkit.internal;

import java.util.Locale;

/**
 * Argument checks for public entry points. Each check returns the checked value and is written so
 * that NaN fails it. Messages name what was wrong and what was expected.
 */
public final class Check {
    private Check() {
    }

    /** Formats a message with {@link Locale#ROOT}. */
    public static String format(String template, Object... args) {
        return String.format(Locale.ROOT, template, args);
    }

    /** Throws {@link IllegalArgumentException} with a formatted message. */
    public static IllegalArgumentException fail(String template, Object... args) {
        return new IllegalArgumentException(format(template, args));
    }

    /** Returns {@code value} if it is a probability strictly between 0 and 1. */
    public static double openUnit(String what, double value) {
        if (!(value > 0 && value < 1)) {
            throw fail("%s must be strictly between 0 and 1, got %s", what, value);
        }
        return value;
    }

    /** Returns {@code value} if it is finite and >= 0. */
    public static double nonNegativeFinite(String what, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw fail("%s must be finite and >= 0, got %s", what, value);
        }
        return value;
    }

    /** Returns {@code value} if it is finite. */
    public static double finite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw fail("%s must be finite, got %s", what, value);
        }
        return value;
    }

    /** Returns {@code value} if it is not null. */
    public static <T> T notNull(String what, T value) {
        if (value == null) {
            throw fail("%s must not be null", what);
        }
        return value;
    }

    /** Returns {@code value} if it is a finite value strictly above 0. */
    public static double positiveFinite(String what, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw fail("%s must be finite and > 0, got %s", what, value);
        }
        return value;
    }

    /** Where a value came from when its file line is known: {@code column 'time', row 17 (file line 20)}. */
    public static String at(String column, int row, int line) {
        return format("column '%s', row %d (file line %d)", column, row, line);
    }

    /** Where a value came from, for messages: {@code column 'time', row 17 (file line 18)}. */
    public static String at(String column, int row) {
        return format("column '%s', row %d (file line %d)", column, row, row + 1);
    }
}
