package io.survkit.parametric;

/**
 * A quantile of a fitted survival distribution: the time by which a fraction {@code probability}
 * has had the event, its standard error (R {@code predict(..., type = "quantile", se.fit = TRUE)})
 * and confidence limits.
 *
 * <pre>{@code
 * QuantileEstimate median = fit.predict(Map.of("age", 60)).quantile(0.5);
 * double t = median.time();
 * }</pre>
 *
 * @param probability the event probability p (1 - S)
 * @param time the quantile T_p
 * @param standardError delta-method standard error of T_p
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 */
public record QuantileEstimate(double probability, double time, double standardError, double lower, double upper) {
}
