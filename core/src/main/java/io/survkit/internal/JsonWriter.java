package io.survkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalDouble;

/**
 * A small streaming JSON writer (RFC 8259) for result objects, so that core needs no JSON library.
 * It writes straight to an {@link Appendable} (a {@code Writer}, a {@code StringBuilder}), so a curve
 * of 10^7 times is never held as a tree. Strings are escaped completely: quote, backslash and
 * control characters, and also {@code < > &} and U+2028/U+2029 as {@code \\uXXXX}, so the output
 * can be embedded in an HTML {@code <script>} block. Non-finite numbers (NaN, infinities) are
 * written as {@code null}. Numbers use the shortest representation that reads back to the same
 * double ({@link Double#toString}); whole numbers up to 2^53 are written without a fraction.
 * Objects are indented by two spaces; arrays of numbers or strings stay on one line.
 *
 * <pre>{@code
 * String json = new JsonWriter().beginObject().name("p").value(0.04).name("arm").value("A<B")
 *         .endObject().toString();   // {"p": 0.04, "arm": "A\u003cB"}
 * }</pre>
 */
public final class JsonWriter {
    private final Appendable out;
    private int depth;
    /** Per depth: true when the container already has an element. */
    private boolean[] hasElement = new boolean[16];
    /** Per depth: true for an array (scalars on one line). */
    private boolean[] isArray = new boolean[16];
    /** Per depth: true when a line break was written inside the container. */
    private boolean[] broken = new boolean[16];
    private boolean afterName;
    private boolean started;

    /** A writer into its own buffer; {@link #toString()} returns the text. */
    public JsonWriter() {
        this(new StringBuilder());
    }

    /**
     * A writer into {@code out}; I/O errors are rethrown as {@link UncheckedIOException}.
     *
     * @param out where the text goes
     */
    public JsonWriter(Appendable out) {
        this.out = Check.notNull("out", out);
    }

    /** @return this writer, inside a new object (as a value) */
    public JsonWriter beginObject() {
        beforeValue(true);
        append('{');
        push(false);
        return this;
    }

    /** @return this writer, after the current object */
    public JsonWriter endObject() {
        return pop('}');
    }

    /** @return this writer, inside a new array (as a value) */
    public JsonWriter beginArray() {
        beforeValue(true);
        append('[');
        push(true);
        return this;
    }

    /** @return this writer, after the current array */
    public JsonWriter endArray() {
        return pop(']');
    }

    /**
     * @param name the name of the next member of the current object
     * @return this writer
     */
    public JsonWriter name(String name) {
        if (afterName) {
            throw new IllegalStateException("two names in a row: " + name);
        }
        if (depth == 0 || isArray[depth]) {
            throw new IllegalStateException("a name outside an object: " + name);
        }
        separator(true);
        string(name);
        append(": ");
        afterName = true;
        return this;
    }

    /**
     * @param s a string value; null is written as {@code null}
     * @return this writer
     */
    public JsonWriter value(String s) {
        beforeValue(false);
        if (s == null) {
            append("null");
        } else {
            string(s);
        }
        return this;
    }

    /**
     * @param v a number; NaN and infinities are written as {@code null}
     * @return this writer
     */
    public JsonWriter value(double v) {
        beforeValue(false);
        append(number(v));
        return this;
    }

    /**
     * @param v a number, or empty for {@code null}
     * @return this writer
     */
    public JsonWriter value(OptionalDouble v) {
        return v.isPresent() ? value(v.getAsDouble()) : nullValue();
    }

    /**
     * @param v a whole number
     * @return this writer
     */
    public JsonWriter value(long v) {
        beforeValue(false);
        append(Long.toString(v));
        return this;
    }

    /**
     * @param v a boolean
     * @return this writer
     */
    public JsonWriter value(boolean v) {
        beforeValue(false);
        append(v ? "true" : "false");
        return this;
    }

    /** @return this writer, after a {@code null} */
    public JsonWriter nullValue() {
        beforeValue(false);
        append("null");
        return this;
    }

    /**
     * @param values numbers (NaN as null)
     * @return this writer, after the array
     */
    public JsonWriter array(double[] values) {
        beginArray();
        for (double v : values) {
            value(v);
        }
        return endArray();
    }

