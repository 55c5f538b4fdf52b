package io.survkit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.LandmarkSummary;
import io.survkit.estimate.Quantile;
import io.survkit.estimate.RestrictedMean;
import io.survkit.estimate.SurvivalCurve;
import io.survkit.estimate.Variance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code survkit km}: Kaplan-Meier curves as R's {@code survfit}; text like {@code print(fit)} and
 * {@code summary(fit, times =)}, or with {@code --json} the oracle's km {@code result} layout.
 */
@Command(name = "km", mixinStandardHelpOptions = true, showDefaultValues = true,
        versionProvider = Main.VersionProvider.class,
        description = "Kaplan-Meier curves, medians, landmarks and restricted means (R survfit).")
final class KmCommand implements Callable<Integer> {
    /** The words of {@code --conf-type}. */
    static final class ConfTypes extends Choices<ConfidenceIntervalType> {
        ConfTypes() {
            add("log", ConfidenceIntervalType.LOG).add("log-log", ConfidenceIntervalType.LOG_LOG)
                    .add("plain", ConfidenceIntervalType.PLAIN).add("arcsin", ConfidenceIntervalType.ARCSIN);
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

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
    public Integer call() {
        OutputOptions.Format format = output.format();
        if (format == OutputOptions.Format.CSV) {
            throw new UsageException("--format csv is not available for km yet");
        }
        if (test != null) {
            DataOptions.require(data.group, "--group (for --test)");
        }
        output.checkWritable();
        SurvivalData d = data.read(Main.stdin(spec));
        KaplanMeier km = KaplanMeier.withDefaults().withConfType(confType).withConfLevel(confLevel);
        if (robust != null) {
            km = km.withVariance(robust ? Variance.INFINITESIMAL_JACKKNIFE : Variance.GREENWOOD);
        }
        KaplanMeierResult fit = km.fit(d);
        LogRankResult logrank = test == null ? null : LogRankTest.withDefaults().test(d);
        double[] at = times == null ? new double[0] : times.values();
        double horizon = tau == null ? Double.NaN : tau;
        if (svg != null) {
            Plots.writeKaplanMeier(fit, d, svg);
        }
        output.write(spec.commandLine().getOut(), out -> {
            switch (format) {
                case JSON -> json(out, fit, at, horizon, logrank, maxPoints == null ? Integer.MAX_VALUE : maxPoints);
                default -> {
                    text(out, fit, at, horizon);
                    if (logrank != null) {
                        out.println();
                        out.print(logrank);
                    }
                }
            }
        });
        return ExitCode.OK;
    }

    private static void text(PrintWriter out, KaplanMeierResult fit, double[] times, double tau) {
        out.print(Double.isNaN(tau) ? fit.table() : fit.table(tau));
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

    /**
     * The oracle's km result (nOmitted, stdErrScale, strata[], and logrank with {@code --test}),
     * streamed: the curves' arrays go from the result to the output without a tree.
     */
    static void json(PrintWriter out, KaplanMeierResult fit, double[] times, double tau, LogRankResult logrank,
            int maxPoints) {
        try (JsonStream j = JsonStream.result(out)) {
            JsonGenerator g = j.generator();
            g.writeNumberField("nOmitted", fit.omittedRows());
            g.writeStringField("stdErrScale", fit.standardErrorScale().rName());
            g.writeArrayFieldStart("strata");
            for (SurvivalCurve c : fit.curves()) {
                curve(j, c, times, tau, maxPoints);
            }
            g.writeEndArray();
            if (!fit.warnings().isEmpty()) {
                j.tree("warnings", Json.strings(fit.warnings()));
            }
            if (logrank != null) {
                j.tree("logrank", LogRankCommand.json(logrank));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Indices of at most {@code max} points of a curve of {@code size} points: the first, the last
     * and evenly spaced ranks between; null = all points.
     */
    static int[] thin(int size, int max) {
        if (size <= max) {
            return null;
        }
        int[] keep = new int[max];
        for (int k = 0; k < max; k++) {
            keep[k] = max == 1 ? size - 1 : (int) Math.round((double) k * (size - 1) / (max - 1));
        }
        return keep;
    }

    private static void curve(JsonStream j, SurvivalCurve c, double[] times, double tau, int maxPoints)
            throws IOException {
        JsonGenerator g = j.generator();
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeNumberField("n", c.rowCount());
        j.field("events", c.events());
        int[] keep = thin(c.size(), maxPoints);
        if (keep != null) {
            g.writeObjectFieldStart("thinned");
            g.writeNumberField("points", keep.length);
            g.writeNumberField("of", c.size());
            g.writeEndObject();
        }
        j.array("time", c.times(), keep);
        j.array("nRisk", c.numberAtRisk(), keep);
        j.array("nEvent", c.numberOfEvents(), keep);
        j.array("nCensor", c.numberCensored(), keep);
        j.array("surv", c.survival(), keep);
        j.array("stdErr", c.standardError(), keep);
        j.array("lower", c.lower(), keep);
        j.array("upper", c.upper(), keep);
        j.array("cumhaz", c.cumulativeHazard(), keep);
        j.array("stdChaz", c.cumulativeHazardStandardError(), keep);
        optional(j, "median", c.median());
        optional(j, "medianLower", c.medianLower());
        optional(j, "medianUpper", c.medianUpper());
        g.writeArrayFieldStart("quantiles");
        for (Quantile x : c.quantiles()) {
            g.writeStartObject();
            j.field("p", x.probability());
            optional(j, "time", x.time());
            optional(j, "lower", x.lower());
            optional(j, "upper", x.upper());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!Double.isNaN(tau)) {
            RestrictedMean m = c.restrictedMean(tau);
            j.field("rmean", m.estimate());
            j.field("rmeanSe", m.standardError());
        }
        if (times.length > 0) {
            LandmarkSummary l = c.at(times);
            g.writeArrayFieldStart("at");
            for (int i = 0; i < l.size(); i++) {
                g.writeStartObject();
                j.field("time", l.time(i));
                j.field("surv", l.survival(i));
                j.field("stdErr", l.standardError(i));
                j.field("lower", l.lower(i));
                j.field("upper", l.upper(i));
                j.field("nRisk", l.numberAtRisk(i));
                j.field("nEvent", l.numberOfEvents(i));
                j.field("nCensor", l.numberCensored(i));
                j.field("cumhaz", l.cumulativeHazard(i));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void optional(JsonStream j, String field, OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            j.field(field, v.getAsDouble());
        } else {
            j.generator().writeNullField(field);
        }
    }
}
