package io.survkit.plot;

import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;
import io.survkit.internal.RFormat;
import io.survkit.regression.CoxResult;
import io.survkit.regression.InformationCriteria;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A forest plot drawn straight from a Cox fit, as survminer's {@code ggforest(fit)}: one row per
 * coefficient with its hazard ratio exp(beta) and confidence interval on a log axis; a factor's
 * levels grouped under their term, the reference level first and marked "reference"; N, the rows
 * of the model frame at each level (all rows for a numeric term); the Wald p-value of each
 * coefficient; and a footer with the number of events, the global likelihood-ratio, Wald and score
 * tests, log-likelihood, AIC ({@link InformationCriteria}) and concordance. The box of a row has an
 * area proportional to its precision 1/se(beta)^2 (the largest box 16 px wide; a box that would be
 * narrower than 5 px, e.g. a per-year age beside a binary covariate, is drawn at
 * 5 px so it stays visible, and marked {@code data-min-size}). The numbers are the
 * fit's: R's {@code summary(coxph(...))}. Every drawn row carries its values at full precision in
 * {@code data-} attributes.
 *
 * <pre>{@code
 * ModelFrame frame = ModelFrame.of(lung, "age + sex + factor(ph.ecog)");
 * CoxResult fit = CoxRegression.withDefaults().fit(frame);
 * String svg = CoxForestPlot.withDefaults().withTitle("Hazard ratios").render(fit, frame);
 * }</pre>
 */
public final class CoxForestPlot {
    private static final CoxForestPlot DEFAULTS = new CoxForestPlot("", "Hazard ratio", 900);
    private static final double ROW = 30;
    private static final double MAX_BOX = 16;
    /** The smallest box side drawn, px. */
    static final double MIN_BOX = 5;
    private final String title;
    private final String axisLabel;
    private final double width;

    private CoxForestPlot(String title, String axisLabel, double width) {
        this.title = title;
        this.axisLabel = axisLabel;
        this.width = width;
    }

    /** {@return the defaults: no title, axis label "Hazard ratio" (ggforest's {@code xlab}), width 900 px} */
    public static CoxForestPlot withDefaults() {
        return DEFAULTS;
    }

    /**
     * @param t the title above the plot
     * @return a plot with this title
     */
    public CoxForestPlot withTitle(String t) {
        return new CoxForestPlot(Check.notNull("title", t), axisLabel, width);
    }

    /**
     * @param label the label under the hazard-ratio axis
     * @return a plot with this axis label
     */
    public CoxForestPlot withAxisLabel(String label) {
        return new CoxForestPlot(title, Check.notNull("axis label", label), width);
    }

    /**
     * @param w the width in pixels, 600 to 10000
     * @return a plot of this width
     */
    public CoxForestPlot withWidth(double w) {
        if (!(w >= 600 && w < 10000)) {
            throw Check.fail("width must be in [600, 10000) px, got %s", w);
        }
        return new CoxForestPlot(title, axisLabel, w);
    }

    /**
     * One drawn row: a term's heading row (a factor's name), a reference level, or a coefficient.
     *
     * @param term the model term
     * @param level the factor level, or "" for a numeric term or an interaction column
     * @param n rows of the model frame at this level (every row for a numeric term)
     * @param coefficient index into {@link CoxResult#terms()}, or -1 for a reference level
     */
    record Row(String term, String level, int n, int coefficient) {
    }

    /**
     * The rows as ggforest lists them: each model term in order; a factor's levels, reference first.
     *
     * @param fit the Cox fit
     * @param frame the model frame the fit was fitted on (for the levels and N)
     * @return the rows top to bottom
     */
    static List<Row> rows(CoxResult fit, ModelFrame frame) {
        Check.notNull("Cox fit", fit);
        Check.notNull("model frame", frame);
        if (frame.rowCount() != fit.size() || !frame.columnNames().equals(fit.terms())) {
            throw Check.fail("the model frame (%d rows, columns %s) is not the one the fit used (%d rows, "
                    + "coefficients %s)", frame.rowCount(), frame.columnNames(), fit.size(), fit.terms());
        }
        List<Row> rows = new ArrayList<>();
        int n = frame.rowCount();
        for (ModelFrame.TermSpan span : frame.termSpans()) {
            List<String> levels = span.levels();
            if (levels.isEmpty()) {
                for (int j = 0; j < span.columnCount(); j++) {
                    int col = span.firstColumn() + j;
                    String name = fit.terms().get(col);
                    // a spline's columns: "ns(age, df = 3)1" is level "1" of its term
                    String level = span.columnCount() == 1 ? ""
                            : name.startsWith(span.name()) && name.length() > span.name().length()
                                    ? name.substring(span.name().length()) : name;
                    rows.add(new Row(span.name(), level, n, col));
                }
                continue;
            }
            int[] count = new int[levels.size()];
            count[0] = n;
            for (int j = 0; j < span.columnCount(); j++) {
                double[] x = frame.column(span.firstColumn() + j);
                int c = 0;
                for (double v : x) {
                    c += v == 1 ? 1 : 0;
                }
                count[j + 1] = c;
                count[0] -= c;
            }
            rows.add(new Row(span.name(), levels.get(0), count[0], -1));
            for (int j = 0; j < span.columnCount(); j++) {
                rows.add(new Row(span.name(), levels.get(j + 1), count[j + 1], span.firstColumn() + j));
            }
        }
        return rows;
    }

