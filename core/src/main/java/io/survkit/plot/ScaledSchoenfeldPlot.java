package io.survkit.plot;

import io.survkit.data.NaturalSpline;
import io.survkit.internal.Check;
import io.survkit.internal.HouseholderQr;
import io.survkit.internal.RFormat;
import io.survkit.regression.ProportionalHazardsResult;
import io.survkit.regression.ScaledSchoenfeldResiduals;
import io.survkit.regression.TimeTransform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Scaled Schoenfeld residuals against transformed time, one panel per model term, as R's
 * {@code plot(cox.zph(fit))} (and survminer's {@code ggcoxzph}): the residuals as points, the
 * smooth Beta(t) and its band &plusmn; 2 se, and the term's proportional-hazards test p in the panel title
 * (the global test in the figure title). A flat smooth inside its band is what proportional hazards
 * look like. The smooth is {@link #smooth}: R's {@code plot.cox.zph} computation, and the time axis
 * is labelled in real time at R's eight positions.
 *
 * <pre>{@code
 * ProportionalHazardsResult zph = ProportionalHazardsTest.withDefaults().test(fit);
 * String svg = ScaledSchoenfeldPlot.withDefaults().withTimeLabel("Days").render(zph);
 * }</pre>
 */
public final class ScaledSchoenfeldPlot {
    private static final ScaledSchoenfeldPlot DEFAULTS = new ScaledSchoenfeldPlot("", "Time");
    /** R's {@code plot.cox.zph} defaults: {@code df = 4}, {@code nsmo = 40}. */
    private static final int DF = 4;
    private static final int NSMO = 40;
    private static final double PANEL_W = 480;
    private static final double PANEL_H = 360;
    private final String title;
    private final String timeLabel;

    private ScaledSchoenfeldPlot(String title, String timeLabel) {
        this.title = title;
        this.timeLabel = timeLabel;
    }

    /** {@return the defaults: the title is the global test, time axis label "Time" (R's {@code xlab})} */
    public static ScaledSchoenfeldPlot withDefaults() {
        return DEFAULTS;
    }

    /**
     * @param t the figure title (default: the global test's p-value)
     * @return a plot with this title
     */
    public ScaledSchoenfeldPlot withTitle(String t) {
        return new ScaledSchoenfeldPlot(Check.notNull("title", t), timeLabel);
    }

    /**
     * @param t the time axis label
     * @return a plot with this label
     */
    public ScaledSchoenfeldPlot withTimeLabel(String t) {
        return new ScaledSchoenfeldPlot(title, Check.notNull("time label", t));
    }

    /**
     * The smooth of one term and its band.
     *
     * @param x the {@link #NSMO} = 40 equally spaced transformed times from the smallest to the largest
     * @param fit the smooth Beta(t) at x
     * @param lower fit - 2 se
     * @param upper fit + 2 se
     */
    public record Smooth(double[] x, double[] fit, double[] lower, double[] upper) {
    }

    /**
     * R {@code plot.cox.zph}'s curve for one term ({@code plot(zph, var = term, plot = FALSE)}): a least
     * squares fit of the residuals y on a natural cubic spline of the transformed time x with 4 degrees
     * of freedom and an intercept ({@code ns(c(pred.x, x), df = 4, intercept = TRUE)}: interior knots at
     * the 1/3 and 2/3 quantiles of the 40 prediction points and the x together, boundary knots at
     * their range), predicted at pred.x, with se(pred) = sqrt(zph$var[term, term] p' (X'X)^-1 p), not
     * the residual variance, and the band fit &plusmn; 2 se. Residuals that are NaN (R's structural-zero
     * {@code NA}, a stratum where the term is constant) are left out of the fit, as R leaves them; the
     * knots still use every x. Any basis of that spline space gives the same
     * curve; here the intercept and R's {@code ns} basis without intercept ({@link NaturalSpline}).
     *
     * @param r the residuals of a proportional-hazards test
     * @param term index into {@link ScaledSchoenfeldResiduals#terms()}
     * @return the curve
     * @throws IllegalArgumentException when the spline fit is singular (too few distinct times; R skips
     *         the term with a warning)
     */
    public static Smooth smooth(ScaledSchoenfeldResiduals r, int term) {
        double[] xx = r.transformedTimes();
        double[] y = r.residuals(term);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : xx) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] pred = new double[NSMO];
        double by = (max - min) / (NSMO - 1);
        for (int i = 0; i < NSMO; i++) {
            pred[i] = min + i * by; // R seq(from, to, length = 40): from + i * by, the last one exactly to
        }
        pred[NSMO - 1] = max;
        double[] both = new double[NSMO + xx.length];
        System.arraycopy(pred, 0, both, 0, NSMO);
        System.arraycopy(xx, 0, both, NSMO, xx.length);
        NaturalSpline ns = NaturalSpline.of(both, DF - 1);
        double[][] px = design(ns, pred);
        // R: structural zeros (NA residuals of a stratum where the term is constant) are left out of the fit
        int n = 0;
        for (double v : y) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        double[] xk = new double[n];
        double[] yk = new double[n];
        n = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                xk[n] = xx[i];
                yk[n++] = y[i];
            }
        }
        double[][] a = design(ns, xk);
        double[] qraux = new double[DF];
        int[] pivot = new int[DF];
        int rank = n < DF ? 0 : HouseholderQr.decompose(a, n, DF, 1e-7, qraux, pivot);
        if (rank < DF) {
            throw Check.fail("the spline fit of term '%s' is singular (too few distinct event times)",
                    r.terms().get(term));
        }
        double[] b = HouseholderQr.solve(a, n, DF, rank, qraux, yk);
        double[] cov = HouseholderQr.unscaledCovariance(a, rank);
        double var = r.variance()[term][term];
        double[] fit = new double[NSMO];
        double[] lo = new double[NSMO];
        double[] hi = new double[NSMO];
        for (int i = 0; i < NSMO; i++) {
            double f = 0;
            double q = 0;
            for (int j = 0; j < DF; j++) {
                f += px[pivot[j]][i] * b[j];
                for (int k = 0; k < DF; k++) {
                    q += px[pivot[j]][i] * cov[j * DF + k] * px[pivot[k]][i];
                }
            }
            double half = 2 * Math.sqrt(var * q);
            fit[i] = f;
            lo[i] = f - half;
            hi[i] = f + half;
        }
        return new Smooth(pred, fit, lo, hi);
    }

    /** Columns (column-major) of the design: intercept, then the ns basis. */
    private static double[][] design(NaturalSpline ns, double[] x) {
        double[][] basis = ns.basis(x);
        double[][] a = new double[DF][];
        a[0] = new double[x.length];
        Arrays.fill(a[0], 1);
        for (int j = 1; j < DF; j++) {
            a[j] = basis[j - 1];
        }
        return a;
    }

    /**
     * The figure of every term of a proportional-hazards test, two panels a row.
     *
     * @param zph the test (its {@link ProportionalHazardsResult#residuals()})
     * @return the SVG document
     */
    public String render(ProportionalHazardsResult zph) {
        Check.notNull("proportional-hazards test", zph);
        ScaledSchoenfeldResiduals r = zph.residuals();
        int nt = r.terms().size();
        int cols = Math.min(2, nt);
        int rows = (nt + 1) / 2;
        double top = 50;
        double width = cols * PANEL_W;
        double height = top + rows * PANEL_H;
        String heading = title.isEmpty() ? "Global Schoenfeld test p: " + p(zph.global().pValue()) : title;
        Svg s = new Svg(width, height, heading);
        s.text(width / 2, 30, "middle", 16, "#000", heading, "font-weight", "bold", "class", "title");
        double[] ticks = timeTicks(r);
        for (int t = 0; t < nt; t++) {
            double x0 = (t % 2) * PANEL_W;
            double y0 = top + (t / 2) * PANEL_H;
            int row = zph.terms().indexOf(r.terms().get(t));
            double pv = row >= 0 ? zph.test(row).pValue() : Double.NaN;
            panel(s, r, t, pv, x0, y0, ticks);
        }
        return s.finish();
    }

    private static String p(double v) {
        return RFormat.signif(v, 4);
    }

    private void panel(Svg s, ScaledSchoenfeldResiduals r, int term, double pValue, double x0, double y0,
            double[] ticks) {
        Smooth sm = smooth(r, term);
        double[] xx = r.transformedTimes();
        double[] y = r.residuals(term);
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (double[] v : new double[][] {y, sm.lower(), sm.upper()}) {
            for (double w : v) {
                if (!Double.isNaN(w)) {
                    ylo = Math.min(ylo, w);
                    yhi = Math.max(yhi, w);
                }
            }
        }
        double[] yTicks = Ticks.between(ylo, yhi, 5);
        double left = x0 + 70;
        double right = x0 + PANEL_W - 20;
        double ptop = y0 + 30;
        double bottom = y0 + PANEL_H - 60;
        double xmin = sm.x()[0];
        double xmax = sm.x()[NSMO - 1];
        double lo = yTicks[0];
        double hi = yTicks[yTicks.length - 1];
        java.util.function.DoubleUnaryOperator px = v -> left + (xmax > xmin ? (v - xmin) / (xmax - xmin) : 0.5)
                * (right - left);
        java.util.function.DoubleUnaryOperator py = v -> bottom - (v - lo) / (hi - lo) * (bottom - ptop);
        String name = r.terms().get(term);
        s.open("g", "class", "zph-panel", "data-term", name, "data-p", Double.toString(pValue));
        s.text((left + right) / 2, y0 + 18, "middle", 13, "#000",
                name + ": Schoenfeld individual test p = " + p(pValue), "font-weight", "bold", "class",
                "panel-title");
        s.line(left, bottom, right, bottom, "#000", 1);
        s.line(left, ptop, left, bottom, "#000", 1);
        for (double v : yTicks) {
            double yy = py.applyAsDouble(v);
            s.line(left - 5, yy, left, yy, "#000", 1);
            s.text(left - 8, yy + 4, "end", 11, "#000", Ticks.label(v), "class", "y-tick");
        }
        for (int i = 0; i + 1 < ticks.length; i += 2) {
            double xv = px.applyAsDouble(ticks[i]);
            if (xv < left - 0.5 || xv > right + 0.5) {
                continue;
            }
            s.line(xv, bottom, xv, bottom + 5, "#000", 1);
            s.text(xv, bottom + 18, "middle", 11, "#000", Ticks.label(ticks[i + 1]), "class", "x-tick");
        }
        s.text((left + right) / 2, bottom + 38, "middle", 12, "#000", timeLabel, "class", "x-label");
        double mid = (ptop + bottom) / 2;
        s.text(x0 + 16, mid, "middle", 12, "#000", "Beta(t) for " + name, "transform",
                "rotate(-90 " + Svg.num(x0 + 16) + " " + Svg.num(mid) + ")", "class", "y-label");
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < xx.length; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            double cx = px.applyAsDouble(xx[i]);
            double cy = py.applyAsDouble(y[i]);
            dots.append('M').append(Svg.num(cx - 2.5)).append(',').append(Svg.num(cy)).append("a2.5,2.5 0 1,0 5,0")
                    .append("a2.5,2.5 0 1,0 -5,0");
        }
        s.path(dots, "#555", 0.8, "none", "class", "residuals");
        s.path(line(sm.x(), sm.fit(), px, py), "#0072B2", 2, "none", "class", "smooth");
        s.path(line(sm.x(), sm.upper(), px, py), "#0072B2", 1, "none", "stroke-dasharray", "5 4", "class", "band");
        s.path(line(sm.x(), sm.lower(), px, py), "#0072B2", 1, "none", "stroke-dasharray", "5 4", "class", "band");
        s.close("g");
    }

    private static CharSequence line(double[] x, double[] y, java.util.function.DoubleUnaryOperator px,
            java.util.function.DoubleUnaryOperator py) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            d.append(i == 0 ? 'M' : 'L').append(Svg.num(px.applyAsDouble(x[i]))).append(',')
                    .append(Svg.num(py.applyAsDouble(y[i])));
        }
        return d;
    }

    /**
     * The time-axis ticks as pairs (position on the transformed axis, time label). Identity: nice
     * ticks in time. Otherwise R's: eight equally spaced transformed values (the even ones of 17),
     * their times by linear interpolation, rounded to 2 significant digits, and back to the
     * transformed axis (R {@code approx} over the distinct x).
     */
    static double[] timeTicks(ScaledSchoenfeldResiduals r) {
        double[] xx = r.transformedTimes();
        double[] tt = r.times();
        if (r.transform() == TimeTransform.IDENTITY) {
            double max = 0;
            for (double v : xx) {
                max = Math.max(max, v);
            }
            double[] t = Ticks.upTo(max, 6, false);
            double[] pairs = new double[2 * t.length];
            for (int i = 0; i < t.length; i++) {
                pairs[2 * i] = t[i];
                pairs[2 * i + 1] = t[i];
            }
            return pairs;
        }
        // distinct x (first occurrence, R !duplicated), sorted by x for interpolation
        List<double[]> pts = new ArrayList<>();
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int i = 0; i < xx.length; i++) {
            if (seen.add(xx[i])) {
                pts.add(new double[] {xx[i], tt[i]});
            }
        }
        pts.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] px = new double[pts.size()];
        double[] pt = new double[pts.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = pts.get(i)[0];
            pt[i] = pts.get(i)[1];
        }
        double min = px[0];
        double max = px[px.length - 1];
        List<Double> out = new ArrayList<>();
        for (int k = 1; k <= 8; k++) {
            double at = min + (2 * k - 1) * ((max - min) / 16); // seq(min, max, length = 17)[2k]
            double time = approx(px, pt, at);
            if (Double.isNaN(time)) {
                continue;
            }
            double label = Double.parseDouble(String.format(Locale.ROOT, "%.2g", time)); // signif(, 2)
            double pos = approxByTime(pt, px, label);
            if (!Double.isNaN(pos)) {
                out.add(pos);
                out.add(label);
            }
        }
        double[] pairs = new double[out.size()];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = out.get(i);
        }
        return pairs;
    }

    /** Linear interpolation of (x, y) sorted by x at v; NaN outside. */
    private static double approx(double[] x, double[] y, double v) {
        if (v < x[0] || v > x[x.length - 1]) {
            return Double.NaN;
        }
        int i = Arrays.binarySearch(x, v);
        if (i >= 0) {
            return y[i];
        }
        int j = -i - 1;
        return y[j - 1] + (y[j] - y[j - 1]) * (v - x[j - 1]) / (x[j] - x[j - 1]);
    }

    /** Interpolation of the transformed time at a time (times increase with x). */
    private static double approxByTime(double[] time, double[] x, double v) {
        double[][] byTime = new double[time.length][];
        for (int i = 0; i < time.length; i++) {
            byTime[i] = new double[] {time[i], x[i]};
        }
        Arrays.sort(byTime, (a, b) -> Double.compare(a[0], b[0]));
        double[] t = new double[time.length];
        double[] g = new double[time.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = byTime[i][0];
            g[i] = byTime[i][1];
        }
        return approx(t, g, v);
    }
}
