package io.survkit.arms;

/**
 * How an {@link ArmComparison} balanced the arms on the propensity score, for one endpoint's rows,
 * immutable: the scores, the matched sets or the weights, and the covariate balance before and after.
 */
public final class PropensityAdjustment {
    /** Matching or weighting. */
    public enum Kind {
        /** Greedy nearest-neighbour matching on the logit (post-match analysis clustered on the set). */
        MATCHED,
        /** Inverse probability of treatment weighting (weighted Kaplan-Meier, robust Cox). */
        WEIGHTED
    }

    private final Kind kind;
    private final PropensityScoreResult scores;
    private final MatchedSets matchedSets;
    private final InverseProbabilityWeightsResult weights;
    private final BalanceResult balance;
    private final java.util.List<String> warnings;

    PropensityAdjustment(Kind kind, PropensityScoreResult scores, MatchedSets matchedSets, InverseProbabilityWeightsResult weights,
            BalanceResult balance) {
        this.warnings = scores.model().map(m -> java.util.List.copyOf(m.warnings())).orElse(java.util.List.of());
        this.kind = kind;
        this.scores = scores;
        this.matchedSets = matchedSets;
        this.weights = weights;
        this.balance = balance;
    }

    /**
     * Matching or weighting.
     *
     * @return matching or weighting
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The propensity scores of the two arms' rows (before matching).
     *
     * @return the propensity scores of the two arms' rows (before matching)
     */
    public PropensityScoreResult scores() {
        return scores;
    }

    /** @return the matched sets; empty when weighted */
    public java.util.Optional<MatchedSets> matchedSets() {
        return java.util.Optional.ofNullable(matchedSets);
    }

    /** @return the weights; empty when matched */
    public java.util.Optional<InverseProbabilityWeightsResult> weights() {
        return java.util.Optional.ofNullable(weights);
    }

    /**
     * Standardized mean differences before and after.
     *
     * @return standardized mean differences before and after
     */
    public BalanceResult balance() {
        return balance;
    }

    /**
     * The propensity score model's warnings (R's glm warnings, e.g. "fitted probabilities
     * numerically 0 or 1 occurred"): they are carried into the comparison's notes and methods.
     *
     * @return the propensity score model's warnings (R's glm warnings, e.g
     */
    public java.util.List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "PropensityAdjustment[" + kind + ", " + (matchedSets != null ? matchedSets : weights) + "]";
    }
}
