package io.survkit.parametric;

import io.survkit.internal.Probabilities;
import org.apache.commons.math3.special.Gamma;

/**
 * Parametric families outside survreg's location-scale form, in flexsurv's parametrisations, with
 * covariates on one parameter through {@code eta = x'b}:
 * <ul>
 * <li>{@link #GOMPERTZ}: h(t) = e^eta e^{a t}, rate e^eta, shape a (any real; a = 0 is the
 *     exponential); H(t) = e^eta (e^{a t} - 1) / a.
 * <li>{@link #WEIBULL_PH}: h(t) = e^eta g t^{g - 1}, shape g = e^alpha; H(t) = e^eta t^g
 *     (e^b is a hazard ratio).
 * <li>{@link #GENERALIZED_GAMMA}: Prentice (1974): w = (log t - eta) / sigma, k = Q^-2,
 *     {@code f(t) = |Q| k^k exp(k (Q w - e^{Q w})) / (sigma t Gamma(k))}; S(t) = 1 - P(k, k e^{Q w})
 *     for Q &gt; 0, P(k, k e^{Q w}) for Q &lt; 0, the log-normal at Q = 0; Q = 1 is the Weibull.
 * </ul>
 * Each row's log-likelihood {@code d log h(t) - H(t) + H(t0)} (or {@code d log f(t) + log S(t) -
 * log S(t0)}) with its first and second derivatives in {@code (eta, ancillary...)}: analytic for
 * Gompertz and Weibull, central differences of the analytic log-likelihood for the generalized
 * gamma. Ancillary parameters are on the real line: Gompertz shape a; Weibull log shape;
 * generalized gamma log sigma and Q.
 *
 * <pre>{@code
 * FlexibleResult fit = FlexibleRegression.withDefaults()
 *         .withDistribution(FlexibleDistribution.GOMPERTZ).fit(data);
 * }</pre>
 */
