package io.survkit.estimate;

import io.survkit.compare.GrayTestResult;
import io.survkit.internal.JsonWriter;
import io.survkit.table.Table;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * JSON and tidy tables of this package's results, with the field names of the R oracle
 * ({@code shared/oracle/README.md}, sections {@code km} and {@code cif}) so that the library, the
 * CLI and R's reference files speak one vocabulary. JSON is streamed column by column: a curve of
 * 10^7 times is never copied into a tree.
 */
final class Exports {
    private Exports() {
    }

    /**
     * The oracle's km {@code result}: nOmitted, stdErrScale, strata[] (each curve's arrays, median,
     * quantiles, then rmean/rmeanSe when {@code tau} is given and at[] when {@code times} are).
     */
    static void kaplanMeier(KaplanMeierResult fit, JsonWriter w, double[] times, OptionalDouble tau) {
        double[] horizons = new double[fit.curveCount()];
        java.util.Arrays.fill(horizons, tau.orElse(Double.NaN));
        kaplanMeier(fit, w, times, horizons, DEFAULT_PROBABILITIES);
    }

    static final double[] DEFAULT_PROBABILITIES = {0.25, 0.5, 0.75};

    /**
     * The oracle's km {@code result} with each curve's restricted mean up to its own horizon (NaN =
     * none) and quantiles at {@code probabilities}. With {@link ConfidenceIntervalType#NONE} the
     * {@code lower} and {@code upper} arrays are empty, as R's fit has none.
     */
    static void kaplanMeier(KaplanMeierResult fit, JsonWriter w, double[] times, double[] horizons,
            double[] probabilities) {
        w.beginObject().name("nOmitted").value(fit.omittedRows())
                .name("stdErrScale").value(fit.standardErrorScale().rName())
                .name("strata").beginArray();
        for (int k = 0; k < fit.curveCount(); k++) {
            double h = horizons[k];
            curve(fit.curve(k), w, times, Double.isNaN(h) ? OptionalDouble.empty() : OptionalDouble.of(h),
                    probabilities);
        }
        w.endArray();
        w.nonEmpty("warnings", fit.warnings());
        w.endObject();
    }

    private static void curve(SurvivalCurve c, JsonWriter w, double[] times, OptionalDouble tau,
            double[] probabilities) {
        int n = c.size();
        int limits = c.confidenceIntervalType() == ConfidenceIntervalType.NONE ? 0 : n;
        w.beginObject().name("name").value(c.name()).name("n").value(c.rowCount()).name("events").value(c.events());
        w.column("time", n, c::time);
        w.column("nRisk", n, c::numberAtRisk);
        w.column("nEvent", n, c::numberOfEvents);
        w.column("nCensor", n, c::numberCensored);
        w.column("surv", n, c::survival);
        w.column("stdErr", n, c::standardError);
        w.column("lower", limits, c::lower);
        w.column("upper", limits, c::upper);
        w.column("cumhaz", n, c::cumulativeHazard);
        w.column("stdChaz", n, c::cumulativeHazardStandardError);
        w.name("median").value(c.median()).name("medianLower").value(c.medianLower())
                .name("medianUpper").value(c.medianUpper());
        w.name("quantiles").beginArray();
        for (double p : probabilities) {
            Quantile q = c.quantile(p);
            w.beginObject().name("p").value(q.probability()).name("time").value(q.time())
                    .name("lower").value(q.lower()).name("upper").value(q.upper()).endObject();
        }
        w.endArray();
        if (tau.isPresent()) {
            RestrictedMean m = c.restrictedMeanFrom(tau.getAsDouble()); // the fit checked tau against all curves
            w.name("rmean").value(m.estimate()).name("rmeanSe").value(m.standardError());
        }
        if (times.length > 0) {
            LandmarkSummary l = c.at(times);
            w.name("at").beginArray();
            for (int i = 0; i < l.size(); i++) {
                w.beginObject().name("time").value(l.time(i)).name("surv").value(l.survival(i))
                        .name("stdErr").value(l.standardError(i)).name("lower").value(l.lower(i))
                        .name("upper").value(l.upper(i)).name("nRisk").value(l.numberAtRisk(i))
                        .name("nEvent").value(l.numberOfEvents(i)).name("nCensor").value(l.numberCensored(i))
                        .name("cumhaz").value(l.cumulativeHazard(i)).endObject();
            }
            w.endArray();
        }
        w.endObject();
    }

    /** One row per curve and time: strata, time, nRisk, nEvent, nCensor, surv, stdErr, lower, upper, cumhaz, stdChaz. */
    static Table kaplanMeierTable(KaplanMeierResult fit) {
        Table.Builder b = Table.builder().textColumn("strata");
        for (String c : List.of("time", "nRisk", "nEvent", "nCensor", "surv", "stdErr", "lower", "upper", "cumhaz",
                "stdChaz")) {
            b.numberColumn(c);
        }
        for (SurvivalCurve c : fit.curves()) {
            for (int i = 0; i < c.size(); i++) {
                b.text(c.name()).number(c.time(i)).number(c.numberAtRisk(i)).number(c.numberOfEvents(i))
                        .number(c.numberCensored(i)).number(c.survival(i)).number(c.standardError(i))
                        .number(c.lower(i)).number(c.upper(i)).number(c.cumulativeHazard(i))
                        .number(c.cumulativeHazardStandardError(i));
            }
        }
        return b.build();
    }

