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
