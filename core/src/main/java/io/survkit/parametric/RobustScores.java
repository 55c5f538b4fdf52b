package io.survkit.parametric;

/**
 * How case weights enter the robust sandwich variance of a survreg fit. R {@code survival} 3.8
 * (December 2024, commit "Internal call to resid needed the weighted=TRUE argument, for robust
 * variance") weights each row's score by its case weight; earlier versions, including the 3.5-3
 * of the project's R oracle, leave the scores unweighted. Without weights both are the same.
 *
 * <pre>{@code
 * ParametricRegression.withDefaults().withVariance(Variance.ROBUST)
 *         .withRobustScores(RobustScores.UNWEIGHTED);   // as survival < 3.8
 * }</pre>
 */
public enum RobustScores {
    /** dfbeta_i = w_i V s_i (R survival &gt;= 3.8; the infinitesimal jackknife of the weighted fit). Default. */
    WEIGHTED,
    /** dfbeta_i = V s_i (R survival &lt; 3.8, e.g. 3.5-3). */
    UNWEIGHTED
}
