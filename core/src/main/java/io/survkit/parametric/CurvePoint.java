package io.survkit.parametric;

/**
 * One point of a model-based curve (survival, cumulative hazard or hazard) with its delta-method
 * standard error and confidence limits.
 *
 * <pre>{@code
 * CurvePoint s = fit.predict(Map.of("age", 60)).survival(365);
 * double lo = s.lower();
 * }</pre>
 *
 * @param time the time
 * @param estimate the curve's value at {@code time}
 * @param standardError delta-method standard error of the value
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 */
public record CurvePoint(double time, double estimate, double standardError, double lower, double upper) {
}
