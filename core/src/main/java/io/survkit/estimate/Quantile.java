package io.survkit.estimate;

import io.survkit.internal.RFormat;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A quantile of a survival curve with its confidence limits, as R's
 * {@code quantile(fit, probs = p, conf.int = TRUE)}: the first time at which the event probability
 * 1 - S(t) reaches {@code p} (flat stretches at exactly p give the midpoint, see
 * {@link SurvivalCurve#quantile(double)}). A time that is never reached is absent.
 *
 * <pre>{@code
 * Quantile q = curve.quantile(0.25);
 * String s = q.time().isPresent() ? "t25 = " + q.time().getAsDouble() : "not reached";
 * }</pre>
 */
public final class Quantile {
    private final double probability;
    private final double time;
    private final double lower;
    private final double upper;

    Quantile(double probability, double time, double lower, double upper) {
        this.probability = probability;
        this.time = time;
        this.lower = lower;
        this.upper = upper;
    }

    /** {@return R's probability p: the event probability 1 - S at the quantile (0.5 = median)} */
    public double probability() {
        return probability;
    }

    /** {@return the quantile time, absent when the curve never reaches 1 - S = p} */
    public OptionalDouble time() {
        return optional(time);
    }

    /** {@return lower confidence limit (read off the lower confidence curve), absent when not reached} */
    public OptionalDouble lower() {
        return optional(lower);
    }

    /** {@return upper confidence limit (read off the upper confidence curve), absent when not reached} */
    public OptionalDouble upper() {
        return optional(upper);
    }

    static OptionalDouble optional(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Quantile[p=%s, time=%s, lower=%s, upper=%s]", RFormat.signif(probability, 7),
                RFormat.signif(time, 7), RFormat.signif(lower, 7), RFormat.signif(upper, 7));
    }
}