public enum FlexibleDistribution {
    /** Gompertz, proportional hazards: h(t) = e^eta e^(a t) (flexsurv {@code gompertz}); ancillary: shape a. */
    GOMPERTZ(1, "shape") {
        @Override
        double logLikelihood(double eta, double[] anc, double t, double t0, boolean event) {
            double a = anc[0];
            double r = Math.exp(eta);
            double l = -r * (gompertzG(a, t, 0) - (t0 > 0 ? gompertzG(a, t0, 0) : 0));
            return event ? l + eta + a * t : l;
        }

        @Override
        void derivatives(double eta, double[] anc, double t, double t0, boolean event, double[] out) {
            double a = anc[0];
            double r = Math.exp(eta);
            double dg = gompertzG(a, t, 0) - (t0 > 0 ? gompertzG(a, t0, 0) : 0);
            double dga = gompertzG(a, t, 1) - (t0 > 0 ? gompertzG(a, t0, 1) : 0);
            double dgaa = gompertzG(a, t, 2) - (t0 > 0 ? gompertzG(a, t0, 2) : 0);
            int d = event ? 1 : 0;
            out[0] = d * (eta + a * t) - r * dg;
            out[1] = d - r * dg;
            out[2] = d * t - r * dga;
            // hessian (eta, eta), (eta, a), (a, a)
            out[3] = -r * dg;
            out[4] = -r * dga;
            out[5] = -r * dgaa;
        }

        @Override
        double cumulativeHazard(double eta, double[] anc, double t) {
            return Math.exp(eta) * gompertzG(anc[0], t, 0);
        }

        @Override
        double hazard(double eta, double[] anc, double t) {
            return Math.exp(eta + anc[0] * t);
        }
    },
    /** Weibull, proportional-hazards parameterisation (flexsurv {@code weibullPH}); ancillary: log shape. */
    WEIBULL_PH(1, "log(shape)") {
        @Override
        double logLikelihood(double eta, double[] anc, double t, double t0, boolean event) {
            double g = Math.exp(anc[0]);
            double l = -Math.exp(eta) * (Math.pow(t, g) - (t0 > 0 ? Math.pow(t0, g) : 0));
            return event ? l + eta + anc[0] + (g - 1) * Math.log(t) : l;
        }

        @Override
        void derivatives(double eta, double[] anc, double t, double t0, boolean event, double[] out) {
            double g = Math.exp(anc[0]);
            double r = Math.exp(eta);
            double lt = Math.log(t);
            double tg = Math.pow(t, g);
            double h0 = tg;
            double h1 = tg * lt * g; // d t^g / d alpha
            double h2 = tg * lt * g * (1 + lt * g); // d2 t^g / d alpha2
            if (t0 > 0) {
                double l0 = Math.log(t0);
                double t0g = Math.pow(t0, g);
                h0 -= t0g;
                h1 -= t0g * l0 * g;
                h2 -= t0g * l0 * g * (1 + l0 * g);
            }
            int d = event ? 1 : 0;
            out[0] = d * (eta + anc[0] + (g - 1) * lt) - r * h0;
            out[1] = d - r * h0;
            out[2] = d * (1 + g * lt) - r * h1;
            out[3] = -r * h0;
            out[4] = -r * h1;
            out[5] = d * g * lt - r * h2;
        }

        @Override
        double cumulativeHazard(double eta, double[] anc, double t) {
            return t <= 0 ? 0 : Math.exp(eta) * Math.pow(t, Math.exp(anc[0]));
        }

        @Override
        double hazard(double eta, double[] anc, double t) {
            double g = Math.exp(anc[0]);
            return Math.exp(eta) * g * Math.pow(t, g - 1);
        }
    },
    /** Prentice's generalized gamma (flexsurv {@code gengamma}); ancillary: log sigma and Q. */
    GENERALIZED_GAMMA(2, "log(sigma)", "Q") {
        @Override
        double logLikelihood(double eta, double[] anc, double t, double t0, boolean event) {
            double sigma = Math.exp(anc[0]);
            double q = anc[1];
            double w = (Math.log(t) - eta) / sigma;
            double l = event ? gengammaLogDensity(w, q) - anc[0] - Math.log(t) : gengammaLogSurvival(w, q);
            if (t0 > 0) {
                l -= gengammaLogSurvival((Math.log(t0) - eta) / sigma, q);
            }
            return l;
        }

        @Override
        double cumulativeHazard(double eta, double[] anc, double t) {
            return t <= 0 ? 0 : -gengammaLogSurvival((Math.log(t) - eta) / Math.exp(anc[0]), anc[1]);
        }

        @Override
        double hazard(double eta, double[] anc, double t) {
            double sigma = Math.exp(anc[0]);
            double w = (Math.log(t) - eta) / sigma;
            return Math.exp(gengammaLogDensity(w, anc[1]) - anc[0] - Math.log(t) - gengammaLogSurvival(w, anc[1]));
        }
    };

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    final int ancillaryCount;
    final String[] ancillaryNames;

    /** {@return the CLI's {@code --dist} name: {@code gompertz}, {@code gengamma}, {@code weibull-ph}} */
    public String optionName() {
        return this == GOMPERTZ ? "gompertz" : this == WEIBULL_PH ? "weibull-ph" : "gengamma";
    }

    FlexibleDistribution(int ancillaryCount, String... names) {
        this.ancillaryCount = ancillaryCount;
        this.ancillaryNames = names;
    }

    /** Row log-likelihood; {@code t0 <= 0} is no truncation. */
    abstract double logLikelihood(double eta, double[] anc, double t, double t0, boolean event);

    /** H(t) at linear predictor eta. */
    abstract double cumulativeHazard(double eta, double[] anc, double t);

    /** h(t) at linear predictor eta. */
    abstract double hazard(double eta, double[] anc, double t);

