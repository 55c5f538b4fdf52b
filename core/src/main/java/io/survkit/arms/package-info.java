/**
 * Treatment arms in observational data: propensity scores ({@link io.survkit.arms.PropensityScore}),
 * greedy caliper matching on the logit ({@link io.survkit.arms.PropensityMatching}), covariate balance
 * ({@link io.survkit.arms.Balance}) and inverse-probability-of-treatment weights
 * ({@link io.survkit.arms.InverseProbabilityWeights}).
 *
 * <pre>{@code
 * PropensityScoreResult ps = PropensityScore.withDefaults().withCovariates("age", "ph.ecog").estimate(data, "2");
 * MatchedSets m = PropensityMatching.withDefaults().match(ps);         // 1:1, caliper 0.2 SD of the logit
 * BalanceResult before = Balance.withDefaults().estimate(data, ps.treated());
 * BalanceResult after = Balance.withDefaults().estimate(data, ps.treated(), m);
 * InverseProbabilityWeightsResult w = InverseProbabilityWeights.withDefaults().withStabilization(Stabilization.STABILIZED).estimate(ps);
 * }</pre>
 */
package io.survkit.arms;
