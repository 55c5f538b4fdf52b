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

    /** The curves of a fit, ready for {@link KaplanMeierPlot#render}. */
    public static List<KaplanMeierPlot.Curve> curves(KaplanMeierResult fit) {
        List<KaplanMeierPlot.Curve> r = new ArrayList<>();
        for (SurvivalCurve c : fit.curves()) {
            r.add(new KaplanMeierPlot.Curve(c.name(), c.times(), c.survival(), c.lower(), c.upper(),
                    c.numberAtRisk(), c.numberCensored()));
        }
        return r;
    }

    /** A default figure with confidence bands and the given time-axis label. */
    public static String render(KaplanMeierResult fit, String timeLabel) {
        return KaplanMeierPlot.withDefaults().timeLabel(timeLabel).confidenceBands(true).render(curves(fit));
    }
}
