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

    /**
     * Upper chi-square tail {@code P(X > x)} with {@code df} degrees of freedom, as R's
     * {@code pchisq(x, df, lower.tail = FALSE)}: 1 for x &lt;= 0; with df = 0 (a point mass at 0) 0 for
     * x &gt; 0; NaN for a NaN argument or df &lt; 0.
     */
    public static double chiSquareUpper(double x, double df) {
        if (Double.isNaN(x) || !(df >= 0)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        if (df == 0) {
            return 0.0;
        }
        return Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /** Standard normal quantile (R {@code qnorm}). */
    public static double normalQuantile(double prob) {
        return SQRT2 * Erf.erfInv(2 * prob - 1);
    }

    /**
     * log of the regularized lower incomplete gamma P(a, x), accurate where P underflows (small x):
     * the series {@code P = x^a e^-x / Gamma(a) sum_n x^n / (a (a+1) ... (a+n))} for
     * {@code x < a + 1}, else {@code log(1 - Q)} with Q from the continued fraction.
     */
    public static double logRegularizedGammaP(double a, double x) {
        if (x <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x < a + 1) {
            double ap = a;
            double del = 1 / a;
            double sum = del;
            for (int n = 0; n < 100000; n++) {
                ap += 1;
                del *= x / ap;
                sum += del;
                if (Math.abs(del) < Math.abs(sum) * 1e-17) {
                    break;
                }
            }
            return -x + a * Math.log(x) - Gamma.logGamma(a) + Math.log(sum);
        }
        return Math.log1p(-Math.exp(logRegularizedGammaQ(a, x)));
    }

    /**
     * log of the regularized upper incomplete gamma Q(a, x), accurate where Q underflows (large x):
     * Lentz's continued fraction {@code Q = x^a e^-x / Gamma(a) / (x + 1 - a - 1 (1 - a) / (x + 3 - a
     * - ...))} for {@code x >= a + 1}, else {@code log(1 - P)} with P from the series.
     */
    public static double logRegularizedGammaQ(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x < a + 1) {
            return Math.log1p(-Math.exp(logRegularizedGammaP(a, x)));
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) {
                break;
            }
        }
        return -x + a * Math.log(x) - Gamma.logGamma(a) + Math.log(h);
    }
}
