package io.survkit.internal;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/** Tail probabilities computed directly in the tail (no {@code 1 - cdf} cancellation). */
public final class Probabilities {
    private static final double SQRT2 = Math.sqrt(2);

    private Probabilities() {
    }

    /** Two-sided normal p-value {@code 2 P(Z > |z|)} (R {@code 2 * pnorm(-abs(z))}). */
    public static double twoSidedNormal(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Erf.erfc(Math.abs(z) / SQRT2);
    }

    /** Upper chi-square tail {@code P(X > x)} with {@code df} degrees of freedom (R {@code pchisq(x, df, lower.tail = FALSE)}). */
    public static double chiSquareUpper(double x, double df) {
        if (Double.isNaN(x) || !(df > 0)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /** Standard normal quantile (R {@code qnorm}). */
    public static double normalQuantile(double prob) {
        return SQRT2 * Erf.erfInv(2 * prob - 1);
    }
}
