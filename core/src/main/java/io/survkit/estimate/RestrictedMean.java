package io.survkit.estimate;

import io.survkit.internal.RFormat;
import java.util.Locale;

/**
 * Restricted mean survival time up to a horizon tau, with its standard error, as R's
 * {@code summary(fit, rmean = tau)$table[, c("rmean", "se(rmean)")]}.
 *
 * <p>rmean = integral of S(u) from 0 to tau. Variance (R's {@code survmean}): the sum over event
 * times t_i &lt;= tau of A_i^2 d_i / (n_i (n_i - d_i)) with A_i = integral of S(u) from t_i to tau,
 * terms with n_i = d_i counted as 0 (weighted counts with case weights).
 *
 * <pre>{@code
 * RestrictedMean rm = curve.restrictedMean(365);
 * double days = rm.estimate(), se = rm.standardError();
 * }</pre>
 */
public final class RestrictedMean {
    private final double tau;
    private final double estimate;
    private final double standardError;

    RestrictedMean(double tau, double estimate, double standardError) {
        this.tau = tau;
        this.estimate = estimate;
        this.standardError = standardError;
    }

    /** {@return the horizon tau} */
    public double tau() {
        return tau;
    }

    /** {@return restricted mean survival time: the area under S(t) from 0 to tau} */
    public double estimate() {
        return estimate;
    }

    /** {@return its standard error (R's {@code se(rmean)})} */
    public double standardError() {
        return standardError;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RestrictedMean[tau=%s, rmean=%s, se=%s]", RFormat.signif(tau, 7),
                RFormat.signif(estimate, 7), RFormat.signif(standardError, 7));
    }
}
