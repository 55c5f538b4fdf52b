package io.survkit.estimate;

/**
 * How a survival curve is computed from the per-time counts, R's {@code survfit(stype = )}.
 *
 * <pre>{@code
 * KaplanMeier fh = KaplanMeier.withDefaults()
 *         .withSurvivalEstimator(SurvivalEstimator.EXPONENTIAL_HAZARD)   // R: stype = 2
 *         .withHazardEstimator(HazardEstimator.FLEMING_HARRINGTON);      // R: ctype = 2
 * }</pre>
 */
public enum SurvivalEstimator {
    /** The product-limit (Kaplan-Meier) estimate S = prod (1 - d/n) (R {@code stype = 1}, the default). */
    PRODUCT_LIMIT(1),
    /**
     * S = exp(-H) from the cumulative hazard estimate H (R {@code stype = 2}; with the Nelson-Aalen
     * hazard this is the Breslow or Fleming-Harrington survival estimate). Its standard error is that
     * of H.
     */
    EXPONENTIAL_HAZARD(2);

    private final int rCode;

    SurvivalEstimator(int rCode) {
        this.rCode = rCode;
    }

    /** {@return R's {@code stype} code (1 or 2)} */
    public int rCode() {
        return rCode;
    }
}
