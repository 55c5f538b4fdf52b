package io.survkit.cli;

import io.survkit.arms.ArmComparison;
import picocli.CommandLine.Option;

/**
 * The arm-comparison options shared by {@code compare} and {@code report}: which arm is treated,
 * which is the control, the landmark times and the RMST horizon. A picocli mixin.
 */
final class ArmOptions {
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

    /** {@code c} with the options given on the command line. */
    ArmComparison apply(ArmComparison c) {
        if (treatment != null) {
            c = c.withTreatment(treatment);
        }
        if (control != null) {
            c = c.withControl(control);
        }
        if (times != null) {
            c = c.withLandmarks(times.values());
        }
        if (tau != null) {
            c = c.withHorizon(tau);
        }
        return c;
    }
}
