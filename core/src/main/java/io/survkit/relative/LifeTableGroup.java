package io.survkit.relative;

import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One group's actuarial life table ({@link LifeTable}): one row per interval [k·w, (k+1)·w).
 * Immutable.
 */
public final class LifeTableGroup {
    private final String name;
    private final double width;
    private final double[] entered;
    private final double[] withdrawn;
    private final double[] events;
    private final double[] effective;
    private final double[] survival;
    private final double[] survivalSe;
    private final double[] density;
    private final double[] densitySe;
    private final double[] hazard;
    private final double[] hazardSe;
    /** Relative columns, null without a rate table. */
    private final double[] expected;
    private final double[] relativeCumulative;
    private final double[] relativeCumulativeSe;

    private LifeTableGroup(String name, double width, double[][] c, double[][] rel) {
        this.name = name;
        this.width = width;
        entered = c[0];
        withdrawn = c[1];
        events = c[2];
        effective = c[3];
        survival = c[4];
        survivalSe = c[5];
        density = c[6];
        densitySe = c[7];
        hazard = c[8];
        hazardSe = c[9];
        expected = rel == null ? null : rel[0];
        relativeCumulative = rel == null ? null : rel[1];
        relativeCumulativeSe = rel == null ? null : rel[2];
    }

    static LifeTableGroup of(CohortRows.Group g, double w, RateTable rt) {
        double[] time = g.time();
        int n = time.length;
        double max = 0;
        for (double t : time) {
            max = Math.max(max, t);
        }
        int k = (int) Math.floor(max / w) + 1;
        int[] interval = new int[n];
        double[] entered = new double[k];
        double[] withdrawn = new double[k];
        double[] events = new double[k];
        for (int i = 0; i < n; i++) {
            interval[i] = interval(time[i], w, k);
            if (g.event()[i] != 0) {
                events[interval[i]]++;
            } else {
                withdrawn[interval[i]]++;
            }
        }
        double[][] c = columns(n, w, entered, withdrawn, events);
        double[][] rel = rt == null ? null : relative(g, interval, w, rt, c);
        return new LifeTableGroup(g.name(), w, c, rel);
    }

    /** R findInterval(t, (0:K) * w): the largest k with k·w ≤ t. */
    private static int interval(double t, double w, int k) {
        int j = Math.min(k - 1, (int) Math.floor(t / w));
        while (j + 1 < k && (j + 1) * w <= t) {
            j++;
        }
        while (j > 0 && j * w > t) {
            j--;
        }
        return j;
    }

    /** KMsurv::lifetab's columns. */
    private static double[][] columns(int n, double w, double[] entered, double[] withdrawn, double[] events) {
        int k = entered.length;
        double[] eff = new double[k];
        double[] s = new double[k];
        double[] sSe = new double[k];
        double[] f = new double[k];
        double[] fSe = new double[k];
        double[] h = new double[k];
        double[] hSe = new double[k];
        double alive = n;
        double cum = 1;
        double greenwood = 0;
        double qSum = 0;
        for (int j = 0; j < k; j++) {
            entered[j] = alive;
            eff[j] = alive - withdrawn[j] / 2;
            double q = events[j] / eff[j];
            double p = 1 - q;
            s[j] = cum;
            sSe[j] = j == 0 ? 0 : cum * Math.sqrt(greenwood);
            boolean last = j == k - 1;
            f[j] = last ? Double.NaN : s[j] * q / w;
            fSe[j] = last ? Double.NaN : s[j] * q / w * Math.sqrt(qSum + p / eff[j] / q);
            h[j] = last ? Double.NaN : events[j] / w / (eff[j] - events[j] / 2);
            hSe[j] = last ? Double.NaN : Math.sqrt(1 - (h[j] * w / 2) * (h[j] * w / 2)) * Math.sqrt(h[j] * h[j]
                    / eff[j] / q);
            cum *= p;
            greenwood += events[j] / eff[j] / (eff[j] - events[j]);
            qSum += q / eff[j] / p;
            alive -= withdrawn[j] + events[j];
        }
        return new double[][] {entered, withdrawn, events, eff, s, sSe, f, fSe, h, hSe};
    }

