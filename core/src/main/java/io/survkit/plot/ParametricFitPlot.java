package io.survkit.plot;

import io.survkit.estimate.SurvivalCurve;
import io.survkit.internal.Check;
import io.survkit.parametric.ModelComparisonResult;
import io.survkit.parametric.ModelComparisonRow;
import java.util.List;

/**
 * The model-choice figures of NICE DSU TSD 14 as SVG: the fitted survival curves of every
 * distribution over the Kaplan-Meier curve with its confidence band, extended to the horizon
 * ({@link #survival}); and the fitted hazards beside a smoothed empirical hazard ({@link #hazard}:
 * Nelson-Aalen increments smoothed with the Epanechnikov kernel, Ramlau-Hansen 1983, bandwidth a
 * tenth of the last event time, drawn where the kernel window lies inside the follow-up).
 * Immutable and fluent.
 *
 * <pre>{@code
 * ModelComparisonResult models = ModelComparison.withDefaults().withHorizon(3650).fit(arm);
 * SurvivalCurve km = KaplanMeier.withDefaults().fit(arm).curve(0);
 * String svg = ParametricFitPlot.withDefaults().withTitle("Extrapolation").survival(km, models);
 * }</pre>
 */
public final class ParametricFitPlot {
    private static final ParametricFitPlot DEFAULTS = new ParametricFitPlot("", "Time", 800, 520);
    private static final int GRID = 200;

    private final String title;
    private final String timeLabel;
    private final double width;
    private final double height;

    private ParametricFitPlot(String title, String timeLabel, double width, double height) {
        this.title = title;
        this.timeLabel = timeLabel;
        this.width = width;
        this.height = height;
    }

    /**
     * 800 x 520 px, no title, x label "Time", Okabe-Ito colours.
     *
     * @return the shared default instance
     */
    public static ParametricFitPlot withDefaults() {
        return DEFAULTS;
    }

    /**
     * Title.
     *
     * @param t the title
     * @return a plot with this option (this one is unchanged)
     */
    public ParametricFitPlot withTitle(String t) {
        return new ParametricFitPlot(Check.notNull("title", t), timeLabel, width, height);
    }

    /** Label of the time axis. */
    public ParametricFitPlot withTimeLabel(String t) {
        return new ParametricFitPlot(title, Check.notNull("time label", t), width, height);
    }

    /**
     * Survival: Kaplan-Meier step curve and band, each model's S(t) from 0 to the horizon.
     *
     * @param km the survival curve
     * @param models the models
     * @return survival: Kaplan-Meier step curve and band, each model's S(t) from 0 to the horizon
     */
    public String survival(SurvivalCurve km, ModelComparisonResult models) {
        Check.notNull("Kaplan-Meier curve", km);
        Check.notNull("models", models);
        double tmax = Math.max(models.horizon(), km.size() > 0 ? km.time(km.size() - 1) : 0);
        Frame f = new Frame(tmax, 1, "Survival probability");
        Svg svg = f.begin();
        // band
        StringBuilder band = new StringBuilder();
        StringBuilder upper = new StringBuilder("M").append(Svg.num(f.x(0))).append(',').append(Svg.num(f.y(1)));
        StringBuilder lower = new StringBuilder();
        double prevU = 1;
        double prevL = 1;
        for (int i = 0; i < km.size(); i++) {
            double u = finite(km.upper(i), prevU);
            double l = finite(km.lower(i), prevL);
            upper.append(" L").append(Svg.num(f.x(km.time(i)))).append(',').append(Svg.num(f.y(prevU)))
                    .append(" L").append(Svg.num(f.x(km.time(i)))).append(',').append(Svg.num(f.y(u)));
            lower.insert(0, " L" + Svg.num(f.x(km.time(i))) + "," + Svg.num(f.y(l)) + " L" + Svg.num(f.x(km.time(i)))
                    + "," + Svg.num(f.y(prevL)));
            prevU = u;
            prevL = l;
        }
        if (km.size() > 0) {
            double last = km.time(km.size() - 1);
            band.append(upper).append(" L").append(Svg.num(f.x(last))).append(',').append(Svg.num(f.y(prevL)))
                    .append(lower).append(" L").append(Svg.num(f.x(0))).append(',').append(Svg.num(f.y(1))).append(" Z");
            svg.path(band, "none", 0, "#000000", "fill-opacity", "0.12");
        }
        StringBuilder step = new StringBuilder("M").append(Svg.num(f.x(0))).append(',').append(Svg.num(f.y(1)));
        double prev = 1;
        for (int i = 0; i < km.size(); i++) {
            step.append(" L").append(Svg.num(f.x(km.time(i)))).append(',').append(Svg.num(f.y(prev))).append(" L")
                    .append(Svg.num(f.x(km.time(i)))).append(',').append(Svg.num(f.y(km.survival(i))));
            prev = km.survival(i);
        }
        svg.path(step, "#000000", 2, "none");
        double[] grid = grid(0, tmax);
        List<ModelComparisonRow> rows = models.rows();
        for (int m = 0; m < rows.size(); m++) {
            f.line(svg, grid, models.survival(m, grid), Palette.OKABE_ITO.colour(m), 1);
        }
        f.legend(svg, rows, "Kaplan-Meier (" + Math.round(100 * km.confidenceLevel()) + "% CI)");
        return svg.finish();
    }

