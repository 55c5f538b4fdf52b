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

    /** Appends pre-rendered JSON text to {@code out}. */
    static void append(Appendable out, String json) {
        try {
            out.append(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Streams the library's JSON object {@code result} into {@code out} with one more member
     * {@code name} (an ASCII constant such as {@code logrank}) at its end, streamed too: the result's
     * closing brace is held back while the result goes by, then the member is written before it. So
     * a curve of 10^7 points is never held as text.
     */
    static void withMember(Appendable out, Consumer<Appendable> result, String name, Consumer<Appendable> member) {
        HoldLastBrace held = new HoldLastBrace(out);
        result.accept(held);
        held.member(name, member);
    }

    /** Passes text through but keeps back the last '}' and the blanks after it. */
    private static final class HoldLastBrace implements Appendable {
        private final Appendable out;
        private final StringBuilder held = new StringBuilder();

        HoldLastBrace(Appendable out) {
            this.out = out;
        }

        @Override
        public Appendable append(CharSequence s) throws java.io.IOException {
            return append(s, 0, s.length());
        }

        @Override
        public Appendable append(CharSequence s, int start, int end) throws java.io.IOException {
            int k = end;
            while (k > start && Character.isWhitespace(s.charAt(k - 1))) {
                k--;
            }
            if (k == start) {
                // blanks only: they follow whatever is held back
                if (held.length() == 0) {
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
        public Appendable append(char c) throws java.io.IOException {
            return append(String.valueOf(c), 0, 1);
        }

        /** Writes {@code ,"name": <member>} where the held-back brace was, then the brace. */
        void member(String name, Consumer<Appendable> member) {
            if (held.length() == 0 || held.charAt(0) != '}') {
                throw new IllegalStateException("the result is not a JSON object");
            }
            JsonOutput.append(out, ",\n  \"" + name + "\": ");
            member.accept(out);
            JsonOutput.append(out, "\n}");
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
