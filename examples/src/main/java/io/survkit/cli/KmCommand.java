package io.survkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.estimate.HazardEstimator;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.LandmarkSummary;
import io.survkit.estimate.Quantile;
import io.survkit.estimate.RestrictedMean;
import io.survkit.estimate.RestrictedMeanHorizon;
import io.survkit.estimate.SurvivalCurve;
import io.survkit.estimate.SurvivalEstimator;
import io.survkit.estimate.Variance;
import java.io.PrintWriter;
import java.util.Arrays;
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

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Mixin
    FigureOptions figure;

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

    @Option(names = "--svg", paramLabel = "FILE", description = "Also draw the curves as an SVG figure.")
    String svg;

    @Option(names = "--png", paramLabel = "FILE", description = "Also draw the curves as a PNG image (see --dpi).")
    String png;

    @Option(names = "--pdf", paramLabel = "FILE", description = "Also draw the curves as a vector PDF page.")
    String pdf;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "300", converter = Converters.FiniteNumber.class,
            description = "Resolution of --png, 24 to 2400 dots per inch.")
    double dpi;

    @Override
    public Integer call() {
        OutputOptions.Format format = output.format();
        if (format == OutputOptions.Format.CSV) {
            throw new UsageException("--format csv is not available for km yet");
        }
        output.checkWritable();
        SurvivalData d = data.read(Main.stdin(spec));
        if (!(dpi >= 24 && dpi <= 2400)) {
            throw new UsageException("--dpi must be from 24 to 2400, got " + dpi);
        }
        if (tau != null && rmean != null) {
            throw new UsageException("--tau and --rmean both give the restricted mean's horizon; give one");
        }
        double[] p = probs == null ? new double[] {0.25, 0.5, 0.75} : probs.values();
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw new UsageException("--probs: " + v + " is not a probability; expected numbers in [0, 1]");
            }
        }
        KaplanMeier km = KaplanMeier.withDefaults().withConfType(confType).withConfLevel(confLevel)
                .withSurvivalEstimator(stype).withHazardEstimator(ctype);
        if (startTime != null) {
            km = km.withStartTime(startTime);
        }
        if (robust != null) {
            km = km.withVariance(robust ? Variance.INFINITESIMAL_JACKKNIFE : Variance.GREENWOOD);
        }
        KaplanMeierResult fit = km.fit(d);
        double[] at = times == null ? new double[0] : times.values();
        double[] horizons = horizons(fit, tau, rmean);
        Plots.writeKaplanMeier(fit, figure.plot(d.timeColumn()), svg, png, pdf, dpi);
        output.write(spec.commandLine().getOut(), out -> {
            switch (format) {
                case JSON -> out.println(Json.write(json(fit, at, horizons, p)));
                default -> text(out, fit, at, horizons, p);
            }
        });
        return ExitCode.OK;
    }

    /** Each curve's restricted-mean horizon (NaN = none): --tau, or R's common/individual rule. */
    static double[] horizons(KaplanMeierResult fit, Double tau, RestrictedMeanHorizon rmean) {
        double[] h = new double[fit.curveCount()];
        for (int k = 0; k < h.length; k++) {
            h[k] = tau != null ? tau
                    : rmean != null ? fit.restrictedMeans(rmean).get(k).tau() : Double.NaN;
        }
        return h;
    }

    private static void text(PrintWriter out, KaplanMeierResult fit, double[] times, double[] tau, double[] probs) {
        boolean common = tau.length > 0 && Arrays.stream(tau).allMatch(t -> t == tau[0]);
        out.print(tau.length == 0 || Double.isNaN(tau[0]) || !common ? fit.table() : fit.table(tau[0]));
        if (tau.length > 0 && !Double.isNaN(tau[0])) {
            out.println();
            for (int k = 0; k < tau.length; k++) {
                out.println(fit.curve(k).name() + ": " + fit.curve(k).restrictedMean(tau[k]));
            }
        }
        if (probs.length != 3 || probs[0] != 0.25 || probs[1] != 0.5 || probs[2] != 0.75) {
            out.println();
            for (SurvivalCurve c : fit.curves()) {
                for (double p : probs) {
                    out.println(c.name() + ": " + c.quantile(p));
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

    /** The oracle's km result: nOmitted, stdErrScale, strata[]. */
    static ObjectNode json(KaplanMeierResult fit, double[] times, double[] tau, double[] probs) {
        ObjectNode r = Json.object();
        r.put("nOmitted", fit.omittedRows());
        r.put("stdErrScale", fit.standardErrorScale().rName());
        ArrayNode strata = r.putArray("strata");
        for (int k = 0; k < fit.curveCount(); k++) {
            strata.add(curve(fit.curve(k), times, tau[k], probs));
        }
        if (!fit.warnings().isEmpty()) {
            r.set("warnings", Json.strings(fit.warnings()));
        }
        return r;
    }
    private static ObjectNode curve(SurvivalCurve c, double[] times, double tau, double[] probs) {
        boolean limits = c.confidenceIntervalType() != ConfidenceIntervalType.NONE;
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
        s.set("lower", Json.array(limits ? c.lower() : new double[0])); // R conf.type "none": no limits
        s.set("upper", Json.array(limits ? c.upper() : new double[0]));
        s.set("cumhaz", Json.array(c.cumulativeHazard()));
        s.set("stdChaz", Json.array(c.cumulativeHazardStandardError()));
        put(s, "median", c.median());
        put(s, "medianLower", c.medianLower());
        put(s, "medianUpper", c.medianUpper());
        ArrayNode q = s.putArray("quantiles");
        for (double p : probs) {
            Quantile x = c.quantile(p);
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
