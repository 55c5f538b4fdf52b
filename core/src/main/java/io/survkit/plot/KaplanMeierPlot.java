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
 *         .withTitle("Overall survival").withTimeLabel("Months").withConfidenceBands(true)
 *         .withAnnotation("Log-rank p < 0.001")
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
     * censor ticks on, risk table on, no median lines, {@link CurveScale#SURVIVAL} scale,
     * Okabe-Ito colours.
     *
     * @return the shared default instance
     */
    public static KaplanMeierPlot withDefaults() {
        return DEFAULTS;
    }

    /**
     * One curve to draw: step function values at its distinct times (right-continuous), confidence
     * limits (may be null or hold NaN), and the number at risk, censorings and events at each time.
     */
    public record Curve(String label, double[] time, double[] survival, double[] lower, double[] upper,
            double[] numberAtRisk, double[] censored, double[] events) {
        /**
         * Validates lengths.
         *
         * @param label the label
         * @param time the time
         * @param survival the survival
         * @param lower the lower
         * @param upper the upper
         * @param numberAtRisk the number at risk
         * @param censored the censored
         * @param events the events
         */
        public Curve {
            Check.notNull("curve label", label);
            int n = Check.notNull("time", time).length;
            if (Check.notNull("survival", survival).length != n || Check.notNull("numberAtRisk", numberAtRisk)
                    .length != n || Check.notNull("censored", censored).length != n
                    || Check.notNull("events", events).length != n
                    || lower != null && lower.length != n || upper != null && upper.length != n) {
                throw Check.fail("curve '%s': time, survival, limits, at-risk, censored and event arrays differ in "
                        + "length", label);
            }
        }

        /**
         * A curve whose events are implied by the numbers at risk: d_i = n_i - n_{i+1} - c_i (right-censored
         * rows without delayed entry).
         *
         * @param label the label
         * @param time the time
         * @param survival the survival
         * @param lower the lower
         * @param upper the upper
         * @param numberAtRisk the number at risk
         * @param censored the censored
         */
        public Curve(String label, double[] time, double[] survival, double[] lower, double[] upper,
                double[] numberAtRisk, double[] censored) {
            this(label, time, survival, lower, upper, numberAtRisk, censored, impliedEvents(numberAtRisk, censored));
        }

        private static double[] impliedEvents(double[] atRisk, double[] censored) {
            Check.notNull("numberAtRisk", atRisk);
            Check.notNull("censored", censored);
            double[] d = new double[atRisk.length];
            for (int i = 0; i < d.length && i < censored.length; i++) {
                double next = i + 1 < atRisk.length ? atRisk[i + 1] : 0;
                d[i] = atRisk[i] - next - censored[i];
            }
            return d;
        }
    }

    /**
     * Title.
     *
     * @param t the title
     * @return a plot with this option (this one is unchanged)
     */
    public KaplanMeierPlot withTitle(String t) {
        Options c = o.copy();
        c.title = Check.notNull("title", t);
        return new KaplanMeierPlot(c);
    }

    /**
     * x-axis label, e.g. "Months since diagnosis"; "month" in it makes ticks multiples of 12 past two
     * years.
     *
     * @param t the time-axis label
     * @return a plot with this option (this one is unchanged)
     */
    public KaplanMeierPlot withTimeLabel(String t) {
        Options c = o.copy();
        c.xLabel = Check.notNull("time label", t);
        return new KaplanMeierPlot(c);
    }

    /**
     * Value-axis (y) label; by default the scale's ({@link CurveScale#label()}).
     *
     * @param t the value-axis label
     * @return a plot with this option (this one is unchanged)
     */
    public KaplanMeierPlot withSurvivalLabel(String t) {
        Options c = o.copy();
        c.yLabel = Check.notNull("survival label", t);
        return new KaplanMeierPlot(c);
    }

    /**
     * Draw stepwise confidence bands.
     *
     * @param on whether to draw them
     * @return a plot with this option (this one is unchanged)
     */
    public KaplanMeierPlot withConfidenceBands(boolean on) {
        Options c = o.copy();
        c.bands = on;
        return new KaplanMeierPlot(c);
    }

    /**
     * Draw censor tick marks.
     *
     * @param on whether to draw them
     * @return a plot with this option (this one is unchanged)
     */
    public KaplanMeierPlot withCensorMarks(boolean on) {
        Options c = o.copy();
        c.censorMarks = on;
        return new KaplanMeierPlot(c);
    }

    /**
     * Draw the number-at-risk table.
     *
     * @param on whether to draw it
     * @return a plot with this option (this one is unchanged)
     */
    public KaplanMeierPlot withRiskTable(boolean on) {
        Options c = o.copy();
        c.riskTable = on;
        return new KaplanMeierPlot(c);
    }

    /**
     * Draw dashed lines at the median survival of each curve that reaches 0.5.
     *
     * @param on whether to draw them
     * @return a plot with this option (this one is unchanged)
     */
    public KaplanMeierPlot withMedianLines(boolean on) {
        Options c = o.copy();
        c.medianLines = on;
        return new KaplanMeierPlot(c);
    }

    /**
     * The scale of the value axis (default {@link CurveScale#SURVIVAL}; R {@code plot.survfit(fun = )}):
     * {@link CurveScale#EVENT} draws 1 - S, {@link CurveScale#CUMULATIVE_HAZARD} -log S and
     * {@link CurveScale#CLOGLOG} log(-log S) against a log time axis. The value-axis label follows the
     * scale unless {@link #withSurvivalLabel} set one.
     *
     * @param scale the scale of the value axis
     * @return a plot with this option (this one is unchanged)
     */
    public KaplanMeierPlot withScale(CurveScale scale) {
        Options c = o.copy();
        c.scale = Check.notNull("curve scale", scale);
        return new KaplanMeierPlot(c);
    }

    /**
     * Text shown in the plot area (e.g. "Log-rank p = 0.001; HR 0.45 (0.31-0.66)").
     *
     * @param text the text
     * @return a plot with this option (this one is unchanged)
     */
    public KaplanMeierPlot withAnnotation(String text) {
        Options c = o.copy();
        c.annotation = Check.notNull("annotation", text);
        return new KaplanMeierPlot(c);
    }

    /**
     * Size in pixels.
     *
     * @param width the width in pixels
     * @param height the height in pixels
     * @return a plot with this option (this one is unchanged)
     */
    public KaplanMeierPlot withSize(double width, double height) {
        if (!(width >= 300 && width < 10000 && height >= 200 && height < 10000)) {
            throw Check.fail("size must be within [300, 10000) x [200, 10000) px, got %s x %s", width, height);
        }
        Options c = o.copy();
        c.width = width;
        c.height = height;
        return new KaplanMeierPlot(c);
    }

    /**
     * Last time shown on the x-axis (default: the longest follow-up).
     *
     * @param t the last time shown
     * @return a plot with this option (this one is unchanged)
     */
    public KaplanMeierPlot withMaxTime(double t) {
        Options c = o.copy();
        c.maxTime = Check.positiveFinite("max time", t);
        return new KaplanMeierPlot(c);
    }

    /**
     * Distance between time-axis ticks, e.g. 12 for yearly ticks in months (survminer {@code break.time.by}).
     *
     * @param interval the interval
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeierPlot withTickInterval(double interval) {
        Options c = o.copy();
        c.tickInterval = Check.positiveFinite("tick interval", interval);
        return new KaplanMeierPlot(c);
    }

    /**
     * Survival axis in percent (0-100 %) instead of a fraction (0-1).
     *
     * @param on the boolean
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeierPlot withPercent(boolean on) {
        Options c = o.copy();
        c.percent = on;
        return new KaplanMeierPlot(c);
    }

    /**
     * Curve colours from a palette (default {@link Palette#OKABE_ITO}; {@link Palette#GREY} for print).
     *
     * @param palette the palette
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeierPlot withPalette(Palette palette) {
        return withColours(Check.notNull("palette", palette).colours());
    }

    /**
     * Curve colours given as {@code #rgb} or {@code #rrggbb}, used in order (cycling).
     *
     * @param colours the colours
     * @return a new instance with this setting (this one is unchanged)
     * @throws IllegalArgumentException for an empty list or a value that is not a hex colour
     */
    public KaplanMeierPlot withColours(List<String> colours) {
        Check.notNull("colours", colours);
        if (colours.isEmpty()) {
            throw Check.fail("colours: give at least one colour");
        }
        for (int i = 0; i < colours.size(); i++) {
            String v = colours.get(i);
            if (v == null || !v.matches("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")) {
                throw Check.fail("colour %d is '%s'; expected #rgb or #rrggbb", i + 1, v);
            }
        }
        Options c = o.copy();
        c.colours = List.copyOf(colours);
        return new KaplanMeierPlot(c);
    }

    /**
     * Width of the curves' lines in pixels (default 2).
     *
     * @param width the width in pixels
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeierPlot withLineWidth(double width) {
        if (!(width > 0 && width <= 20)) {
            throw Check.fail("line width must be in (0, 20] px, got %s", width);
        }
        Options c = o.copy();
        c.lineWidth = width;
        return new KaplanMeierPlot(c);
    }

    /**
     * Font family (a CSS font list, e.g. {@code "Times New Roman, serif"}) and base size in pixels (default 12).
     *
     * @param family the family
     * @param size the size
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeierPlot withFont(String family, double size) {
        Check.notNull("font family", family);
        if (family.isBlank() || !(size >= 6 && size <= 48)) {
            throw Check.fail("font: a family name and a size from 6 to 48 px, got '%s' and %s", family, size);
        }
        Options c = o.copy();
        c.fontFamily = family;
        c.fontSize = size;
        return new KaplanMeierPlot(c);
    }

    /**
     * Where the legend goes (default {@link LegendPosition#RIGHT}).
     *
     * @param position the position
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeierPlot withLegend(LegendPosition position) {
        Options c = o.copy();
        c.legend = Check.notNull("legend position", position);
        return new KaplanMeierPlot(c);
    }

    /**
     * Legend (and risk-table) labels in the curves' order, instead of the curves' own labels.
     *
     * @param labels the labels
     * @return a new instance with this setting (this one is unchanged)
     * @throws IllegalArgumentException at render time when the count differs from the curves'
     */
    public KaplanMeierPlot withLegendLabels(List<String> labels) {
        Check.notNull("legend labels", labels);
        Options c = o.copy();
        c.legendLabels = List.copyOf(labels);
        return new KaplanMeierPlot(c);
    }

    /**
     * Add rows of cumulative events (survminer {@code cumevents}) under the number at risk.
     *
     * @param on the boolean
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeierPlot withCumulativeEvents(boolean on) {
        Options c = o.copy();
        c.cumulativeEvents = on;
        return new KaplanMeierPlot(c);
    }

    /**
     * Add rows of cumulative censorings (survminer {@code cumcensor}) under the number at risk.
     *
     * @param on the boolean
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeierPlot withCumulativeCensored(boolean on) {
        Options c = o.copy();
        c.cumulativeCensored = on;
        return new KaplanMeierPlot(c);
    }

    /**
     * Size in millimetres (96 px per inch, as SVG and the PNG/PDF renderers read it).
     *
     * @param width the width in pixels
     * @param height the height in pixels
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeierPlot withSizeMillimetres(double width, double height) {
        return withSize(width / 25.4 * 96, height / 25.4 * 96);
    }

    /**
     * Size in inches (96 px per inch).
     *
     * @param width the width in pixels
     * @param height the height in pixels
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeierPlot withSizeInches(double width, double height) {
        return withSize(width * 96, height * 96);
    }

    /**
     * Renders 1 to 10 curves as an SVG document.
     *
     * @param curves the curves
     * @return the text
     */
    public String render(List<Curve> curves) {
        if (curves == null || curves.isEmpty() || curves.size() > 10) {
            throw Check.fail("a Kaplan-Meier plot takes 1 to 10 curves, got %d", curves == null ? 0 : curves.size());
        }
        if (o.legendLabels != null && o.legendLabels.size() != curves.size()) {
            throw Check.fail("%d legend labels for %d curves; give one per curve", o.legendLabels.size(),
                    curves.size());
        }
        return new Layout(o, relabel(curves)).draw();
    }

    private List<Curve> relabel(List<Curve> curves) {
        if (o.legendLabels == null) {
            return curves;
        }
        List<Curve> r = new ArrayList<>();
        for (int g = 0; g < curves.size(); g++) {
            Curve c = curves.get(g);
            r.add(new Curve(o.legendLabels.get(g), c.time(), c.survival(), c.lower(), c.upper(), c.numberAtRisk(),
                    c.censored(), c.events()));
        }
        return r;
    }

    /**
     * The x positions of the ticks for these curves (the risk table's times).
     *
     * @param curves the curves
     * @return the x positions of the ticks for these curves (the risk table's times)
     */
    public double[] tickTimes(List<Curve> curves) {
        return new Layout(o, curves).ticks.clone();
    }

    /**
     * Number at risk of a curve at time t: at the first curve time >= t; 0 after the last time.
     *
     * @param c the curve
     * @param t the time
     * @return the number at risk of a curve at time t: at the first curve time >= t; 0 after the last time
     */
    public static double numberAtRisk(Curve c, double t) {
        for (int i = 0; i < c.time().length; i++) {
            if (c.time()[i] >= t) {
                return c.numberAtRisk()[i];
            }
        }
        return 0;
    }

    /** Sum of {@code counts} at times {@code <= t} (survminer's cumulative events and censorings). */
    static double cumulative(double[] counts, double[] time, double t) {
        double sum = 0;
        for (int i = 0; i < time.length && time[i] <= t; i++) {
            sum += counts[i];
        }
        return sum;
    }

    /** Drops closer than this (px) to the previous drawn drop are merged into it. */
    static final double MIN_DX = 0.5;

    /** Mutable option holder, copied on every change. */
    private static final class Options {
        String title = "";
        String xLabel = "Time";
        String yLabel;
        boolean bands;
        boolean censorMarks = true;
        boolean riskTable = true;
        boolean medianLines;
        CurveScale scale = CurveScale.SURVIVAL;
        String annotation = "";
        double width = 800;
        double height = 560;
        double maxTime = Double.NaN;
        double tickInterval = Double.NaN;
        boolean percent;
        List<String> colours = Palette.OKABE_ITO.colours();
        double lineWidth = 2;
        String fontFamily = Svg.DEFAULT_FONT;
        double fontSize = 12;
        LegendPosition legend = LegendPosition.RIGHT;
        List<String> legendLabels;
        boolean cumulativeEvents;
        boolean cumulativeCensored;

        String valueLabel() {
            return yLabel != null ? yLabel : scale.label();
        }

        String colour(int g) {
            return colours.get(Math.floorMod(g, colours.size()));
        }

        int tableRows() {
            return 1 + (cumulativeEvents ? 1 : 0) + (cumulativeCensored ? 1 : 0);
        }

        Options copy() {
            Options c = new Options();
            c.title = title;
            c.xLabel = xLabel;
            c.yLabel = yLabel;
            c.bands = bands;
            c.censorMarks = censorMarks;
            c.riskTable = riskTable;
            c.medianLines = medianLines;
            c.scale = scale;
            c.annotation = annotation;
            c.width = width;
            c.height = height;
            c.maxTime = maxTime;
            c.tickInterval = tickInterval;
            c.percent = percent;
            c.colours = colours;
            c.lineWidth = lineWidth;
            c.fontFamily = fontFamily;
            c.fontSize = fontSize;
            c.legend = legend;
            c.legendLabels = legendLabels;
            c.cumulativeEvents = cumulativeEvents;
            c.cumulativeCensored = cumulativeCensored;
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
        final double tMin;
        final double[] ticks;
        final double[] valueTicks;

        Layout(Options o, List<Curve> curves) {
            this.o = o;
            this.curves = curves;
            int label = 0;
            for (Curve c : curves) {
                label = Math.max(label, c.label().length());
            }
            // the risk table's labels sit left of the axis: 7 px per character at 12 px, scaled with the font
            this.left = o.riskTable ? Math.min(240, Math.max(70, (24 + 7 * label) * o.fontSize / 12)) : 70;
            double longest = 0;
            for (Curve c : curves) {
                if (c.time().length > 0) {
                    longest = Math.max(longest, c.time()[c.time().length - 1]);
                }
            }
            boolean months = o.xLabel.toLowerCase(Locale.ROOT).contains("month");
            double shown = Double.isNaN(o.maxTime) ? longest : o.maxTime;
            if (o.scale.logTime()) {
                // R's log axis: from the first positive time to the last shown, widened to 1-2-5 values
                double first = shown;
                for (Curve c : curves) {
                    for (double t : c.time()) {
                        if (t > 0) {
                            first = Math.min(first, t);
                            break;
                        }
                    }
                }
                double[] bounds = Ticks.logBounds(first > 0 ? first : 1, Math.max(shown, first > 0 ? first : 1));
                this.ticks = Ticks.log(bounds[0], bounds[1]);
                this.tMin = bounds[0];
                this.tMax = bounds[1];
            } else {
                this.ticks = Double.isNaN(o.tickInterval) ? Ticks.upTo(shown, 6, months)
                        : Ticks.every(shown, o.tickInterval);
                this.tMin = 0;
                this.tMax = ticks[ticks.length - 1];
            }
            this.valueTicks = valueTicks(o, curves, tMax);
            this.right = o.width - 30 - (o.legend == LegendPosition.RIGHT ? legendWidth() : 0);
            double titleSpace = o.title.isEmpty() ? 20 : 50;
            this.top = titleSpace + (o.legend == LegendPosition.TOP ? 24 : 0);
            double table = o.riskTable ? 40 + 20 * curves.size() * o.tableRows() + 24 * (o.tableRows() - 1) : 0;
            this.bottom = o.height - 60 - table - (o.legend == LegendPosition.BOTTOM ? 24 : 0);
        }

        double legendWidth() {
            int longest = 0;
            for (Curve c : curves) {
                longest = Math.max(longest, c.label().length());
            }
            return Math.min(260, 30 + 7 * longest);
        }

        /**
         * The value-axis ticks: 0 to 1 for probabilities; else nice ticks over the finite values drawn
         * (curves, and limits when bands are on) up to {@code tMax}, from 0 for the cumulative hazard.
         */
        static double[] valueTicks(Options o, List<Curve> curves, double tMax) {
            if (o.scale.probability()) {
                return new double[] {0, 0.2, 0.4, 0.6, 0.8, 1};
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Curve c : curves) {
                for (int i = 0; i < c.time().length && c.time()[i] <= tMax; i++) {
                    double[] v = {c.survival()[i], o.bands && c.lower() != null ? c.lower()[i] : Double.NaN,
                        o.bands && c.upper() != null ? c.upper()[i] : Double.NaN};
                    for (double s : v) {
                        double w = o.scale.apply(s);
                        if (Double.isFinite(w)) {
                            lo = Math.min(lo, w);
                            hi = Math.max(hi, w);
                        }
                    }
                }
            }
            if (o.scale == CurveScale.CUMULATIVE_HAZARD) {
                return Ticks.upTo(Double.isFinite(hi) ? hi : 1, 5, false);
            }
            if (!(lo < hi)) {
                lo = Double.isFinite(lo) ? lo - 1 : -1;
                hi = lo + 2;
            }
            return Ticks.between(lo, hi, 5);
        }

        double x(double t) {
            if (o.scale.logTime()) {
                return left + Math.log(t / tMin) / Math.log(tMax / tMin) * (right - left);
            }
            return left + t / tMax * (right - left);
        }

        /** The y of a survival-scale value s, mapped through the scale; not finite where the scale is not. */
        double y(double s) {
            return yValue(o.scale.apply(s));
        }

        /** The y of a value already on the scale. */
        double yValue(double v) {
            double lo = valueTicks[0];
            double hi = valueTicks[valueTicks.length - 1];
            return bottom - (v - lo) / (hi - lo) * (bottom - top);
        }

        /** Whether the curves rise (1 - S, hazards): the annotation then goes top left. */
        boolean rising() {
            return o.scale != CurveScale.SURVIVAL;
        }

        /** Font sizes relative to the base size (12 px by default). */
        double font(double atTwelve) {
            return atTwelve * o.fontSize / 12;
        }

        String draw() {
            Svg s = new Svg(o.width, o.height, o.title.isEmpty() ? "Kaplan-Meier plot" : o.title, o.fontFamily);
            if (!o.title.isEmpty()) {
                s.text(o.width / 2, 30, "middle", font(18), "#000", o.title, "font-weight", "bold", "class", "title");
            }
            axes(s);
            for (int g = 0; g < curves.size(); g++) {
                curve(s, curves.get(g), o.colour(g), g);
            }
            if (o.legend != LegendPosition.NONE) {
                legend(s);
            }
            if (!o.annotation.isEmpty()) {
                s.text(left + 12, rising() ? top + 16 : bottom - 12, "start", font(13), "#000", o.annotation,
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
                s.text(x(t), bottom + 18, "middle", font(12), "#000", Ticks.label(t), "class", "x-tick");
            }
            for (double v : valueTicks) {
                double yy = yValue(v);
                s.line(left - 5, yy, left, yy, "#000", 1);
                s.line(left, yy, right, yy, "#eeeeee", 1);
                s.text(left - 8, yy + 4, "end", font(12), "#000",
                        o.percent && o.scale.probability() ? Ticks.label(100 * v) + "%" : Ticks.label(v), "class",
                        "y-tick");
            }
            s.text((left + right) / 2, bottom + 38, "middle", font(13), "#000", o.xLabel, "class", "x-label");
            s.text(18, (top + bottom) / 2, "middle", font(13), "#000", o.valueLabel(), "transform",
                    "rotate(-90 18 " + Svg.num((top + bottom) / 2) + ")", "class", "y-label");
        }

        void curve(Svg s, Curve c, String colour, int g) {
            s.open("g", "class", "curve", "data-group", c.label());
            if (o.bands && c.lower() != null && c.upper() != null) {
                band(s, c, colour);
            }
            CharSequence path = stepPath(c);
            if (path.length() > 0) {
                s.path(path, colour, o.lineWidth, "none", "class", "km-path");
            }
            if (o.censorMarks) {
                CharSequence m = censorMarks(c);
                if (m.length() > 0) {
                    s.path(m, colour, 1.5, "none", "class", "censor-marks");
                }
            }
            if (o.medianLines && o.scale.probability()) {
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

        /**
         * The step path: horizontal to each time, vertical to its survival. Drops closer than
         * {@link #MIN_DX} px to the last drawn one are merged into it (their vertical segments
         * overlap on screen), so a million distinct times draw as at most a few thousand vertices.
         */
        CharSequence stepPath(Curve c) {
            StringBuilder d = new StringBuilder(256);
            int n = c.time().length;
            int i = 0;
            double prev = 1;
            if (o.scale.logTime()) {
                // log(0) has no place on a log time axis: start at the first point with a finite value
                while (i < n && !(Double.isFinite(x(c.time()[i])) && Double.isFinite(y(c.survival()[i])))) {
                    i++;
                }
                if (i == n || c.time()[i] > tMax) {
                    return d;
                }
                prev = c.survival()[i];
                d.append('M').append(Svg.num(x(c.time()[i]))).append(',').append(Svg.num(y(prev)));
                i++;
            } else {
                d.append('M').append(Svg.num(x(0))).append(',').append(Svg.num(y(1)));
            }
            double drawnX = Double.NEGATIVE_INFINITY;
            double pendingY = Double.NaN; // the drop at drawnX, written once no later drop merges into it
            double end = n == 0 ? 0 : Math.min(c.time()[n - 1], tMax);
            for (; i < n && c.time()[i] <= tMax; i++) {
                double sv = c.survival()[i];
                if (sv == prev) {
                    continue;
                }
                double yy = y(sv);
                if (!Double.isFinite(yy)) {
                    end = c.time()[i]; // S = 0 on a log scale: the curve ends here, as R's does
                    break;
                }
                prev = sv;
                double xx = x(c.time()[i]);
                if (xx - drawnX >= MIN_DX) {
                    if (!Double.isNaN(pendingY)) {
                        d.append('V').append(Svg.num(pendingY));
                    }
                    d.append('H').append(Svg.num(xx));
                    drawnX = xx;
                }
                pendingY = yy;
            }
            if (!Double.isNaN(pendingY)) {
                d.append('V').append(Svg.num(pendingY));
            }
            if (x(end) > drawnX) {
                d.append('H').append(Svg.num(x(end)));
            }
            return d;
        }

        /** Censor ticks, one per distinct half-pixel position. */
        CharSequence censorMarks(Curve c) {
            StringBuilder m = new StringBuilder();
            long last = Long.MIN_VALUE;
            for (int i = 0; i < c.time().length && c.time()[i] <= tMax; i++) {
                if (c.censored()[i] > 0) {
                    double xx = x(c.time()[i]);
                    double yy = y(c.survival()[i]);
                    if (!Double.isFinite(xx) || !Double.isFinite(yy)) {
                        continue;
                    }
                    long key = Math.round(xx * 2) * 1_000_003L + Math.round(yy * 2);
                    if (key == last) {
                        continue;
                    }
                    last = key;
                    m.append('M').append(Svg.num(xx)).append(',').append(Svg.num(yy - 4)).append('V')
                            .append(Svg.num(yy + 4));
                }
            }
            return m;
        }

        /**
         * Stepwise confidence band: the upper limit forward, the lower limit back, closed. Limits
         * that are not numbers (S = 0 with log intervals) end a piece of the band; steps closer than
         * {@link #MIN_DX} px are merged as in the curve.
         */
        void band(Svg s, Curve c, String colour) {
            int n = c.time().length;
            double[] xs = new double[n + 2];
            double[] lo = new double[n + 2];
            double[] hi = new double[n + 2];
            int k = 0;
            if (!o.scale.logTime()) {
                xs[k] = x(0);
                lo[k] = 1;
                hi[k] = 1;
                k++;
            }
            for (int i = 0; i < n && c.time()[i] <= tMax; i++) {
                double xx = x(c.time()[i]);
                double l = c.lower()[i];
                double u = c.upper()[i];
                boolean gap = !Double.isFinite(xx) || !Double.isFinite(y(l)) || !Double.isFinite(y(u));
                if (k > 0 && !Double.isNaN(lo[k - 1]) && !gap && xx - xs[k - 1] < MIN_DX) {
                    lo[k - 1] = l;
                    hi[k - 1] = u;
                    continue;
                }
                xs[k] = xx;
                lo[k] = gap ? Double.NaN : l;
                hi[k] = gap ? Double.NaN : u;
                k++;
            }
            double end = n == 0 ? 0 : Math.min(c.time()[n - 1], tMax);
            xs[k] = x(end);
            lo[k] = Double.NaN;
            hi[k] = Double.NaN;
            int from = 0;
            for (int j = 0; j <= k; j++) {
                if (Double.isNaN(lo[j])) {
                    if (j > from) {
                        bandPiece(s, xs, lo, hi, from, j, colour);
                    }
                    from = j + 1;
                }
            }
        }

        /** One closed piece of band over the steps [from, to): step j spans xs[j]..xs[j + 1]. */
        void bandPiece(Svg s, double[] xs, double[] lo, double[] hi, int from, int to, String colour) {
            StringBuilder d = new StringBuilder(64 * (to - from) + 16);
            d.append('M').append(Svg.num(xs[from])).append(',').append(Svg.num(y(hi[from])));
            for (int j = from; j < to; j++) {
                if (j > from) {
                    d.append('V').append(Svg.num(y(hi[j])));
                }
                d.append('H').append(Svg.num(xs[j + 1]));
            }
            for (int j = to - 1; j >= from; j--) {
                d.append('V').append(Svg.num(y(lo[j]))).append('H').append(Svg.num(xs[j]));
            }
            s.path(d.append('Z'), "none", 0, colour, "fill-opacity", "0.15", "class", "ci-band");
        }

        void legend(Svg s) {
            s.open("g", "class", "legend", "data-position", o.legend.name().toLowerCase(Locale.ROOT));
            boolean row = o.legend == LegendPosition.TOP || o.legend == LegendPosition.BOTTOM;
            double lx = switch (o.legend) {
                case INSIDE -> right - legendWidth();
                case TOP, BOTTOM -> left;
                default -> right + 20;
            };
            double ly = switch (o.legend) {
                case TOP -> top - 14;
                case BOTTOM -> bottom + 58;
                default -> top + 10;
            };
            for (int g = 0; g < curves.size(); g++) {
                String colour = o.colour(g);
                s.line(lx, ly, lx + 18, ly, colour, 3);
                s.text(lx + 24, ly + 4, "start", font(12), "#000", curves.get(g).label(), "class", "legend-label");
                if (row) {
                    lx += 40 + 7 * curves.get(g).label().length() * o.fontSize / 12;
                } else {
                    ly += 20;
                }
            }
            s.close("g");
        }

        void riskTable(Svg s) {
            double y0 = bottom + 62 + (o.legend == LegendPosition.BOTTOM ? 24 : 0);
            y0 = table(s, y0, "Number at risk", "risk-table", "at-risk", 0);
            if (o.cumulativeEvents) {
                y0 = table(s, y0 + 24, "Cumulative number of events", "events-table", "cumulative-events", 1);
            }
            if (o.cumulativeCensored) {
                table(s, y0 + 24, "Cumulative number censored", "censored-table", "cumulative-censored", 2);
            }
        }

        /** One block of the table under the plot; returns the y of its last row. */
        double table(Svg s, double y0, String heading, String group, String cell, int what) {
            s.text(10, y0, "start", font(12), "#000", heading, "font-weight", "bold");
            s.open("g", "class", group);
            double yy = y0;
            for (int g = 0; g < curves.size(); g++) {
                Curve c = curves.get(g);
                String colour = o.colour(g);
                yy = y0 + 20 * (g + 1);
                s.text(10, yy, "start", font(12), colour, c.label(), "class", "risk-label");
                for (double t : ticks) {
                    double v = what == 0 ? numberAtRisk(c, t) : cumulative(what == 1 ? c.events() : c.censored(),
                            c.time(), t);
                    s.text(x(t), yy, "middle", font(12), colour, Ticks.label(v), "data-time", Double.toString(t),
                            "data-group", c.label(), "class", cell);
                }
            }
            s.close("g");
            return yy;
        }
    }
}
