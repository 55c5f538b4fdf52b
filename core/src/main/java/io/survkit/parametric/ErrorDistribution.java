package io.survkit.parametric;

import io.survkit.internal.Probabilities;
import org.apache.commons.math3.special.Erf;

/**
 * The standardised error W of a location-scale model {@code g(T) = x'b + sigma W}: minimum extreme
 * value (Gumbel), logistic or standard normal. These are R {@code survival}'s three built-in
 * densities ({@code survregc1.c}: {@code exvalue_d}, {@code logistic_d}, {@code gauss_d}) with the
 * same guards: both F and 1 - F are computed directly so that neither loses digits in its tail.
 *
 * <p>Two evaluations fill a caller-owned buffer of length 5 (no allocation):
 * {@link #exact}: {@code [log f, _, f'/f, f''/f]} (an observed time) and {@link #tails}:
 * {@code [F, 1 - F, f, f', log(1 - F)]} (a censored time).
 */
enum ErrorDistribution {
    /** f(z) = exp(z - e^z), F(z) = 1 - exp(-e^z); z clamped to [-200, 200] as R's {@code SMALL}. */
    EXTREME_VALUE {
        @Override
        void exact(double z, double[] a) {
            double c = clamp(z);
            double w = Math.exp(c);
            a[0] = c - w;
            a[2] = 1 - w;
            a[3] = w * (w - 3) + 1;
        }

        @Override
        void tails(double z, double[] a) {
            double w = Math.exp(clamp(z));
            double s = Math.exp(-w);
            a[0] = -Math.expm1(-w);
            a[1] = s;
            a[2] = w * s;
            a[3] = w * s * (1 - w);
            a[4] = -w;
        }

        @Override
        double quantile(double p) {
            return Math.log(-Math.log1p(-p)); // R: log(-log(1 - p))
        }

        @Override
        double logSurvival(double z) {
            return -Math.exp(clamp(z));
        }
    },
    /** f(z) = e^z / (1 + e^z)^2; exp only of non-positive arguments (R {@code logistic_d}). */
    LOGISTIC {
        @Override
        void exact(double z, double[] a) {
            double w = Math.exp(-Math.abs(z));
            double sign = z > 0 ? -1 : 1;
            double t = 1 + w;
            a[0] = -Math.abs(z) - 2 * Math.log1p(w);
            a[2] = sign * (1 - w) / t;
            a[3] = (w * w - 4 * w + 1) / (t * t);
        }

        @Override
        void tails(double z, double[] a) {
            double w = Math.exp(-Math.abs(z));
            double t = 1 + w;
            if (z > 0) {
                a[0] = 1 / t;
                a[1] = w / t;
            } else {
                a[0] = w / t;
                a[1] = 1 / t;
            }
            a[2] = w / (t * t);
            a[3] = (z > 0 ? -1 : 1) * a[2] * (1 - w) / t;
            a[4] = z > 0 ? -z - Math.log1p(w) : -Math.log1p(w);
        }

        @Override
        double quantile(double p) {
            return Math.log(p / (1 - p));
        }

        @Override
        double logSurvival(double z) {
            // log(1 / (1 + e^z))
            return z > 0 ? -z - Math.log1p(Math.exp(-z)) : -Math.log1p(Math.exp(z));
        }
    },
    /** Standard normal; both tails through erfc (R {@code gauss_d}). */
    GAUSSIAN {
        @Override
        void exact(double z, double[] a) {
            a[0] = -z * z / 2 - LOG_SQRT_2PI;
            a[2] = -z;
            a[3] = z * z - 1;
        }

        @Override
        void tails(double z, double[] a) {
            double f = Math.exp(-z * z / 2) / SQRT_2PI;
            if (z > 0) {
                a[1] = Erf.erfc(z / SQRT2) / 2;
                a[0] = 1 - a[1];
            } else {
                a[0] = Erf.erfc(-z / SQRT2) / 2;
                a[1] = 1 - a[0];
            }
            a[2] = f;
            a[3] = -z * f;
            a[4] = Math.log(a[1]);
        }

        @Override
        double quantile(double p) {
            return Probabilities.normalQuantile(p);
        }

        @Override
        double logSurvival(double z) {
            double[] a = new double[5];
            tails(z, a);
            return a[4];
        }
    };

    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double LOG_SQRT_2PI = Math.log(SQRT_2PI);
    /** log of the smallest positive double: a log density below it is R's density 0. */
    static final double LOG_MIN = Math.log(Double.MIN_VALUE);
    /** R survregc1's {@code SMALL}: the extreme-value argument is kept in [-200, 200]. */
    static final double SMALL = -200;

    private static double clamp(double z) {
        return z < SMALL ? SMALL : -z < SMALL ? -SMALL : z;
    }

    /** Fills {@code a[0]}, {@code a[2]}, {@code a[3]} with log f(z), f'(z)/f(z), f''(z)/f(z). */
    abstract void exact(double z, double[] a);

    /** Fills {@code a[0..4]} with F(z), 1 - F(z), f(z), f'(z), log(1 - F(z)). */
    abstract void tails(double z, double[] a);

    /** The p-quantile of W (R {@code survreg.distributions[[d]]$quantile}). */
    abstract double quantile(double p);

    /** log(1 - F(z)), accurate far in the upper tail. */
    abstract double logSurvival(double z);
}
