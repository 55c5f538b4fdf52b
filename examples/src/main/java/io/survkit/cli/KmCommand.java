package io.survkit.cli;

import io.survkit.data.SurvivalData;
import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.LandmarkSummary;
import io.survkit.estimate.Variance;
import java.io.PrintWriter;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit km}: Kaplan-Meier curves as R's {@code survfit}; text like {@code print(fit)} and
 * {@code summary(fit, times =)}, or with {@code --json} the oracle's km {@code result} layout.
 */
@Command(name = "km",
        description = "Kaplan-Meier curves, medians, landmarks and restricted means (R survfit).")
final class KmCommand extends AnalysisCommand {
    /** The words of {@code --conf-type}. */
    static final class ConfTypes extends Choices<ConfidenceIntervalType> {
        ConfTypes() {
            add("log", ConfidenceIntervalType.LOG).add("log-log", ConfidenceIntervalType.LOG_LOG)
                    .add("plain", ConfidenceIntervalType.PLAIN).add("arcsin", ConfidenceIntervalType.ARCSIN);
        }
    }

    @Option(names = "--conf-type", paramLabel = "TYPE", defaultValue = "log", converter = ConfTypes.class,
            completionCandidates = ConfTypes.class,
            description = "Confidence interval type for S(t): ${COMPLETION-CANDIDATES} (R conf.type).")
    ConfidenceIntervalType confType;

    @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
            converter = Converters.FiniteNumber.class, description = "Confidence level, in (0, 1).")
    double confLevel;

    @Option(names = "--times", paramLabel = "T[,T...]", converter = Converters.NumberList.class,
            description = "Landmark times: survival, CI, numbers at risk and events at each (R summary(fit, times=)).")
    Converters.Numbers times;

    @Option(names = "--tau", paramLabel = "TAU", converter = Converters.FiniteNumber.class,
            description = "Horizon of the restricted mean survival time (R print(fit, rmean=)).")
    Double tau;

    @Option(names = "--robust", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            converter = Converters.TrueFalse.class, completionCandidates = Converters.TrueFalse.class,
            description = "Infinitesimal-jackknife (robust) variance; --robust alone means true. "
                    + "Default: R's choice (robust with a cluster or non-integer weights).")
    Boolean robust;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also draw the curves as an SVG figure.")
    String svg;

    @Override
    Rendered analyse(SurvivalData d) {
        KaplanMeier km = KaplanMeier.withDefaults().withConfType(confType).withConfLevel(confLevel);
        if (robust != null) {
            km = km.withVariance(robust ? Variance.INFINITESIMAL_JACKKNIFE : Variance.GREENWOOD);
        }
        KaplanMeierResult fit = km.fit(d);
        double[] at = times == null ? new double[0] : times.values();
        if (svg != null) {
            Plots.writeKaplanMeier(fit, d, svg);
        }
        OptionalDouble horizon = tau == null ? OptionalDouble.empty() : OptionalDouble.of(tau);
        return new Rendered(out -> text(out, fit, at, horizon), out -> fit.writeJson(out, at, horizon), fit::table);
    }

    private static void text(PrintWriter out, KaplanMeierResult fit, double[] times, OptionalDouble tau) {
        out.print(tau.isPresent() ? fit.summaryTable(tau.getAsDouble()) : fit.summaryTable());
        if (times.length > 0) {
            out.println();
            for (LandmarkSummary s : fit.at(times)) {
                out.println(s);
            }
        }
        for (String w : fit.warnings()) {
            out.println("Warning: " + w);
        }
    }
}
