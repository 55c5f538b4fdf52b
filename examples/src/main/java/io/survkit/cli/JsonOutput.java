package io.survkit.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * The CLI's JSON document: {@code {"result": ...}} around the library's own JSON of the result
 * ({@code toJson()}/{@code writeJson}, the oracle's field names), streamed: the CLI builds no JSON of
 * its own.
 */
final class JsonOutput {
    private JsonOutput() {
    }

    /** Writes {@code {"result": <result>}}; {@code result} streams the library's JSON into the writer. */
    static void write(PrintWriter out, Consumer<Appendable> result) {
        out.print("{\"result\": ");
        result.accept(out);
        out.println("}");
    }

    /**
     * Writes {@code {"result": <result>}} with one more member {@code name} (an ASCII constant such as
     * {@code logrank}) at the end of the result object, both streamed: the result's closing brace is
     * held back while the result streams by, then the member is written before it. A null
     * {@code member} writes the result alone.
     */
    static void write(PrintWriter out, Consumer<Appendable> result, String name, Consumer<Appendable> member) {
        if (member == null) {
            write(out, result);
            return;
        }
        out.print("{\"result\": ");
        HoldLastBrace held = new HoldLastBrace(out);
        result.accept(held);
        held.beforeLastBrace(",\n  \"" + name + "\": ");
        member.accept(out);
        held.close();
        out.println("}");
    }

    /** Passes text through but keeps back the last '}' and the blanks after it. */
    private static final class HoldLastBrace implements Appendable {
        private final PrintWriter out;
        private final StringBuilder held = new StringBuilder();

        HoldLastBrace(PrintWriter out) {
            this.out = out;
        }

        @Override
        public Appendable append(CharSequence s) {
            return append(s, 0, s.length());
        }

        @Override
        public Appendable append(CharSequence s, int start, int end) {
            int k = end;
            while (k > start && Character.isWhitespace(s.charAt(k - 1))) {
                k--;
            }
            if (k == start) {
                // blanks only: they follow whatever is held back
                if (held.isEmpty()) {
                    out.append(s, start, end);
                } else {
                    held.append(s, start, end);
                }
            } else if (s.charAt(k - 1) == '}') {
                out.append(held);
                out.append(s, start, k - 1);
                held.setLength(0);
                held.append(s, k - 1, end);
            } else {
                out.append(held);
                held.setLength(0);
                out.append(s, start, end);
            }
            return this;
        }

        @Override
        public Appendable append(char c) {
            return append(String.valueOf(c), 0, 1);
        }

        /** Writes {@code text} where the held-back brace was (dropping the blanks before it), then nothing. */
        void beforeLastBrace(String text) {
            if (held.isEmpty() || held.charAt(0) != '}') {
                throw new IllegalStateException("the result is not a JSON object");
            }
            out.append(text);
        }

        /** Writes the held-back brace. */
        void close() {
            out.append("\n}");
        }
    }

    /**
     * The library's JSON object {@code object} with one more member {@code name} (an ASCII constant
     * such as {@code zph}) holding {@code value}, as the CLI has always nested {@code cox --zph} and
     * {@code logrank --pairwise} under {@code result}.
     */
    static String withMember(String object, String name, String value) {
        int end = object.lastIndexOf('}');
        if (!object.startsWith("{") || end < 0 || object.substring(1, end).isBlank()) {
            throw new IllegalStateException("not a JSON object with members: " + object);
        }
        return object.substring(0, end).stripTrailing() + ",\n  \"" + name + "\": " + value + "\n}";
    }
}
