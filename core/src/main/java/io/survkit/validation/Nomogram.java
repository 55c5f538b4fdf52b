package io.survkit.validation;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import io.survkit.internal.Pretty;
import io.survkit.internal.RFormat;
import io.survkit.regression.BaselineHazard;
import io.survkit.regression.CoxResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scales of a nomogram for a Cox model, as {@code rms::nomogram}: one points axis per model term,
 * the term whose contribution x'beta varies most spanning 0 to {@link #withMaxPoints max points};
 * total points; the linear predictor; and the predicted survival S(t | x) = exp(-H0(t) exp(x'beta))
 * at chosen times.
 * <ul>
 * <li>Term settings: a factor's levels (placed by their coefficients, the reference at 0 effect); a
 * numeric covariate with fewer than 10 distinct values at those values; else R's
 * {@code pretty(range(x), nint)}.</li>
 * <li>Points: (x'beta - smallest x'beta of the term) times sc = max points / largest range of x'beta.</li>
 * <li>Total points axis: {@code pretty(c(0, max(max points, sc * max(lp.at - intercept))), nint)};
 * linear predictor axis: {@code lp.at = pretty(range(lp), nint)} of the rows' linear predictors
 * centred at the design's column means (rms's centring).</li>
 * <li>Survival axes: ticks {@code pretty(S(t | range(lp.at)), nint)} (or those given), placed at the
 * exact points where the model predicts them (rms interpolates the inverse on a 1000-point grid;
 * positions agree to about 1e-3 points).</li>
 * </ul>
 *
 * <p>Defaults ({@link #withDefaults()}): 100 points, 10 intervals, no survival axis.
 *
 * <pre>{@code
 * CoxResult fit = CoxRegression.withDefaults().fit(lung, "age + sex + factor(ph.ecog)");
 * NomogramScales n = Nomogram.withDefaults().withTimes(365, 730).build(fit, lung);
 * String svg = NomogramPlot.withDefaults().render(n);
 * }</pre>
 */
public final class Nomogram {
    private static final Nomogram DEFAULTS = new Nomogram(100, 10, new double[0], null);
    private final double maxPoints;
    private final int intervals;
    private final double[] times;
    private final double[] survivalTicks;

    private Nomogram(double maxPoints, int intervals, double[] times, double[] survivalTicks) {
        this.maxPoints = maxPoints;
        this.intervals = intervals;
        this.times = times;
        this.survivalTicks = survivalTicks;
    }

    /**
     * 100 points, 10 intervals (R {@code maxscale}, {@code nint}), no survival axis.
     *
     * @return the shared default instance
     */
    public static Nomogram withDefaults() {
        return DEFAULTS;
    }

    /**
     * Points of the term with the widest effect (R {@code maxscale}), finite and &gt; 0.
     *
     * @param points the points
     * @return a new instance with this setting (this one is unchanged)
     */
    public Nomogram withMaxPoints(double points) {
        return new Nomogram(Check.positiveFinite("maximum points", points), intervals, times, survivalTicks);
    }

    /**
     * About how many intervals an axis gets (R {@code nint}), at least 2.
     *
     * @param n the count
     * @return a new instance with this setting (this one is unchanged)
     */
    public Nomogram withIntervals(int n) {
        if (n < 2) {
            throw Check.fail("intervals must be >= 2, got %d", n);
        }
        return new Nomogram(maxPoints, n, times, survivalTicks);
    }

    /**
     * Times of the predicted-survival axes (e.g. 12, 36, 60 months), each finite and &gt; 0.
     *
     * @param t the time
     * @return a new instance with this setting (this one is unchanged)
     */
    public Nomogram withTimes(double... t) {
        Check.notNull("times", t);
        for (double v : t) {
            Check.positiveFinite("time", v);
        }
        return new Nomogram(maxPoints, intervals, t.clone(), survivalTicks);
    }

    /**
     * Survival probabilities to mark on every survival axis (R {@code fun.at}), each in (0, 1).
     *
     * @param s the 0-based index
     * @return a new instance with this setting (this one is unchanged)
     */
    public Nomogram withSurvivalTicks(double... s) {
        Check.notNull("survival ticks", s);
        for (double v : s) {
            Check.openUnit("survival tick", v);
        }
        return new Nomogram(maxPoints, intervals, times, s.clone());
    }

    /**
     * The scales for {@code fit}, a Cox model fitted to {@code data} (its terms resolved against the
     * data give the ranges and the centring).
     *
     * @param fit the fitted model
     * @param data the data
     * @return the scales for {@code fit}, a Cox model fitted to {@code data} (its terms resolved against the data give the ranges and the centring)
     * @throws IllegalArgumentException for a stratified model or one with interactions
     */
    public NomogramScales build(CoxResult fit, SurvivalData data) {
        Check.notNull("fit", fit);
        Check.notNull("data", data);
        if (fit.strataColumn().isPresent()) {
            throw Check.fail("a nomogram needs one baseline hazard; the model is stratified by '%s'", fit.strataColumn().get());
        }
        ModelFrame frame = ModelFrame.of(data, fit.formula());
        List<String> columns = frame.columnNames();
        double[] beta = new double[columns.size()];
        double[] fitted = fit.coefficients();
        for (int j = 0; j < fitted.length; j++) {
            int c = columns.indexOf(fit.terms().get(j));
            if (c >= 0 && !Double.isNaN(fitted[j])) {
                beta[c] = fitted[j];
            }
        }
        List<Setting> settings = new ArrayList<>();
        double[][] design = new double[columns.size()][];
        for (ModelFrame.TermSpan span : frame.termSpans()) {
            if (span.name().contains(":")) {
                throw Check.fail("the nomogram does not draw interactions (term '%s')", span.name());
            }
            settings.add(setting(span, frame, beta, design));
        }
        double widest = 0;
        double lowSum = 0;
        for (Setting s : settings) {
            widest = Math.max(widest, s.max() - s.min());
            lowSum += s.min();
        }
        if (!(widest > 0)) {
            throw Check.fail("every term has zero effect: no nomogram to draw");
        }
        double sc = maxPoints / widest;
        List<NomogramAxis> axes = new ArrayList<>();
        for (Setting s : settings) {
            double[] p = new double[s.effects.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = (s.effects[i] - s.min()) * sc;
            }
            axes.add(new NomogramAxis(s.name, s.labels, s.effects, p));
        }
        double center = 0;
        double[] lp = new double[frame.rowCount()];
        for (int j = 0; j < design.length; j++) {
            double mean = 0;
            for (int i = 0; i < lp.length; i++) {
                mean += design[j][i];
                lp[i] += design[j][i] * beta[j];
            }
            center += mean / lp.length * beta[j];
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : lp) {
            lo = Math.min(lo, v - center);
            hi = Math.max(hi, v - center);
        }
        double[] lpAt = Pretty.of(lo, hi, intervals);
        double intercept = -center + lowSum;
        double sumMax = settings.size() == 1 ? maxPoints
                : Math.max(maxPoints, sc * (lpAt[lpAt.length - 1] - intercept));
        double[] total = Pretty.of(0, sumMax, intervals);
        NomogramAxis totalAxis = new NomogramAxis("Total points", labels(total), total, total);
        double[] lpPoints = new double[lpAt.length];
        for (int i = 0; i < lpAt.length; i++) {
            lpPoints[i] = (lpAt[i] - intercept) * sc;
        }
        NomogramAxis lpAxis = new NomogramAxis("Linear predictor", labels(lpAt), lpAt, lpPoints);
        List<NomogramAxis> surv = new ArrayList<>();
        BaselineHazard h = times.length == 0 ? null : fit.prediction().baselineHazard();
        for (double t : times) {
            surv.add(survivalAxis(t, cumulativeHazard(h, t), center, lpAt, lowSum, sc));
        }
        return new NomogramScales(axes, totalAxis, lpAxis, surv, sc, maxPoints);
    }

    private NomogramAxis survivalAxis(double t, double h0, double center, double[] lpAt, double lowSum, double sc) {
        if (!(h0 > 0)) {
            throw Check.fail("no event by time %s: the predicted survival is 1 for everyone", t);
        }
        double sLow = Math.exp(-h0 * Math.exp(lpAt[lpAt.length - 1] + center));
        double sHigh = Math.exp(-h0 * Math.exp(lpAt[0] + center));
        double[] ticks = survivalTicks != null ? survivalTicks : Pretty.of(sLow, sHigh, intervals);
        List<String> labels = new ArrayList<>();
        double[] values = new double[ticks.length];
        double[] points = new double[ticks.length];
        int m = 0;
        for (double s : ticks) {
            double lpu = Math.log(-Math.log(s) / h0);
            double lpc = lpu - center;
            if (s > 0 && s < 1 && lpc >= lpAt[0] && lpc <= lpAt[lpAt.length - 1]) {
                values[m] = s;
                points[m++] = (lpu - lowSum) * sc;
                labels.add(RFormat.signif(s, 7));
            }
        }
        return new NomogramAxis("S(" + RFormat.signif(t, 7) + ")", labels, Arrays.copyOf(values, m),
                Arrays.copyOf(points, m));
    }

    private static double cumulativeHazard(BaselineHazard h, double t) {
        double v = 0;
        for (int i = 0; i < h.size() && h.time(i) <= t; i++) {
            v = h.cumulativeHazard(i);
        }
        return v;
    }

    /** A term's settings (ticks), labels and contributions x'beta; fills its design columns. */
    private Setting setting(ModelFrame.TermSpan span, ModelFrame frame, double[] beta, double[][] design) {
        int first = span.firstColumn();
        for (int j = first; j < first + span.columnCount(); j++) {
            design[j] = frame.column(j);
        }
        if (!span.levels().isEmpty()) {
            // a factor: the reference level at 0, level l at the coefficient of its dummy column
            double[] eff = new double[span.levels().size()];
            for (int l = 1; l < eff.length; l++) {
                eff[l] = beta[first + l - 1];
            }
            return new Setting(span.name(), span.levels(), eff);
        }
        double[] x = design[first];
        double[] distinct = Arrays.stream(x).distinct().sorted().toArray();
        double[] at = distinct.length < 10 ? distinct
                : Pretty.of(distinct[0], distinct[distinct.length - 1], intervals);
        double[] eff = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            eff[i] = at[i] * beta[first];
        }
        return new Setting(span.name(), labels(at), eff);
    }

    private static List<String> labels(double[] v) {
        List<String> l = new ArrayList<>();
        for (double x : v) {
            l.add(RFormat.signif(x, 7));
        }
        return l;
    }

    private record Setting(String name, List<String> labels, double[] effects) {
        double min() {
            return Arrays.stream(effects).min().orElse(0);
        }

        double max() {
            return Arrays.stream(effects).max().orElse(0);
        }
    }
}