    /**
     * {@code out[0]} the row log-likelihood, {@code out[1..m]} its gradient in (eta, ancillary),
     * then the upper triangle of its Hessian row by row ({@code m = 1 + ancillaryCount}). Default:
     * central differences of {@link #logLikelihood}.
     */
    void derivatives(double eta, double[] anc, double t, double t0, boolean event, double[] out) {
        int m = 1 + ancillaryCount;
        double[] p = new double[m];
        p[0] = eta;
        System.arraycopy(anc, 0, p, 1, ancillaryCount);
        double f0 = at(p, t, t0, event);
        out[0] = f0;
        int k = 1 + m;
        double[] h = new double[m];
        for (int i = 0; i < m; i++) {
            h[i] = 1e-4 * Math.max(1, Math.abs(p[i]));
        }
        for (int i = 0; i < m; i++) {
            double[] up = p.clone();
            double[] dn = p.clone();
            up[i] += h[i];
            dn[i] -= h[i];
            double fu = at(up, t, t0, event);
            double fd = at(dn, t, t0, event);
            out[1 + i] = (fu - fd) / (2 * h[i]);
        }
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                if (i == j) {
                    double[] up = p.clone();
                    double[] dn = p.clone();
                    up[i] += h[i];
                    dn[i] -= h[i];
                    out[k++] = (at(up, t, t0, event) - 2 * f0 + at(dn, t, t0, event)) / (h[i] * h[i]);
                } else {
                    out[k++] = (shifted(p, i, h[i], j, h[j], t, t0, event) - shifted(p, i, h[i], j, -h[j], t, t0, event)
                            - shifted(p, i, -h[i], j, h[j], t, t0, event) + shifted(p, i, -h[i], j, -h[j], t, t0, event))
                            / (4 * h[i] * h[j]);
                }
            }
        }
    }

    private double shifted(double[] p, int i, double hi, int j, double hj, double t, double t0, boolean event) {
        double[] q = p.clone();
        q[i] += hi;
        q[j] += hj;
        return at(q, t, t0, event);
    }

    private double at(double[] p, double t, double t0, boolean event) {
        double[] anc = new double[ancillaryCount];
        System.arraycopy(p, 1, anc, 0, ancillaryCount);
        return logLikelihood(p[0], anc, t, t0, event);
    }

    double survival(double eta, double[] anc, double t) {
        return Math.exp(-cumulativeHazard(eta, anc, t));
    }

    /**
     * {@code d^order/da^order} of {@code G(a, t) = (e^{a t} - 1) / a} (G = t at a = 0), by its
     * power series {@code sum_k a^{k-1} t^k / k!} when |a t| is small.
     */
    static double gompertzG(double a, double t, int order) {
        double x = a * t;
        if (Math.abs(x) < 0.5) {
            double sum = 0;
            double term = t; // t^k / k! for k = 1
            for (int k = 1; k < 40; k++) {
                double c;
                if (order == 0) {
                    c = Math.pow(a, k - 1);
                } else if (order == 1) {
                    c = k >= 2 ? (k - 1) * Math.pow(a, k - 2) : 0;
                } else {
                    c = k >= 3 ? (k - 1) * (k - 2) * Math.pow(a, k - 3) : 0;
                }
                sum += c * term;
                term *= t / (k + 1);
            }
            return sum;
        }
        double e = Math.exp(x);
        if (order == 0) {
            return Math.expm1(x) / a;
        } else if (order == 1) {
            return t * e / a - Math.expm1(x) / (a * a);
        }
        return t * t * e / a - 2 * t * e / (a * a) + 2 * Math.expm1(x) / (a * a * a);
    }

    /** log of the density of w = (log T - mu) / sigma for the generalized gamma (without -log sigma - log t). */
    static double gengammaLogDensity(double w, double q) {
        if (Math.abs(q) < 1e-8) {
            return -w * w / 2 - LOG_SQRT_2PI;
        }
        double k = 1 / (q * q);
        double qw = q * w;
        return Math.log(Math.abs(q)) + k * Math.log(k) + k * (qw - Math.exp(qw)) - Gamma.logGamma(k);
    }

    /** log S of the generalized gamma at standardised w. */
    static double gengammaLogSurvival(double w, double q) {
        if (Math.abs(q) < 1e-8) {
            double[] a = new double[5];
            ErrorDistribution.GAUSSIAN.tails(w, a);
            return w > 30 ? -w * w / 2 - LOG_SQRT_2PI - Math.log(w) : Math.log(a[1]); // Mills ratio far out
        }
        double k = 1 / (q * q);
        double u = k * Math.exp(q * w);
        return q > 0 ? Probabilities.logRegularizedGammaQ(k, u) : Probabilities.logRegularizedGammaP(k, u);
    }

}
