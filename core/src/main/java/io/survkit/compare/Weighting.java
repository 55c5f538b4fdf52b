package io.survkit.compare;

/**
 * Weight function w(t) of a weighted log-rank test, evaluated at each event time t within a
 * stratum. {@code S(t-)} is the left-continuous Kaplan-Meier estimate of all groups pooled
 * (within the stratum), {@code n(t)} the pooled number at risk.
 *
 * <pre>{@code
 * LogRankTest wilcoxon = LogRankTest.withDefaults().withWeighting(Weighting.GEHAN_BRESLOW);
 * }</pre>
 */
public enum Weighting {
    /** w = 1: the log-rank (Mantel-Cox) test, R {@code survdiff(rho = 0)}. */
    LOG_RANK,
    /**
     * w = S(t-)^rho (1 - S(t-))^gamma: Fleming and Harrington (1991) G(rho, gamma). With gamma = 0
     * this is R {@code survdiff(rho = )}; rho and gamma are set with
     * {@link LogRankTest#withRho(double)} and {@link LogRankTest#withGamma(double)}.
     */
    FLEMING_HARRINGTON,
    /** w = n(t): Gehan (1965) and Breslow (1970) generalised Wilcoxon test. */
    GEHAN_BRESLOW,
    /** w = sqrt(n(t)): Tarone and Ware (1977). */
    TARONE_WARE,
    /**
     * w = S(t-): Peto and Peto (1972) as R computes it, {@code survdiff(rho = 1)} (the pooled
     * Kaplan-Meier, not Prentice's n/(n+1) modification).
     */
    PETO_PETO
}
