package io.survkit.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Value converters whose messages say what was expected in words, never a Java type name. */
final class Converters {
    private Converters() {
    }

    /** A finite number ({@code NaN} and infinities are refused: they would silently mean "absent"). */
    static final class FiniteNumber implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return finite(value, "'" + value + "' is not a number");
        }
    }

    /** A whole number (a seed). */
    static final class WholeNumber implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
        }
    }

    /** Finite numbers separated by commas: {@code 180,365}. */
    static final class NumberList implements ITypeConverter<Numbers> {
        @Override
        public Numbers convert(String value) {
            String[] parts = value.split(",", -1);
            double[] r = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                r[i] = finite(parts[i], "item " + (i + 1) + " '" + parts[i].strip()
                        + "' is not a number; expected numbers separated by commas");
            }
            return new Numbers(r);
        }
    }

    /** {@code true/false} (also {@code yes/no}); with the option alone, picocli supplies {@code true}. */
    static final class TrueFalse implements ITypeConverter<Boolean>, Iterable<String> {
        @Override
        public Boolean convert(String value) {
            switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true":
                case "yes":
                    return Boolean.TRUE;
                case "false":
                case "no":
                    return Boolean.FALSE;
                default:
                    throw new TypeConversionException("'" + value + "'; expected true or false");
            }
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("true", "false").iterator();
        }
    }

    /** Numbers typed as one comma-separated option value. */
    record Numbers(double[] values) {
        Numbers {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    private static double finite(String text, String message) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException(message);
        }
        if (!Double.isFinite(v)) {
            throw new TypeConversionException("'" + text.strip() + "' is not a finite number");
        }
        return v;
    }
}
