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
 * {@code --group} or {@code --formula} ({@code 1} without them); {@code --where} applies as it is read.
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
        AnalysisCommand.Rendered result = analyse(d, groups());
        output.write(spec.commandLine().getOut(), out -> {
            switch (format) {
                case JSON -> JsonOutput.write(out, result.json());
                case CSV -> result.table().get().writeCsv(out);
                default -> result.text().accept(out);
            }
        });
        return ExitCode.OK;
    }

    /** {@code --group} or {@code --formula} (columns whose combinations are the groups), else {@code 1}. */
    private String groups() {
        if (data.group != null && data.formula != null) {
            throw new UsageException("--group and --formula both give the groups; give one");
        }
        return data.formula != null ? data.formula : data.group != null ? data.group : "1";
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
