package io.survkit.plot;

import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.estimate.IncidenceCurve;
import java.util.ArrayList;
import java.util.List;

/**
 * Bridges {@link CumulativeIncidenceResult} (cmprsk's {@code cuminc} curves) to
 * {@link KaplanMeierPlot}: one rising step curve per group and cause, as R's
 * {@code plot(cuminc(...))} or survminer's {@code ggcompetingrisks}, drawn on the cumulative-incidence
 * scale without a risk table (cuminc reports no numbers at risk). The pointwise limits are the
 * log(-log) limits of {@link IncidenceCurve#lowerAt(double, double)}.
 *
 * <pre>{@code
 * CumulativeIncidenceResult cif = CumulativeIncidence.withDefaults().fit(data, "arm");
 * String svg = CumulativeIncidencePlots.render(cif, "Months", 0.95);
 * }</pre>
 */
public final class CumulativeIncidencePlots {
    private CumulativeIncidencePlots() {
    }

    /**
     * The curves of a fit: label {@code "group cause"} (cuminc's names), the incidence F(t) drawn as
     * 1 - S so that {@link CurveScale#EVENT} shows F.
     *
     * @param fit a cuminc fit
     * @param level confidence level of the limits, or NaN for none
     * @return the curves
     */
    public static List<KaplanMeierPlot.Curve> curves(CumulativeIncidenceResult fit, double level) {
        List<KaplanMeierPlot.Curve> r = new ArrayList<>();
        for (IncidenceCurve c : fit.curves()) {
            int n = c.size();
            double[] t = c.times();
            double[] s = new double[n];
            double[] lo = Double.isNaN(level) ? null : new double[n];
            double[] hi = Double.isNaN(level) ? null : new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = 1 - c.estimate(i);
                if (lo != null) {
                    double l = c.lowerAt(t[i], level);
                    double u = c.upperAt(t[i], level);
                    lo[i] = 1 - u; // the band of 1 - F: 1 - upper(F) .. 1 - lower(F)
                    hi[i] = 1 - l;
                }
            }
            r.add(new KaplanMeierPlot.Curve(c.name(), t, s, lo, hi, new double[n], new double[n], new double[n]));
        }
        return r;
    }

    /**
     * A default figure: cumulative incidence by group and cause with the given time-axis label, bands
     * at {@code level} (NaN = none), no risk table.
     *
     * @param fit a cuminc fit
     * @param timeLabel the time axis label
     * @param level confidence level, or NaN for no bands
     * @return the SVG document
     */
    public static String render(CumulativeIncidenceResult fit, String timeLabel, double level) {
        return plot(timeLabel, !Double.isNaN(level)).render(curves(fit, level));
    }

    /**
     * The plot settings of {@link #render}: cumulative-incidence scale, no risk table, no censor marks.
     *
     * @param timeLabel the time axis label
     * @param bands whether to draw confidence bands
     * @return the plot
     */
    public static KaplanMeierPlot plot(String timeLabel, boolean bands) {
        return KaplanMeierPlot.withDefaults().withTimeLabel(timeLabel).withScale(CurveScale.EVENT).withRiskTable(false)
                .withCensorMarks(false).withConfidenceBands(bands);
    }
}