    /**
     * The forest plot of {@code fit} as an SVG document.
     *
     * @param fit the Cox fit
     * @param frame the model frame it was fitted on ({@code CoxRegression.fit(frame)})
     * @return the SVG document
     * @throws IllegalArgumentException when the frame is not the fit's or no coefficient is estimable
     */
    public String render(CoxResult fit, ModelFrame frame) {
        List<Row> rows = rows(fit, frame);
        double[] hr = fit.hazardRatios();
        double[] lo = fit.hazardRatioLower();
        double[] hi = fit.hazardRatioUpper();
        double[] se = fit.reportedStandardErrors();
        double[] p = fit.pValues();
        double min = 1;
        double max = 1;
        double precision = 0;
        for (int j = 0; j < hr.length; j++) {
            if (Double.isFinite(lo[j]) && lo[j] > 0 && Double.isFinite(hi[j])) {
                min = Math.min(min, lo[j]);
                max = Math.max(max, hi[j]);
                precision = Math.max(precision, 1 / se[j]);
            }
        }
        if (precision == 0) {
            throw Check.fail("the fit has no coefficient with a finite confidence interval to draw");
        }
        double[] bounds = Ticks.logBounds(min, max);
        double llo = Math.log(bounds[0]);
        double lhi = Math.log(bounds[1]);
        double top = title.isEmpty() ? 44 : 74;
        double bottom = top + ROW * rows.size();
        double height = bottom + 110;
        double plotL = width * 0.44;
        double plotR = width * 0.86;
        Svg s = new Svg(width, height, title.isEmpty() ? "Forest plot" : title);
        if (!title.isEmpty()) {
            s.text(width / 2, 32, "middle", 18, "#000", title, "font-weight", "bold", "class", "title");
        }
        double head = top - 12;
        s.text(10, head, "start", 12, "#333", "Variable", "font-weight", "bold");
        s.text(width * 0.17, head, "start", 12, "#333", "Level (N)", "font-weight", "bold");
        s.text(width * 0.30, head, "start", 12, "#333", "Hazard ratio (95% CI)", "font-weight", "bold");
        s.text(width - 10, head, "end", 12, "#333", "p", "font-weight", "bold");
        s.open("g", "class", "rows");
        String previous = null;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = top + ROW * i + ROW / 2;
            if (i % 2 == 0) {
                s.element("rect", "x", "0", "y", Svg.num(y - ROW / 2), "width", Svg.num(width), "height",
                        Svg.num(ROW), "fill", "#000", "fill-opacity", "0.05");
            }
            if (!r.term().equals(previous)) {
                s.text(10, y + 4, "start", 12, "#000", shorten(r.term(), 20), "font-weight", "bold", "class", "term",
                        "data-term", r.term());
                previous = r.term();
            }
            String level = (r.level().isEmpty() ? "" : shorten(r.level(), 12) + " ") + "(N=" + r.n() + ")";
            s.text(width * 0.17, y + 4, "start", 12, "#000", level, "class", "level");
            if (r.coefficient() < 0) {
                s.text(width * 0.30, y + 4, "start", 12, "#555", "reference", "font-style", "italic", "class",
                        "reference", "data-term", r.term(), "data-level", r.level(), "data-n",
                        Integer.toString(r.n()));
                continue;
            }
            coefficient(s, r, fit.terms().get(r.coefficient()), y, hr, lo, hi, se, p, precision, plotL, plotR, llo, lhi);
        }
        s.close("g");
        double x1 = plotL + (0 - llo) / (lhi - llo) * (plotR - plotL);
        s.element("line", "x1", Svg.num(x1), "y1", Svg.num(top - 4), "x2", Svg.num(x1), "y2", Svg.num(bottom),
                "stroke", "#555", "stroke-width", "1", "stroke-dasharray", "2 3");
        s.line(plotL, bottom, plotR, bottom, "#000", 1);
        for (double t : Ticks.log(bounds[0], bounds[1])) {
            double x = plotL + (Math.log(t) - llo) / (lhi - llo) * (plotR - plotL);
            s.line(x, bottom, x, bottom + 5, "#000", 1);
            s.text(x, bottom + 18, "middle", 11, "#000", Ticks.label(t), "class", "x-tick");
        }
        s.text((plotL + plotR) / 2, bottom + 38, "middle", 12, "#000", axisLabel, "class", "x-label");
        footer(s, fit, bottom + 66);
        return s.finish();
    }

    private void coefficient(Svg s, Row r, String coefficientName, double y, double[] hr, double[] lo, double[] hi, double[] se, double[] p,
            double precision, double plotL, double plotR, double llo, double lhi) {
        int j = r.coefficient();
        if (!(Double.isFinite(lo[j]) && lo[j] > 0 && Double.isFinite(hi[j]))) {
            s.text(width * 0.30, y + 4, "start", 12, "#000", "not estimable", "class", "estimate");
            return;
        }
        double xl = plotL + (Math.log(lo[j]) - llo) / (lhi - llo) * (plotR - plotL);
        double xu = plotL + (Math.log(hi[j]) - llo) / (lhi - llo) * (plotR - plotL);
        double xe = plotL + (Math.log(hr[j]) - llo) / (lhi - llo) * (plotR - plotL);
        double exact = MAX_BOX * (1 / se[j]) / precision; // area ∝ 1/se²
        double side = Math.max(exact, MIN_BOX);
        s.line(xl, y, xu, y, "#000", 1.5);
        s.element("rect", "x", Svg.num(xe - side / 2), "y", Svg.num(y - side / 2), "width", Svg.num(side),
                "height", Svg.num(side), "fill", "#000", "class", "box", "data-min-size",
                Boolean.toString(exact < MIN_BOX), "data-term", r.term(), "data-level",
                r.level(), "data-coefficient", coefficientName,
                "data-n", Integer.toString(r.n()), "data-hr", Double.toString(hr[j]), "data-lower",
                Double.toString(lo[j]), "data-upper", Double.toString(hi[j]), "data-se", Double.toString(se[j]),
                "data-p", Double.toString(p[j]));
        s.text(width * 0.30, y + 4, "start", 12, "#000", String.format(Locale.ROOT, "%s (%s - %s)",
                RFormat.fixed(hr[j], 2), RFormat.fixed(lo[j], 2), RFormat.fixed(hi[j], 2)), "class", "estimate");
        s.text(width - 10, y + 4, "end", 12, "#000", ForestPlot.pValue(p[j]) + " " + RFormat.stars(p[j]).strip(),
                "class", "p-value");
    }

    /** Text cut to {@code max} characters with an ellipsis, so it stays in its column. */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** ggforest's footer, with every global test and the log-likelihood. */
    private void footer(Svg s, CoxResult fit, double y) {
        InformationCriteria ic = InformationCriteria.of(fit);
        String first = String.format(Locale.ROOT, "# Events: %d; Global p-value (likelihood ratio): %s; AIC: %s; "
                + "Concordance Index: %s", fit.events(), RFormat.signif(fit.likelihoodRatioTest().pValue(), 2),
                RFormat.fixed(ic.aic(), 2), RFormat.fixed(fit.concordance(), 2));
        String second = String.format(Locale.ROOT, "Log-likelihood %s (null %s); Wald test p = %s; score (log-rank) "
                + "test p = %s", RFormat.fixed(fit.logLikelihood(), 2), RFormat.fixed(fit.logLikelihoodNull(), 2),
                RFormat.signif(fit.waldTest().pValue(), 2), RFormat.signif(fit.scoreTest().pValue(), 2));
        s.text(10, y, "start", 11, "#000", first, "font-style", "italic", "class", "footer", "data-events",
                Integer.toString(fit.events()), "data-loglik", Double.toString(fit.logLikelihood()), "data-aic",
                Double.toString(ic.aic()), "data-concordance", Double.toString(fit.concordance()), "data-p-lr",
                Double.toString(fit.likelihoodRatioTest().pValue()));
        s.text(10, y + 18, "start", 11, "#000", second, "font-style", "italic", "class", "footer", "data-p-wald",
                Double.toString(fit.waldTest().pValue()), "data-p-score", Double.toString(fit.scoreTest().pValue()));
    }
}
