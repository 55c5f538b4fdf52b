package io.survkit.validation;

import io.survkit.internal.Probabilities;

/**
 * A difference between two models' scores with its standard error (from the difference of their
 * influence functions), Wald limits (not clipped) and two-sided p-value, as riskRegression's
 * {@code fit$Brier$contrasts} ({@code delta.Brier, se, lower, upper, p}).
 *
 * @param value the difference (model minus reference)
 * @param standardError its standard error, sd(IF_model - IF_reference)/sqrt(n)
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 * @param pValue two-sided p-value of no difference
 */
public record Contrast(double value, double standardError, double lower, double upper, double pValue) {
    static Contrast of(double value, double[] influence, double z) {
        double se = Estimate.standardError(influence);
        double p = Probabilities.twoSidedNormal(value / se);
        return new Contrast(value, se, value - z * se, value + z * se, p);
    }
}
