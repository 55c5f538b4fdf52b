package io.survkit.estimate;

/**
 * Variance estimator of a Kaplan-Meier curve.
 *
 * <pre>{@code
 * KaplanMeier km = KaplanMeier.withDefaults().withVariance(Variance.GREENWOOD); // R: robust = FALSE
 * }</pre>
 */
public enum Variance {
    /**
     * R's rule ({@code survfit} without {@code robust=}): the infinitesimal jackknife when some case
     * weight is not a whole number or the data have a cluster column, else Greenwood.
     */
    AUTO,
    /**
     * Greenwood (1926): var(-log S(t)) = sum over event times &lt;= t of d / (n (n - d)), with weighted
     * counts (R: {@code robust = FALSE}). Standard errors are reported on the log scale.
     */
    GREENWOOD,
    /**
     * Infinitesimal jackknife (robust, sandwich) variance of S(t) itself, summed within clusters when
     * the data have a cluster column, else per row (R: {@code robust = TRUE}). Standard errors are
     * reported on the survival scale.
     */
    INFINITESIMAL_JACKKNIFE
}
