package io.survkit.plot;

import io.survkit.internal.Check;
import io.survkit.validation.CalibrationGroup;
import io.survkit.validation.CalibrationResult;
import java.util.Locale;

/**
 * A calibration plot at a time t: observed risk (Kaplan-Meier within groups of predicted risk, with
 * its confidence interval) against mean predicted risk, and the line of perfect calibration. The
 * calibration slope and observed/expected ratio are printed in the corner. Written as SVG by
 * survkit itself. Immutable; {@code with...} returns a new plot.
 *
 * <pre>{@code
 * CalibrationResult c = Calibration.withDefaults().estimate(test, 36, risk36);
 * String svg = CalibrationPlot.withDefaults().withTitle("Calibration at 36 months").render(c);
 * }</pre>
 */
public final class CalibrationPlot {
    private static final CalibrationPlot DEFAULTS = new CalibrationPlot("", "Predicted risk", "Observed risk (Kaplan-Meier)",
            560, Palette.OKABE_ITO);
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double size;
    private final Palette palette;

    private CalibrationPlot(String title, String xLabel, String yLabel, double size, Palette palette) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.size = size;
        this.palette = palette;
    }

    /**
     * Defaults: no title, axes "Predicted risk" and "Observed risk (Kaplan-Meier)", 560 px square, Okabe-Ito.
     *
     * @return the shared default instance
     */
    public static CalibrationPlot withDefaults() {
        return DEFAULTS;
    }

    /**
     * Title above the plot.
     *
     * @param t the time
     * @return a new instance with this setting (this one is unchanged)
     */
    public CalibrationPlot withTitle(String t) {
        return new CalibrationPlot(Check.notNull("title", t), xLabel, yLabel, size, palette);
    }

    /**
     * Axis labels.
     *
     * @param x the values
     * @param y the name
     * @return a new instance with this setting (this one is unchanged)
     */
    public CalibrationPlot withAxisLabels(String x, String y) {
        return new CalibrationPlot(title, Check.notNull("x label", x), Check.notNull("y label", y), size, palette);
    }

    /**
     * Width and height in pixels, in [300, 4000).
     *
     * @param px the px
     * @return a new instance with this setting (this one is unchanged)
     */
    public CalibrationPlot withSize(double px) {
        if (!(px >= 300 && px < 4000)) {
            throw Check.fail("size must be in [300, 4000) px, got %s", px);
        }
        return new CalibrationPlot(title, xLabel, yLabel, px, palette);
    }

    /**
     * The plot as an SVG document.
     *
     * @param c the calibration result
     * @return the plot as an SVG document
     */
    public String render(CalibrationResult c) {
        Check.notNull("calibration", c);
        double max = 0;
        for (CalibrationGroup g : c.groups()) {
            max = Math.max(max, Math.max(g.meanRisk(), g.upper().orElse(g.observed())));
        }
        double[] ticks = Ticks.upTo(Math.min(1, Math.max(max, 0.05)), 5, false);
        double hi = Math.min(1, ticks[ticks.length - 1]);
        double top = title.isEmpty() ? 24 : 52;
        double left = 70;
        double side = size - left - 24;
        double bottom = top + side;
        Svg s = new Svg(size, bottom + 60, title.isEmpty() ? "Calibration plot" : title);
        if (!title.isEmpty()) {
            s.text(size / 2, 30, "middle", 17, "#000", title, "font-weight", "bold");
        }
        s.line(left, bottom, left + side, bottom, "#000", 1).line(left, top, left, bottom, "#000", 1);
        for (double t : ticks) {
            if (t > hi + 1e-12) {
                continue;
            }
            double x = left + t / hi * side;
            double y = bottom - t / hi * side;
            s.line(x, bottom, x, bottom + 5, "#000", 1).text(x, bottom + 18, "middle", 11, "#000", Ticks.label(t));
            s.line(left - 5, y, left, y, "#000", 1).text(left - 8, y + 4, "end", 11, "#000", Ticks.label(t));
            s.line(left, y, left + side, y, "#eee", 1);
        }
        s.line(left, bottom, left + side, top, "#999", 1.2);
        String colour = palette.colour(0);
        s.open("g", "class", "groups");
        for (CalibrationGroup g : c.groups()) {
            double x = left + g.meanRisk() / hi * side;
            double y = bottom - Math.min(g.observed(), hi) / hi * side;
            if (g.lower().isPresent() && g.upper().isPresent()) {
                double yl = bottom - Math.min(g.lower().getAsDouble(), hi) / hi * side;
                double yu = bottom - Math.min(g.upper().getAsDouble(), hi) / hi * side;
                s.line(x, yl, x, yu, colour, 1.5);
            }
            s.element("circle", "cx", Svg.num(x), "cy", Svg.num(y), "r", "4.5", "fill", colour, "data-group",
                    g.label(), "data-observed", Double.toString(g.observed()), "data-predicted",
                    Double.toString(g.meanRisk()));
        }
        s.close("g");
        s.text(left + 10, top + 18, "start", 12, "#000", String.format(Locale.ROOT,
                "slope %.2f (%.2f to %.2f)   observed/expected %.2f", c.slope().value(), c.slope().lower(),
                c.slope().upper(), c.observedExpected()));
        s.text(left + side / 2, bottom + 42, "middle", 12, "#000", xLabel);
        s.text(18, top + side / 2, "middle", 12, "#000", yLabel, "transform",
                "rotate(-90 18 " + Svg.num(top + side / 2) + ")");
        return s.finish();
    }
}
