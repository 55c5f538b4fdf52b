package io.survkit.estimate;

/**
 * The scale of a survival curve's standard errors, as R's {@code fit$logse}.
 *
 * <pre>{@code
 * if (curve.standardErrorScale() == StandardErrorScale.LOG) {
 *     double seOfS = curve.survival(i) * curve.standardError(i);
 * }
 * }</pre>
 */
public enum StandardErrorScale {
    /** Standard error of -log S (the cumulative-hazard scale): Greenwood. R {@code logse = TRUE}, {@code "log"}. */
    LOG("log"),
    /** Standard error of S itself: infinitesimal jackknife. R {@code logse = FALSE}, {@code "surv"}. */
    SURVIVAL("surv");

    private final String rName;

    StandardErrorScale(String rName) {
        this.rName = rName;
    }

    /** {@return the oracle's name of the scale: {@code "log"} or {@code "surv"}} */
    public String rName() {
        return rName;
    }
}
