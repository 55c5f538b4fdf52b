package io.survkit.arms;

import io.survkit.internal.Check;
import java.util.Arrays;

/**
 * Inverse-probability-of-treatment weights for the average treatment effect (ATE): w = 1 / e for
 * a treated subject and 1 / (1 - e) for a control, e the propensity score (Rosenbaum 1987; Austin
 * and Stuart 2015), optionally stabilised ({@link Stabilization#STABILIZED}: multiplied by the
 * marginal proportion of the subject's arm) and optionally truncated ("trimmed"): weights below the
 * lower / above the upper percentile of all weights are set to that percentile (Cole and Hernan
 * 2008; percentiles as R {@code quantile(w, type = 7)}), and then weights above a maximum are set
 * to the maximum. Truncation comes after stabilisation.
 *
 * <p>Defaults ({@link #withDefaults()}): ATE, not stabilised, not truncated.
 *
 * <pre>{@code
 * InverseProbabilityWeightsResult w = InverseProbabilityWeights.withDefaults()
 *         .withStabilization(Stabilization.STABILIZED).withTruncation(1, 99).estimate(ps);
 * double[] weights = w.weights();   // e.g. case weights of a weighted Kaplan-Meier or robust Cox
 * }</pre>
 */
public final class InverseProbabilityWeights {
    private static final InverseProbabilityWeights DEFAULTS =
            new InverseProbabilityWeights(Stabilization.NONE, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY);

    private final Stabilization stabilization;
    private final double lowerPercentile;
    private final double upperPercentile;
    private final double maxWeight;

    private InverseProbabilityWeights(Stabilization stabilization, double lowerPercentile, double upperPercentile,
            double maxWeight) {
        this.stabilization = stabilization;
        this.lowerPercentile = lowerPercentile;
        this.upperPercentile = upperPercentile;
        this.maxWeight = maxWeight;
    }

    /**
     * ATE weights, not stabilised, not truncated.
     *
     * @return ATE weights, not stabilised, not truncated
     */
    public static InverseProbabilityWeights withDefaults() {
        return DEFAULTS;
    }

    /**
     * Stabilised or not.
     *
     * @param s the s
     * @return stabilised or not
     */
    public InverseProbabilityWeights withStabilization(Stabilization s) {
        return new InverseProbabilityWeights(Check.notNull("stabilization", s), lowerPercentile, upperPercentile,
                maxWeight);
    }

    /**
     * Truncates the weights at the {@code lower} and {@code upper} percentiles (0 &lt;= lower &lt; upper &lt;=
     * 100) of all subjects' weights, e.g. (1, 99).
     *
     * @param lower the lower
     * @param upper the upper
     * @return truncates the weights at the {@code lower} and {@code upper} percentiles (0 &lt;= lower &lt; upper &lt;= 100) of all subjects' weights, e.g
     */
    public InverseProbabilityWeights withTruncation(double lower, double upper) {
        if (!(lower >= 0 && lower < upper && upper <= 100)) {
            throw Check.fail("truncation percentiles must satisfy 0 <= lower < upper <= 100, got %s and %s", lower,
                    upper);
        }
        return new InverseProbabilityWeights(stabilization, lower, upper, maxWeight);
    }

    /**
     * Sets every weight above {@code max} (finite, > 0) to {@code max}.
     *
     * @param max the max
     * @return sets every weight above {@code max} (finite, > 0) to {@code max}
     */
    public InverseProbabilityWeights withMaximumWeight(double max) {
        return new InverseProbabilityWeights(stabilization, lowerPercentile, upperPercentile,
                Check.positiveFinite("maximum weight", max));
    }

    /**
     * Stabilisation in use.
     *
     * @return stabilisation in use
     */
    public Stabilization stabilization() {
        return stabilization;
    }

    /**
     * Weights from estimated propensity scores.
     *
     * @param scores the scores
     * @return weights from estimated propensity scores
     */
    public InverseProbabilityWeightsResult estimate(PropensityScoreResult scores) {
        Check.notNull("propensity scores", scores);
        return estimate(scores.treated(), scores.scores());
    }

    /**
     * Weights from {@code score[i]} (strictly between 0 and 1) and {@code treated[i]}.
     *
     * @param treated the treated
     * @param score the score
     * @return weights from {@code score[i]} (strictly between 0 and 1) and {@code treated[i]}
     */
    public InverseProbabilityWeightsResult estimate(boolean[] treated, double[] score) {
        Check.notNull("treated", treated);
        Check.notNull("score", score);
        int n = treated.length;
        if (score.length != n) {
            throw Check.fail("treated has %d entries but score has %d", n, score.length);
        }
        if (n == 0) {
            throw Check.fail("no rows to weight");
        }
        int nt = 0;
        for (int i = 0; i < n; i++) {
            double e = score[i];
            if (!(e > 0 && e < 1)) {
                throw Check.fail("score, row %d: %s is not a probability strictly between 0 and 1", i + 1, e);
            }
            if (treated[i]) {
                nt++;
            }
        }
        double pt = stabilization == Stabilization.STABILIZED ? (double) nt / n : 1;
        double pc = stabilization == Stabilization.STABILIZED ? (double) (n - nt) / n : 1;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = treated[i] ? pt / score[i] : pc / (1 - score[i]);
        }
        double lo = Double.NaN;
        double hi = Double.NaN;
        int truncated = 0;
        if (!Double.isNaN(lowerPercentile)) {
            double[] sorted = w.clone();
            Arrays.sort(sorted);
            lo = quantile7(sorted, lowerPercentile / 100);
            hi = quantile7(sorted, upperPercentile / 100);
            for (int i = 0; i < n; i++) {
                if (w[i] < lo) {
                    w[i] = lo;
                    truncated++;
                } else if (w[i] > hi) {
                    w[i] = hi;
                    truncated++;
                }
            }
        }
        if (maxWeight < Double.POSITIVE_INFINITY) {
            for (int i = 0; i < n; i++) {
                if (w[i] > maxWeight) {
                    w[i] = maxWeight;
                    truncated++;
                }
            }
        }
        return new InverseProbabilityWeightsResult(treated.clone(), w, stabilization, lo, hi, maxWeight, truncated);
    }

    /** R {@code quantile(x, p, type = 7)} of sorted values. */
    static double quantile7(double[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p;
        int j = (int) Math.floor(h);
        double g = h - j;
        if (j + 1 >= n) {
            return sorted[n - 1];
        }
        return sorted[j] + g * (sorted[j + 1] - sorted[j]);
    }
}
