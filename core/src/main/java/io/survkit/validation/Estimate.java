package io.survkit.validation;

/**
 * An estimate with its standard error and Wald confidence limits clipped to [0, 1], as
 * {@code riskRegression::Score} reports AUC and Brier score: se = sd(IF)/sqrt(n) over the n rows'
 * influence values (sd with denominator n - 1), limits max(0, est - z se), min(1, est + z se).
 *
 * @param value the estimate
 * @param standardError its standard error
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 */
public record Estimate(double value, double standardError, double lower, double upper) {
    /** From the influence function values of the n rows; z = the normal quantile of the level. */
    static Estimate of(double value, double[] influence, double z) {
        double se = standardError(influence);
        return new Estimate(value, se, Math.max(0, value - z * se), Math.min(1, value + z * se));
    }

    /** sd(IF)/sqrt(n), sd with denominator n - 1. */
    static double standardError(double[] influence) {
        int n = influence.length;
        double mean = 0;
        for (double v : influence) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : influence) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    }
}
