package io.survkit.parametric;

import io.survkit.internal.Check;
import io.survkit.internal.Cholesky;
import io.survkit.internal.Tolerances;

/**
 * R {@code survreg.fit} without penalised terms: starting values, the intercept-only fit (the null
 * log-likelihood and the starting scales), the fit proper, and the return of the estimate and its
 * variance to the unscaled covariates.
 *
 * <p>Starting values (R): the distribution's moment estimates of the mean and variance of the
 * (midpoint) response y, {@code log sigma = log(4 var) / 2} (twice the moment estimate, because a
 * small sigma is the dangerous side), then one "glim" step at {@code eta = y}: with g and its
 * derivatives there, weights {@code wt = -g'' w} and working response {@code y + g' / (-g'')},
 * {@code b = (X' wt X)^-1 X' (wt y + w g')}.
 */
final class AftFitter {
    /** The fitted model on the original covariate scale. */
    record Estimate(double[] beta, double[] variance, int nparam, double logLikelihood, double logLikelihoodNull,
            int iterations, boolean converged, double[] linearPredictors, double[] scaledBeta) {
    }

    private AftFitter() {
    }

    static Estimate fit(AftDesign d, Distribution dist, int maxIter, double eps) {
        int n = d.n;
        int nvar = d.nvar;
        int nstrat = d.strataCount();
        int nstrat2 = dist.hasFixedScale() ? 0 : nstrat;
        ErrorDistribution err = dist.error();
        double fixedLogScale = dist.hasFixedScale() ? Math.log(dist.fixedScale()) : 0;
        double[] yy = midpoints(d);
        double[] moments = moments(yy, d.weight, err);
        double vars = dist.hasFixedScale() ? fixedLogScale : Math.log(4 * moments[1]) / 2;
        boolean meanOnly = nvar == 1;
        AftKernel kernel = d.kernel(d.x, nvar, nstrat2, err);
        double[] scales = new double[Math.max(nstrat2, 1)];
        java.util.Arrays.fill(scales, vars);
        AftNewtonRaphson.Fit fit0 = null;
        if (!meanOnly) {
            double[] dg = new double[n];
            double[] ddg = new double[n];
            derivatives(d, err, yy, scales, nstrat2 > 1, dg, ddg);
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                double wt = -ddg[i] * d.weight[i];
                num += d.weight[i] * dg[i] + wt * yy[i];
                den += wt;
            }
            double[] init0 = new double[1 + Math.max(nstrat2, 1)];
            init0[0] = num / den;
            for (int s = 0; s < init0.length - 1; s++) {
                init0[1 + s] = vars;
            }
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1);
            AftKernel k0 = d.kernel(ones, 1, nstrat2, err);
            fit0 = AftNewtonRaphson.fit(k0, init0, 20, eps);
            if (!allFinite(fit0.beta()) || !Double.isFinite(fit0.logLikelihood()) || !allFinite(fit0.variance())) {
                throw Check.fail("the intercept-only fit failed (R: \"initial iteration failed\"); the data may not"
                        + " suit the %s distribution", dist.optionName());
            }
            for (int s = 0; s < scales.length; s++) {
                scales[s] = fit0.beta()[1 + s];
            }
        }
        double[] init = glim(d, err, yy, scales, nstrat2);
        AftNewtonRaphson.Fit fit = AftNewtonRaphson.fit(kernel, init, maxIter, eps);
        double[] lp = new double[n];
        for (int i = 0; i < n; i++) {
            lp[i] = kernel.eta(fit.beta(), i);
        }
        int np = kernel.nparam;
        double[] scaledBeta = java.util.Arrays.copyOf(fit.beta(), np);
        double[][] back = unscale(d, scaledBeta, fit.variance(), np);
        double loglik = fit.logLikelihood() + d.logCorrection;
        double loglik0 = (meanOnly ? fit.logLikelihood() : fit0.logLikelihood()) + d.logCorrection;
        return new Estimate(back[0], back[1], np, loglik, loglik0, fit.iterations(), fit.converged(), lp,
                scaledBeta);
    }

    /** The response for the starting values: y, or the midpoint of an interval. */
    private static double[] midpoints(AftDesign d) {
        double[] yy = d.y1.clone();
        for (int i = 0; i < d.n; i++) {
            if (d.status[i] == AftKernel.INTERVAL) {
                yy[i] = (d.y1[i] + d.y2[i]) / 2;
            }
        }
        return yy;
    }

    /**
     * R {@code survreg.distributions[[d]]$init}: the weighted mean and variance of y, moved to the
     * distribution's location and variance: extreme value {@code (m + 0.572, v / 1.64)}, logistic
     * {@code (m, v / 3.2)}, normal {@code (m, v)}.
     */
    private static double[] moments(double[] y, double[] w, ErrorDistribution err) {
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < y.length; i++) {
            sw += w[i];
            swy += w[i] * y[i];
        }
        double mean = swy / sw;
        double ss = 0;
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - mean;
            ss += w[i] * e * e;
        }
        double var = ss / sw;
        switch (err) {
            case EXTREME_VALUE:
                return new double[] {mean + .572, var / 1.64};
            case LOGISTIC:
                return new double[] {mean, var / 3.2};
            default:
                return new double[] {mean, var};
        }
    }

    /**
     * R survreg.fit's {@code derfun} at eta = yy: dg/deta and d2g/deta2 of each row's
     * log-likelihood contribution with scale {@code exp(logScales[stratum])}.
     */
    private static void derivatives(AftDesign d, ErrorDistribution err, double[] eta, double[] logScales,
            boolean byStratum, double[] dg, double[] ddg) {
        double[] a = new double[5];
        double[] b = new double[5];
        double[] e = new double[5];
        for (int i = 0; i < d.n; i++) {
            double sigma = Math.exp(logScales[byStratum ? d.stratum[i] : 0]);
            double z = (d.y1[i] - eta[i]) / sigma;
            err.tails(z, a);
            double denom;
            double num1;
            double num2;
            switch (d.status[i]) {
                case AftKernel.RIGHT:
                    denom = a[1];
                    num1 = -a[2];
                    num2 = -a[3];
                    break;
                case AftKernel.EXACT:
                    err.exact(z, e);
                    denom = 1;
                    num1 = e[2];
                    num2 = e[3];
                    break;
                case AftKernel.LEFT:
                    denom = a[0];
                    num1 = a[2];
                    num2 = a[3];
                    break;
                default:
                    double z2 = (d.y2[i] - eta[i]) / sigma;
                    err.tails(z2, b);
                    denom = z > 0 ? a[1] - b[1] : b[0] - a[0];
                    num1 = b[2] - a[2];
                    num2 = b[3] - a[3];
                    break;
            }
            double t = 1 / (denom * sigma);
            dg[i] = -t * num1;
            ddg[i] = (t / sigma) * num2 - dg[i] * dg[i];
        }
    }

    /** The starting coefficients by one weighted least-squares step (R coxph.wtest solve), then the scales. */
    private static double[] glim(AftDesign d, ErrorDistribution err, double[] yy, double[] logScales, int nstrat2) {
        int n = d.n;
        int p = d.nvar;
        double[] dg = new double[n];
        double[] ddg = new double[n];
        derivatives(d, err, yy, logScales, nstrat2 > 1, dg, ddg);
        double[] a = new double[p * p];
        double[] rhs = new double[p];
        for (int i = 0; i < n; i++) {
            double wt = -ddg[i] * d.weight[i];
            double r = wt * yy[i] + d.weight[i] * dg[i];
            int off = i * p;
            for (int j = 0; j < p; j++) {
                double xj = d.x[off + j];
                rhs[j] += r * xj;
                for (int k = j; k < p; k++) {
                    a[j * p + k] += wt * xj * d.x[off + k];
                }
            }
        }
        if (p == 1) {
            rhs[0] /= a[0];
        } else {
            Cholesky.decompose(a, p, Tolerances.SURVREG_CHOLESKY);
            Cholesky.solve(a, p, rhs);
        }
        double[] init = new double[p + logScales.length];
        System.arraycopy(rhs, 0, init, 0, p);
        System.arraycopy(logScales, 0, init, p, logScales.length);
        return init;
    }

    /** b = A b_scaled and V = A V_scaled A' with A = diag(1/sd), A[0, j] = -center_j / sd_j (R survreg.fit). */
    static double[][] unscale(AftDesign d, double[] b, double[] v, int np) {
        if (!d.rescaled) {
            return new double[][] {b.clone(), v.clone()};
        }
        int p = d.nvar;
        double[] a = new double[np * np];
        for (int j = 0; j < np; j++) {
            a[j * np + j] = j < p ? 1 / d.stdev[j] : 1;
        }
        for (int j = 1; j < p; j++) {
            a[j] = -d.center[j] / d.stdev[j];
        }
        double[] nb = new double[np];
        for (int i = 0; i < np; i++) {
            double s = 0;
            for (int j = 0; j < np; j++) {
                s += a[i * np + j] * b[j];
            }
            nb[i] = s;
        }
        double[] av = new double[np * np];
        for (int i = 0; i < np; i++) {
            for (int j = 0; j < np; j++) {
                double s = 0;
                for (int k = 0; k < np; k++) {
                    s += a[i * np + k] * v[k * np + j];
                }
                av[i * np + j] = s;
            }
        }
        double[] nv = new double[np * np];
        for (int i = 0; i < np; i++) {
            for (int j = 0; j < np; j++) {
                double s = 0;
                for (int k = 0; k < np; k++) {
                    s += av[i * np + k] * a[j * np + k];
                }
                nv[i * np + j] = s;
            }
        }
        return new double[][] {nb, nv};
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
