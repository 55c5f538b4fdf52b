package io.survkit.estimate;

import io.survkit.internal.Check;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Kaplan-Meier curves of one fit, immutable: one {@link SurvivalCurve} per group level in R's
 * order (factor level order), with the rows left out for missing values, the variance used and
 * warnings. {@link #toString()} prints R's {@code print(survfit)} table.
 *
 * <pre>{@code
 * KaplanMeierResult r = KaplanMeier.withDefaults().fit(data);
 * for (SurvivalCurve c : r.curves()) {
 *     System.out.println(c.name() + ": median " + c.median());
 * }
 * System.out.println(r.riskTable(0, 180, 365));
 * }</pre>
 */
public final class KaplanMeierResult implements Exportable {
    private final List<SurvivalCurve> curves;
    private final int omitted;
    private final List<String> warnings;
    private final StandardErrorScale scale;
    private final ConfidenceIntervalType type;
    private final double level;
    private final KaplanMeierVariance variance;

    KaplanMeierResult(List<SurvivalCurve> curves, int omitted, List<String> warnings, StandardErrorScale scale,
            ConfidenceIntervalType type, double level, KaplanMeierVariance variance) {
        this.curves = List.copyOf(curves);
        this.omitted = omitted;
        this.warnings = List.copyOf(warnings);
        this.scale = scale;
        this.type = type;
        this.level = level;
        this.variance = variance;
    }

    /** {@return the curves, in R's order} */
    public List<SurvivalCurve> curves() {
        return curves;
    }

    /** {@return number of curves} */
    public int curveCount() {
        return curves.size();
    }

    /**
     * Curve {@code index} (0-based).
     *
     * @param index the 0-based curve index
     * @return curve {@code index} (0-based)
     */
    public SurvivalCurve curve(int index) {
        if (index < 0 || index >= curves.size()) {
            throw Check.fail("curve index %d is outside 0..%d", index, curves.size() - 1);
        }
        return curves.get(index);
    }

    /**
     * The curve named {@code name} (e.g. {@code "sex=2"}, or {@code "all"}).
     *
     * @param name the name
     * @return the curve named {@code name} (e.g
     */
    public SurvivalCurve curve(String name) {
        for (SurvivalCurve c : curves) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw Check.fail("no curve named '%s'; the curves are %s", name, curveNames());
    }

    /**
     * Names of the curves, in order.
     *
     * @return the list
     */
    public List<String> curveNames() {
        List<String> n = new ArrayList<>();
        for (SurvivalCurve c : curves) {
            n.add(c.name());
        }
        return List.copyOf(n);
    }

    /** {@return rows left out of the data for missing values (R's {@code na.omit})} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return warnings a user can act on (from the data and from the fit)} */
    public List<String> warnings() {
        return warnings;
    }

    /** {@return scale of the curves' standard errors (R's {@code logse}: "log" or "surv")} */
    public StandardErrorScale standardErrorScale() {
        return scale;
    }

    /** {@return the variance used: {@link KaplanMeierVariance#GREENWOOD} or {@link KaplanMeierVariance#INFINITESIMAL_JACKKNIFE}} */
    public KaplanMeierVariance variance() {
        return variance;
    }

    /** {@return confidence interval type of the limits} */
    public ConfidenceIntervalType confidenceIntervalType() {
        return type;
    }

    /** {@return confidence level of the limits} */
    public double confidenceLevel() {
        return level;
    }

    /**
     * Every curve at the landmark times, as R's {@code summary(fit, times = , extend = TRUE)}.
     *
     * @param times the times
     * @return every curve at the landmark times, as R's {@code summary(fit, times = , extend = TRUE)}
     */
    public List<LandmarkSummary> at(double... times) {
        List<LandmarkSummary> r = new ArrayList<>();
        for (SurvivalCurve c : curves) {
            r.add(c.at(times));
        }
        return List.copyOf(r);
    }

    /** R checks {@code rmean} against the smallest time of the whole fit (every curve). */
    private void checkHorizon(double tau) {
        double first = Double.POSITIVE_INFINITY;
        for (SurvivalCurve c : curves) {
            first = Math.min(first, c.firstTime());
        }
        SurvivalCurve.checkHorizon(tau, first);
    }

    /**
     * Every curve's restricted mean up to {@code tau}; tau before the smallest time of the fit is an
     * error, as in R.
     *
     * @param tau the time horizon
     * @return every curve's restricted mean up to {@code tau}; tau before the smallest time of the fit is an error, as in R
     */
    public List<RestrictedMean> restrictedMeans(double tau) {
        checkHorizon(tau);
        List<RestrictedMean> r = new ArrayList<>();
        for (SurvivalCurve c : curves) {
            r.add(c.restrictedMeanFrom(tau));
        }
        return List.copyOf(r);
    }

    /**
     * Every curve's restricted mean up to R's automatic horizon: the largest last time of all curves
     * ({@link RestrictedMeanHorizon#COMMON}) or each curve's own last time
     * ({@link RestrictedMeanHorizon#INDIVIDUAL}), as R's {@code survmean}.
     *
     * @param horizon the time horizon
     * @return every curve's restricted mean up to R's automatic horizon: the largest last time of all curves ({@link RestrictedMeanHorizon#COMMON}) or each curve's own last time ({@link RestrictedMeanHorizon#INDIVIDUAL}), as R's {@code survmean}
     */
    public List<RestrictedMean> restrictedMeans(RestrictedMeanHorizon horizon) {
        Check.notNull("restricted mean horizon", horizon);
        double common = Double.NEGATIVE_INFINITY;
        for (SurvivalCurve c : curves) {
            common = Math.max(common, c.time(c.size() - 1));
        }
        List<RestrictedMean> r = new ArrayList<>();
        for (SurvivalCurve c : curves) {
            r.add(c.restrictedMean(horizon == RestrictedMeanHorizon.COMMON ? common : c.time(c.size() - 1)));
        }
        return List.copyOf(r);
    }

    /**
     * S(t) of every curve.
     *
     * @param t the time
     * @return S(t) of every curve
     */
    public double[] survivalAt(double t) {
        double[] r = new double[curves.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = curves.get(i).survivalAt(t);
        }
        return r;
    }

    /**
     * Number at risk per curve at the given times (sorted ascending).
     *
     * @param times the times
     * @return the number at risk per curve at the given times (sorted ascending)
     */
    public RiskTable riskTable(double... times) {
        List<LandmarkSummary> at = at(times);
        double[][] n = new double[curves.size()][];
        for (int i = 0; i < n.length; i++) {
            n[i] = at.get(i).numberAtRisk();
        }
        double[] sorted = curves.isEmpty() ? times.clone() : at.get(0).times();
        return new RiskTable(curveNames(), sorted, n);
    }

    /** {@return R's {@code print(fit)} table: n, events, median and its confidence limits per curve} */
    public String summaryTable() {
        return summaryTable(Double.NaN);
    }

    /**
     * R's {@code print(fit, rmean = tau)} table: as {@link #summaryTable()} with the restricted mean
     * and its standard error up to {@code tau} (NaN = without).
     *
     * @param tau the time horizon
     * @return R's {@code print(fit, rmean = tau)} table: as {@link #summaryTable()} with the restricted mean and its standard error up to {@code tau} (NaN = without)
     */
    public String summaryTable(double tau) {
        boolean rmean = !Double.isNaN(tau);
        if (rmean) {
            checkHorizon(tau);
        }
        int k = curves.size();
        double[] records = new double[k];
        double[] nMax = new double[k];
        double[] nStart = new double[k];
        double[] events = new double[k];
        double[] rm = new double[k];
        double[] rmSe = new double[k];
        double[] med = new double[k];
        double[] lcl = new double[k];
        double[] ucl = new double[k];
        String[] names = new String[k];
        boolean sameStart = true;
        boolean sameRecords = true;
        for (int i = 0; i < k; i++) {
            SurvivalCurve c = curves.get(i);
            names[i] = c.name();
            records[i] = c.rowCount();
            nMax[i] = c.maximumAtRisk();
            nStart[i] = c.initialAtRisk();
            events[i] = c.events();
            if (rmean) {
                RestrictedMean r = c.restrictedMeanFrom(tau);
                rm[i] = r.estimate();
                rmSe[i] = r.standardError();
            }
            med[i] = c.median().orElse(Double.NaN);
            lcl[i] = c.medianLower().orElse(Double.NaN);
            ucl[i] = c.medianUpper().orElse(Double.NaN);
            sameStart &= nMax[i] == nStart[i];
            sameRecords &= records[i] == nMax[i];
        }
        List<String> header = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        // R: n.start dropped (n.max renamed "n") when equal; records dropped when equal to that
        if (!(sameStart && sameRecords)) {
            header.add("records");
            cols.add(records);
        }
        header.add(sameStart ? "n" : "n.max");
        cols.add(nMax);
        if (!sameStart) {
            header.add("n.start");
            cols.add(nStart);
        }
        header.add("events");
        cols.add(events);
        if (rmean) {
            header.add("rmean*");
            cols.add(rm);
            header.add("se(rmean)");
            cols.add(rmSe);
        }
        String lv = RFormat.signif(level, 7);
        header.add("median");
        cols.add(med);
        header.add(lv + "LCL");
        cols.add(lcl);
        header.add(lv + "UCL");
        cols.add(ucl);
        StringBuilder sb = new StringBuilder();
        if (omitted > 0) {
            sb.append("   ").append(omitted).append(omitted == 1 ? " observation" : " observations")
                    .append(" deleted due to missingness\n");
        }
        sb.append(RFormat.table(header.toArray(new String[0]), names, cols.toArray(new double[0][]), 3, RFormat.NotANumber.NA));
        if (rmean) {
            sb.append("    * restricted mean with upper limit =  ").append(RFormat.signif(tau, 7)).append('\n');
        }
        return sb.toString();
    }

    /** R's {@code print(survfit)} table, then any warnings. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(summaryTable());
        for (String w : warnings) {
            sb.append("Warning: ").append(w).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void writeJson(Appendable out) {
        Exports.kaplanMeier(this, new JsonWriter(out), new double[0], OptionalDouble.empty());
    }

    /**
     * As {@link #writeJson(Appendable)}, with each curve's {@code at[]} (R's {@code summary(fit,
     * times = )}) at {@code times} and its restricted mean ({@code rmean}, {@code rmeanSe}) up to
     * {@code tau}.
     *
     * @param out where the text goes
     * @param times landmark times (none: no {@code at[]})
     * @param tau the restricted mean's horizon, or empty for none
     */
    public void writeJson(Appendable out, double[] times, OptionalDouble tau) {
        writeJson(out, times, tau, Exports.DEFAULT_PROBABILITIES);
    }

    /**
     * As {@link #writeJson(Appendable, double[], OptionalDouble)}, with the quantiles at
     * {@code probabilities} (R's {@code quantile(fit, probs = )}) instead of 0.25, 0.5, 0.75.
     *
     * @param out where the text goes
     * @param times landmark times (none: no {@code at[]})
     * @param tau the restricted mean's horizon, or empty for none
     * @param probabilities quantile probabilities, each in [0, 1]
     */
    public void writeJson(Appendable out, double[] times, OptionalDouble tau, double[] probabilities) {
        writeJson(out, times, tau, probabilities, Integer.MAX_VALUE);
    }

    /**
     * As {@link #writeJson(Appendable, double[], OptionalDouble, double[])}, showing at most
     * {@code maxPoints} points of each curve in its arrays (time, nRisk, ..., stdChaz): the first,
     * the last and evenly spaced ranks between, with {@code "thinned": {"points": k, "of": n}}. For
     * display only: every other field (median, quantiles, rmean, at[]) is computed on the whole curve.
     *
     * <pre>{@code
     * fit.writeJson(writer, new double[] {365}, OptionalDouble.empty(), new double[] {0.5}, 2000);
     * }</pre>
     *
     * @param out where the text goes
     * @param times landmark times (none: no {@code at[]})
     * @param tau the restricted mean's horizon, or empty for none
     * @param probabilities quantile probabilities, each in [0, 1]
     * @param maxPoints most points shown per curve, at least 2
     */
    public void writeJson(Appendable out, double[] times, OptionalDouble tau, double[] probabilities,
            int maxPoints) {
        if (tau.isPresent()) {
            checkHorizon(tau.getAsDouble());
        }
        double[] h = new double[curveCount()];
        java.util.Arrays.fill(h, tau.orElse(Double.NaN));
        Exports.kaplanMeier(this, new JsonWriter(out), times.clone(), h, probabilities.clone(), points(maxPoints));
    }

    private static int points(int maxPoints) {
        if (maxPoints < 2) {
            throw io.survkit.internal.Check.fail("maxPoints must be at least 2 (the first and last point), got %d",
                    maxPoints);
        }
        return maxPoints;
    }

    /**
     * As {@link #writeJson(Appendable, double[], OptionalDouble, double[])}, with each curve's
     * restricted mean up to R's automatic horizon ({@link #restrictedMeans(RestrictedMeanHorizon)}).
     *
     * @param out where the text goes
     * @param times landmark times (none: no {@code at[]})
     * @param horizon common or individual horizon
     * @param probabilities quantile probabilities, each in [0, 1]
     */
    public void writeJson(Appendable out, double[] times, RestrictedMeanHorizon horizon, double[] probabilities) {
        writeJson(out, times, horizon, probabilities, Integer.MAX_VALUE);
    }

    /**
     * As {@link #writeJson(Appendable, double[], RestrictedMeanHorizon, double[])}, each curve's
     * arrays thinned for display to at most {@code maxPoints} points as in
     * {@link #writeJson(Appendable, double[], OptionalDouble, double[], int)}.
     *
     * @param out where the text goes
     * @param times landmark times (none: no {@code at[]})
     * @param horizon common or individual horizon
     * @param probabilities quantile probabilities, each in [0, 1]
     * @param maxPoints most points shown per curve, at least 2
     */
    public void writeJson(Appendable out, double[] times, RestrictedMeanHorizon horizon, double[] probabilities,
            int maxPoints) {
        double[] h = new double[curveCount()];
        List<RestrictedMean> m = restrictedMeans(horizon);
        for (int k = 0; k < h.length; k++) {
            h[k] = m.get(k).tau();
        }
        Exports.kaplanMeier(this, new JsonWriter(out), times.clone(), h, probabilities.clone(), points(maxPoints));
    }

    @Override
    public Table table() {
        return Exports.kaplanMeierTable(this);
    }

}
