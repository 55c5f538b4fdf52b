package io.survkit.parametric;

import io.survkit.internal.Check;
import java.util.Locale;

/**
 * Distribution of a parametric survival model. The first six are R {@code survreg}'s
 * location-scale models {@code g(T) = x'b + sigma W} (accelerated failure time): g = log for
 * {@link #WEIBULL}, {@link #EXPONENTIAL} (sigma fixed at 1), {@link #LOGNORMAL} and
 * {@link #LOGLOGISTIC}; g = identity for {@link #GAUSSIAN} and {@link #LOGISTIC}. W is the minimum
 * extreme value, standard normal or standard logistic distribution.
 *
 * <pre>{@code
 * ParametricResult fit = ParametricRegression.withDefaults()
 *         .withDistribution(Distribution.LOGLOGISTIC).fit(data);
 * }</pre>
 */
public enum Distribution {
    /** log T = x'b + sigma W, W minimum extreme value: S(t) = exp(-(t / e^{x'b})^{1/sigma}). */
    WEIBULL("Weibull", ErrorDistribution.EXTREME_VALUE, true, 0),
    /** The Weibull with sigma = 1: constant hazard e^{-x'b}. */
    EXPONENTIAL("Exponential", ErrorDistribution.EXTREME_VALUE, true, 1),
    /** log T normal with mean x'b and standard deviation sigma. */
    LOGNORMAL("Log Normal", ErrorDistribution.GAUSSIAN, true, 0),
    /** log T logistic: S(t) = 1 / (1 + (t / e^{x'b})^{1/sigma}). */
    LOGLOGISTIC("Log logistic", ErrorDistribution.LOGISTIC, true, 0),
    /** T normal with mean x'b and standard deviation sigma. */
    GAUSSIAN("Gaussian", ErrorDistribution.GAUSSIAN, false, 0),
    /** T logistic with location x'b and scale sigma. */
    LOGISTIC("Logistic", ErrorDistribution.LOGISTIC, false, 0);

    private final String rName;
    private final ErrorDistribution error;
    private final boolean logTime;
    private final double fixedScale;

    Distribution(String rName, ErrorDistribution error, boolean logTime, double fixedScale) {
        this.rName = rName;
        this.error = error;
        this.logTime = logTime;
        this.fixedScale = fixedScale;
    }

    /** {@return R's name of the distribution as {@code print(summary(fit))} shows it, e.g} {@code "Log Normal"}. */
    public String displayName() {
        return rName;
    }

    /** {@return the name R's {@code survreg(dist = )} and the CLI's {@code --dist} use, e.g} {@code "loglogistic"}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return true when the model is for log T (time ratios exp(b) apply)} */
    public boolean isLogTime() {
        return logTime;
    }

    /** {@return true when sigma is fixed (the exponential) rather than estimated} */
    public boolean hasFixedScale() {
        return fixedScale > 0;
    }

    ErrorDistribution error() {
        return error;
    }

    double fixedScale() {
        return fixedScale;
    }

    /**
     * The distribution named {@code name} (R's {@code dist} name, case-insensitive).
     *
     * @param name the name
     * @return the distribution named {@code name} (R's {@code dist} name, case-insensitive)
     */
    public static Distribution of(String name) {
        Check.notNull("distribution name", name);
        for (Distribution d : values()) {
            if (d.optionName().equalsIgnoreCase(name.trim())) {
                return d;
            }
        }
        throw Check.fail("unknown distribution '%s'; expected one of weibull, exponential, lognormal, loglogistic,"
                + " gaussian, logistic", name);
    }
}
