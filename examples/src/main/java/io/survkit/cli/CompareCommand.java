package io.survkit.cli;

import io.survkit.arms.ArmComparison;
import io.survkit.data.SurvivalData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit compare}: the two-arm comparison of {@link ArmComparison} on any CSV, from one
 * read: per arm n, events, median with its interval, survival at landmarks, RMST; between arms the
 * median, landmark and RMST differences, the log-rank test and the Cox hazard ratio (crude, and
 * adjusted for the covariates given), as a paper reports it.
 */
@Command(name = "compare",
        description = "Compare two arms: medians, landmarks, RMST, log-rank, Cox hazard ratio (ArmComparison).")
final class CompareCommand extends AnalysisCommand {
    @Option(names = "--treatment", paramLabel = "LEVEL",
            description = "The treatment arm (a level of --group); default: the second level.")
    String treatment;

    @Option(names = "--control", paramLabel = "LEVEL",
            description = "The control arm (a level of --group); default: the first level.")
    String control;

    @Option(names = "--times", paramLabel = "T[,T...]", converter = Converters.NumberList.class,
            description = "Landmark times: survival in each arm and the difference.")
    Converters.Numbers times;

    @Option(names = "--tau", paramLabel = "TAU", converter = Converters.FiniteNumber.class,
            description = "RMST horizon (default: the shorter arm's longest follow-up, as survRM2).")
    Double tau;

    @Option(names = "--adjust", paramLabel = "NAME[,NAME...]",
            description = "Covariates (named in --covariates) of the adjusted Cox hazard ratio.")
    String adjust;

    @Option(names = "--subgroups", paramLabel = "COLUMN",
            description = "Also compare within the levels of COLUMN (named in --covariates as a factor), with the "
                    + "interaction test.")
    String subgroups;

    @Override
    void check(OutputOptions.Format format) {
        DataOptions.require(data.group, "--group");
    }

    @Override
    Rendered analyse(SurvivalData d) {
        ArmComparison c = ArmComparison.of(d);
        if (treatment != null) {
            c = c.treatment(treatment);
        }
        if (control != null) {
            c = c.control(control);
        }
        if (times != null) {
            c = c.landmarks(times.values());
        }
        if (tau != null) {
            c = c.horizon(tau);
        }
        if (adjust != null) {
            c = c.adjustFor(adjust.split(","));
        }
        if (subgroups != null) {
            c = c.subgroupsBy(subgroups);
        }
        return Rendered.of(c.run());
    }
}
