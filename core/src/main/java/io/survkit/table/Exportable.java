package io.survkit.table;

import java.io.UncheckedIOException;

/**
 * A result that leaves the JVM as JSON and as a tidy table: every result of survkit implements it,
 * so that code handling results (a report, the CLI, a service endpoint) treats them alike.
 *
 * <pre>{@code
 * Exportable r = LogRankTest.withDefaults().test(data, "sex");
 * try (Writer w = Files.newBufferedWriter(Path.of("logrank.json"))) {
 *     r.writeJson(w);
 * }
 * Files.writeString(Path.of("logrank.csv"), r.toCsv());
 * }</pre>
 */
public interface Exportable {
    /**
     * Streams the result as JSON into {@code out} (a {@code Writer}), with the field names of R's
     * reference files; numbers in full precision, absent values as {@code null}. A long curve is
     * written as it is read, never held as one string.
     *
     * @param out where the text goes
     * @throws UncheckedIOException when {@code out} fails
     */
    void writeJson(Appendable out);

    /**
     * The result as tidy rows: one row per observation, one column per variable.
     *
     * @return the table
     */
    Table table();

    /** @return {@link #writeJson(Appendable)} as one string */
    default String toJson() {
        StringBuilder b = new StringBuilder();
        writeJson(b);
        return b.toString();
    }

    /** @return {@link #table()} as CSV: a header line, numbers in full precision, formula injection neutralised */
    default String toCsv() {
        return table().toCsv();
    }
}
