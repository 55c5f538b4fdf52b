package io.survkit.validation;

import io.survkit.internal.Check;

/**
 * Weight tau(t) of the pairs decided at an event time t in {@link Concordance}, as R
 * {@code concordance(timewt = )}. Per stratum, with W = the sum of the case weights, n(t) = the
 * weight at risk at t, S(t-) the weighted Kaplan-Meier just before t and G(t-) the weighted
 * Kaplan-Meier of the censoring just before t (events before censorings at a tied time):
 * <ul>
 * <li>{@link #HARRELL} ({@code "n"}): 1, Harrell's C;</li>
 * <li>{@link #SURVIVAL} ({@code "S"}): W S(t-)/n(t), Peto-Wilcoxon-like;</li>
 * <li>{@link #SURVIVAL_OVER_CENSORING} ({@code "S/G"}): W S(t-)/(G(t-) n(t)), Schemper's;</li>
 * <li>{@link #UNO} ({@code "n/G2"}): 1/G(t-)^2, Uno's C.</li>
 * </ul>
 * A stratum with fewer than 2 events uses tau = 1, as R.
 */
public enum TimeWeight {
    /** tau = 1: Harrell's C (R {@code "n"}). */
    HARRELL("n"),
    /** tau = W S(t-)/n(t) (R {@code "S"}). */
    SURVIVAL("S"),
    /** tau = W S(t-)/(G(t-) n(t)) (R {@code "S/G"}). */
    SURVIVAL_OVER_CENSORING("S/G"),
    /** tau = 1/G(t-)^2: Uno's C (R {@code "n/G2"}). */
    UNO("n/G2");

    private final String rName;

    TimeWeight(String rName) {
        this.rName = rName;
    }

    /** {@return R's name for it ({@code "n"}, {@code "S"}, {@code "S/G"}, {@code "n/G2"})} */
    public String rName() {
        return rName;
    }

    /**
     * True when it is available for counting-process (start, stop] data: only {@link #HARRELL}. R
     * rejects S/G and n/G2 there (no censoring distribution with delayed entry), and survival
     * 3.5-3 crashes on S.
     */
    boolean allowsCountingProcess() {
        return this == HARRELL;
    }

    /**
     * The weight R calls {@code name}; throws naming the allowed values otherwise.
     *
     * @param name the name
     * @return the weight R calls {@code name}; throws naming the allowed values otherwise
     */
    public static TimeWeight fromR(String name) {
        for (TimeWeight w : values()) {
            if (w.rName.equals(name)) {
                return w;
            }
        }
        throw Check.fail("time weight must be one of n, S, S/G, n/G2, got '%s'", name);
    }
}
