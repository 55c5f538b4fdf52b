package io.survkit.plot;

import io.survkit.internal.Check;
import io.survkit.validation.NomogramAxis;
import io.survkit.validation.NomogramScales;

/**
 * A nomogram drawn as {@code plot(rms::nomogram(...))} draws it: a "Points" ruler, one axis per
 * model term with its ticks placed by their points, then "Total points" and, on that scale, the
 * linear predictor and the predicted survival at each time. Written as SVG by survkit itself.
 * Immutable; {@code with...} returns a new plot.
 *
 * <pre>{@code
 * NomogramScales n = Nomogram.withDefaults().withTimes(12, 36, 60).build(fit, data);
 * String svg = NomogramPlot.withDefaults().withTitle("Prognostic nomogram").render(n);
 * }</pre>
 */
public final class NomogramPlot {
    private static final NomogramPlot DEFAULTS = new NomogramPlot("", 900, Palette.OKABE_ITO);
    private static final double ROW = 46;
    private final String title;
    private final double width;
    private final Palette palette;

    private NomogramPlot(String title, double width, Palette palette) {
        this.title = title;
        this.width = width;
        this.palette = palette;
    }

    /**
     * Defaults: no title, 900 px wide, Okabe-Ito colours.
     *
     * @return the shared default instance
     */
    public static NomogramPlot withDefaults() {
        return DEFAULTS;
    }

    /**
     * Title above the nomogram.
     *
     * @param t the time
     * @return a new instance with this setting (this one is unchanged)
     */
    public NomogramPlot withTitle(String t) {
        return new NomogramPlot(Check.notNull("title", t), width, palette);
    }

    /**
     * Width in pixels, in [500, 10000).
     *
     * @param w the value
     * @return a new instance with this setting (this one is unchanged)
     */
    public NomogramPlot withWidth(double w) {
        if (!(w >= 500 && w < 10000)) {
            throw Check.fail("width must be in [500, 10000) px, got %s", w);
        }
        return new NomogramPlot(title, w, palette);
    }

    /**
     * The nomogram as an SVG document.
     *
     * @param n the nomogram scales
     * @return the nomogram as an SVG document
     */
    public String render(NomogramScales n) {
        Check.notNull("nomogram", n);
        double left = 190;
        double axisW = width - left - 40;
        double top = title.isEmpty() ? 30 : 60;
        int rows = 1 + n.terms().size() + 2 + n.survival().size();
        Svg s = new Svg(width, top + rows * ROW + 20, title.isEmpty() ? "Nomogram" : title);
        if (!title.isEmpty()) {
            s.text(width / 2, 32, "middle", 18, "#000", title, "font-weight", "bold");
        }
        double y = top + 20;
        double max = n.maxPoints();
        double[] ruler = Ticks.upTo(max, 10, false);
        double[] rulerPoints = new double[ruler.length];
        String[] rulerLabels = new String[ruler.length];
        for (int i = 0; i < ruler.length; i++) {
            rulerPoints[i] = Math.min(ruler[i], max);
            rulerLabels[i] = Ticks.label(ruler[i]);
        }
        axis(s, "Points", rulerPoints, rulerLabels, left, axisW, max, y, "#000");
        for (NomogramAxis a : n.terms()) {
            y += ROW;
            axis(s, a.name(), a.points(), a.labels().toArray(new String[0]), left, axisW, max, y, palette.colour(0));
        }
        double total = n.totalPoints().points()[n.totalPoints().size() - 1];
        y += ROW;
        axis(s, "Total points", n.totalPoints().points(), n.totalPoints().labels().toArray(new String[0]), left, axisW,
                total, y, "#000");
        y += ROW;
        NomogramAxis lp = n.linearPredictor();
        axis(s, lp.name(), lp.points(), lp.labels().toArray(new String[0]), left, axisW, total, y, "#555");
        for (int k = 0; k < n.survival().size(); k++) {
            y += ROW;
            NomogramAxis a = n.survival().get(k);
            axis(s, a.name(), a.points(), a.labels().toArray(new String[0]), left, axisW, total, y,
                    palette.colour(k + 1));
        }
        return s.finish();
    }

    /** One labelled axis: a line from the first to the last tick, ticks and labels above it. */
    private static void axis(Svg s, String name, double[] points, String[] labels, double left, double w, double max,
            double y, String colour) {
        s.open("g", "class", "axis", "data-name", name);
        s.text(left - 14, y + 4, "end", 13, "#000", name);
        if (points.length > 0) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double p : points) {
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
            }
            s.line(left + lo / max * w, y, left + hi / max * w, y, colour, 1.5);
            for (int i = 0; i < points.length; i++) {
                double x = left + points[i] / max * w;
                s.line(x, y, x, y - 6, colour, 1.2);
                s.text(x, y - 10, "middle", 11, "#000", labels[i], "data-points", Double.toString(points[i]));
            }
        }
        s.close("g");
    }
}
