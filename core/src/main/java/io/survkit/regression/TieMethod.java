package io.survkit.regression;

/**
 * Handling of tied event times in the Cox partial likelihood.
 *
 * <pre>{@code
 * CoxResult r = CoxRegression.withDefaults().withTies(TieMethod.EXACT).fit(data);
 * }</pre>
 */
public enum TieMethod {
    /**
     * Efron (1977): the tied events leave the risk set in equal fractions; R {@code coxph}'s
     * default and the more accurate approximation to the exact partial likelihood.
     */
    EFRON,
    /** Breslow (1974): every tied event sees the full risk set. */
    BRESLOW,
    /**
     * The exact partial likelihood (Kalbfleisch and Prentice 1973; R {@code ties = "exact"}): the
     * probability that exactly the tied events, among all subsets of the risk set of that size,
     * fail, computed by Gail et al.'s (1981) recursion; the basis of conditional logistic
     * regression. Right-censored and (start, stop] data (R {@code agexact}) with unit case weights (as R). Residuals, baseline hazard and
     * predictions then use Breslow's formulas, as R's {@code residuals.coxph} and
     * {@code survfit.coxph} do.
     */
    EXACT
}
