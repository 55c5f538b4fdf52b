package io.survkit.parametric;

import io.survkit.internal.Check;
import io.survkit.internal.Probabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.special.Gamma;

/**
 * Predictions of a fitted parametric model for one subject (covariate row x, stratum s): the
 * linear predictor, quantiles (R {@code predict(fit, type = "quantile", se.fit = TRUE)}), and the
 * survival, cumulative hazard and hazard at any time, extrapolated as far as asked, with
 * delta-method standard errors and confidence intervals from the fit's variance (robust when the
 * fit is robust); the mean and the restricted mean survival time.
 *
 * <p>With {@code z(t) = (g(t) - x'b) / sigma}: S(t) = S_W(z), H(t) = -log S_W(z),
 * h(t) = f_W(z) / (sigma S_W(z)) g'(t). Intervals for S and H come from the interval of z
 * ({@code z +- q se(z)}, mapped through the monotone S_W, so they stay in [0, 1]); for h from
 * log h; for quantiles from log T_p (log-time models) or T_p.
 *
 * <pre>{@code
 * ParametricPrediction p = fit.predict(Map.of("age", 60, "sex", 1));
 * QuantileEstimate median = p.quantile(0.5);
 * CurvePoint s5 = p.survival(5 * 365.25);
 * }</pre>
 */
public final class ParametricPrediction {
    private final Distribution dist;
    private final double[] x;
    private final double[] coef;
    private final int stratum;
    private final double sigma;
    private final double[] var;
    private final int nparam;
    private final int nvar;
    private final double q;
    private final double lp;

    ParametricPrediction(Distribution dist, double[] x, double[] coef, int stratum, double[] scales, double[] var,
            int nparam, double confLevel) {
        this.dist = dist;
        this.x = x;
        this.coef = coef;
        this.stratum = stratum;
        this.sigma = scales[Math.min(stratum, scales.length - 1)];
        this.var = var;
        this.nparam = nparam;
        this.nvar = x.length;
        this.q = Probabilities.normalQuantile((1 + confLevel) / 2);
        double e = 0;
        for (int j = 0; j < nvar; j++) {
            e += x[j] * coef[j];
        }
        this.lp = e;
    }

    /** {@return the linear predictor x'b (R {@code predict(fit, type = "lp")})} */
    public double linearPredictor() {
        return lp;
    }

    /** {@return the model-matrix row of the subject ({@code (Intercept)} first)} */
    public double[] covariateRow() {
        return x.clone();
    }

    /** {@return standard error of the linear predictor} */
    public double linearPredictorStandardError() {
        double[] g = new double[nparam];
        System.arraycopy(x, 0, g, 0, nvar);
        return Math.sqrt(quadratic(g));
    }

    /** g'(v) = g^{-1}: exp for log-time models, identity otherwise. */
    private double toTime(double v) {
        return dist.isLogTime() ? Math.exp(v) : v;
    }

    /**
     * The p-quantile T_p = g^-1(x'b + sigma w_p): the time by which a fraction p has had the event,
     * with R's standard error (delta method; T_p times the SE of log T_p for log-time models) and a
     * confidence interval (on the log scale for log-time models).
     *
     * @param p the probability
     * @return the p-quantile T_p = g^-1(x'b + sigma w_p): the time by which a fraction p has had the event, with R's standard error (delta method; T_p times the SE of log T_p for log-time models) and a confidence interval (on the log scale for log-time models)
     */
    public QuantileEstimate quantile(double p) {
        Check.openUnit("probability", p);
        double w = dist.error().quantile(p);
        double u = lp + sigma * w;
        double[] g = new double[nparam];
        System.arraycopy(x, 0, g, 0, nvar);
        if (nparam > nvar) {
            g[nvar + stratum] = w * sigma;
        }
        double sd = Math.sqrt(quadratic(g));
        double t = toTime(u);
        double se = dist.isLogTime() ? sd * t : sd;
        return new QuantileEstimate(p, t, se, toTime(u - q * sd), toTime(u + q * sd));
    }

    /**
     * Quantiles at each of {@code probs}.
     *
     * @param probs the probabilities
     * @return quantiles at each of {@code probs}
     */
    public List<QuantileEstimate> quantiles(double... probs) {
        List<QuantileEstimate> l = new ArrayList<>();
        for (double p : probs) {
            l.add(quantile(p));
        }
        return List.copyOf(l);
    }

