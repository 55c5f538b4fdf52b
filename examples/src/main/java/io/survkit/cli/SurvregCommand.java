package io.survkit.cli;

import io.survkit.data.ModelFrame;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.SurvivalCurve;
import io.survkit.parametric.CurvePoint;
import io.survkit.parametric.Distribution;
import io.survkit.parametric.FlexibleDistribution;
import io.survkit.parametric.FlexiblePrediction;
import io.survkit.parametric.FlexibleRegression;
import io.survkit.parametric.FlexibleResult;
import io.survkit.parametric.ModelComparison;
import io.survkit.parametric.ModelComparisonResult;
import io.survkit.parametric.ParametricPrediction;
import io.survkit.parametric.ParametricRegression;
import io.survkit.parametric.ParametricResult;
import io.survkit.parametric.QuantileEstimate;
import io.survkit.parametric.RobustScores;
import io.survkit.plot.ParametricFitPlot;
import io.survkit.regression.CoxVariance;
import java.io.IOException;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit survreg}: parametric survival regression. The accelerated failure time models as
 * R's {@code survreg} (text like {@code print(summary(fit))}; with {@code --json} the oracle's
 * survreg layout, predictions for {@code --newdata} under {@code predicted}); flexsurv's Gompertz,
 * generalized gamma and PH Weibull; and with {@code --dist all} the NICE TSD 14 model-choice table
 * and figures.
 */
@Command(name = "survreg",
        description = "Parametric survival regression (R survreg; flexsurv's Gompertz, generalized gamma, "
                + "Weibull PH) and model choice (NICE TSD 14).")
final class SurvregCommand extends AnalysisCommand {
    /** The words of {@code --robust-scores}. */
    static final class Scores extends Choices<RobustScores> {
        Scores() {
            add("weighted", RobustScores.WEIGHTED).add("unweighted", RobustScores.UNWEIGHTED);
        }
    }

