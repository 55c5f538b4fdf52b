package io.survkit.table;

import io.survkit.internal.Check;
import io.survkit.internal.Escape;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A tidy table: named columns, each of numbers or of text, with the same number of rows; immutable.
 * Rendered as aligned text ({@link #toText()}, also {@link #toString()}), Markdown, HTML, CSV
 * (RFC 4180, formula injection neutralised) and JSON (an array of row objects). A missing number is
 * NaN: {@code NA} in text, an empty cell in CSV, {@code null} in JSON; a missing text is null.
 *
 * <pre>{@code
 * Table t = Table.builder().textColumn("curve").numberColumn("time").numberColumn("survival")
 *         .text("sex=1").number(5).number(0.993)
 *         .text("sex=1").number(11).number(0.978)
 *         .build();
 * t.toCsv();   // "curve,time,survival\nsex=1,5,0.993\nsex=1,11,0.978\n"
 * }</pre>
 */
public final class Table {
    private final List<String> names;
    /** Per column: a {@code double[]} or a {@code String[]}, each {@code rows} long. */
    private final Object[] columns;
    private final int rows;

    private Table(List<String> names, Object[] columns, int rows) {
        this.names = names;
        this.columns = columns;
        this.rows = rows;
    }

    /** @return a builder; declare the columns, then fill the cells row by row */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of rows */
    public int rowCount() {
        return rows;
    }

    /** @return the number of columns */
    public int columnCount() {
        return names.size();
    }

    /** @return the column names, in order */
    public List<String> columnNames() {
        return names;
    }

    /**
     * @param column a column name
     * @return true when the column holds numbers, false when it holds text
     * @throws IllegalArgumentException for an unknown column
     */
    public boolean isNumeric(String column) {
        return columns[index(column)] instanceof double[];
    }

    /**
     * @param column a column of numbers
     * @return a copy of its values (NaN where missing)
     * @throws IllegalArgumentException for an unknown or text column
     */
    public double[] numbers(String column) {
        Object c = columns[index(column)];
        if (!(c instanceof double[] d)) {
            throw Check.fail("column '%s' holds text, not numbers", column);
        }
        return d.clone();
    }

    /**
     * @param column a column of text
     * @return its values (null where missing)
     * @throws IllegalArgumentException for an unknown or numeric column
     */
    public List<String> texts(String column) {
        Object c = columns[index(column)];
        if (!(c instanceof String[] s)) {
            throw Check.fail("column '%s' holds numbers, not text", column);
        }
        return Collections.unmodifiableList(Arrays.asList(s));
    }

    /**
     * @param row a row index, from 0
     * @param column a column of numbers
     * @return the number in that cell (NaN where missing)
     */
    public double number(int row, String column) {
        checkRow(row);
        Object c = columns[index(column)];
        if (!(c instanceof double[] d)) {
            throw Check.fail("column '%s' holds text, not numbers", column);
        }
        return d[row];
    }

    /**
     * @param row a row index, from 0
     * @param column any column
     * @return the cell as CSV and JSON write it: text as is, numbers in full precision, missing as ""
     */
    public String cell(int row, String column) {
        checkRow(row);
        return exact(columns[index(column)], row);
    }

    /** @return the table as aligned text: numbers right-aligned with 7 significant digits */
    public String toText() {
        String[][] cells = rounded();
        int[] width = new int[names.size()];
        for (int j = 0; j < width.length; j++) {
            width[j] = names.get(j).length();
            for (int i = 0; i < rows; i++) {
                width[j] = Math.max(width[j], cells[j][i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < width.length; j++) {
            pad(b, j, names.get(j), width[j], columns[j] instanceof double[]);
        }
        b.append('\n');
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width.length; j++) {
                pad(b, j, cells[j][i], width[j], columns[j] instanceof double[]);
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** @return the table as GitHub-flavoured Markdown (numbers rounded as in {@link #toText()}) */
    public String toMarkdown() {
        String[][] cells = rounded();
        StringBuilder b = new StringBuilder("|");
        for (String n : names) {
            b.append(' ').append(Escape.markdown(n)).append(" |");
        }
        b.append("\n|");
        for (Object c : columns) {
            b.append(c instanceof double[] ? "---:|" : "---|");
        }
        b.append('\n');
        for (int i = 0; i < rows; i++) {
            b.append('|');
            for (int j = 0; j < columns.length; j++) {
                b.append(' ').append(Escape.markdown(cells[j][i])).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** @return the table as an HTML {@code <table>} element (numbers rounded as in {@link #toText()}) */
    public String toHtml() {
        String[][] cells = rounded();
        StringBuilder b = new StringBuilder("<table>\n<thead><tr>");
        for (String n : names) {
            b.append("<th>").append(Escape.html(n)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < rows; i++) {
            b.append("<tr>");
            for (int j = 0; j < columns.length; j++) {
                b.append(columns[j] instanceof double[] ? "<td class=\"number\">" : "<td>")
                        .append(Escape.html(cells[j][i])).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    /** @return the table as CSV: a header line, then one line per row, numbers in full precision */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        writeCsv(b);
        return b.toString();
    }

    /**
     * Writes the CSV to {@code out} row by row (a big table is never held as one string). Cells are
     * quoted as RFC 4180 asks; a text cell starting with {@code = + - @}, tab or carriage return is
     * prefixed with {@code '} so that a spreadsheet does not run it as a formula.
     *
     * @param out where the text goes
     * @throws UncheckedIOException when {@code out} fails
     */
    public void writeCsv(Appendable out) {
        try {
            for (int j = 0; j < names.size(); j++) {
                out.append(j == 0 ? "" : ",").append(Escape.csv(names.get(j)));
            }
            out.append('\n');
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns.length; j++) {
                    if (j > 0) {
                        out.append(',');
                    }
                    String v = exact(columns[j], i);
                    out.append(columns[j] instanceof double[] ? v : Escape.csv(v));
                }
                out.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the table as JSON: an array with one object per row */
    public String toJson() {
        StringBuilder b = new StringBuilder();
        writeJson(b);
        return b.toString();
    }

    /**
     * Writes the table as a JSON array of row objects ({@code [{"time": 5, "survival": 0.99}, ...]}).
     *
     * @param out where the JSON goes
     * @throws java.io.UncheckedIOException when {@code out} fails
     */
    public void writeJson(Appendable out) {
        JsonWriter json = new JsonWriter(Check.notNull("out", out));
        json.beginArray();
        for (int i = 0; i < rows; i++) {
            json.beginObject();
            for (int j = 0; j < columns.length; j++) {
                json.name(names.get(j));
                if (columns[j] instanceof double[] d) {
                    json.value(d[i]);
                } else {
                    json.value(((String[]) columns[j])[i]);
                }
            }
            json.endObject();
        }
        json.endArray();
    }

    /** @return {@link #toText()} */
    @Override
    public String toString() {
        return toText();
    }

    private int index(String column) {
        int j = names.indexOf(column);
        if (j < 0) {
            throw Check.fail("unknown column '%s'; the table has %s", column, names);
        }
        return j;
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rows) {
            throw Check.fail("row %d is outside the table's %d rows", row, rows);
        }
    }

    private static String exact(Object column, int row) {
        if (column instanceof double[] d) {
            return Double.isFinite(d[row]) ? JsonWriter.number(d[row]) : "";
        }
        String s = ((String[]) column)[row];
        return s == null ? "" : s;
    }

    private String[][] rounded() {
        String[][] cells = new String[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            cells[j] = new String[rows];
            for (int i = 0; i < rows; i++) {
                if (columns[j] instanceof double[] d) {
                    cells[j][i] = signif(d[i]);
                } else {
                    String s = ((String[]) columns[j])[i];
                    cells[j][i] = s == null ? "NA" : s;
                }
            }
        }
        return cells;
    }

    /** 7 significant digits, trailing zeros dropped; NA, Inf, -Inf as R prints them. */
    private static String signif(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return RFormat.signif(v, 7);
    }

    private static void pad(StringBuilder b, int column, String s, int width, boolean right) {
        String safe = Escape.terminal(s);
        if (column > 0) {
            b.append("  ");
        }
        if (right) {
            b.append(" ".repeat(Math.max(0, width - safe.length()))).append(safe);
        } else {
            b.append(safe).append(" ".repeat(Math.max(0, width - safe.length())));
        }
    }

    /**
     * Builds a {@link Table}: declare every column ({@link #numberColumn}, {@link #textColumn}),
     * then give the cells row by row, left to right ({@link #number}, {@link #text}).
     */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Boolean> numeric = new ArrayList<>();
        private double[][] numbers;
        private String[][] texts;
        private int rows;
        private int next;
        private int capacity = 16;

        private Builder() {
        }

        /**
         * @param name a column of numbers
         * @return this builder
         */
        public Builder numberColumn(String name) {
            return column(name, true);
        }

        /**
         * @param name a column of text
         * @return this builder
         */
        public Builder textColumn(String name) {
            return column(name, false);
        }

        /**
         * @param v the next cell, in a column of numbers (NaN = missing)
         * @return this builder
         */
        public Builder number(double v) {
            int j = cell(true);
            numbers[j][rows] = v;
            return advance();
        }

        /**
         * @param v the next cell, in a column of text (null = missing)
         * @return this builder
         */
        public Builder text(String v) {
            int j = cell(false);
            texts[j][rows] = v;
            return advance();
        }

        /**
         * @return the table
         * @throws IllegalArgumentException when the last row is incomplete
         */
        public Table build() {
            if (next != 0) {
                throw Check.fail("row %d has %d of the %d cells", rows + 1, next, names.size());
            }
            Object[] columns = new Object[names.size()];
            for (int j = 0; j < columns.length; j++) {
                columns[j] = numeric.get(j) ? Arrays.copyOf(numbers()[j], rows) : Arrays.copyOf(texts()[j], rows);
            }
            return new Table(List.copyOf(names), columns, rows);
        }

        private Builder column(String name, boolean isNumber) {
            Check.notNull("column name", name);
            if (numbers != null) {
                throw Check.fail("declare column '%s' before the first cell", name);
            }
            if (names.contains(name)) {
                throw Check.fail("column '%s' is declared twice", name);
            }
            names.add(name);
            numeric.add(isNumber);
            return this;
        }

        private int cell(boolean isNumber) {
            if (names.isEmpty()) {
                throw Check.fail("declare the columns before the cells");
            }
            if (numeric.get(next) != isNumber) {
                throw Check.fail("column '%s' holds %s", names.get(next), isNumber ? "text" : "numbers");
            }
            if (rows == capacity || numbers == null) {
                grow();
            }
            return next;
        }

        private Builder advance() {
            if (++next == names.size()) {
                next = 0;
                rows++;
            }
            return this;
        }

        private void grow() {
            if (numbers == null) {
                numbers = new double[names.size()][];
                texts = new String[names.size()][];
                for (int j = 0; j < names.size(); j++) {
                    if (numeric.get(j)) {
                        numbers[j] = new double[capacity];
                    } else {
                        texts[j] = new String[capacity];
                    }
                }
                return;
            }
            capacity *= 2;
            for (int j = 0; j < names.size(); j++) {
                if (numeric.get(j)) {
                    numbers[j] = Arrays.copyOf(numbers[j], capacity);
                } else {
                    texts[j] = Arrays.copyOf(texts[j], capacity);
                }
            }
        }

        private double[][] numbers() {
            return numbers == null ? new double[names.size()][0] : numbers;
        }

        private String[][] texts() {
            return texts == null ? new String[names.size()][0] : texts;
        }
    }
}