    /** Ederer II per interval: p*_j, cumulative relative survival at the end and its error. */
    private static double[][] relative(CohortRows.Group g, int[] interval, double w, RateTable rt, double[][] c) {
        int k = c[0].length;
        double[] expSum = new double[k];
        for (int i = 0; i < g.size(); i++) {
            double entry = rt.entryDate(g.age()[i], g.date()[i]);
            for (int j = 0; j <= interval[i]; j++) {
                double start = j * w;
                expSum[j] += Math.exp(-ExactHazard.integrate(rt, g.sex()[i], g.age()[i] + start, entry + start, w,
                        false));
            }
        }
        double[] expected = new double[k];
        double[] rel = new double[k];
        double[] relSe = new double[k];
        double cumObs = 1;
        double cumExp = 1;
        double greenwood = 0;
        for (int j = 0; j < k; j++) {
            double eff = c[3][j];
            double d = c[2][j];
            expected[j] = expSum[j] / c[0][j];
            cumObs *= 1 - d / eff;
            cumExp *= expected[j];
            greenwood += d / eff / (eff - d);
            rel[j] = cumObs / cumExp;
            relSe[j] = cumObs * Math.sqrt(greenwood) / cumExp;
        }
        return new double[][] {expected, rel, relSe};
    }

    /** {@return {@code all}, or {@code <group>=<value>}} */
    public String name() {
        return name;
    }

    /** {@return number of intervals} */
    public int size() {
        return entered.length;
    }

    /**
     * Start of interval {@code j}.
     *
     * @param j the 0-based interval index
     * @return start of interval {@code j}
     */
    public double start(int j) {
        return j * width;
    }

    /**
     * End of interval {@code j}.
     *
     * @param j the 0-based interval index
     * @return end of interval {@code j}
     */
    public double end(int j) {
        return (j + 1) * width;
    }

    /**
     * Rows entering interval {@code j}.
     *
     * @param j the 0-based interval index
     * @return rows entering interval {@code j}
     */
    public double entered(int j) {
        return entered[j];
    }

    /**
     * Rows withdrawn (censored) in interval {@code j}.
     *
     * @param j the 0-based interval index
     * @return rows withdrawn (censored) in interval {@code j}
     */
    public double withdrawn(int j) {
        return withdrawn[j];
    }

    /**
     * Events in interval {@code j}.
     *
     * @param j the 0-based interval index
     * @return events in interval {@code j}
     */
    public double events(int j) {
        return events[j];
    }

    /**
     * Effective number at risk n − w/2.
     *
     * @param j the 0-based column index
     * @return effective number at risk n − w/2
     */
    public double effectiveAtRisk(int j) {
        return effective[j];
    }

    /**
     * Conditional survival of interval {@code j}, 1 − d/n_eff.
     *
     * @param j the 0-based interval index
     * @return conditional survival of interval {@code j}, 1 − d/n_eff
     */
    public double conditionalSurvival(int j) {
        return 1 - events[j] / effective[j];
    }

    /**
     * Cumulative survival at the start of interval {@code j} (KMsurv {@code surv}).
     *
     * @param j the 0-based interval index
     * @return cumulative survival at the start of interval {@code j} (KMsurv {@code surv})
     */
    public double survival(int j) {
        return survival[j];
    }

    /**
     * Greenwood standard error of {@link #survival(int)}.
     *
     * @param j the 0-based column index
     * @return greenwood standard error of {@link #survival(int)}
     */
    public double survivalStandardError(int j) {
        return survivalSe[j];
    }

    /**
     * Density (probability of an event per unit time) of interval {@code j}; empty for the last.
     *
     * @param j the 0-based interval index
     * @return density (probability of an event per unit time) of interval {@code j}; empty for the last
     */
    public OptionalDouble density(int j) {
        return present(density[j]);
    }

