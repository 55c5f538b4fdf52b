package io.survkit.cli;

import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.data.ModelFrame;
import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.estimate.HazardEstimator;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.LandmarkSummary;
import io.survkit.estimate.RestrictedMeanHorizon;
import io.survkit.estimate.SurvivalCurve;
import io.survkit.estimate.SurvivalEstimator;
import io.survkit.estimate.KaplanMeierVariance;
import io.survkit.plot.CurveScale;
import io.survkit.plot.KaplanMeierPlots;
import java.io.PrintWriter;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                    .add("plain", ConfidenceIntervalType.PLAIN).add("arcsin", ConfidenceIntervalType.ARCSIN)
                    .add("logit", ConfidenceIntervalType.LOGIT).add("none", ConfidenceIntervalType.NONE);
        }
    }

    /** The words of {@code --stype}: R's codes. */
    static final class SurvivalTypes extends Choices<SurvivalEstimator> {
        SurvivalTypes() {
            add("1", SurvivalEstimator.PRODUCT_LIMIT).add("2", SurvivalEstimator.EXPONENTIAL_HAZARD);
        }
    }

    /** The words of {@code --ctype}: R's codes. */
    static final class HazardTypes extends Choices<HazardEstimator> {
        HazardTypes() {
            add("1", HazardEstimator.NELSON_AALEN).add("2", HazardEstimator.FLEMING_HARRINGTON);
        }
    }

    /** The words of {@code --rmean}. */
    static final class Horizons extends Choices<RestrictedMeanHorizon> {
        Horizons() {
            add("common", RestrictedMeanHorizon.COMMON).add("individual", RestrictedMeanHorizon.INDIVIDUAL);
        }
    }

    /** The words of {@code --fun}, as R's {@code plot.survfit(fun = )}. */
    static final class Scales extends Choices<CurveScale> {
        Scales() {
            add("surv", CurveScale.SURVIVAL).add("event", CurveScale.EVENT).add("cumhaz", CurveScale.CUMULATIVE_HAZARD)
                    .add("cloglog", CurveScale.CLOGLOG);
        }
    }

    @Mixin
    FigureOptions figure;

    @Option(names = "--fun", paramLabel = "SCALE", defaultValue = "surv", converter = Scales.class,
            completionCandidates = Scales.class,
            description = "Scale of the figure (R plot.survfit fun =): ${COMPLETION-CANDIDATES}; event is 1 - S, "
                    + "cumhaz the Nelson-Aalen cumulative hazard, cloglog log(-log S) against log time.")
    CurveScale fun;

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

    @Option(names = "--rmean", paramLabel = "HORIZON", converter = Horizons.class, completionCandidates = Horizons.class,
            description = "Restricted mean up to R's automatic horizon: ${COMPLETION-CANDIDATES} "
                    + "(R print(fit, rmean=)); --tau gives a number instead.")
    RestrictedMeanHorizon rmean;

    @Option(names = "--probs", paramLabel = "P[,P...]", converter = Converters.NumberList.class,
            description = "Quantiles at these probabilities, each in [0, 1] (R quantile(fit, probs=)); "
                    + "default 0.25,0.5,0.75.")
    Converters.Numbers probs;

    @Option(names = "--stype", paramLabel = "1|2", defaultValue = "1", converter = SurvivalTypes.class,
            completionCandidates = SurvivalTypes.class,
            description = "Survival estimate: 1 = Kaplan-Meier product limit, 2 = exp(-cumulative hazard) (R stype).")
    SurvivalEstimator stype;

    @Option(names = "--ctype", paramLabel = "1|2", defaultValue = "1", converter = HazardTypes.class,
            completionCandidates = HazardTypes.class,
            description = "Cumulative hazard: 1 = Nelson-Aalen, 2 = Fleming-Harrington correction for ties (R ctype).")
    HazardEstimator ctype;

    @Option(names = "--start-time", paramLabel = "T", converter = Converters.FiniteNumber.class,
            description = "Curves conditional on survival to T: rows leaving before T are dropped (R start.time).")
    Double startTime;

    @Option(names = "--robust", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            converter = Converters.TrueFalse.class, completionCandidates = Converters.TrueFalse.class,
            description = "Infinitesimal-jackknife (robust) variance; --robust alone means true. "
                    + "Default: R's choice (robust with a cluster or non-integer weights).")
    Boolean robust;

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

    @Mixin
    FigureFiles figures;

    @Override
    void check(OutputOptions.Format format) {
        if (test != null) {
            DataOptions.require(data.group, "--group (for --test)");
            if (format == OutputOptions.Format.CSV) {
                throw new UsageException("--format csv writes one table and --test adds a second; use --format json "
                        + "or text, or leave out --test");
            }
        }
        figures.check();
        if (figure.percent && fun != CurveScale.SURVIVAL && fun != CurveScale.EVENT) {
            throw new UsageException("--percent applies to --fun surv or event, not a hazard scale");
        }
        if (tau != null && rmean != null) {
            throw new UsageException("--tau and --rmean both give the restricted mean's horizon; give one");
        }
        for (double v : probabilities()) {
            if (!(v >= 0 && v <= 1)) {
                throw new UsageException("--probs: " + v + " is not a probability; expected numbers in [0, 1]");
            }
        }
    }

    private double[] probabilities() {
        return probs == null ? new double[] {0.25, 0.5, 0.75} : probs.values();
    }

    @Override
    Rendered analyse(ModelFrame d) {
        KaplanMeier km = KaplanMeier.withDefaults().withConfidenceIntervalType(confType).withConfidenceLevel(confLevel)
                .withSurvivalEstimator(stype).withHazardEstimator(ctype);
        if (startTime != null) {
            km = km.withStartTime(startTime);
        }
        if (robust != null) {
            km = km.withVariance(robust ? KaplanMeierVariance.INFINITESIMAL_JACKKNIFE : KaplanMeierVariance.GREENWOOD);
        }
        KaplanMeierResult fit = km.fit(d);
        LogRankResult logrank = test == null ? null : LogRankTest.withDefaults().test(d);
        double[] at = times == null ? new double[0] : times.values();
        // every check before any output: the landmarks and the horizon (R: tau >= the smallest time)
        if (at.length > 0) {
            fit.at(at);
        }
        if (tau != null) {
            fit.restrictedMeans(tau);
        }
        if (figures.any()) {
            figures.write(figure.plot(d.timeColumn()).withScale(fun).render(KaplanMeierPlots.curves(fit, fun)));
        }
        OptionalDouble horizon = tau == null ? OptionalDouble.empty() : OptionalDouble.of(tau);
        double[] p = probabilities();
        RestrictedMeanHorizon automatic = rmean;
        int points = maxPoints == null ? Integer.MAX_VALUE : maxPoints;
        Consumer<Appendable> json = out -> {
            if (automatic != null) {
                fit.writeJson(out, at, automatic, p, points);
            } else {
                fit.writeJson(out, at, horizon, p, points);
            }
        };
        if (logrank == null) {
            return new Rendered(out -> text(out, fit, at, horizon, automatic, p), json, fit::table);
        }
        return new Rendered(out -> {
            text(out, fit, at, horizon, automatic, p);
            out.println();
            out.print(logrank);
        }, out -> JsonOutput.withMember(out, json, "logrank", logrank::writeJson), fit::table);
    }

    private static void text(PrintWriter out, KaplanMeierResult fit, double[] times, OptionalDouble tau,
            RestrictedMeanHorizon rmean, double[] probs) {
        out.print(tau.isPresent() ? fit.summaryTable(tau.getAsDouble()) : fit.summaryTable());
        if (rmean != null) {
            out.println();
            for (int k = 0; k < fit.curveCount(); k++) {
                out.println(fit.curve(k).name() + ": " + fit.restrictedMeans(rmean).get(k));
            }
        }
        if (probs.length != 3 || probs[0] != 0.25 || probs[1] != 0.5 || probs[2] != 0.75) {
            out.println();
            for (SurvivalCurve c : fit.curves()) {
                for (double q : probs) {
                    out.println(c.name() + ": " + c.quantile(q));
                }
            }
        }
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
