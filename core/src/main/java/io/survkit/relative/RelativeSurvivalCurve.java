package io.survkit.relative;

import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One relative or net survival curve (one group), as an {@code rs.surv} fit holds it: every distinct
 * follow-up time (plus, for Hakulinen, the potential follow-up times), the number at risk, events
 * and censorings there, the survival, the standard error of log survival and log-scale confidence
 * limits S·exp(∓z·se). Relative survival may exceed 1 and need not decrease. Immutable.
 */
public final class RelativeSurvivalCurve {
    private final String name;
    private final int rows;
    private final double[] time;
    private final double[] atRisk;
    private final double[] events;
    private final double[] censored;
    private final double[] surv;
    private final double[] stdErr;
    private final double[] lower;
    private final double[] upper;

    RelativeSurvivalCurve(String name, int rows, RelativeSurvivalFitter.Arrays6 a, double z, double daysPerUnit) {
        this.name = name;
        this.rows = rows;
        this.time = a.time();
        if (daysPerUnit != 1) {
            for (int j = 0; j < time.length; j++) {
                time[j] /= daysPerUnit;
            }
        }
        this.atRisk = a.atRisk();
        this.events = a.events();
        this.censored = a.censored();
        this.surv = a.surv();
        this.stdErr = a.stdErr();
        int m = time.length;
        lower = new double[m];
        upper = new double[m];
        for (int j = 0; j < m; j++) {
            lower[j] = Math.exp(Math.log(surv[j]) - stdErr[j] * z);
            upper[j] = Math.exp(Math.log(surv[j]) + stdErr[j] * z);
        }
    }

    /** {@return {@code all}, or {@code <group>=<value>}} */
    public String name() {
        return name;
    }

    /** {@return rows in the curve} */
    public int rowCount() {
        return rows;
    }

    /** {@return number of curve times} */
    public int size() {
        return time.length;
    }

    /** {@return curve times (in the estimator's time unit, days by default), ascending} */
    public double[] times() {
        return time.clone();
    }

    /** {@return rows at risk (T ≥ t) at each curve time} */
    public double[] numberAtRisk() {
        return atRisk.clone();
    }

    /** {@return events at each curve time} */
    public double[] numberOfEvents() {
        return events.clone();
    }

    /** {@return rows leaving the risk set censored at each curve time} */
    public double[] numberCensored() {
        return censored.clone();
    }

    /** {@return relative (or net) survival at each curve time} */
    public double[] survival() {
        return surv.clone();
    }

    /** {@return standard error of log survival at each curve time} */
    public double[] standardError() {
        return stdErr.clone();
    }

    /**
     * Lower confidence limit at curve time {@code j}; empty where survival is negative.
     *
     * @param j the 0-based time index
     * @return the lower confidence limit at curve time {@code j}; empty where survival is negative
     */
    public OptionalDouble lower(int j) {
        return present(lower[j]);
    }

    /**
     * Upper confidence limit at curve time {@code j}; empty where survival is negative.
     *
     * @param j the 0-based time index
     * @return the upper confidence limit at curve time {@code j}; empty where survival is negative
     */
    public OptionalDouble upper(int j) {
        return present(upper[j]);
    }

    /**
     * Survival at {@code t}: the value at the last curve time at or before t, 1 before the first.
     *
     * @param t the time
     * @return survival at {@code t}: the value at the last curve time at or before t, 1 before the first
     */
    public double survivalAt(double t) {
        int j = lastAtOrBefore(t);
        return j < 0 ? 1 : surv[j];
    }

    /**
     * The curve read at each of {@code times} (ascending), as R's {@code summary(fit, times =, extend = TRUE)}.
     *
     * @param times the times
     * @return the curve read at each of {@code times} (ascending), as R's {@code summary(fit, times =, extend = TRUE)}
     */
    public List<RelativeSurvivalAt> at(double... times) {
        List<RelativeSurvivalAt> out = new ArrayList<>(times.length);
        double previous = Double.NEGATIVE_INFINITY;
        for (double t : times) {
            int j = lastAtOrBefore(t);
            int d = 0;
            int c = 0;
            for (int k = 0; k < time.length; k++) {
                if (time[k] > previous && time[k] <= t) {
                    d += (int) events[k];
                    c += (int) censored[k];
                }
            }
            int firstAtOrAfter = j >= 0 && time[j] == t ? j : j + 1;
            int risk = firstAtOrAfter < time.length ? (int) atRisk[firstAtOrAfter] : 0;
            if (j < 0) {
                out.add(new RelativeSurvivalAt(t, 1, 0, OptionalDouble.of(1), OptionalDouble.of(1), risk, d, c));
            } else {
                out.add(new RelativeSurvivalAt(t, surv[j], surv[j] * stdErr[j], present(lower[j]), present(upper[j]),
                        risk, d, c));
            }
            previous = t;
        }
        return out;
    }

    private int lastAtOrBefore(double t) {
        int lo = 0;
        int hi = time.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    private static OptionalDouble present(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    void addRows(io.survkit.table.Table.Builder b) {
        for (int j = 0; j < time.length; j++) {
            b.text(name).number(time[j]).number(atRisk[j]).number(events[j]).number(censored[j]).number(surv[j])
                    .number(stdErr[j]).number(lower[j]).number(upper[j]);
        }
    }

    /** Writes the oracle's curve object: name, n, time, nRisk, nEvent, nCensor, surv, stdErr, lower, upper, at[]. */
    void writeJson(JsonWriter w, double[] times) {
        w.beginObject().name("name").value(name).name("n").value(rows);
        w.name("time").array(time).name("nRisk").array(atRisk).name("nEvent").array(events);
        w.name("nCensor").array(censored).name("surv").array(surv).name("stdErr").array(stdErr);
        w.name("lower").array(lower).name("upper").array(upper);
        if (times.length > 0) {
            w.name("at").beginArray();
            for (RelativeSurvivalAt a : at(times)) {
                w.beginObject().name("time").value(a.time()).name("surv").value(a.survival()).name("stdErr")
                        .value(a.standardError()).name("lower").value(a.lower().orElse(Double.NaN)).name("upper")
                        .value(a.upper().orElse(Double.NaN)).name("nRisk").value(a.numberAtRisk()).name("nEvent")
                        .value(a.numberOfEvents()).name("nCensor").value(a.numberCensored()).endObject();
            }
            w.endArray();
        }
        w.endObject();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(": n = ").append(rows).append('\n');
        sb.append(String.format(java.util.Locale.ROOT, "%8s %7s %7s %10s %10s %10s %10s%n", "time", "n.risk", "n.event",
                "survival", "std.err", "lower", "upper"));
        for (int j = 0; j < time.length; j++) {
            if (events[j] > 0) {
                sb.append(String.format(java.util.Locale.ROOT, "%8s %7d %7d %10s %10s %10s %10s%n",
                        JsonWriter.number(time[j]), (long) atRisk[j], (long) events[j], RFormat.fixed(surv[j], 4),
                        RFormat.fixed(surv[j] * stdErr[j], 4), RFormat.fixed(lower[j], 4), RFormat.fixed(upper[j], 4)));
            }
        }
        return sb.toString();
    }
}
