package io.survkit.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --format text|json|csv}, its synonym {@code --json}, and {@code --output FILE}: a picocli
 * mixin. A command calls {@link #format()} and {@link #checkWritable()} before computing, then
 * writes through {@link #open(PrintWriter)}.
 */
final class OutputOptions {
    /** The output formats. */
    enum Format {
        /** As R prints. */
        TEXT,
        /** The oracle's field names ({@code {"result": {...}}}). */
        JSON,
        /** Tidy rows, one header line; formula injection neutralised. */
        CSV
    }

    /** The words of {@code --format}. */
    static final class Formats extends Choices<Format> {
        Formats() {
            add("text", Format.TEXT).add("json", Format.JSON).add("csv", Format.CSV);
        }
    }

    @Option(names = "--format", paramLabel = "FORMAT", converter = Formats.class, completionCandidates = Formats.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: text, as R prints).")
    Format format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the result to FILE (UTF-8) instead of standard output.")
    Path output;

    /** The format asked for; {@code --json} with another {@code --format} is an error. */
    Format format() {
        if (json && format != null && format != Format.JSON) {
            throw new UsageException("--json and --format " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " disagree; give one of them");
        }
        return json ? Format.JSON : format == null ? Format.TEXT : format;
    }

    /** Fails before any computing when {@code --output} cannot be written. */
    void checkWritable() {
        if (output == null) {
            return;
        }
        Path dir = output.toAbsolutePath().getParent();
        if (Files.isDirectory(output)) {
            throw new UsageException("--output " + output + " is a directory; expected a file name");
        }
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UsageException("--output " + output + ": the folder " + dir + " does not exist");
        }
        if (dir != null && !Files.isWritable(dir) || Files.exists(output) && !Files.isWritable(output)) {
            throw new UsageException("--output " + output + ": cannot write there");
        }
    }

    /**
     * Writes the result through {@code body} to standard output or the {@code --output} file.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    void write(PrintWriter stdout, java.util.function.Consumer<PrintWriter> body) {
        try (PrintWriter w = open(stdout)) {
            body.accept(w);
            if (w.checkError()) {
                throw new UncheckedIOException("cannot write " + (output == null ? "standard output" : "--output "
                        + output), new IOException("write failed"));
            }
        }
    }

    /** Standard output, or the {@code --output} file; close it when done (standard output stays open). */
    PrintWriter open(PrintWriter stdout) {
        if (output == null) {
            return new PrintWriter(stdout) {
                @Override
                public void close() {
                    flush();
                }
            };
        }
        try {
            BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
            return new PrintWriter(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --output " + output + ": " + e.getMessage(), e);
        }
    }
}