    /** z(t) and its standard error; NaN z for t &lt;= 0 in a log-time model (S = 1 there). */
    private double[] z(double t) {
        Check.finite("time", t);
        if (dist.isLogTime() && t <= 0) {
            return new double[] {Double.NEGATIVE_INFINITY, 0};
        }
        double y = dist.isLogTime() ? Math.log(t) : t;
        double z = (y - lp) / sigma;
        double[] g = new double[nparam];
        for (int j = 0; j < nvar; j++) {
            g[j] = -x[j] / sigma;
        }
        if (nparam > nvar) {
            g[nvar + stratum] = -z;
        }
        return new double[] {z, Math.sqrt(quadratic(g))};
    }

    private double survivalOfZ(double z) {
        if (z == Double.NEGATIVE_INFINITY) {
            return 1;
        }
        double[] a = new double[5];
        dist.error().tails(z, a);
        return a[1];
    }

    /**
     * Survival S(t) (R {@code 1 - psurvreg(t, lp, scale, dist)}) with its standard error and interval.
     *
     * @param t the time
     * @return survival S(t) (R {@code 1 - psurvreg(t, lp, scale, dist)}) with its standard error and interval
     */
    public CurvePoint survival(double t) {
        double[] zs = z(t);
        double s = survivalOfZ(zs[0]);
        double se = density(zs[0]) * zs[1];
        return new CurvePoint(t, s, se, survivalOfZ(zs[0] + q * zs[1]), survivalOfZ(zs[0] - q * zs[1]));
    }

    /**
     * Survival at each of {@code times}.
     *
     * @param times the times
     * @return survival at each of {@code times}
     */
    public List<CurvePoint> survival(double... times) {
        List<CurvePoint> l = new ArrayList<>();
        for (double t : times) {
            l.add(survival(t));
        }
        return List.copyOf(l);
    }

    /**
     * Cumulative hazard H(t) = -log S(t) with its standard error and interval.
     *
     * @param t the time
     * @return cumulative hazard H(t) = -log S(t) with its standard error and interval
     */
    public CurvePoint cumulativeHazard(double t) {
        double[] zs = z(t);
        if (zs[0] == Double.NEGATIVE_INFINITY) {
            return new CurvePoint(t, 0, 0, 0, 0);
        }
        ErrorDistribution e = dist.error();
        double[] a = new double[5];
        e.tails(zs[0], a);
        double h = -e.logSurvival(zs[0]);
        double se = a[2] / a[1] * zs[1];
        return new CurvePoint(t, h, se, -e.logSurvival(zs[0] - q * zs[1]), -e.logSurvival(zs[0] + q * zs[1]));
    }

    /**
     * Hazard h(t) with its standard error and an interval from log h; 0 at t &lt;= 0 of a log-time model.
     *
     * @param t the time
     * @return hazard h(t) with its standard error and an interval from log h; 0 at t &lt;= 0 of a log-time model
     */
    public CurvePoint hazard(double t) {
        double[] zs = z(t);
        if (zs[0] == Double.NEGATIVE_INFINITY) {
            return new CurvePoint(t, 0, 0, 0, 0);
        }
        double z = zs[0];
        ErrorDistribution e = dist.error();
        double[] a = new double[5];
        double[] b = new double[5];
        e.tails(z, a);
        e.exact(z, b);
        double h = a[2] / (a[1] * sigma) / (dist.isLogTime() ? t : 1);
        // d log h / dz = f'/f + f/S; d log h / d log sigma adds -1
        double r = b[2] + a[2] / a[1];
        double[] g = new double[nparam];
        for (int j = 0; j < nvar; j++) {
            g[j] = r * (-x[j] / sigma);
        }
        if (nparam > nvar) {
            g[nvar + stratum] = r * (-z) - 1;
        }
        double sdLog = Math.sqrt(quadratic(g));
        return new CurvePoint(t, h, h * sdLog, h * Math.exp(-q * sdLog), h * Math.exp(q * sdLog));
    }