    /**
     * Standard error of the density; empty for the last interval.
     *
     * @param j the 0-based column index
     * @return the standard error of the density; empty for the last interval
     */
    public OptionalDouble densityStandardError(int j) {
        return present(densitySe[j]);
    }

    /**
     * Hazard of interval {@code j}; empty for the last.
     *
     * @param j the 0-based interval index
     * @return hazard of interval {@code j}; empty for the last
     */
    public OptionalDouble hazard(int j) {
        return present(hazard[j]);
    }

    /**
     * Standard error of the hazard; empty for the last interval.
     *
     * @param j the 0-based column index
     * @return the standard error of the hazard; empty for the last interval
     */
    public OptionalDouble hazardStandardError(int j) {
        return present(hazardSe[j]);
    }

    /** {@return true when the table has the relative-survival columns} */
    public boolean hasRelative() {
        return expected != null;
    }

    /**
     * Expected (population) survival of interval {@code j}, Ederer II; empty without a rate table.
     *
     * @param j the 0-based interval index
     * @return expected (population) survival of interval {@code j}, Ederer II; empty without a rate table
     */
    public OptionalDouble expectedConditionalSurvival(int j) {
        return expected == null ? OptionalDouble.empty() : OptionalDouble.of(expected[j]);
    }

    /**
     * Cumulative relative survival at the end of interval {@code j}; empty without a rate table.
     *
     * @param j the 0-based interval index
     * @return cumulative relative survival at the end of interval {@code j}; empty without a rate table
     */
    public OptionalDouble relativeSurvival(int j) {
        return relativeCumulative == null ? OptionalDouble.empty() : OptionalDouble.of(relativeCumulative[j]);
    }

    /**
     * Its standard error; empty without a rate table.
     *
     * @param j the 0-based column index
     * @return its standard error; empty without a rate table
     */
    public OptionalDouble relativeSurvivalStandardError(int j) {
        return relativeCumulativeSe == null ? OptionalDouble.empty() : OptionalDouble.of(relativeCumulativeSe[j]);
    }

    private static OptionalDouble present(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    void writeJson(JsonWriter w) {
        int k = size();
        double[] tis = new double[k + 1];
        for (int j = 0; j <= k; j++) {
            tis[j] = j * width;
        }
        w.beginObject().name("name").value(name).name("tis").array(tis).name("nsubs").array(entered)
                .name("nlost").array(withdrawn).name("nrisk").array(effective).name("nevent").array(events)
                .name("surv").array(survival).name("pdf").array(density).name("hazard").array(hazard)
                .name("se.surv").array(survivalSe).name("se.pdf").array(densitySe).name("se.hazard").array(hazardSe);
        if (expected != null) {
            w.name("expected").array(expected).name("relSurv").array(relativeCumulative).name("relSurvSe")
                    .array(relativeCumulativeSe);
        }
        w.endObject();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('\n');
        sb.append(String.format(Locale.ROOT, "%-15s %7s %6s %6s %8s %8s %8s %10s %10s%s%n", "interval", "nsubs",
                "nlost", "nevent", "nrisk", "surv", "se.surv", "pdf", "hazard", hasRelative() ? "   expected  relsurv"
                        : ""));
        for (int j = 0; j < size(); j++) {
            sb.append(String.format(Locale.ROOT, "%-15s %7s %6s %6s %8s %8s %8s %10.3g %10.3g",
                    JsonWriter.number(start(j)) + "-" + JsonWriter.number(end(j)), RFormat.fixed(entered[j], 0),
                    RFormat.fixed(withdrawn[j], 0), RFormat.fixed(events[j], 0), RFormat.fixed(effective[j], 1),
                    RFormat.fixed(survival[j], 4), RFormat.fixed(survivalSe[j], 4), density[j], hazard[j]));
            if (hasRelative()) {
                sb.append(String.format(Locale.ROOT, " %9s %8s", RFormat.fixed(expected[j], 4),
                        RFormat.fixed(relativeCumulative[j], 4)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
