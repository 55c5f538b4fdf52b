package io.survkit.arms;

/** Whether inverse-probability weights are stabilised by the marginal probability of the arm. */
public enum Stabilization {
    /** w = 1 / e for treated, 1 / (1 - e) for controls. */
    NONE,
    /**
     * w = P(T = 1) / e for treated, P(T = 0) / (1 - e) for controls, with P(T = 1) the proportion
     * treated (Robins, Hernan and Brumback 2000; Xu et al. 2010): the weights then sum to about n.
     */
    STABILIZED
}
