package io.survkit.data;

import io.survkit.internal.Check;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One column collected while a file streams by: numbers straight into a growable
 * {@code double[]} (NaN = missing), labels as shared (interned) strings, so memory grows with
 * the rows and columns used, not with the text of the file.
 */
abstract class ColumnSink {
    final String name;
    int size;

    ColumnSink(String name) {
        this.name = name;
    }

    abstract void add(String cell, int row);

    abstract double[] numbers();

    abstract String[] labels();

    /** A numeric column. */
    static final class Numbers extends ColumnSink {
        private final String expected;
        private double[] values = new double[1024];

        Numbers(String name, String expected) {
            super(name);
            this.expected = expected;
        }

        @Override
        void add(String cell, int row) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            double v = Double.NaN;
            if (!Column.isMissingText(cell)) {
                Double d = Column.parse(cell);
                if (d == null || Double.isNaN(d)) {
                    throw Check.fail("%s: value '%s' is not a number; expected %s", Check.at(name, row), cell,
                            expected);
                }
                v = d;
            }
            values[size++] = v;
        }

        @Override
        double[] numbers() {
            return Arrays.copyOf(values, size);
        }

        @Override
        String[] labels() {
            String[] s = new String[size];
            for (int i = 0; i < size; i++) {
                s[i] = Double.isNaN(values[i]) ? null : Column.formatNumber(values[i]);
            }
            return s;
        }

    }

    /** A text column (event codes, groups, factors, clusters). */
    static final class Labels extends ColumnSink {
        private final Map<String, String> interned = new HashMap<>();
        private String[] values = new String[1024];

        Labels(String name) {
            super(name);
        }

        @Override
        void add(String cell, int row) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = Column.isMissingText(cell) ? null : interned.computeIfAbsent(cell, k -> k);
        }

        @Override
        double[] numbers() {
            double[] d = new double[size];
            for (int i = 0; i < size; i++) {
                if (values[i] == null) {
                    d[i] = Double.NaN;
                    continue;
                }
                Double v = Column.parse(values[i]);
                if (v == null || Double.isNaN(v)) {
                    throw Check.fail("%s: value '%s' is not a number; expected a finite number", Check.at(name, i + 1),
                            values[i]);
                }
                d[i] = v;
            }
            return d;
        }

        @Override
        String[] labels() {
            return Arrays.copyOf(values, size);
        }

    }

    /**
     * A column whose kind is found while streaming: numbers while every non-missing cell parses
     * (8 bytes a row), switching once to interned labels at the first cell that does not (the
     * numbers before it become their canonical labels, {@code "2"} for {@code 2.0}).
     */
    static final class Auto extends ColumnSink {
        private Numbers numbers;
        private Labels labels;

        Auto(String name) {
            super(name);
            numbers = new Numbers(name, "a number");
        }

        @Override
        void add(String cell, int row) {
            if (labels == null) {
                if (Column.isMissingText(cell)) {
                    numbers.add(cell, row);
                    size++;
                    return;
                }
                Double d = Column.parse(cell);
                if (d != null && !Double.isNaN(d)) {
                    numbers.add(cell, row);
                    size++;
                    return;
                }
                labels = new Labels(name);
                String[] before = numbers.labels();
                for (int i = 0; i < before.length; i++) {
                    labels.add(before[i], i + 1);
                }
                numbers = null;
            }
            labels.add(cell, row);
            size++;
        }

        /** True when every non-missing cell was a number. */
        boolean isNumeric() {
            return labels == null;
        }

        /** The column as read: numeric or text. */
        Column column() {
            return labels == null ? Column.of(name, numbers.numbers()) : Column.of(name, labels.labels());
        }

        @Override
        double[] numbers() {
            return labels == null ? numbers.numbers() : labels.numbers();
        }

        @Override
        String[] labels() {
            return labels == null ? numbers.labels() : labels.labels();
        }
    }
}
