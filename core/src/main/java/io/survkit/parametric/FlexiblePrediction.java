package io.survkit.parametric;

import io.survkit.internal.Check;
import io.survkit.internal.Probabilities;
import java.util.OptionalDouble;

/**
 * Predictions of a {@link FlexibleResult} for one subject: survival, cumulative hazard and hazard
 * at any time with delta-method intervals (gradients in the parameters by central differences;
 * S and H through log H, h through log h), quantiles by root finding on S, the mean and the
 * restricted mean by quadrature in log t.
 *
 * <pre>{@code
 * FlexiblePrediction p = fit.predict(Map.of("age", 60));
 * double median = p.quantile(0.5);
 * }</pre>
 */
public final class FlexiblePrediction {
    private final FlexibleDistribution dist;
    private final double[] x;
    private final double[] theta;
    private final double[] var;
    private final int np;
    private final double q;

    FlexiblePrediction(FlexibleDistribution dist, double[] x, double[] theta, double[] var, double confLevel) {
        this.dist = dist;
        this.x = x;
        this.theta = theta;
        this.var = var;
        this.np = theta.length;
        this.q = Probabilities.normalQuantile((1 + confLevel) / 2);
    }

    private double eta(double[] th) {
        double e = 0;
        for (int j = 0; j < x.length; j++) {
            e += x[j] * th[j];
        }
        return e;
    }

    private double[] anc(double[] th) {
        return java.util.Arrays.copyOfRange(th, x.length, np);
    }

    private double logH(double[] th, double t) {
        return Math.log(dist.cumulativeHazard(eta(th), anc(th), t));
    }

    private double logHazard(double[] th, double t) {
        return Math.log(dist.hazard(eta(th), anc(th), t));
    }

    /** Delta-method SE of {@code f(theta)}. */
    private double se(java.util.function.ToDoubleFunction<double[]> f) {
        double[] g = new double[np];
        for (int k = 0; k < np; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(theta[k]));
            double[] up = theta.clone();
            double[] dn = theta.clone();
            up[k] += h;
            dn[k] -= h;
            g[k] = (f.applyAsDouble(up) - f.applyAsDouble(dn)) / (2 * h);
        }
        double s = 0;
        for (int i = 0; i < np; i++) {
            for (int j = 0; j < np; j++) {
                s += g[i] * var[i * np + j] * g[j];
            }
        }
        return Math.sqrt(s);
    }

    /**
     * Survival S(t) with an interval from log H(t).
     *
     * @param t the time
     * @return survival S(t) with an interval from log H(t)
     */
    public CurvePoint survival(double t) {
        Check.finite("time", t);
        if (t <= 0) {
            return new CurvePoint(t, 1, 0, 1, 1);
        }
        double lh = logH(theta, t);
        double sd = se(th -> logH(th, t));
        double s = Math.exp(-Math.exp(lh));
        return new CurvePoint(t, s, s * Math.exp(lh) * sd, Math.exp(-Math.exp(lh + q * sd)),
                Math.exp(-Math.exp(lh - q * sd)));
    }

    /**
     * Cumulative hazard H(t) with an interval from log H(t).
     *
     * @param t the time
     * @return cumulative hazard H(t) with an interval from log H(t)
     */
    public CurvePoint cumulativeHazard(double t) {
        Check.finite("time", t);
        if (t <= 0) {
            return new CurvePoint(t, 0, 0, 0, 0);
        }
        double lh = logH(theta, t);
        double sd = se(th -> logH(th, t));
        double h = Math.exp(lh);
        return new CurvePoint(t, h, h * sd, Math.exp(lh - q * sd), Math.exp(lh + q * sd));
    }

    /**
     * Hazard h(t) with an interval from log h(t).
     *
     * @param t the time
     * @return hazard h(t) with an interval from log h(t)
     */
    public CurvePoint hazard(double t) {
        Check.positiveFinite("time", t);
        double lh = logHazard(theta, t);
        double sd = se(th -> logHazard(th, t));
        double h = Math.exp(lh);
        return new CurvePoint(t, h, h * sd, Math.exp(lh - q * sd), Math.exp(lh + q * sd));
    }

    /**
     * The p-quantile: the time t with S(t) = 1 - p (bisection in log t).
     *
     * @param p the probability
     * @return the p-quantile: the time t with S(t) = 1 - p (bisection in log t)
     */
    public double quantile(double p) {
        Check.openUnit("probability", p);
        double target = -Math.log1p(-p); // H(t) = target
        double lo = -50;
        double hi = 50;
        double e = eta(theta);
        double[] a = anc(theta);
        if (dist.cumulativeHazard(e, a, Math.exp(hi)) < target) {
            return Double.POSITIVE_INFINITY; // e.g. a Gompertz with negative shape: a cured fraction
        }
        for (int k = 0; k < 200 && hi - lo > 1e-13; k++) {
            double mid = (lo + hi) / 2;
            if (dist.cumulativeHazard(e, a, Math.exp(mid)) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /**
     * The mean survival time {@code integral_0^inf S(t) dt} (quadrature up to 20 times the
     * 1 - 1e-13 quantile), empty when S does not reach 0 (a Gompertz with negative shape).
     *
     * @return the mean survival time {@code integral_0^inf S(t) dt} (quadrature up to 20 times the 1 - 1e-13 quantile), empty when S does not reach 0 (a Gompertz with negative shape)
     */
    public OptionalDouble mean() {
        double far = quantile(1 - 1e-13);
        if (!Double.isFinite(far)) {
            return OptionalDouble.empty();
        }
        double m = integrate(far * Math.exp(3));
        return Double.isFinite(m) ? OptionalDouble.of(m) : OptionalDouble.empty();
    }

    /**
     * The restricted mean {@code integral_0^tau S(t) dt} with a delta-method interval.
     *
     * @param tau the time horizon
     * @return the restricted mean {@code integral_0^tau S(t) dt} with a delta-method interval
     */
    public RestrictedMeanEstimate restrictedMean(double tau) {
        Check.positiveFinite("horizon", tau);
        double v = integrate(tau);
        double sd = se(th -> integrate(th, tau));
        return new RestrictedMeanEstimate(tau, v, sd, v - q * sd, v + q * sd);
    }

    private double integrate(double tau) {
        return integrate(theta, tau);
    }

    /** Gauss-Legendre in u = log t over [log tau - 40, log tau], as {@link RestrictedMeans}. */
    private double integrate(double[] th, double tau) {
        double e = eta(th);
        double[] a = anc(th);
        return RestrictedMeans.integrate(u -> Math.exp(-dist.cumulativeHazard(e, a, u)), tau);
    }

    @Override
    public String toString() {
        return Check.format("FlexiblePrediction[%s, eta=%s]", dist.optionName(), eta(theta));
    }
}
