package io.survkit.regression;

/** Which variance of the Cox coefficients the result reports as its main one. */
public enum CoxVariance {
    /**
     * R's rule: robust when the data have a cluster column or some case weight is not a whole
     * number, model-based otherwise.
     */
    AUTO,
    /** Model-based: the inverse of the observed information matrix. */
    MODEL,
    /**
     * Robust sandwich (infinitesimal jackknife, Lin and Wei 1989), summed within clusters when the
     * data have a cluster column.
     */
    ROBUST
}
