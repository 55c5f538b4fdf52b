package io.survkit.regression;

/** Handling of tied event times in the Cox partial likelihood. */
public enum TieMethod {
    /**
     * Efron (1977): the tied events leave the risk set in equal fractions; R {@code coxph}'s
     * default and the more accurate approximation to the exact partial likelihood.
     */
    EFRON,
    /** Breslow (1974): every tied event sees the full risk set. */
    BRESLOW
}
