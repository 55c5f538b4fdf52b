package io.survkit.estimate;

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
        kaplanMeier(fit, w, times, horizons, DEFAULT_PROBABILITIES, Integer.MAX_VALUE);
    }

    static final double[] DEFAULT_PROBABILITIES = {0.25, 0.5, 0.75};

    /**
     * The oracle's km {@code result} with each curve's restricted mean up to its own horizon (NaN =
     * none), quantiles at {@code probabilities}, and each curve's arrays thinned to at most
     * {@code maxPoints} points (see {@link #thin}). With {@link ConfidenceIntervalType#NONE} the
     * {@code lower} and {@code upper} arrays are empty, as R's fit has none.
     */
    static void kaplanMeier(KaplanMeierResult fit, JsonWriter w, double[] times, double[] horizons,
            double[] probabilities, int maxPoints) {
        w.beginObject().name("nOmitted").value(fit.omittedRows())
                .name("stdErrScale").value(fit.standardErrorScale().rName())
                .name("strata").beginArray();
        for (int k = 0; k < fit.curveCount(); k++) {
            double h = horizons[k];
            curve(fit.curve(k), w, times, Double.isNaN(h) ? OptionalDouble.empty() : OptionalDouble.of(h),
                    probabilities, maxPoints);
        }
        w.endArray();
        w.nonEmpty("warnings", fit.warnings());
        w.endObject();
    }

    /**
     * Indices of at most {@code max} (at least 2) of a curve's {@code size} points: the first, the
     * last and evenly spaced ranks between ({@code round(k (size - 1) / (max - 1))}); null = all.
     */
    static int[] thin(int size, int max) {
        if (size <= max) {
            return null;
        }
        int[] keep = new int[max];
        for (int k = 0; k < max; k++) {
            keep[k] = (int) Math.round((double) k * (size - 1) / (max - 1));
        }
        return keep;
    }

    private static void curve(SurvivalCurve c, JsonWriter w, double[] times, OptionalDouble tau,
            double[] probabilities, int maxPoints) {
        int[] keep = thin(c.size(), maxPoints);
        int n = keep == null ? c.size() : keep.length;
        int limits = c.confidenceIntervalType() == ConfidenceIntervalType.NONE ? 0 : n;
        java.util.function.IntUnaryOperator at = keep == null ? i -> i : i -> keep[i];
        w.beginObject().name("name").value(c.name()).name("n").value(c.rowCount()).name("events").value(c.events());
        if (keep != null) {
            w.name("thinned").beginObject().name("points").value(n).name("of").value(c.size()).endObject();
        }
        w.column("time", n, i -> c.time(at.applyAsInt(i)));
        w.column("nRisk", n, i -> c.numberAtRisk(at.applyAsInt(i)));
        w.column("nEvent", n, i -> c.numberOfEvents(at.applyAsInt(i)));
        w.column("nCensor", n, i -> c.numberCensored(at.applyAsInt(i)));
        w.column("surv", n, i -> c.survival(at.applyAsInt(i)));
        w.column("stdErr", n, i -> c.standardError(at.applyAsInt(i)));
        w.column("lower", limits, i -> c.lower(at.applyAsInt(i)));
        w.column("upper", limits, i -> c.upper(at.applyAsInt(i)));
        w.column("cumhaz", n, i -> c.cumulativeHazard(at.applyAsInt(i)));
        w.column("stdChaz", n, i -> c.cumulativeHazardStandardError(at.applyAsInt(i)));
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
            Optional<IncidenceTest> gray = fit.test();
            if (gray.isPresent()) {
                IncidenceTest g = gray.get();
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
