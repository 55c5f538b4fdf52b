package io.survkit.data;

import io.survkit.internal.Check;

/**
 * One raw input column as given to the builder: numbers (NaN = missing) or text (null, empty or
 * {@code NA} = missing). Parsing to numbers happens here so that every message can name the
 * column, the file row and the value.
 */
final class Column {
    final String name;
    final double[] numbers;
    final String[] text;
    /** Declared level order of a categorical column (R {@code factor(x, levels = ...)}), or null. */
    final java.util.List<String> levels;

    private Column(String name, double[] numbers, String[] text, java.util.List<String> levels) {
        this.name = Check.notNull("column name", name);
        this.numbers = numbers;
        this.text = text;
        this.levels = levels == null ? null : java.util.List.copyOf(levels);
    }

    static Column of(String name, double[] values) {
        return new Column(name, Check.notNull("values of column '" + name + "'", values), null, null);
    }

    static Column of(String name, String[] values) {
        return new Column(name, null, Check.notNull("values of column '" + name + "'", values), null);
    }

    /** A categorical column with a declared level order (every non-missing value must be a level). */
    static Column categorical(String name, String[] values, java.util.List<String> levels) {
        Check.notNull("values of column '" + name + "'", values);
        java.util.Set<String> set = new java.util.HashSet<>();
        for (String l : levels) {
            if (l == null || !set.add(l)) {
                throw Check.fail("column '%s': levels must be distinct and non-null, got %s", name, levels);
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!isMissingText(values[i]) && !set.contains(values[i].strip())) {
                throw Check.fail("%s: value '%s' is not one of the levels %s", Check.at(name, i + 1), values[i],
                        levels);
            }
        }
        return new Column(name, null, values, levels);
    }

    /** The same values under another name. */
    Column renamed(String newName) {
        return new Column(newName, numbers, text, levels);
    }

    /** The rows {@code idx} of this column. */
    Column select(int[] idx) {
        if (numbers != null) {
            double[] v = new double[idx.length];
            for (int k = 0; k < idx.length; k++) {
                v[k] = numbers[idx[k]];
            }
            return new Column(name, v, null, null);
        }
        String[] v = new String[idx.length];
        for (int k = 0; k < idx.length; k++) {
            v[k] = text[idx[k]];
        }
        return new Column(name, null, v, levels);
    }

    boolean isNumeric() {
        return numbers != null;
    }

    int size() {
        return numbers != null ? numbers.length : text.length;
    }

    boolean isMissing(int i) {
        if (numbers != null) {
            return Double.isNaN(numbers[i]);
        }
        return isMissingText(text[i]);
    }

    static boolean isMissingText(String s) {
        if (s == null) {
            return true;
        }
        String t = s.strip();
        return t.isEmpty() || t.equals("NA");
    }

    /** The value as a number; throws naming column, row and value if it is not one. */
    double number(int i, int[] fileRows, String expected) {
        if (numbers != null) {
            return numbers[i];
        }
        Double d = parse(text[i]);
        if (d == null) {
            throw Check.fail("%s: value '%s' is not a number; expected %s", Check.at(name, fileRows[i]), text[i],
                    expected);
        }
        return d;
    }

    /** The value as a label: numbers in R's canonical form ("2", not "2.0"). */
    String label(int i) {
        if (numbers != null) {
            return formatNumber(numbers[i]);
        }
        String t = text[i].strip();
        Double d = parse(t);
        return d == null ? t : formatNumber(d);
    }

    /**
     * Labels of the rows {@code keep}; each distinct raw value is canonicalised once (registry
     * files repeat a handful of codes millions of times).
     */
    String[] labels(int[] keep) {
        String[] r = new String[keep.length];
        java.util.Map<Object, String> cache = new java.util.HashMap<>();
        for (int k = 0; k < keep.length; k++) {
            int i = keep[k];
            Object raw = numbers != null ? (Object) numbers[i] : text[i];
            String l = cache.get(raw);
            if (l == null) {
                l = label(i);
                cache.put(raw, l);
            }
            r[k] = l;
        }
        return r;
    }

    /** True when every non-missing value among {@code rows} parses as a number. */
    boolean allNumeric(int[] rows) {
        if (numbers != null) {
            return true;
        }
        for (int r : rows) {
            if (parse(text[r]) == null) {
                return false;
            }
        }
        return true;
    }

    static Double parse(String s) {
        return io.survkit.internal.Parse.number(s);
    }

    /** Shortest form of a number as R prints a level: integers without a decimal point. */
    static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
