package io.survkit.plot;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Kaplan-Meier figure as SVG: step curves per group, optional stepwise confidence bands, censor
 * ticks, nice axes in the data's unit, legend, optional annotation (log-rank p, HR), optional
 * median lines, and a number-at-risk table under the x-axis aligned with the ticks, one row per
 * group in the group's colour. The path has one vertex pair per distinct time, not per subject,
 * so a million subjects draw as fast as their distinct times. Immutable and fluent.
 *
 * <pre>{@code
 * String svg = KaplanMeierPlot.withDefaults()
 *         .title("Overall survival").timeLabel("Months").confidenceBands(true)
 *         .annotation("Log-rank p < 0.001")
 *         .render(curves);
 * }</pre>
 */
public final class KaplanMeierPlot {
    private static final KaplanMeierPlot DEFAULTS = new KaplanMeierPlot(new Options());
    private final Options o;

    private KaplanMeierPlot(Options o) {
        this.o = o;
    }

    /**
     * Defaults: 800 x 560 px, no title, x label "Time", y label "Survival probability", no bands,
     * censor ticks on, risk table on, no median lines, survival (not cumulative incidence) scale,
     * Okabe-Ito colours.
     */
    public static KaplanMeierPlot withDefaults() {
        return DEFAULTS;
    }

    /**
     * One curve to draw: step function values at its distinct times (right-continuous), confidence
     * limits (may be null or hold NaN), number at risk at each time, and censor counts at each time.
     */
    public record Curve(String label, double[] time, double[] survival, double[] lower, double[] upper,
            double[] numberAtRisk, double[] censored) {
        /** Validates lengths. */
        public Curve {
            Check.notNull("curve label", label);
            int n = Check.notNull("time", time).length;
            if (Check.notNull("survival", survival).length != n || Check.notNull("numberAtRisk", numberAtRisk)
                    .length != n || Check.notNull("censored", censored).length != n
                    || lower != null && lower.length != n || upper != null && upper.length != n) {
                throw Check.fail("curve '%s': time, survival, limits, at-risk and censored arrays differ in length",
                        label);
            }
        }
    }

    /** Title. */
    public KaplanMeierPlot title(String t) {
        Options c = o.copy();
        c.title = Check.notNull("title", t);
        return new KaplanMeierPlot(c);
    }

    /** x-axis label, e.g. "Months since diagnosis"; "month" in it makes ticks multiples of 12 past two years. */
    public KaplanMeierPlot timeLabel(String t) {
        Options c = o.copy();
        c.xLabel = Check.notNull("time label", t);
        return new KaplanMeierPlot(c);
    }

    /** y-axis label. */
    public KaplanMeierPlot survivalLabel(String t) {
        Options c = o.copy();
        c.yLabel = Check.notNull("survival label", t);
        return new KaplanMeierPlot(c);
    }

    /** Draw stepwise confidence bands. */
    public KaplanMeierPlot confidenceBands(boolean on) {
        Options c = o.copy();
        c.bands = on;
        return new KaplanMeierPlot(c);
    }

    /** Draw censor tick marks. */
    public KaplanMeierPlot censorMarks(boolean on) {
        Options c = o.copy();
        c.censorMarks = on;
        return new KaplanMeierPlot(c);
    }

    /** Draw the number-at-risk table. */
    public KaplanMeierPlot riskTable(boolean on) {
        Options c = o.copy();
        c.riskTable = on;
        return new KaplanMeierPlot(c);
    }

    /** Draw dashed lines at the median survival of each curve that reaches 0.5. */
    public KaplanMeierPlot medianLines(boolean on) {
        Options c = o.copy();
        c.medianLines = on;
        return new KaplanMeierPlot(c);
    }

    /** Plot 1 - S (cumulative incidence) instead of S. */
    public KaplanMeierPlot cumulativeIncidence(boolean on) {
        Options c = o.copy();
        c.oneMinus = on;
        if (on && c.yLabel.equals(Options.SURVIVAL)) {
            c.yLabel = "Cumulative incidence";
        }
        return new KaplanMeierPlot(c);
    }

    /** Text shown in the plot area (e.g. "Log-rank p = 0.001; HR 0.45 (0.31-0.66)"). */
    public KaplanMeierPlot annotation(String text) {
        Options c = o.copy();
        c.annotation = Check.notNull("annotation", text);
        return new KaplanMeierPlot(c);
    }

    /** Size in pixels. */
    public KaplanMeierPlot size(double width, double height) {
        if (!(width >= 300 && width < 10000 && height >= 200 && height < 10000)) {
            throw Check.fail("size must be within [300, 10000) x [200, 10000) px, got %s x %s", width, height);
        }
        Options c = o.copy();
        c.width = width;
        c.height = height;
        return new KaplanMeierPlot(c);
    }

    /** Last time shown on the x-axis (default: the longest follow-up). */
    public KaplanMeierPlot maxTime(double t) {
        Options c = o.copy();
        c.maxTime = Check.positiveFinite("max time", t);
        return new KaplanMeierPlot(c);
    }

