package io.survkit.internal;

import java.util.Locale;

/**
 * A small streaming JSON writer (RFC 8259) for result objects, so that core needs no JSON library.
 * Strings are escaped completely: quote, backslash and control characters, and also {@code < > &}
 * and U+2028/U+2029 as {@code \\uXXXX}, so the output can be embedded in an HTML {@code <script>}
 * block. Non-finite numbers (NaN, infinities) are written as {@code null}. Numbers use the shortest
 * representation that reads back to the same double ({@link Double#toString}); whole numbers up to
 * 2^53 are written without a fraction. Output is indented by two spaces.
 *
 * <pre>{@code
 * String json = new JsonWriter().beginObject().name("p").value(0.04).name("arm").value("A<B")
 *         .endObject().toString();   // {"p": 0.04, "arm": "A\u003cB"}
 * }</pre>
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private int depth;
    /** Per depth: true when the container already has an element. */
    private boolean[] hasElement = new boolean[16];
    private boolean afterName;

    /** Starts an object (as a value). */
    public JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        push();
        return this;
    }

    /** Ends the current object. */
    public JsonWriter endObject() {
        return pop('}');
    }

    /** Starts an array (as a value). */
    public JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        push();
        return this;
    }

    /** Ends the current array. */
    public JsonWriter endArray() {
        return pop(']');
    }

    /** The name of the next member of the current object. */
    public JsonWriter name(String name) {
        if (afterName) {
            throw new IllegalStateException("two names in a row: " + name);
        }
        separator();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    /** A string value; null is written as {@code null}. */
    public JsonWriter value(String s) {
        beforeValue();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    /** A number; NaN and infinities are written as {@code null}. */
    public JsonWriter value(double v) {
        beforeValue();
        out.append(number(v));
        return this;
    }

    /** A whole number. */
    public JsonWriter value(long v) {
        beforeValue();
        out.append(v);
        return this;
    }

    /** A boolean. */
    public JsonWriter value(boolean v) {
        beforeValue();
        out.append(v);
        return this;
    }

    /** {@code null}. */
    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** An array of numbers (NaN as null). */
    public JsonWriter array(double[] values) {
        beginArray();
        for (double v : values) {
            value(v);
        }
        return endArray();
    }

    /** An array of strings. */
    public JsonWriter array(Iterable<String> values) {
        beginArray();
        for (String v : values) {
            value(v);
        }
        return endArray();
    }

    /** The JSON text written so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    /** A number as JSON: {@code null} unless finite. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e");
    }

    /** A string literal with quotes, fully escaped. */
    public static String quote(String s) {
        JsonWriter w = new JsonWriter();
        w.string(s);
        return w.out.toString();
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            separator();
        } else if (out.length() > 0) {
            throw new IllegalStateException("a JSON text has one top-level value");
        }
    }

    private void separator() {
        if (depth == 0) {
            throw new IllegalStateException("a name or element outside a container");
        }
        if (hasElement[depth]) {
            out.append(',');
        }
        hasElement[depth] = true;
        newline();
    }

    private void push() {
        depth++;
        if (depth == hasElement.length) {
            hasElement = java.util.Arrays.copyOf(hasElement, depth * 2);
        }
        hasElement[depth] = false;
    }

    private JsonWriter pop(char close) {
        if (depth == 0 || afterName) {
            throw new IllegalStateException("unbalanced " + close);
        }
        boolean any = hasElement[depth];
        depth--;
        if (any) {
            newline();
        }
        out.append(close);
        return this;
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }
}
