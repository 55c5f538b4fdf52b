package io.survkit.estimate;

/**
 * Where the restricted mean of each curve of a fit stops when no numeric horizon is given, as R's
 * {@code print(fit, rmean = "common" | "individual")}.
 *
 * <pre>{@code
 * List<RestrictedMean> rm = km.restrictedMeans(RestrictedMeanHorizon.COMMON);
 * }</pre>
 */
public enum RestrictedMeanHorizon {
    /** Every curve up to the largest last time of all curves (R {@code rmean = "common"}). */
    COMMON,
    /** Each curve up to its own last time (R {@code rmean = "individual"}). */
    INDIVIDUAL
}
