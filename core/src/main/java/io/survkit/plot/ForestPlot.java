package io.survkit.plot;

import io.survkit.internal.Check;
import io.survkit.internal.RFormat;
import java.util.List;

/**
 * A forest plot of hazard ratios: one row per subgroup or covariate with its estimate, confidence
 * interval, n/events and p-value, on a log axis with a reference line at 1. Written as SVG by
 * survkit itself (no plotting dependency). Immutable; {@code with...} returns a new plot.
 *
 * <pre>{@code
 * String svg = ForestPlot.withDefaults()
 *         .withTitle("Cancer-specific survival")
 *         .render(List.of(new ForestPlot.Row("Surgery before systemic", 0.42, 0.28, 0.63, 83, 21, 1e-4),
 *                         new ForestPlot.Row("Surgery after systemic", 0.51, 0.33, 0.79, 97, 30, 0.002)));
 * }</pre>
 */
public final class ForestPlot {
    private static final ForestPlot DEFAULTS = new ForestPlot("", "Hazard ratio (95% CI)", 860, Palette.OKABE_ITO);
    private final String title;
    private final String axisLabel;
    private final double width;
    private final Palette palette;

    private ForestPlot(String title, String axisLabel, double width, Palette palette) {
        this.title = title;
        this.axisLabel = axisLabel;
        this.width = width;
        this.palette = palette;
    }

    /**
     * Defaults: no title, axis "Hazard ratio (95% CI)", width 860 px, Okabe-Ito colours.
     *
     * @return the shared default instance
     */
    public static ForestPlot withDefaults() {
        return DEFAULTS;
    }

    /**
     * Title above the plot.
     *
     * @param t the title
     * @return a plot with this option (this one is unchanged)
     */
    public ForestPlot withTitle(String t) {
        return new ForestPlot(Check.notNull("title", t), axisLabel, width, palette);
    }

    /** Label under the axis. */
    public ForestPlot withAxisLabel(String l) {
        return new ForestPlot(title, Check.notNull("axis label", l), width, palette);
    }

    /** Width in pixels (>= 500). */
    public ForestPlot withWidth(double w) {
        if (!(w >= 500 && w < 10000)) {
            throw Check.fail("width must be in [500, 10000) px, got %s", w);
        }
        return new ForestPlot(title, axisLabel, w, palette);
    }

    /**
     * One row. {@code n}, {@code events} and {@code p} may be NaN (left blank); the estimate and limits
     * must be finite and positive with lower &lt;= estimate &lt;= upper.
     */
    public record Row(String label, double estimate, double lower, double upper, double n, double events, double p) {
        /**
         * Validates the row.
         *
         * @param label the label
         * @param estimate the estimate
         * @param lower the lower
         * @param upper the upper
         * @param n the count
         * @param events the events
         * @param p the probability
         */
        public Row {
            Check.notNull("row label", label);
            if (!(lower > 0 && estimate >= lower && upper >= estimate && upper < Double.POSITIVE_INFINITY)) {
                throw Check.fail("row '%s': expected 0 < lower <= estimate <= upper < infinity, got %s, %s, %s",
                        label, lower, estimate, upper);
            }
        }
    }

    /**
     * The plot as an SVG document.
     *
     * @param rows the rows
     * @return the plot as an SVG document
     */
    public String render(List<Row> rows) {
        if (rows == null || rows.isEmpty()) {
            throw Check.fail("a forest plot needs at least one row");
        }
        double rowH = 26;
        double top = title.isEmpty() ? 40 : 64;
        double height = top + rowH * rows.size() + 70;
        double labelW = width * 0.30;
        double plotL = labelW + 10;
        double plotR = width * 0.66;
        double lo = 1;
        double hi = 1;
        for (Row r : rows) {
            lo = Math.min(lo, r.lower());
            hi = Math.max(hi, r.upper());
        }
        lo = Math.pow(10, Math.floor(Math.log10(lo) * 4) / 4);
        hi = Math.pow(10, Math.ceil(Math.log10(hi) * 4) / 4);
        double llo = Math.log(lo);
        double lhi = Math.log(hi);
        Svg s = new Svg(width, height, title.isEmpty() ? "Forest plot" : title);
        if (!title.isEmpty()) {
            s.text(width / 2, 30, "middle", 18, "#000", title, "font-weight", "bold");
        }
        double headY = top - 12;
        s.text(10, headY, "start", 12, "#333", "Group", "font-weight", "bold");
        s.text(width * 0.70, headY, "start", 12, "#333", "HR (95% CI)", "font-weight", "bold");
        s.text(width * 0.88, headY, "start", 12, "#333", "n / events", "font-weight", "bold");
        s.text(width - 10, headY, "end", 12, "#333", "p", "font-weight", "bold");
        double bottom = top + rowH * rows.size();
        double x1 = plotL + (0 - llo) / (lhi - llo) * (plotR - plotL);
        s.line(x1, top - 4, x1, bottom, "#555", 1);
        s.open("g", "class", "rows");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = top + rowH * i + rowH / 2;
            double xl = plotL + (Math.log(r.lower()) - llo) / (lhi - llo) * (plotR - plotL);
            double xu = plotL + (Math.log(r.upper()) - llo) / (lhi - llo) * (plotR - plotL);
            double xe = plotL + (Math.log(r.estimate()) - llo) / (lhi - llo) * (plotR - plotL);
            String c = palette.colour(0);
            s.text(10, y + 4, "start", 12, "#000", r.label());
            s.line(xl, y, xu, y, c, 2);
            s.element("rect", "x", Svg.num(xe - 5), "y", Svg.num(y - 5), "width", "10", "height", "10", "fill", c,
                    "data-hr", Double.toString(r.estimate()));
            s.text(width * 0.70, y + 4, "start", 12, "#000", RFormat.fixed(r.estimate(), 2) + " ("
                    + RFormat.fixed(r.lower(), 2) + "-" + RFormat.fixed(r.upper(), 2) + ")");
            s.text(width * 0.88, y + 4, "start", 12, "#000", count(r.n()) + " / " + count(r.events()));
            s.text(width - 10, y + 4, "end", 12, "#000", pValue(r.p()));
        }
        s.close("g");
        s.line(plotL, bottom, plotR, bottom, "#000", 1);
        for (double t : Ticks.log(lo, hi)) {
            double x = plotL + (Math.log(t) - llo) / (lhi - llo) * (plotR - plotL);
            s.line(x, bottom, x, bottom + 5, "#000", 1);
            s.text(x, bottom + 18, "middle", 11, "#000", Ticks.label(t));
        }
        s.text((plotL + plotR) / 2, bottom + 40, "middle", 12, "#000", axisLabel);
        return s.finish();
    }

    private static String count(double v) {
        return Double.isFinite(v) ? Ticks.label(v) : "";
    }

    /** p formatted as journals do: 3 significant digits, "<0.001" below. */
    static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return "";
        }
        return p < 0.001 ? "<0.001" : RFormat.fixed(p, 3);
    }
}
