package io.survkit.cli;

import io.survkit.data.ModelFrame;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that reads survival data and writes one result as text, JSON or CSV: the shape of
 * {@code km}, {@code logrank}, {@code cox} and {@code cif}. It owns the data and output options, the
 * order of work (options checked, output checked writable, data read, then computed, then written)
 * and the rendering; a subclass declares its own options and says what to compute.
 */
abstract class AnalysisCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Override
    public final Integer call() {
        OutputOptions.Format format = output.format();
        check(format);
        output.checkWritable();
        Rendered result = analyse(data.frame(Main.stdin(spec), usesGroup(), usesCovariates()));
        output.write(spec.commandLine().getOut(), out -> {
            switch (format) {
                case JSON -> JsonOutput.write(out, result.json());
                case CSV -> result.table().get().writeCsv(out);
                default -> {
                    PrintWriter safe = new PrintWriter(new TerminalSafeWriter(out));
                    result.text().accept(safe);
                    safe.flush();
                }
            }
        });
        return ExitCode.OK;
    }

    /**
     * Checks option combinations before anything is read or computed.
     *
     * @throws UsageException naming the option
     */
    void check(OutputOptions.Format format) {
    }

    /** True when {@code --group} is part of the model (curves, compared groups). */
    boolean usesGroup() {
        return true;
    }

    /** True when {@code --covariates} is part of the model (regression). */
    boolean usesCovariates() {
        return false;
    }

    /** Computes the result on the model frame of the data options (rows complete in the columns used). */
    abstract Rendered analyse(ModelFrame data);

    /**
     * A computed result in the three output formats: its text as R prints, its library JSON
     * ({@code writeJson}, streamed into the CLI's {@code {"result": ...}}), and its tidy table (made
     * only when CSV is asked for).
     */
    record Rendered(Consumer<PrintWriter> text, Consumer<Appendable> json, Supplier<Table> table) {
        /** A library result: its {@code toString()}, {@code writeJson} and {@code table()}. */
        static Rendered of(Exportable result) {
            return new Rendered(out -> out.print(result), result::writeJson, result::table);
        }
    }
}
