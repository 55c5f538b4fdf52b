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
    private final PropensityScores scores;
    private final MatchedSets matchedSets;
    private final PropensityWeights weights;
    private final BalanceTable balance;
    private final java.util.List<String> warnings;

    PropensityAdjustment(Kind kind, PropensityScores scores, MatchedSets matchedSets, PropensityWeights weights,
            BalanceTable balance) {
        this.warnings = scores.model() == null ? java.util.List.of() : java.util.List.copyOf(scores.model().warnings());
        this.kind = kind;
        this.scores = scores;
        this.matchedSets = matchedSets;
        this.weights = weights;
        this.balance = balance;
    }

    /** Matching or weighting. */
    public Kind kind() {
        return kind;
    }

    /** The propensity scores of the two arms' rows (before matching). */
    public PropensityScores scores() {
        return scores;
    }

    /** The matched sets, or null when weighted. */
    public MatchedSets matchedSets() {
        return matchedSets;
    }

    /** The weights, or null when matched. */
    public PropensityWeights weights() {
        return weights;
    }

    /** Standardized mean differences before and after. */
    public BalanceTable balance() {
        return balance;
    }

    /**
     * The propensity score model's warnings (R's glm warnings, e.g. "fitted probabilities
     * numerically 0 or 1 occurred"): they are carried into the comparison's notes and methods.
     */
    public java.util.List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "PropensityAdjustment[" + kind + ", " + (matchedSets != null ? matchedSets : weights) + "]";
    }
}