    /** Renders 1 to 10 curves as an SVG document. */
    public String render(List<Curve> curves) {
        if (curves == null || curves.isEmpty() || curves.size() > 10) {
            throw Check.fail("a Kaplan-Meier plot takes 1 to 10 curves, got %d", curves == null ? 0 : curves.size());
        }
        return new Layout(o, curves).draw();
    }

    /** The x positions of the ticks for these curves (the risk table's times). */
    public double[] tickTimes(List<Curve> curves) {
        return new Layout(o, curves).ticks.clone();
    }

    /** Number at risk of a curve at time t: at the first curve time >= t; 0 after the last time. */
    public static double numberAtRisk(Curve c, double t) {
        for (int i = 0; i < c.time().length; i++) {
            if (c.time()[i] >= t) {
                return c.numberAtRisk()[i];
            }
        }
        return 0;
    }

    /** Mutable option holder, copied on every change. */
    private static final class Options {
        static final String SURVIVAL = "Survival probability";
        String title = "";
        String xLabel = "Time";
        String yLabel = SURVIVAL;
        boolean bands;
        boolean censorMarks = true;
        boolean riskTable = true;
        boolean medianLines;
        boolean oneMinus;
        String annotation = "";
        double width = 800;
        double height = 560;
        double maxTime = Double.NaN;

        Options copy() {
            Options c = new Options();
            c.title = title;
            c.xLabel = xLabel;
            c.yLabel = yLabel;
            c.bands = bands;
            c.censorMarks = censorMarks;
            c.riskTable = riskTable;
            c.medianLines = medianLines;
            c.oneMinus = oneMinus;
            c.annotation = annotation;
            c.width = width;
            c.height = height;
            c.maxTime = maxTime;
            return c;
        }
    }

    /** Geometry of one rendering. */
    private static final class Layout {
        final Options o;
        final List<Curve> curves;
        final double left;
        final double right;
        final double top;
        final double bottom;
        final double tMax;
        final double[] ticks;

        Layout(Options o, List<Curve> curves) {
            this.o = o;
            this.curves = curves;
            int label = 0;
            for (Curve c : curves) {
                label = Math.max(label, c.label().length());
            }
            this.left = o.riskTable ? Math.min(200, Math.max(70, 24 + 7 * label)) : 70;
            double longest = 0;
            for (Curve c : curves) {
                if (c.time().length > 0) {
                    longest = Math.max(longest, c.time()[c.time().length - 1]);
                }
            }
            boolean months = o.xLabel.toLowerCase(Locale.ROOT).contains("month");
            this.ticks = Ticks.upTo(Double.isNaN(o.maxTime) ? longest : o.maxTime, 6, months);
            this.tMax = ticks[ticks.length - 1];
            this.right = o.width - 30 - legendWidth();
            this.top = o.title.isEmpty() ? 20 : 50;
            double table = o.riskTable ? 40 + 20 * curves.size() : 0;
            this.bottom = o.height - 60 - table;
        }

        double legendWidth() {
            int longest = 0;
            for (Curve c : curves) {
                longest = Math.max(longest, c.label().length());
            }
            return Math.min(260, 30 + 7 * longest);
        }

        double x(double t) {
            return left + t / tMax * (right - left);
        }

        double y(double s) {
            double v = o.oneMinus ? 1 - s : s;
            return bottom - v * (bottom - top);
        }

        String draw() {
            Svg s = new Svg(o.width, o.height, o.title.isEmpty() ? "Kaplan-Meier plot" : o.title);
            if (!o.title.isEmpty()) {
                s.text(o.width / 2, 30, "middle", 18, "#000", o.title, "font-weight", "bold");
            }
            axes(s);
            for (int g = 0; g < curves.size(); g++) {
                curve(s, curves.get(g), Palette.OKABE_ITO.colour(g), g);
            }
            legend(s);
            if (!o.annotation.isEmpty()) {
                s.text(left + 12, o.oneMinus ? top + 16 : bottom - 12, "start", 13, "#000", o.annotation,
                        "class", "annotation");
            }
            if (o.riskTable) {
                riskTable(s);
            }
            return s.finish();
        }

        void axes(Svg s) {
            s.line(left, bottom, right, bottom, "#000", 1);
            s.line(left, top, left, bottom, "#000", 1);
            for (double t : ticks) {
                s.line(x(t), bottom, x(t), bottom + 5, "#000", 1);
                s.text(x(t), bottom + 18, "middle", 12, "#000", Ticks.label(t));
            }
            for (int k = 0; k <= 5; k++) {
                double v = k / 5.0;
                double yy = bottom - v * (bottom - top);
                s.line(left - 5, yy, left, yy, "#000", 1);
                s.line(left, yy, right, yy, "#eeeeee", 1);
                s.text(left - 8, yy + 4, "end", 12, "#000", Ticks.label(v));
            }
            s.text((left + right) / 2, bottom + 38, "middle", 13, "#000", o.xLabel);
            s.text(18, (top + bottom) / 2, "middle", 13, "#000", o.yLabel, "transform",
                    "rotate(-90 18 " + Svg.num((top + bottom) / 2) + ")");
        }