    /**
     * @param values whole numbers
     * @return this writer, after the array
     */
    public JsonWriter array(int[] values) {
        beginArray();
        for (int v : values) {
            value(v);
        }
        return endArray();
    }

    /**
     * @param rows a matrix, written as an array of rows
     * @return this writer, after the array
     */
    public JsonWriter matrix(double[][] rows) {
        beginArray();
        for (double[] row : rows) {
            array(row);
        }
        return endArray();
    }

    /**
     * @param values strings
     * @return this writer, after the array
     */
    public JsonWriter array(Iterable<String> values) {
        beginArray();
        for (String v : values) {
            value(v);
        }
        return endArray();
    }

    /**
     * A member whose value is an array of {@code n} numbers read from an indexed getter (a curve's
     * column, streamed without copying it).
     *
     * @param name the member name
     * @param n the number of values
     * @param value the value at each index
     * @return this writer
     */
    public JsonWriter column(String name, int n, java.util.function.IntToDoubleFunction value) {
        name(name).beginArray();
        for (int i = 0; i < n; i++) {
            value(value.applyAsDouble(i));
        }
        return endArray();
    }

    /**
     * A label that is a number in the data (a cause code {@code "1"}) as a JSON number, else as a
     * string, as R's reference files write codes.
     *
     * @param label the label
     * @return this writer
     */
    public JsonWriter numberOrText(String label) {
        try {
            return value(Double.parseDouble(label));
        } catch (NumberFormatException e) {
            return value(label);
        }
    }

    /**
     * The member {@code name: [values]} only when there are values (warnings: R's files have none).
     *
     * @param name the member name
     * @param values the strings
     * @return this writer
     */
    public JsonWriter nonEmpty(String name, java.util.List<String> values) {
        return values.isEmpty() ? this : name(name).array(values);
    }

    /** @return the JSON text written so far, when writing into the writer's own buffer */
    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * @param v a number
     * @return the number as JSON: {@code null} unless finite
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e");
    }

    /**
     * @param s a string
     * @return the string as a JSON literal with quotes, fully escaped
     */
    public static String quote(String s) {
        JsonWriter w = new JsonWriter();
        w.string(s);
        return w.out.toString();
    }

    private void string(String s) {
        append('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            String escaped = escape(s.charAt(i));
            if (escaped != null) {
                append(s, from, i);
                append(escaped);
                from = i + 1;
            }
        }
        append(s, from, s.length());
        append('"');
    }

    private static String escape(char c) {
        switch (c) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\b':
                return "\\b";
            case '\f':
                return "\\f";
            default:
                if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                    return String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
                }
                return null;
        }
    }

    private void beforeValue(boolean container) {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            separator(container || !isArray[depth]);
        } else if (started) {
            throw new IllegalStateException("a JSON text has one top-level value");
        }
        started = true;
    }

    private void separator(boolean lineBreak) {
        if (depth == 0) {
            throw new IllegalStateException("a name or element outside a container");
        }
        if (hasElement[depth]) {
            append(lineBreak ? "," : ", ");
        }
        hasElement[depth] = true;
        if (lineBreak) {
            broken[depth] = true;
            newline();
        }
    }

    private void push(boolean array) {
        depth++;
        if (depth == hasElement.length) {
            hasElement = java.util.Arrays.copyOf(hasElement, depth * 2);
            isArray = java.util.Arrays.copyOf(isArray, depth * 2);
            broken = java.util.Arrays.copyOf(broken, depth * 2);
        }
        hasElement[depth] = false;
        isArray[depth] = array;
        broken[depth] = false;
    }

    private JsonWriter pop(char close) {
        if (depth == 0 || afterName || isArray[depth] != (close == ']')) {
            throw new IllegalStateException("unbalanced " + close);
        }
        boolean lineBreak = broken[depth];
        depth--;
        if (lineBreak) {
            newline();
        }
        append(close);
        return this;
    }

    private void newline() {
        append('\n');
        for (int i = 0; i < depth; i++) {
            append("  ");
        }
    }

    private void append(char c) {
        try {
            out.append(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(CharSequence s, int from, int to) {
        if (to > from) {
            try {
                out.append(s, from, to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
