package io.survkit.arms;

import io.survkit.internal.Check;

/**
 * How an {@link ArmComparison} balances the arms before comparing them: not at all, by
 * propensity-score matching, or by inverse probability of treatment weighting. One plan per
 * comparison; setting one replaces the other.
 *
 * <pre>{@code
 * PropensityScore score = PropensityScore.withDefaults().withCovariates("age", "sex", "size");
 * ArmComparison matched = comparison.withPropensityPlan(
 *         new PropensityPlan.Matching(score, PropensityMatching.withDefaults()));
 * switch (matched.propensityPlan()) {   // NoAdjustment, Matching or Weighting
 *     ...
 * }
 * }</pre>
 */
public sealed interface PropensityPlan permits PropensityPlan.NoAdjustment, PropensityPlan.Matching,
        PropensityPlan.Weighting {

    /** The default plan: the arms are compared as they are. */
    PropensityPlan NONE = new NoAdjustment();

    /** No propensity adjustment: the crude (and covariate-adjusted Cox) comparison. */
    record NoAdjustment() implements PropensityPlan {
    }

    /**
     * Propensity-score matching: the score is estimated on the two arms' rows of each endpoint and
     * the rows are matched by {@code matching}; the matched sample is analysed with the matched set
     * as cluster.
     *
     * @param score the propensity-score model
     * @param matching the matching rule (ratio, caliper)
     */
    record Matching(PropensityScore score, PropensityMatching matching) implements PropensityPlan {
        /**
         * @param score the propensity-score model
         * @param matching the matching rule
         * @throws IllegalArgumentException when either is null
         */
        public Matching {
            Check.notNull("propensity score", score);
            Check.notNull("matching", matching);
        }
    }

    /**
     * Inverse probability of treatment weighting: weighted Kaplan-Meier and Cox with the robust
     * variance; the log-rank test is not reported.
     *
     * @param score the propensity-score model
     * @param weights the weights' stabilisation and truncation
     */
    record Weighting(PropensityScore score, InverseProbabilityWeights weights) implements PropensityPlan {
        /**
         * @param score the propensity-score model
         * @param weights the weighting rule
         * @throws IllegalArgumentException when either is null
         */
        public Weighting {
            Check.notNull("propensity score", score);
            Check.notNull("weights", weights);
        }
    }
}