        void curve(Svg s, Curve c, String colour, int g) {
            s.open("g", "class", "curve", "data-group", c.label());
            if (o.bands && c.lower() != null && c.upper() != null) {
                band(s, c, colour);
            }
            StringBuilder d = new StringBuilder(32 * c.time().length + 32);
            double prev = 1;
            d.append('M').append(Svg.num(x(0))).append(',').append(Svg.num(y(1)));
            for (int i = 0; i < c.time().length && c.time()[i] <= tMax; i++) {
                double xx = x(c.time()[i]);
                d.append('H').append(Svg.num(xx));
                if (c.survival()[i] != prev) {
                    d.append('V').append(Svg.num(y(c.survival()[i])));
                    prev = c.survival()[i];
                }
            }
            s.path(d, colour, 2, "none", "class", "km-path");
            if (o.censorMarks) {
                StringBuilder m = new StringBuilder();
                for (int i = 0; i < c.time().length && c.time()[i] <= tMax; i++) {
                    if (c.censored()[i] > 0) {
                        double xx = x(c.time()[i]);
                        double yy = y(c.survival()[i]);
                        m.append('M').append(Svg.num(xx)).append(',').append(Svg.num(yy - 4)).append('V')
                                .append(Svg.num(yy + 4));
                    }
                }
                if (m.length() > 0) {
                    s.path(m, colour, 1.5, "none", "class", "censor-marks");
                }
            }
            if (o.medianLines) {
                for (int i = 0; i < c.time().length; i++) {
                    if (c.survival()[i] < 0.5 + 1.49e-8) {
                        double xx = x(Math.min(c.time()[i], tMax));
                        s.path("M" + Svg.num(left) + "," + Svg.num(y(0.5)) + "H" + Svg.num(xx) + "V"
                                + Svg.num(bottom), colour, 1, "none", "stroke-dasharray", "4 3", "class",
                                "median-line");
                        break;
                    }
                }
            }
            s.close("g");
        }

        void band(Svg s, Curve c, String colour) {
            StringBuilder up = new StringBuilder();
            StringBuilder down = new StringBuilder();
            List<double[]> pts = new ArrayList<>();
            double lo = 1;
            double hi = 1;
            double t0 = 0;
            for (int i = 0; i <= c.time().length; i++) {
                double t1 = i < c.time().length ? Math.min(c.time()[i], tMax) : Math.min(tMax,
                        c.time().length == 0 ? 0 : c.time()[c.time().length - 1]);
                pts.add(new double[] {t0, t1, lo, hi});
                if (i == c.time().length || c.time()[i] > tMax) {
                    break;
                }
                double l = c.lower()[i];
                double u = c.upper()[i];
                if (!Double.isFinite(l) || !Double.isFinite(u)) {
                    pts.add(null);
                    lo = Double.NaN;
                } else {
                    lo = l;
                    hi = u;
                }
                t0 = t1;
            }
            boolean open = false;
            for (double[] p : pts) {
                if (p == null || Double.isNaN(p[2])) {
                    open = flush(s, up, down, colour, open);
                    continue;
                }
                up.append(open ? 'L' : 'M').append(Svg.num(x(p[0]))).append(',').append(Svg.num(y(p[3])))
                        .append('L').append(Svg.num(x(p[1]))).append(',').append(Svg.num(y(p[3])));
                down.insert(0, "L" + Svg.num(x(p[1])) + "," + Svg.num(y(p[2])) + "L" + Svg.num(x(p[0])) + ","
                        + Svg.num(y(p[2])));
                open = true;
            }
            flush(s, up, down, colour, open);
        }

        boolean flush(Svg s, StringBuilder up, StringBuilder down, String colour, boolean open) {
            if (open) {
                s.path(up.toString() + down + "Z", "none", 0, colour, "fill-opacity", "0.15", "class", "ci-band");
            }
            up.setLength(0);
            down.setLength(0);
            return false;
        }

        void legend(Svg s) {
            double lx = right + 20;
            double ly = top + 10;
            s.open("g", "class", "legend");
            for (int g = 0; g < curves.size(); g++) {
                String colour = Palette.OKABE_ITO.colour(g);
                s.line(lx, ly + 20 * g, lx + 18, ly + 20 * g, colour, 3);
                s.text(lx + 24, ly + 20 * g + 4, "start", 12, "#000", curves.get(g).label(), "class", "legend-label");
            }
            s.close("g");
        }

        void riskTable(Svg s) {
            double y0 = bottom + 62;
            s.text(10, y0, "start", 12, "#000", "Number at risk", "font-weight", "bold");
            s.open("g", "class", "risk-table");
            for (int g = 0; g < curves.size(); g++) {
                Curve c = curves.get(g);
                String colour = Palette.OKABE_ITO.colour(g);
                double yy = y0 + 20 * (g + 1);
                s.text(10, yy, "start", 12, colour, c.label(), "class", "risk-label");
                for (double t : ticks) {
                    s.text(x(t), yy, "middle", 12, colour, Ticks.label(numberAtRisk(c, t)), "data-time",
                            Double.toString(t), "data-group", c.label(), "class", "at-risk");
                }
            }
            s.close("g");
        }
    }
}
