package io.survkit.estimate;

/**
 * How {@link CumulativeIncidence} reports cumulative incidence. Both give the same Aalen-Johansen
 * (Kalbfleisch-Prentice) estimate of the probability of failing from each cause; they differ in the
 * layout and the variance.
 */
public enum CifMethod {
    /**
     * R {@code cmprsk::cuminc}: one curve per group and cause as the doubled step vectors
     * {@code time}, {@code est}, {@code var} (Gray's delta-method variance), and Gray's K-sample
     * test per cause when there are two or more groups.
     */
    CUMINC,
    /**
     * R {@code survfit(Surv(time, factor(status)) ~ group)}: the multi-state Aalen-Johansen
     * probabilities of each state ({@code "(s0)"} = event-free, then each cause) at every distinct
     * time, with infinitesimal-jackknife standard errors.
     */
    AALEN_JOHANSEN
}