    private double density(double z) {
        if (z == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        double[] a = new double[5];
        dist.error().tails(z, a);
        return a[2];
    }

    /**
     * The mean survival time E[T], when finite: Weibull {@code e^{x'b} Gamma(1 + sigma)},
     * log-normal {@code e^{x'b + sigma^2 / 2}}, log-logistic {@code e^{x'b} pi sigma / sin(pi sigma)}
     * (finite for sigma &lt; 1), and x'b for the Gaussian and logistic models (whose T can be
     * negative). Empty when the mean is infinite.
     *
     * @return the mean survival time E[T], when finite: Weibull {@code e^{x'b} Gamma(1 + sigma)}, log-normal {@code e^{x'b + sigma^2 / 2}}, log-logistic {@code e^{x'b} pi sigma / sin(pi sigma)} (finite for sigma &lt; 1), and x'b for the Gaussian and logistic models (whose T can be negative)
     */
    public OptionalDouble mean() {
        double m = mean(lp, sigma);
        return Double.isFinite(m) ? OptionalDouble.of(m) : OptionalDouble.empty();
    }

    private double mean(double eta, double s) {
        switch (dist) {
            case WEIBULL:
            case EXPONENTIAL:
                return Math.exp(eta + Gamma.logGamma(1 + s));
            case LOGNORMAL:
                return Math.exp(eta + s * s / 2);
            case LOGLOGISTIC:
                return s < 1 ? Math.exp(eta) * Math.PI * s / Math.sin(Math.PI * s) : Double.POSITIVE_INFINITY;
            default:
                return eta;
        }
    }

    /**
     * The restricted mean survival time {@code integral_0^tau S(t) dt} with a delta-method standard
     * error and interval (gradient by central differences in the parameters).
     *
     * @param tau the time horizon
     * @return the restricted mean survival time {@code integral_0^tau S(t) dt} with a delta-method standard error and interval (gradient by central differences in the parameters)
     */
    public RestrictedMeanEstimate restrictedMean(double tau) {
        Check.positiveFinite("horizon", tau);
        double value = RestrictedMeans.integrate(dist.error(), dist.isLogTime(), lp, sigma, tau);
        double[] g = new double[nparam];
        for (int k = 0; k < nparam; k++) {
            double h = 1e-5;
            double up = rmstShifted(k, h, tau);
            double dn = rmstShifted(k, -h, tau);
            g[k] = (up - dn) / (2 * h);
        }
        double se = Math.sqrt(quadratic(g));
        return new RestrictedMeanEstimate(tau, value, se, value - q * se, value + q * se);
    }

    private double rmstShifted(int k, double h, double tau) {
        double eta = lp;
        double s = sigma;
        if (k < nvar) {
            eta += h * x[k];
        } else if (k == nvar + stratum) {
            s = sigma * Math.exp(h);
        }
        return RestrictedMeans.integrate(dist.error(), dist.isLogTime(), eta, s, tau);
    }

    /** g' V g with V the fit's variance. */
    private double quadratic(double[] g) {
        double s = 0;
        for (int i = 0; i < nparam; i++) {
            if (g[i] == 0) {
                continue;
            }
            for (int j = 0; j < nparam; j++) {
                s += g[i] * var[i * nparam + j] * g[j];
            }
        }
        return s;
    }

    /**
     * The oracle's {@code predicted[]} element as JSON: {@code lp}, {@code quantile} ({@code p},
     * {@code time}, {@code se}) at {@code probs} and {@code survival} ({@code time}, {@code surv})
     * at {@code times}.
     *
     * @param probs the probabilities
     * @param times the times
     * @return the oracle's {@code predicted[]} element as JSON: {@code lp}, {@code quantile} ({@code p}, {@code time}, {@code se}) at {@code probs} and {@code survival} ({@code time}, {@code surv}) at {@code times}
     */
    public String toJson(double[] probs, double[] times) {
        io.survkit.internal.JsonWriter w = new io.survkit.internal.JsonWriter();
        ParametricJson.prediction(w, this, probs.clone(), times.clone());
        return w.toString();
    }

    @Override
    public String toString() {
        return Check.format("ParametricPrediction[%s, lp=%s, scale=%s]", dist.optionName(), lp, sigma);
    }
}
