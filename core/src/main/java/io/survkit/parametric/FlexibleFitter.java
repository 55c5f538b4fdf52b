package io.survkit.parametric;

import io.survkit.internal.Check;
import io.survkit.internal.Cholesky;
import io.survkit.internal.Tolerances;

/**
 * Newton-Raphson for the {@link FlexibleDistribution} models: one pass over the rows per iteration
 * accumulates the log-likelihood, the score and the information in (b, ancillary) from each row's
 * derivatives in (eta, ancillary) (chain rule through eta = x'b); a step that lowers the
 * log-likelihood is cut back to a third as in survreg; when the information is not positive
 * definite a multiple of its diagonal is added (Levenberg-Marquardt). It iterates to full
 * convergence: relative change of the log-likelihood at most 1e-12 or a score below 1e-9.
 */
final class FlexibleFitter {
    record Fit(double[] theta, double[] variance, double logLikelihood, int iterations, boolean converged) {
    }

    private FlexibleFitter() {
    }

    /** Maximises from {@code init} = (b on the design's scaled covariates, ancillary). */
    static Fit fit(AftDesign d, FlexibleDistribution fam, double[] init, int maxIter) {
        int p = d.nvar;
        int np = p + fam.ancillaryCount;
        double[] theta = init.clone();
        double[] u = new double[np];
        double[] info = new double[np * np];
        double ll = evaluate(d, fam, theta, u, info);
        if (!Double.isFinite(ll)) {
            throw Check.fail("the %s model's log-likelihood is not finite at the starting values", fam);
        }
        int iter = 0;
        boolean converged = false;
        while (iter < maxIter) {
            iter++;
            double[] step = solve(info, u, np);
            double[] next = new double[np];
            double nll = Double.NEGATIVE_INFINITY;
            double[] nu = new double[np];
            double[] ninfo = new double[np * np];
            for (int halving = 0; halving < 30; halving++) {
                for (int j = 0; j < np; j++) {
                    next[j] = theta[j] + step[j];
                }
                nll = evaluate(d, fam, next, nu, ninfo);
                if (Double.isFinite(nll) && nll >= ll - 1e-12 * Math.abs(ll)) {
                    break;
                }
                for (int j = 0; j < np; j++) {
                    step[j] /= 3;
                }
            }
            if (!(Double.isFinite(nll) && nll >= ll - 1e-12 * Math.abs(ll))) {
                break;
            }
            double change = Math.abs(1 - ll / nll);
            theta = next;
            ll = nll;
            u = nu;
            info = ninfo;
            if (change <= 1e-12 || maxAbs(u) < 1e-9) {
                converged = true;
                break;
            }
        }
        double[] v = info.clone();
        Cholesky.decomposeLower(v, np, Tolerances.SURVREG_CHOLESKY);
        Cholesky.invert(v, np);
        return new Fit(theta, v, ll, iter, converged);
    }

    /** Log-likelihood, score and information (lower triangle and diagonal, then mirrored). */
    static double evaluate(AftDesign d, FlexibleDistribution fam, double[] theta, double[] u, double[] info) {
        int p = d.nvar;
        int na = fam.ancillaryCount;
        int m = 1 + na;
        int np = p + na;
        java.util.Arrays.fill(u, 0);
        java.util.Arrays.fill(info, 0);
        double[] anc = new double[na];
        System.arraycopy(theta, p, anc, 0, na);
        double[] out = new double[1 + m + m * (m + 1) / 2];
        double[] g = new double[np];
        double ll = 0;
        for (int i = 0; i < d.n; i++) {
            int off = i * p;
            double eta = 0;
            for (int j = 0; j < p; j++) {
                eta += theta[j] * d.x[off + j];
            }
            double t = Math.exp(d.y1[i]);
            double t0 = d.entry == null || d.entry[i] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(d.entry[i]);
            fam.derivatives(eta, anc, t, t0, d.status[i] == AftKernel.EXACT, out);
            double w = d.weight[i];
            ll += w * out[0];
            // gradient in theta: d/db_j = x_j d/deta; ancillary direct
            for (int j = 0; j < p; j++) {
                g[j] = out[1] * d.x[off + j];
            }
            for (int a = 0; a < na; a++) {
                g[p + a] = out[2 + a];
            }
            for (int j = 0; j < np; j++) {
                u[j] += w * g[j];
            }
            for (int a = 0; a < np; a++) {
                for (int b = 0; b <= a; b++) {
                    info[a * np + b] -= w * second(out, m, d.x, off, p, a, b);
                }
            }
        }
        for (int a = 0; a < np; a++) {
            for (int b = 0; b < a; b++) {
                info[b * np + a] = info[a * np + b];
            }
        }
        return ll;
    }

    /** d2 l / d theta_a d theta_b from the row's Hessian in (eta, ancillary). */
    private static double second(double[] out, int m, double[] x, int off, int p, int a, int b) {
        int ia = a < p ? 0 : 1 + a - p;
        int ib = b < p ? 0 : 1 + b - p;
        double h = out[1 + m + upper(Math.min(ia, ib), Math.max(ia, ib), m)];
        if (a < p) {
            h *= x[off + a];
        }
        if (b < p) {
            h *= x[off + b];
        }
        return h;
    }

    private static int upper(int i, int j, int m) {
        return i * m - i * (i - 1) / 2 + (j - i);
    }

    /** The Newton step I^-1 u, with a Levenberg-Marquardt ridge when I is not positive definite. */
    private static double[] solve(double[] info, double[] u, int np) {
        double ridge = 0;
        for (int attempt = 0; attempt < 60; attempt++) {
            double[] m = info.clone();
            for (int j = 0; j < np; j++) {
                m[j * np + j] += ridge * Math.max(Math.abs(info[j * np + j]), 1e-8);
            }
            int rank = Cholesky.decomposeLower(m, np, Tolerances.SURVREG_CHOLESKY);
            if (rank == np) {
                double[] s = u.clone();
                Cholesky.solve(m, np, s);
                return s;
            }
            ridge = ridge == 0 ? 1e-3 : ridge * 10;
        }
        double[] s = u.clone();
        for (int j = 0; j < np; j++) {
            s[j] *= 1e-3;
        }
        return s;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
