package io.survkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.LandmarkSummary;
import io.survkit.estimate.Quantile;
import io.survkit.estimate.RestrictedMean;
import io.survkit.estimate.SurvivalCurve;
import io.survkit.estimate.Variance;
import java.io.PrintWriter;
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

    @Override
    public Integer call() {
        OutputOptions.Format format = output.format();
        if (format == OutputOptions.Format.CSV) {
            throw new UsageException("--format csv is not available for km yet");
        }
        output.checkWritable();
        SurvivalData d = data.read(Main.stdin(spec));
        KaplanMeier km = KaplanMeier.withDefaults().withConfType(confType).withConfLevel(confLevel);
        if (robust != null) {
            km = km.withVariance(robust ? Variance.INFINITESIMAL_JACKKNIFE : Variance.GREENWOOD);
        }
        KaplanMeierResult fit = km.fit(d);
        double[] at = times == null ? new double[0] : times.values();
        double horizon = tau == null ? Double.NaN : tau;
        if (svg != null) {
            Plots.writeKaplanMeier(fit, d, svg);
        }
        output.write(spec.commandLine().getOut(), out -> {
            switch (format) {
                case JSON -> out.println(Json.write(json(fit, at, horizon)));
                default -> text(out, fit, at, horizon);
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

    /** The oracle's km result: nOmitted, stdErrScale, strata[]. */
    static ObjectNode json(KaplanMeierResult fit, double[] times, double tau) {
        ObjectNode r = Json.object();
        r.put("nOmitted", fit.omittedRows());
        r.put("stdErrScale", fit.standardErrorScale().rName());
        ArrayNode strata = r.putArray("strata");
        for (SurvivalCurve c : fit.curves()) {
            strata.add(curve(c, times, tau));
        }
        if (!fit.warnings().isEmpty()) {
            r.set("warnings", Json.strings(fit.warnings()));
        }
        return r;
    }
    private static ObjectNode curve(SurvivalCurve c, double[] times, double tau) {
        ObjectNode s = Json.object();
        s.put("name", c.name());
        s.put("n", c.rowCount());
        Json.put(s, "events", c.events());
        s.set("time", Json.array(c.times()));
        s.set("nRisk", Json.array(c.numberAtRisk()));
        s.set("nEvent", Json.array(c.numberOfEvents()));
        s.set("nCensor", Json.array(c.numberCensored()));
        s.set("surv", Json.array(c.survival()));
        s.set("stdErr", Json.array(c.standardError()));
        s.set("lower", Json.array(c.lower()));
        s.set("upper", Json.array(c.upper()));
        s.set("cumhaz", Json.array(c.cumulativeHazard()));
        s.set("stdChaz", Json.array(c.cumulativeHazardStandardError()));
        put(s, "median", c.median());
        put(s, "medianLower", c.medianLower());
        put(s, "medianUpper", c.medianUpper());
        ArrayNode q = s.putArray("quantiles");
        for (Quantile x : c.quantiles()) {
            ObjectNode o = q.addObject();
            o.put("p", x.probability());
            put(o, "time", x.time());
            put(o, "lower", x.lower());
            put(o, "upper", x.upper());
        }
        if (!Double.isNaN(tau)) {
            RestrictedMean m = c.restrictedMean(tau);
            Json.put(s, "rmean", m.estimate());
            Json.put(s, "rmeanSe", m.standardError());
        }
        if (times.length > 0) {
            LandmarkSummary l = c.at(times);
            ArrayNode at = s.putArray("at");
            for (int i = 0; i < l.size(); i++) {
                ObjectNode o = at.addObject();
                Json.put(o, "time", l.time(i));
                Json.put(o, "surv", l.survival(i));
                Json.put(o, "stdErr", l.standardError(i));
                Json.put(o, "lower", l.lower(i));
                Json.put(o, "upper", l.upper(i));
                Json.put(o, "nRisk", l.numberAtRisk(i));
                Json.put(o, "nEvent", l.numberOfEvents(i));
                Json.put(o, "nCensor", l.numberCensored(i));
                Json.put(o, "cumhaz", l.cumulativeHazard(i));
            }
        }
        return s;
    }

    private static void put(ObjectNode o, String field, OptionalDouble v) {
        if (v.isPresent()) {
            Json.put(o, field, v.getAsDouble());
        } else {
            o.putNull(field);
        }
    }
}
