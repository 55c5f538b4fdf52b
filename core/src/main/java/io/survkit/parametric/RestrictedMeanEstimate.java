package io.survkit.parametric;

/**
 * The restricted mean survival time of a fitted model to a horizon, {@code integral_0^horizon S(t) dt},
 * with a delta-method standard error and confidence limits.
 *
 * <pre>{@code
 * RestrictedMeanEstimate r = fit.predict(Map.of("age", 60)).restrictedMean(3650);
 * }</pre>
 *
 * @param horizon the upper limit tau of the integral
 * @param value the restricted mean
 * @param standardError delta-method standard error
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 */
public record RestrictedMeanEstimate(double horizon, double value, double standardError, double lower,
        double upper) {
}
