package io.survkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.SurvivalCurve;
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
import io.survkit.parametric.RobustScores;
import io.survkit.plot.ParametricFitPlot;
import io.survkit.regression.Variance;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code survkit survreg}: parametric survival regression as R's {@code survreg}; text like
 * {@code print(summary(fit))} and the predictions, or with {@code --json} the oracle's survreg
 * layout (predictions for {@code --newdata} under {@code predicted}).
 */
final class SurvregCommand implements Command {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, RobustScores> SCORES = Map.of("weighted", RobustScores.WEIGHTED, "unweighted",
            RobustScores.UNWEIGHTED);

    @Override
    public String name() {
        return "survreg";
    }

    @Override
    public String summary() {
        return "Parametric (accelerated failure time) survival regression (R survreg)";
    }

    @Override
    public Set<String> options() {
        Set<String> s = new HashSet<>(DataOptions.OPTIONS);
        s.addAll(Set.of("dist", "conf-level", "probs", "times", "newdata", "robust-scores", "max-iterations", "horizon",
                "svg"));
        return s;
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "help", "robust");
    }

    @Override
    public int run(Args a, PrintStream out) {
        SurvivalData data = DataOptions.reader(a).read();
        String dist = a.get("dist", "weibull").strip().toLowerCase(java.util.Locale.ROOT);
        if (dist.equals("all")) {
            return all(a, data, out);
        }
        for (FlexibleDistribution f : FlexibleDistribution.values()) {
            if (f.optionName().equals(dist)) {
                return flexible(a, data, f, out);
            }
        }
        if (a.has("svg") || a.has("horizon")) {
            throw new UsageException("survreg: --horizon and --svg go with --dist all (the model-choice table)");
        }
        ParametricRegression reg = ParametricRegression.withDefaults()
                .withDistribution(distribution(a.get("dist", "weibull")))
                .withConfLevel(a.number("conf-level", 0.95))
                .withRobustScores(a.choice("robust-scores", SCORES, RobustScores.WEIGHTED));
        if (a.has("max-iterations")) {
            reg = reg.withMaxIterations((int) a.number("max-iterations", 30));
        }
        Boolean robust = a.bool("robust");
        if (robust != null) {
            reg = reg.withVariance(robust ? Variance.ROBUST : Variance.MODEL);
        }
        ParametricResult fit = reg.fit(data);
        double[] probs = a.has("probs") ? a.numbers("probs") : new double[] {0.1, 0.5, 0.9};
        double[] times = a.numbers("times");
        List<Map<String, String>> newdata = newdata(a);
        if (a.flag("json")) {
            ObjectNode r = (ObjectNode) parse(fit.toJson());
            if (newdata.isEmpty()) {
                r.putNull("predicted");
            } else {
                ArrayNode pred = r.putArray("predicted");
                for (Map<String, String> row : newdata) {
                    pred.add(parse(fit.predict(row).toJson(probs, times)));
                }
            }
            out.println(Json.write(r));
        } else {
            out.print(fit);
            for (Map<String, String> row : newdata) {
                print(out, row, fit.predict(row), probs, times);
            }
        }
        return 0;
    }

    static Distribution distribution(String name) {
        try {
            return Distribution.of(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("survreg: --dist '" + name + "': expected one of weibull, exponential, lognormal,"
                    + " loglogistic, gaussian, logistic, gompertz, gengamma, weibull-ph, all");
        }
    }

    /** {@code --dist gompertz|gengamma|weibull-ph}: flexsurv's parametrisations. */
    private static int flexible(Args a, SurvivalData data, FlexibleDistribution d, PrintStream out) {
        FlexibleResult fit = FlexibleRegression.withDefaults().withDistribution(d)
                .withConfLevel(a.number("conf-level", 0.95)).fit(data);
        double[] probs = a.has("probs") ? a.numbers("probs") : new double[] {0.1, 0.5, 0.9};
        double[] times = a.numbers("times");
        List<Map<String, String>> newdata = newdata(a);
        if (a.flag("json")) {
            ObjectNode r = (ObjectNode) parse(fit.toJson());
            ArrayNode pred = r.putArray("predicted");
            for (Map<String, String> row : newdata) {
                FlexiblePrediction p = fit.predict(row);
                ObjectNode o = pred.addObject();
                double[] q = new double[probs.length];
                for (int i = 0; i < q.length; i++) {
                    q[i] = p.quantile(probs[i]);
                }
                ObjectNode qn = o.putObject("quantile");
                qn.set("p", Json.array(probs));
                qn.set("time", Json.array(q));
                double[] s = new double[times.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = p.survival(times[i]).estimate();
                }
                ObjectNode sn = o.putObject("survival");
                sn.set("time", Json.array(times));
                sn.set("surv", Json.array(s));
            }
            out.println(Json.write(r));
        } else {
            out.print(fit);
            for (Map<String, String> row : newdata) {
                FlexiblePrediction p = fit.predict(row);
                out.println("Prediction for " + row + ":");
                for (double q : probs) {
                    out.printf(java.util.Locale.ROOT, "  quantile %s: %.6g%n", q, p.quantile(q));
                }
                for (double t : times) {
                    var s = p.survival(t);
                    out.printf(java.util.Locale.ROOT, "  S(%s) = %.6g (%.4g-%.4g)%n", t, s.estimate(), s.lower(),
                            s.upper());
                }
            }
        }
        return 0;
    }

    /** {@code --dist all --horizon H [--svg F]}: the TSD 14 model-choice table and the overlay figures. */
    private static int all(Args a, SurvivalData data, PrintStream out) {
        ModelComparison mc = ModelComparison.withDefaults();
        if (a.has("horizon")) {
            mc = mc.withHorizon(a.number("horizon", Double.NaN));
        }
        List<Map<String, String>> newdata = newdata(a);
        if (newdata.size() > 1) {
            throw new UsageException("survreg: --dist all summarises one subject; give one --newdata row");
        }
        if (newdata.size() == 1) {
            mc = mc.withProfile(newdata.get(0));
        }
        ModelComparisonResult r = mc.fit(data);
        if (a.has("svg")) {
            java.nio.file.Path file = java.nio.file.Path.of(a.get("svg"));
            SurvivalCurve km = KaplanMeier.withDefaults().fit(data).curve(0);
            ParametricFitPlot plot = ParametricFitPlot.withDefaults().timeLabel(data.timeColumn());
            String hazardName = file.getFileName().toString().replaceFirst("(\\.svg)?$", "-hazard.svg");
            try {
                java.nio.file.Files.writeString(file, plot.survival(km, r));
                java.nio.file.Files.writeString(file.resolveSibling(hazardName), plot.hazard(km, r));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write --svg " + file + ": " + e.getMessage(), e);
            }
        }
        if (a.flag("json")) {
            out.println(Json.write((ObjectNode) parse(r.toJson())));
        } else {
            out.print(r);
        }
        return 0;
    }

    /** {@code age=60,sex=1;age=70,sex=2}: one subject per {@code ;}. */
    static List<Map<String, String>> newdata(Args a) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (!a.has("newdata")) {
            return rows;
        }
        for (String subject : a.get("newdata").split(";")) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String pair : subject.split(",")) {
                String s = pair.strip();
                if (s.isEmpty()) {
                    continue;
                }
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("survreg: --newdata item '" + s
                            + "': expected column=value pairs, e.g. 'age=60,sex=1;age=70,sex=2'");
                }
                m.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
            }
            rows.add(m);
        }
        return rows;
    }

    private static void print(PrintStream out, Map<String, String> row, ParametricPrediction p, double[] probs,
            double[] times) {
        out.println("Prediction for " + row + ": linear predictor " + p.linearPredictor());
        for (double q : probs) {
            var e = p.quantile(q);
            out.printf(java.util.Locale.ROOT, "  quantile %s: %.6g (se %.4g, %.3g-%.3g)%n", q, e.time(),
                    e.standardError(), e.lower(), e.upper());
        }
        for (double t : times) {
            var s = p.survival(t);
            out.printf(java.util.Locale.ROOT, "  S(%s) = %.6g (%.4g-%.4g)%n", t, s.estimate(), s.lower(), s.upper());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
