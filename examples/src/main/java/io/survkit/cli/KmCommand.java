package io.survkit.cli;

import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.LandmarkSummary;
import io.survkit.estimate.Variance;
import java.io.PrintWriter;
import java.util.OptionalDouble;
import java.util.function.Consumer;
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

    /** The words of {@code --test}. */
    static final class Tests extends Choices<String> {
        Tests() {
            add("logrank", "logrank");
        }
    }

    @Option(names = "--test", paramLabel = "TEST", converter = Tests.class, completionCandidates = Tests.class,
            description = "Also test the curves' groups from the same read: ${COMPLETION-CANDIDATES} (R survdiff; "
                    + "in --json under result.logrank).")
    String test;

    @Option(names = "--max-points", paramLabel = "N", converter = Converters.PositiveCount.class,
            description = "Show at most N points of each curve (JSON arrays): the first, the last and evenly "
                    + "spaced points between; every statistic (medians, landmarks, RMST, the test) uses the whole "
                    + "curve.")
    Integer maxPoints;

    @Override
    void check(OutputOptions.Format format) {
        if (test != null) {
            DataOptions.require(data.group, "--group (for --test)");
            if (format == OutputOptions.Format.CSV) {
                throw new UsageException("--format csv writes one table and --test adds a second; use --format json "
                        + "or text, or leave out --test");
            }
        }
    }

    @Override
    Rendered analyse(SurvivalData d) {
        KaplanMeier km = KaplanMeier.withDefaults().withConfType(confType).withConfLevel(confLevel);
        if (robust != null) {
            km = km.withVariance(robust ? Variance.INFINITESIMAL_JACKKNIFE : Variance.GREENWOOD);
        }
        KaplanMeierResult fit = km.fit(d);
        LogRankResult logrank = test == null ? null : LogRankTest.withDefaults().test(d);
        double[] at = times == null ? new double[0] : times.values();
        if (svg != null) {
            Plots.writeKaplanMeier(fit, d, svg);
        }
        OptionalDouble horizon = tau == null ? OptionalDouble.empty() : OptionalDouble.of(tau);
        int points = maxPoints == null ? Integer.MAX_VALUE : maxPoints;
        Consumer<Appendable> json = out -> fit.writeJson(out, at, horizon, points);
        if (logrank == null) {
            return new Rendered(out -> text(out, fit, at, horizon), json, fit::table);
        }
        return new Rendered(out -> {
            text(out, fit, at, horizon);
            out.println();
            out.print(logrank);
        }, out -> JsonOutput.withMember(out, json, "logrank", logrank::writeJson), fit::table);
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
