package io.survkit.plot;

/**
 * The scale a {@link KaplanMeierPlot} draws its curves on, as R's {@code plot.survfit(fit, fun = )}.
 * Curves always carry survival-scale values S (and limits on that scale); the scale maps them:
 *
 * <ul>
 *   <li>{@link #SURVIVAL}: S ({@code fun = "surv"});
 *   <li>{@link #EVENT}: 1 - S, the cumulative incidence ({@code fun = "event"});
 *   <li>{@link #CUMULATIVE_HAZARD}: -log S ({@code fun = "cumhaz"}); {@link KaplanMeierPlots#curves(
 *       io.survkit.estimate.KaplanMeierResult, CurveScale)} hands over exp(-H) with H the
 *       Nelson-Aalen estimate and its plain limits H &plusmn; z se(H) (lower cut at 0), so what is drawn is
 *       R's {@code fit$cumhaz} and the band {@code plot.survfit} draws;
 *   <li>{@link #CLOGLOG}: log(-log S) against a logarithmic time axis ({@code fun = "cloglog"}), the
 *       check of proportional hazards: parallel curves.
 * </ul>
 *
 * <pre>{@code
 * String svg = KaplanMeierPlot.withDefaults().withScale(CurveScale.CLOGLOG)
 *         .render(KaplanMeierPlots.curves(fit, CurveScale.CLOGLOG));
 * }</pre>
 */
public enum CurveScale {
    /** Survival probability S(t). */
    SURVIVAL("Survival probability"),
    /** Cumulative incidence 1 - S(t). */
    EVENT("Cumulative incidence"),
    /** Cumulative hazard -log S(t) (Nelson-Aalen through {@link KaplanMeierPlots}). */
    CUMULATIVE_HAZARD("Cumulative hazard"),
    /** log(-log S(t)) against log time. */
    CLOGLOG("log(-log(survival))");

    private final String label;

    CurveScale(String label) {
        this.label = label;
    }

    /** {@return the default value-axis label of this scale} */
    public String label() {
        return label;
    }

    /**
     * A survival-scale value on this scale.
     *
     * @param s a value on the survival scale
     * @return s, 1 - s, -log s or log(-log s); not finite where the scale has no value (log of 0)
     */
    public double apply(double s) {
        return switch (this) {
            case SURVIVAL -> s;
            case EVENT -> 1 - s;
            case CUMULATIVE_HAZARD -> s == 1 ? 0 : -Math.log(s);
            case CLOGLOG -> Math.log(-Math.log(s));
        };
    }

    /** Whether the value axis is a probability from 0 to 1 (percent, median lines apply). */
    boolean probability() {
        return this == SURVIVAL || this == EVENT;
    }

    /** Whether the time axis is logarithmic. */
    boolean logTime() {
        return this == CLOGLOG;
    }
}
