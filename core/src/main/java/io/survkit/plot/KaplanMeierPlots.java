package io.survkit.plot;

import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.SurvivalCurve;
import java.util.ArrayList;
import java.util.List;

/**
 * Bridges {@link KaplanMeierResult} to {@link KaplanMeierPlot}: one plotted curve per fitted curve,
 * with its confidence limits, numbers at risk and censorings.
 *
 * <pre>{@code
 * String svg = KaplanMeierPlots.render(KaplanMeier.withDefaults().fit(data), "Months");
 * }</pre>
 */
public final class KaplanMeierPlots {
    private KaplanMeierPlots() {
    }

    /**
     * The curves of a fit, ready for {@link KaplanMeierPlot#render}.
     *
     * @param fit the fitted model
     * @return the curves of a fit, ready for {@link KaplanMeierPlot#render}
     */
    public static List<KaplanMeierPlot.Curve> curves(KaplanMeierResult fit) {
        return curves(fit, CurveScale.SURVIVAL);
    }

    /**
     * The curves of a fit for a plot on {@code scale}. For {@link CurveScale#CUMULATIVE_HAZARD} the
     * values are exp(-H) with H the Nelson-Aalen cumulative hazard ({@link SurvivalCurve#cumulativeHazard()},
     * R's {@code fit$cumhaz}) and the limits exp(-(H &plusmn; z se(H))), lower H cut at 0: R's
     * {@code plot(fit, fun = "cumhaz", conf.int = TRUE)} (plain intervals, {@code survfit_confint}), so the
     * plot's -log draws R's numbers. Other scales use the Kaplan-Meier S and its limits.
     *
     * @param fit a Kaplan-Meier fit
     * @param scale the scale the curves will be drawn on
     * @return one curve per stratum
     */
    public static List<KaplanMeierPlot.Curve> curves(KaplanMeierResult fit, CurveScale scale) {
        List<KaplanMeierPlot.Curve> r = new ArrayList<>();
        double z = io.survkit.internal.Probabilities.normalQuantile(0.5 + fit.confidenceLevel() / 2);
        for (SurvivalCurve c : fit.curves()) {
            double[] s = c.survival();
            double[] lo = c.lower();
            double[] hi = c.upper();
            if (scale == CurveScale.CUMULATIVE_HAZARD) {
                double[] h = c.cumulativeHazard();
                double[] se = c.cumulativeHazardStandardError();
                s = new double[h.length];
                lo = new double[h.length];
                hi = new double[h.length];
                for (int i = 0; i < h.length; i++) {
                    s[i] = Math.exp(-h[i]);
                    hi[i] = Math.exp(-Math.max(h[i] - z * se[i], 0)); // the lower H: the upper exp(-H)
                    lo[i] = Math.exp(-(h[i] + z * se[i]));
                }
            }
            r.add(new KaplanMeierPlot.Curve(level(c.name()), c.times(), s, lo, hi, c.numberAtRisk(),
                    c.numberCensored(), c.numberOfEvents()));
        }
        return r;
    }

    /**
     * The legend label of a curve: its level, not R's {@code "arm=level"} (survminer's
     * {@code legend.labs} default); {@code "sex=1, strata(inst)=2"} becomes {@code "1, 2"}.
     */
    static String level(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split(", ")) {
            int eq = part.lastIndexOf('=');
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(eq >= 0 ? part.substring(eq + 1) : part);
        }
        return b.toString();
    }

    /**
     * A default figure with confidence bands and the given time-axis label.
     *
     * @param fit the fitted model
     * @param timeLabel the time label
     * @return A default figure with confidence bands and the given time-axis label
     */
    public static String render(KaplanMeierResult fit, String timeLabel) {
        return KaplanMeierPlot.withDefaults().withTimeLabel(timeLabel).withConfidenceBands(true).render(curves(fit));
    }
}
