package io.survkit.estimate;

/**
 * How the cumulative hazard is computed from the per-time counts, R's {@code survfit(ctype = )}.
 * With n at risk (weighted), d events (weighted) and e event rows at a time:
 * <ul>
 * <li>{@link #NELSON_AALEN} ({@code ctype = 1}): dH = d / n, var += d / n^2.</li>
 * <li>{@link #FLEMING_HARRINGTON} ({@code ctype = 2}, Fleming and Harrington 1984): tied events
 * leave one at a time, dH = sum over j = 0..e-1 of (d/e) / (n - j d/e), var += sum of
 * (d/e) / (n - j d/e)^2 (R survival 3.5 {@code survfitkm.c}).</li>
 * </ul>
 *
 * <pre>{@code
 * KaplanMeier km = KaplanMeier.withDefaults().withHazardEstimator(HazardEstimator.FLEMING_HARRINGTON);
 * }</pre>
 */
public enum HazardEstimator {
    /** Nelson-Aalen (R {@code ctype = 1}, the default). */
    NELSON_AALEN(1),
    /** Fleming-Harrington correction for tied event times (R {@code ctype = 2}). */
    FLEMING_HARRINGTON(2);

    private final int rCode;

    HazardEstimator(int rCode) {
        this.rCode = rCode;
    }

    /** {@return R's {@code ctype} code (1 or 2)} */
    public int rCode() {
        return rCode;
    }
}