    /** The words of {@code --dist}, as completion candidates. */
    static final class Dists implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("weibull", "exponential", "lognormal", "loglogistic", "gaussian", "logistic", "gompertz",
                    "gengamma", "weibull-ph", "all").iterator();
        }
    }

    @Option(names = "--dist", paramLabel = "NAME", defaultValue = "weibull", completionCandidates = Dists.class,
            description = "Distribution: ${COMPLETION-CANDIDATES}.")
    String dist;

    @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
            converter = Converters.FiniteNumber.class, description = "Confidence level of the intervals.")
    double confLevel;

    @Option(names = "--robust", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            converter = Converters.TrueFalse.class, completionCandidates = Converters.TrueFalse.class,
            description = "Robust (sandwich) variance; --robust alone means true. Default: R's choice (robust with "
                    + "a cluster).")
    Boolean robust;

    @Option(names = "--robust-scores", paramLabel = "HOW", defaultValue = "weighted", converter = Scores.class,
            completionCandidates = Scores.class,
            description = "Case weights in the robust scores: ${COMPLETION-CANDIDATES} (weighted = R survival >= "
                    + "3.8; unweighted = earlier versions).")
    RobustScores robustScores;

    @Option(names = "--probs", paramLabel = "P[,P...]", converter = Converters.NumberList.class,
            description = "Probabilities of the predicted quantiles (default 0.1,0.5,0.9).")
    Converters.Numbers probs;

    @Option(names = "--times", paramLabel = "T[,T...]", converter = Converters.NumberList.class,
            description = "Times of the predicted survival.")
    Converters.Numbers times;

    @Option(names = "--newdata", paramLabel = "SUBJECTS",
            description = "New subjects: column=value pairs, subjects separated by ';' ('age=60,sex=1;age=70,sex=2').")
    String newdata;

    @Option(names = "--horizon", paramLabel = "T", converter = Converters.FiniteNumber.class,
            description = "With --dist all: horizon of the restricted mean and the figures (default: last time).")
    Double horizon;

    @Option(names = "--svg", paramLabel = "FILE",
            description = "With --dist all: survival overlay to FILE and the hazard figure to FILE-hazard.svg.")
    Path svg;

    private FlexibleDistribution flexible;
    private Distribution aft;

    @Override
    void check(OutputOptions.Format format) {
        String name = dist.strip().toLowerCase(Locale.ROOT);
        for (FlexibleDistribution f : FlexibleDistribution.values()) {
            if (f.optionName().equals(name)) {
                flexible = f;
            }
        }
        aft = name.equals("all") || flexible != null ? null : distribution(name);
        if (!name.equals("all") && (svg != null || horizon != null)) {
            throw new UsageException("--horizon and --svg go with --dist all (the model-choice table)");
        }
        if (format == OutputOptions.Format.CSV && !subjectsOf(newdata).isEmpty()) {
            throw new UsageException("--format csv writes the coefficient table; predictions for --newdata need"
                    + " --format json or text");
        }
    }

    @Override
    boolean usesGroup() {
        return false;
    }

    @Override
    boolean usesCovariates() {
        return true;
    }

    @Override
    Rendered analyse(ModelFrame d) {
        List<Map<String, String>> subjects = subjectsOf(newdata);
        if (aft != null) {
            return aft(d, aft, subjects);
        }
        if (flexible != null) {
            return flexible(d, flexible, subjects);
        }
        return all(d, subjects);
    }

    private double[] probabilities() {
        return probs == null ? new double[] {0.1, 0.5, 0.9} : probs.values();
    }

    private double[] timePoints() {
        return times == null ? new double[0] : times.values();
    }

    private Rendered aft(ModelFrame d, Distribution distribution, List<Map<String, String>> subjects) {
        ParametricRegression reg = ParametricRegression.withDefaults().withDistribution(distribution)
                .withConfidenceLevel(confLevel).withRobustScores(robustScores);
        if (robust != null) {
            reg = reg.withVariance(robust ? CoxVariance.ROBUST : CoxVariance.MODEL);
        }
        ParametricResult fit = reg.fit(d);
        double[] p = probabilities();
        double[] t = timePoints();
        List<String> rows = new ArrayList<>();
        for (Map<String, String> s : subjects) {
            rows.add(fit.predict(s).toJson(p, t));
        }
        String json = JsonOutput.withMember(fit.toJson(), "predicted",
                subjects.isEmpty() ? "null" : "[" + String.join(", ", rows) + "]");
        StringBuilder sb = new StringBuilder(fit.toString());
        for (Map<String, String> s : subjects) {
            ParametricPrediction pr = fit.predict(s);
            sb.append("Prediction for ").append(s).append(": linear predictor ").append(pr.linearPredictor())
                    .append('\n');
            for (QuantileEstimate q : pr.quantiles(p)) {
                sb.append(String.format(Locale.ROOT, "  quantile %s: %.6g (se %.4g, %.3g-%.3g)%n", q.probability(),
                        q.time(), q.standardError(), q.lower(), q.upper()));
            }
            for (double x : t) {
                CurvePoint c = pr.survival(x);
                sb.append(String.format(Locale.ROOT, "  S(%s) = %.6g (%.4g-%.4g)%n", x, c.estimate(), c.lower(),
                        c.upper()));
            }
        }
        String text = sb.toString();
        return new Rendered(out -> out.print(text), out -> JsonOutput.append(out, json), fit::table);
    }

    private Rendered flexible(ModelFrame d, FlexibleDistribution f, List<Map<String, String>> subjects) {
        FlexibleResult fit = FlexibleRegression.withDefaults().withDistribution(f).withConfidenceLevel(confLevel).fit(d);
        double[] p = probabilities();
        double[] t = timePoints();
        StringBuilder sb = new StringBuilder();
        List<String> rows = new ArrayList<>();
        for (Map<String, String> s : subjects) {
            FlexiblePrediction pr = fit.predict(s);
            double[] q = new double[p.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = pr.quantile(p[i]);
            }
            double[] surv = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                surv[i] = pr.survival(t[i]).estimate();
            }
            rows.add("{\"quantile\": {\"p\": " + array(p) + ", \"time\": " + array(q) + "}, \"survival\": {\"time\": "
                    + array(t) + ", \"surv\": " + array(surv) + "}}");
            sb.append("Prediction for ").append(s).append(":\n");
            for (int i = 0; i < p.length; i++) {
                sb.append(String.format(Locale.ROOT, "  quantile %s: %.6g%n", p[i], q[i]));
            }
            for (int i = 0; i < t.length; i++) {
                sb.append(String.format(Locale.ROOT, "  S(%s) = %.6g%n", t[i], surv[i]));
            }
        }
        String json = JsonOutput.withMember(fit.toJson(), "predicted", "[" + String.join(", ", rows) + "]");
        String text = fit + sb.toString();
        return new Rendered(out -> out.print(text), out -> JsonOutput.append(out, json), fit::table);
    }

    private Rendered all(ModelFrame d, List<Map<String, String>> subjects) {
        ModelComparison mc = ModelComparison.withDefaults();
        if (horizon != null) {
            mc = mc.withHorizon(horizon);
        }
        if (subjects.size() > 1) {
            throw new UsageException("--dist all summarises one subject; give one --newdata subject");
        }
        if (subjects.size() == 1) {
            mc = mc.withProfile(subjects.get(0));
        }
        ModelComparisonResult r = mc.fit(d);
        if (svg != null) {
            SurvivalCurve km = KaplanMeier.withDefaults().fit(d).curve(0);
            ParametricFitPlot plot = ParametricFitPlot.withDefaults().withTimeLabel(d.timeColumn());
            String hazardName = svg.getFileName().toString().replaceFirst("(\\.svg)?$", "-hazard.svg");
            try {
                Files.writeString(svg, plot.survival(km, r));
                Files.writeString(svg.resolveSibling(hazardName), plot.hazard(km, r));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write --svg " + svg + ": " + e.getMessage(), e);
            }
        }
        return Rendered.of(r);
    }

    private static String array(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(io.survkit.internal.JsonWriter.number(v[i]));
        }
        return sb.append(']').toString();
    }

    static Distribution distribution(String name) {
        try {
            return Distribution.of(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dist '" + name + "': expected one of weibull, exponential, lognormal,"
                    + " loglogistic, gaussian, logistic, gompertz, gengamma, weibull-ph, all");
        }
    }

    /** {@code age=60,sex=1;age=70,sex=2}: one subject per {@code ;}. */
    static List<Map<String, String>> subjectsOf(String spec) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (spec == null) {
            return rows;
        }
        for (String subject : spec.split(";")) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String pair : subject.split(",")) {
                String s = pair.strip();
                if (s.isEmpty()) {
                    continue;
                }
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--newdata item '" + s
                            + "': expected column=value pairs, e.g. 'age=60,sex=1;age=70,sex=2'");
                }
                m.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
            }
            rows.add(m);
        }
        return rows;
    }

}
