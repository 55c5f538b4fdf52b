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
        List<KaplanMeierPlot.Curve> r = new ArrayList<>();
        for (SurvivalCurve c : fit.curves()) {
            r.add(new KaplanMeierPlot.Curve(level(c.name()), c.times(), c.survival(), c.lower(), c.upper(),
                    c.numberAtRisk(), c.numberCensored(), c.numberOfEvents()));
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
        return KaplanMeierPlot.withDefaults().timeLabel(timeLabel).confidenceBands(true).render(curves(fit));
    }
}