    /**
     * Hazard: the smoothed empirical hazard (black) and each model's h(t) to the horizon.
     *
     * @param km the survival curve
     * @param models the models
     * @return hazard: the smoothed empirical hazard (black) and each model's h(t) to the horizon
     */
    public String hazard(SurvivalCurve km, ModelComparisonResult models) {
        Check.notNull("Kaplan-Meier curve", km);
        Check.notNull("models", models);
        double lastEvent = 0;
        for (int i = 0; i < km.size(); i++) {
            if (km.numberOfEvents(i) > 0) {
                lastEvent = km.time(i);
            }
        }
        double b = lastEvent / 10;
        double tmax = Math.max(models.horizon(), lastEvent);
        double[] grid = grid(tmax / GRID, tmax);
        double[] empirical = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            empirical[g] = grid[g] >= b && grid[g] <= lastEvent - b ? smoothed(km, grid[g], b) : Double.NaN;
        }
        double ymax = 0;
        for (double v : empirical) {
            ymax = Double.isFinite(v) ? Math.max(ymax, v) : ymax;
        }
        double[][] h = new double[models.rows().size()][];
        for (int m = 0; m < h.length; m++) {
            h[m] = models.hazard(m, grid);
        }
        double top = ymax > 0 ? 2.5 * ymax : 1;
        Frame f = new Frame(tmax, top, "Hazard");
        Svg svg = f.begin();
        f.line(svg, grid, empirical, "#000000", 2);
        for (int m = 0; m < h.length; m++) {
            f.line(svg, grid, h[m], Palette.OKABE_ITO.colour(m), 1);
        }
        f.legend(svg, models.rows(), "Smoothed hazard (data)");
        return svg.finish();
    }

    /** Epanechnikov-smoothed Nelson-Aalen increments: (1/b) sum K((t - t_i)/b) d_i / n_i. */
    private static double smoothed(SurvivalCurve km, double t, double b) {
        double s = 0;
        for (int i = 0; i < km.size(); i++) {
            double d = km.numberOfEvents(i);
            if (d == 0) {
                continue;
            }
            double u = (t - km.time(i)) / b;
            if (Math.abs(u) < 1) {
                s += 0.75 * (1 - u * u) * d / km.numberAtRisk(i);
            }
        }
        return s / b;
    }

    private static double[] grid(double from, double to) {
        double[] g = new double[GRID + 1];
        for (int i = 0; i <= GRID; i++) {
            g[i] = from + (to - from) * i / GRID;
        }
        return g;
    }

    private static double finite(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    /** Plot area, axes and the mapping from data to pixels. */
    private final class Frame {
        final double left = 70;
        final double right = 190;
        final double top = title.isEmpty() ? 20 : 45;
        final double bottom = 60;
        final double xmax;
        final double ymax;
        final String yLabel;
        final double[] xt;
        final double[] yt;

        Frame(double tmax, double ymax, String yLabel) {
            this.xt = Ticks.upTo(tmax, 8, false);
            this.xmax = xt[xt.length - 1];
            double[] ticks = Ticks.upTo(ymax, 5, false);
            this.yt = ticks;
            this.ymax = ticks[ticks.length - 1];
            this.yLabel = yLabel;
        }

        double x(double t) {
            return left + (width - left - right) * t / xmax;
        }

        double y(double v) {
            return height - bottom - (height - top - bottom) * Math.min(v, ymax) / ymax;
        }

        Svg begin() {
            Svg svg = new Svg(width, height, title.isEmpty() ? yLabel : title);
            if (!title.isEmpty()) {
                svg.text(width / 2, 28, "middle", 16, "#000000", title);
            }
            svg.line(x(0), y(0), x(xmax), y(0), "#000000", 1);
            svg.line(x(0), y(0), x(0), y(ymax), "#000000", 1);
            for (double t : xt) {
                svg.line(x(t), y(0), x(t), y(0) + 5, "#000000", 1);
                svg.text(x(t), y(0) + 20, "middle", 12, "#000000", Ticks.label(t));
            }
            for (double v : yt) {
                svg.line(x(0) - 5, y(v), x(0), y(v), "#000000", 1);
                svg.text(x(0) - 8, y(v) + 4, "end", 12, "#000000", Ticks.label(v));
            }
            svg.text((x(0) + x(xmax)) / 2, height - 15, "middle", 13, "#000000", timeLabel);
            svg.text(18, (y(0) + y(ymax)) / 2, "middle", 13, "#000000", yLabel, "transform",
                    "rotate(-90 18 " + Svg.num((y(0) + y(ymax)) / 2) + ")");
            return svg;
        }

        /** A polyline through the finite points (a gap where a value is not finite). */
        void line(Svg svg, double[] t, double[] v, String colour, double w) {
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < t.length; i++) {
                if (!Double.isFinite(v[i])) {
                    pen = false;
                    continue;
                }
                d.append(pen ? " L" : (d.length() == 0 ? "M" : " M")).append(Svg.num(x(t[i]))).append(',')
                        .append(Svg.num(y(v[i])));
                pen = true;
            }
            if (d.length() > 0) {
                svg.path(d, colour, w + 1, "none");
            }
        }

        void legend(Svg svg, List<ModelComparisonRow> rows, String reference) {
            double lx = width - right + 15;
            double ly = top + 10;
            svg.line(lx, ly, lx + 22, ly, "#000000", 3);
            svg.text(lx + 28, ly + 4, "start", 12, "#000000", reference.length() > 22 ? reference.substring(0, 22)
                    : reference);
            for (int m = 0; m < rows.size(); m++) {
                double yy = ly + 20 * (m + 1);
                svg.line(lx, yy, lx + 22, yy, Palette.OKABE_ITO.colour(m), 2);
                svg.text(lx + 28, yy + 4, "start", 12, "#000000", rows.get(m).distribution() + " (AIC "
                        + Math.round(rows.get(m).aic()) + ")");
            }
        }
    }
}
