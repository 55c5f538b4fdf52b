package io.survkit.cli;

import io.survkit.data.SurvivalData;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that, like {@link AnalysisCommand}, reads survival data and writes one result as text,
 * JSON or CSV, but also reads each subject's age, sex and date of diagnosis from the data's columns
 * (which a model frame does not carry): {@code relsurv} and {@code lifetable}. The groups are
 * {@code --group} as a formula ({@code 1} without it).
 */
abstract class DemographyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Override
    public final Integer call() {
        OutputOptions.Format format = output.format();
        if (data.covariates != null) {
            throw new UsageException("--covariates does not apply here; name --age, --sex and --year");
        }
        if (data.strata != null) {
            throw new UsageException("--strata does not apply here; use --group");
        }
        check(format);
        output.checkWritable();
        SurvivalData d = data.read(Main.stdin(spec));
        AnalysisCommand.Rendered result = analyse(d, data.group == null ? "1" : data.group);
        output.write(spec.commandLine().getOut(), out -> {
            switch (format) {
                case JSON -> JsonOutput.write(out, result.json());
                case CSV -> result.table().get().writeCsv(out);
                default -> result.text().accept(out);
            }
        });
        return ExitCode.OK;
    }

    /**
     * Checks option combinations before anything is read.
     *
     * @throws UsageException naming the option
     */
    void check(OutputOptions.Format format) {
    }

    /** Computes the result on the data, one curve or table per group of {@code groups}. */
    abstract AnalysisCommand.Rendered analyse(SurvivalData data, String groups);
}
