package io.survkit.regression;

/** The function of time g(t) that the proportional-hazards test correlates the residuals with (R {@code cox.zph(transform =)}). */
public enum TimeTransform {
    /**
     * {@code 1 - S(t-)}, S the Kaplan-Meier estimate of all rows pooled (unweighted, no strata):
     * R's default {@code "km"}; robust to the spacing of the event times.
     */
    KM,
    /** The time itself ({@code "identity"}). */
    IDENTITY,
    /** log(time) ({@code "log"}). */
    LOG,
    /** The rank of the time among all rows, ties averaged ({@code "rank"}). */
    RANK
}
