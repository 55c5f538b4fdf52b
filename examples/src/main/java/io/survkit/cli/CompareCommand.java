package io.survkit.cli;

import io.survkit.arms.ArmComparison;
import io.survkit.arms.ArmComparisonResult;
import io.survkit.data.SurvivalData;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code survkit compare}: the two-arm comparison of {@link ArmComparison} on any CSV, from one
 * read: per arm n, events, median with its interval, survival at landmarks, RMST; between arms the
 * median, landmark and RMST differences, the log-rank test and the Cox hazard ratio (crude, and
 * adjusted for the covariates given), as a paper reports it.
 */
@Command(name = "compare",
        description = "Compare two arms: medians, landmarks, RMST, log-rank, Cox hazard ratio (ArmComparison).")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Mixin
    ArmOptions arms;

    @Option(names = "--adjust", paramLabel = "NAME[,NAME...]",
            description = "Covariates (named in --covariates) of the adjusted Cox hazard ratio.")
    String adjust;

    @Option(names = "--subgroups", paramLabel = "COLUMN",
            description = "Also compare within the levels of COLUMN (named in --covariates as a factor), with the "
                    + "interaction test.")
    String subgroups;

    @Override
    public Integer call() {
        OutputOptions.Format format = output.format();
        DataOptions.require(data.group, "--group");
        output.checkWritable();
        ArmComparisonResult r = comparison(data.read(Main.stdin(spec))).run();
        output.write(spec.commandLine().getOut(), out -> {
            switch (format) {
                case JSON -> JsonOutput.write(out, r::writeJson);
                case CSV -> r.table().writeCsv(out);
                default -> out.print(r);
            }
        });
        return ExitCode.OK;
    }

    private ArmComparison comparison(SurvivalData d) {
        ArmComparison c = ArmComparison.of(d).withArm(data.group);
        c = arms.apply(c);
        if (adjust != null) {
            c = c.withAdjustment(adjust.split(","));
        }
        if (subgroups != null) {
            c = c.withSubgroups(subgroups);
        }
        return c;
    }
}
