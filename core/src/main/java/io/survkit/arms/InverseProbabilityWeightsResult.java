package io.survkit.arms;

import java.util.Locale;

/**
 * Inverse-probability-of-treatment weights, one per row, from {@link InverseProbabilityWeights},
 * with their summary by arm: sum, range and Kish's effective sample size (sum w)^2 / sum w^2.
 */
public final class InverseProbabilityWeightsResult {
    private final boolean[] treated;
    private final double[] w;
    private final Stabilization stabilization;
    private final double lower;
    private final double upper;
    private final double max;
    private final int truncated;

    InverseProbabilityWeightsResult(boolean[] treated, double[] w, Stabilization stabilization, double lower, double upper,
            double max, int truncated) {
        this.treated = treated;
        this.w = w;
        this.stabilization = stabilization;
        this.lower = lower;
        this.upper = upper;
        this.max = max;
        this.truncated = truncated;
    }

    /**
     * Number of rows.
     *
     * @return number of rows
     */
    public int size() {
        return w.length;
    }

    /**
     * The weights.
     *
     * @return the weights
     */
    public double[] weights() {
        return w.clone();
    }

    /**
     * Weight of row i.
     *
     * @param i the i
     * @return weight of row i
     */
    public double weight(int i) {
        return w[i];
    }

    /**
     * Whether row i is treated.
     *
     * @param i the i
     * @return whether row i is treated
     */
    public boolean treated(int i) {
        return treated[i];
    }

    /**
     * Stabilisation used.
     *
     * @return stabilisation used
     */
    public Stabilization stabilization() {
        return stabilization;
    }

    /**
     * Rows whose weight was truncated (by percentiles or the maximum).
     *
     * @return rows whose weight was truncated (by percentiles or the maximum)
     */
    public int truncatedCount() {
        return truncated;
    }

    /** @return the lower truncation bound (a weight value); empty without percentile truncation */
    public java.util.OptionalDouble lowerBound() {
        return Double.isNaN(lower) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(lower);
    }

    /** @return the upper truncation bound (a weight value); empty without percentile truncation */
    public java.util.OptionalDouble upperBound() {
        return Double.isNaN(upper) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(upper);
    }

    /**
     * Sum of the weights of one arm.
     *
     * @param ofTreated the of treated
     * @return sum of the weights of one arm
     */
    public double sum(boolean ofTreated) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (treated[i] == ofTreated) {
                s += w[i];
            }
        }
        return s;
    }

    /**
     * Kish's effective sample size of one arm: (sum w)^2 / sum w^2.
     *
     * @param ofTreated the of treated
     * @return kish's effective sample size of one arm: (sum w)^2 / sum w^2
     */
    public double effectiveSampleSize(boolean ofTreated) {
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < w.length; i++) {
            if (treated[i] == ofTreated) {
                s += w[i];
                s2 += w[i] * w[i];
            }
        }
        return s2 > 0 ? s * s / s2 : 0;
    }

    private double[] range(boolean ofTreated) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int i = 0; i < w.length; i++) {
            if (treated[i] == ofTreated) {
                lo = Math.min(lo, w[i]);
                hi = Math.max(hi, w[i]);
                n++;
            }
        }
        return new double[] {lo, hi, n};
    }

    /**
     * Summary by arm.
     *
     * @return summary by arm
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("Inverse probability of treatment weights (ATE")
                .append(stabilization == Stabilization.STABILIZED ? ", stabilised" : "").append(")");
        if (!Double.isNaN(lower)) {
            sb.append(String.format(Locale.ROOT, ", truncated to [%.4g, %.4g]", lower, upper));
        }
        if (max < Double.POSITIVE_INFINITY) {
            sb.append(String.format(Locale.ROOT, ", maximum %.4g", max));
        }
        sb.append(String.format(Locale.ROOT, "; %d weight%s truncated%n", truncated, truncated == 1 ? "" : "s"));
        sb.append(String.format(Locale.ROOT, "%-8s %8s %12s %10s %10s %12s%n", "arm", "n", "sum of w", "min w",
                "max w", "effective n"));
        for (boolean t : new boolean[] {true, false}) {
            double[] r = range(t);
            sb.append(String.format(Locale.ROOT, "%-8s %8d %12.6g %10.4g %10.4g %12.6g%n", t ? "treated" : "control",
                    (int) r[2], sum(t), r[0], r[1], effectiveSampleSize(t)));
        }
        return sb.toString();
    }
}
