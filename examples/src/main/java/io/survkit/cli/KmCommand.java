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
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code survkit km}: Kaplan-Meier curves as R's {@code survfit}; text like {@code print(fit)} and
 * {@code summary(fit, times =)}, or with {@code --json} the oracle's km {@code result} layout.
 */
final class KmCommand implements Command {
    private static final Map<String, ConfidenceIntervalType> CONF = Map.of("log", ConfidenceIntervalType.LOG,
            "log-log", ConfidenceIntervalType.LOG_LOG, "plain", ConfidenceIntervalType.PLAIN, "arcsin",
            ConfidenceIntervalType.ARCSIN);

    @Override
    public String name() {
        return "km";
    }

    @Override
    public String summary() {
        return "Kaplan-Meier curves, medians, landmarks and restricted means (R survfit)";
    }

    @Override
    public Set<String> options() {
        Set<String> s = new HashSet<>(DataOptions.OPTIONS);
        s.addAll(Set.of("conf-type", "conf-level", "times", "tau", "robust", "svg"));
        return s;
    }

    @Override
    public int run(Args a, PrintStream out) {
        SurvivalData data = DataOptions.reader(a).read();
        KaplanMeier km = KaplanMeier.withDefaults()
                .withConfType(a.choice("conf-type", CONF, ConfidenceIntervalType.LOG))
                .withConfLevel(a.number("conf-level", 0.95));
        Boolean robust = a.bool("robust");
        if (robust != null) {
            km = km.withVariance(robust ? Variance.INFINITESIMAL_JACKKNIFE : Variance.GREENWOOD);
        }
        KaplanMeierResult fit = km.fit(data);
        double[] times = a.numbers("times");
        double tau = a.number("tau", Double.NaN);
        // every check before any output: the landmarks and the horizon (R: tau >= the smallest time)
        List<LandmarkSummary> landmarks = times.length > 0 ? fit.at(times) : List.of();
        if (!Double.isNaN(tau)) {
            fit.restrictedMeans(tau);
        }
        if (a.has("svg")) {
            Plots.writeKaplanMeier(fit, data, a.get("svg"));
        }
        if (a.flag("json")) {
            out.println(Json.write(json(fit, times, tau)));
        } else {
            out.print(Double.isNaN(tau) ? fit.table() : fit.table(tau));
            if (times.length > 0) {
                out.println();
                for (LandmarkSummary s : landmarks) {
                    out.println(s);
                }
            }
            for (String w : fit.warnings()) {
                out.println("Warning: " + w);
            }
        }
        return 0;
    }

    /** The oracle's km result: nOmitted, stdErrScale, strata[]. */
    static ObjectNode json(KaplanMeierResult fit, double[] times, double tau) {
        ObjectNode r = Json.object();
        r.put("nOmitted", fit.omittedRows());
        r.put("stdErrScale", fit.standardErrorScale().rName());
        ArrayNode strata = r.putArray("strata");
        List<RestrictedMean> means = Double.isNaN(tau) ? null : fit.restrictedMeans(tau);
        for (int i = 0; i < fit.curves().size(); i++) {
            strata.add(curve(fit.curves().get(i), times, means == null ? null : means.get(i)));
        }
        if (!fit.warnings().isEmpty()) {
            r.set("warnings", Json.strings(fit.warnings()));
        }
        return r;
    }

    private static ObjectNode curve(SurvivalCurve c, double[] times, RestrictedMean m) {
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
        if (m != null) {
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