    /**
     * The oracle's cif {@code result}: with {@link CifMethod#CUMINC} nOmitted, curves[] and grayTest;
     * with {@link CifMethod#AALEN_JOHANSEN} nOmitted, states and time/pstate/stdErr (one curve) or
     * strata[] (with a group).
     */
    static void cumulativeIncidence(CumulativeIncidenceResult fit, JsonWriter w) {
        cumulativeIncidence(fit, w, null);
    }

    /** As {@link #cumulativeIncidence(CumulativeIncidenceResult, JsonWriter)}, plus cmprsk's timepoints at {@code times}. */
    static void cumulativeIncidence(CumulativeIncidenceResult fit, JsonWriter w, double[] times) {
        w.beginObject().name("nOmitted").value(fit.omittedRows());
        if (fit.method() == CifMethod.CUMINC) {
            w.name("curves").beginArray();
            for (IncidenceCurve c : fit.curves()) {
                w.beginObject().name("name").value(c.name()).name("group").value(c.group()).name("cause");
                w.numberOrText(c.cause());
                w.column("time", c.size(), c::time);
                w.column("est", c.size(), c::estimate);
                w.column("var", c.size(), c::variance);
                w.endObject();
            }
            w.endArray().name("grayTest");
            Optional<GrayTestResult> gray = fit.grayTest();
            if (gray.isPresent()) {
                GrayTestResult g = gray.get();
                w.beginArray();
                for (int c = 0; c < g.causeCount(); c++) {
                    w.beginObject().name("cause").numberOrText(g.cause(c)).name("stat").value(g.statistic(c))
                            .name("p").value(g.pValue(c)).name("df").value(g.degreesOfFreedom(c)).endObject();
                }
                w.endArray();
            } else {
                w.nullValue();
            }
        } else {
            w.name("states").array(fit.states());
            List<StateProbabilities> curves = fit.stateCurves();
            if (curves.size() == 1 && curves.get(0).name().equals("all")) {
                states(curves.get(0), w);
            } else {
                w.name("strata").beginArray();
                for (StateProbabilities s : curves) {
                    w.beginObject().name("name").value(s.name());
                    states(s, w);
                    w.endObject();
                }
                w.endArray();
            }
        }
        if (times != null) {
            timepoints(fit, w, times);
        }
        w.nonEmpty("warnings", fit.warnings());
        w.endObject();
    }

    /** cmprsk's {@code timepoints}: times, then per curve its name and est/var at each time (null = NA). */
    private static void timepoints(CumulativeIncidenceResult fit, JsonWriter w, double[] times) {
        List<IncidenceCurve> curves = fit.curves();
        w.name("timepoints").beginObject();
        w.column("times", times.length, i -> times[i]);
        w.name("curves").beginArray();
        for (IncidenceCurve c : curves) {
            w.value(c.name());
        }
        w.endArray();
        w.name("est").beginArray();
        for (IncidenceCurve c : curves) {
            w.beginArray();
            for (double t : times) {
                w.value(c.estimateAt(t));
            }
            w.endArray();
        }
        w.endArray().name("var").beginArray();
        for (IncidenceCurve c : curves) {
            w.beginArray();
            for (double t : times) {
                w.value(c.varianceAt(t));
            }
            w.endArray();
        }
        w.endArray().endObject();
    }

    private static void states(StateProbabilities s, JsonWriter w) {
        w.column("time", s.size(), s::time);
        w.name("pstate").beginArray();
        for (int i = 0; i < s.size(); i++) {
            w.beginArray();
            for (int k = 0; k < s.stateCount(); k++) {
                w.value(s.probability(i, k));
            }
            w.endArray();
        }
        w.endArray().name("stdErr").beginArray();
        for (int i = 0; i < s.size(); i++) {
            w.beginArray();
            for (int k = 0; k < s.stateCount(); k++) {
                w.value(s.standardError(i, k));
            }
            w.endArray();
        }
        w.endArray();
    }

    /**
     * cuminc: one row per curve point (name, group, cause, time, est, var); Aalen-Johansen: one row per
     * curve, time and state (strata, time, state, pstate, stdErr).
     */
    static Table cumulativeIncidenceTable(CumulativeIncidenceResult fit) {
        if (fit.method() == CifMethod.CUMINC) {
            Table.Builder b = Table.builder().textColumn("name").textColumn("group").textColumn("cause")
                    .numberColumn("time").numberColumn("est").numberColumn("var");
            for (IncidenceCurve c : fit.curves()) {
                for (int i = 0; i < c.size(); i++) {
                    b.text(c.name()).text(c.group()).text(c.cause()).number(c.time(i)).number(c.estimate(i))
                            .number(c.variance(i));
                }
            }
            return b.build();
        }
        Table.Builder b = Table.builder().textColumn("strata").numberColumn("time").textColumn("state")
                .numberColumn("pstate").numberColumn("stdErr");
        for (StateProbabilities s : fit.stateCurves()) {
            for (int i = 0; i < s.size(); i++) {
                for (int k = 0; k < s.stateCount(); k++) {
                    b.text(s.name()).number(s.time(i)).text(s.states().get(k)).number(s.probability(i, k))
                            .number(s.standardError(i, k));
                }
            }
        }
        return b.build();
    }
}
