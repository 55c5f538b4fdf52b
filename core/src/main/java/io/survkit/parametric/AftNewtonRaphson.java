package io.survkit.parametric;

import io.survkit.internal.Cholesky;
import io.survkit.internal.Tolerances;

/**
 * R's Newton-Raphson for {@code survreg} ({@code survreg6.c}), step for step so that the
 * iteration count and the estimates are R's: a Newton step from the information matrix (or from
 * the outer-product matrix when the information is not positive definite); convergence when the
 * relative (or absolute) change of the log-likelihood is at most {@code eps} after a full step;
 * when the log-likelihood drops or is not finite, the step is cut back to a third,
 * {@code new = (new + 2 old) / 3}, and on the first cut no log scale may fall by more than 1.1.
 * The variance is the inverse information at the returned estimate.
 */
final class AftNewtonRaphson {

    /** The outcome: estimate, inverse information (row-major), log-likelihood, iterations. */
    record Fit(double[] beta, double[] variance, double logLikelihood, int iterations, boolean converged) {
    }

    private AftNewtonRaphson() {
    }

    /**
     * Maximises from {@code init} (length {@code nparam}, plus the fixed log scale at
     * {@code init[nvar]} when the kernel has no estimated scale).
     */
    static Fit fit(AftKernel k, double[] init, int maxIter, double eps) {
        int np = k.nparam;
        double[] beta = init.clone();
        double[] newbeta = init.clone();
        double[] u = new double[np];
        double[] imat = new double[np * np];
        double loglik = k.evaluate(beta, u, imat, null);
        step(k, newbeta, u, imat);
        for (int j = 0; j < np; j++) {
            newbeta[j] = beta[j] + u[j];
        }
        if (maxIter == 0) {
            k.evaluate(beta, u, imat, null);
            return new Fit(beta, inverse(imat, np), loglik, 0, true);
        }
        int halving = 0;
        double newlk = k.evaluate(newbeta, u, imat, null);
        for (int iter = 1; iter <= maxIter; iter++) {
            boolean bad = !Double.isFinite(newlk);
            for (int j = 0; j < np && !bad; j++) {
                bad = !Double.isFinite(imat[j * np + j]) || !Double.isFinite(u[j]);
            }
            if (!bad && halving == 0
                    && (Math.abs(1 - loglik / newlk) <= eps || Math.abs(loglik - newlk) <= eps)) {
                return new Fit(newbeta, inverse(imat, np), newlk, iter, true);
            }
            if (bad || newlk < loglik) {
                halving++;
                for (int j = 0; j < np; j++) {
                    newbeta[j] = (newbeta[j] + 2 * beta[j]) / 3.0;
                }
                if (halving == 1) {
                    for (int s = 0; s < k.nstrat; s++) {
                        int j = k.nvar + s;
                        if (beta[j] - newbeta[j] > 1.1) {
                            newbeta[j] = beta[j] - 1.1;
                        }
                    }
                }
            } else {
                halving = 0;
                loglik = newlk;
                step(k, newbeta, u, imat);
                for (int j = 0; j < np; j++) {
                    beta[j] = newbeta[j];
                    newbeta[j] += u[j];
                }
            }
            newlk = k.evaluate(newbeta, u, imat, null);
        }
        if (halving == 0 && Double.isFinite(newlk) && newlk >= loglik) {
            System.arraycopy(newbeta, 0, beta, 0, np);
            loglik = newlk;
        } else {
            k.evaluate(beta, u, imat, null);
        }
        return new Fit(beta, inverse(imat, np), loglik, maxIter, false);
    }

    /**
     * Replaces {@code u} by the Newton step {@code I^-1 u} at the point {@code at} whose score and
     * information are in {@code u} and {@code imat}; when I is not positive definite, by
     * {@code (J'J)^-1 u} (the outer-product matrix, computed there on demand).
     */
    private static void step(AftKernel k, double[] at, double[] u, double[] imat) {
        int np = k.nparam;
        double[] m = imat.clone();
        if (Cholesky.decomposeLower(m, np, Tolerances.SURVREG_CHOLESKY) < 0) {
            double[] jj = new double[np * np];
            double[] u2 = new double[np];
            k.evaluate(at, u2, new double[np * np], jj);
            Cholesky.decomposeLower(jj, np, Tolerances.SURVREG_CHOLESKY);
            Cholesky.solve(jj, np, u);
        } else {
            Cholesky.solve(m, np, u);
        }
    }

    private static double[] inverse(double[] imat, int np) {
        double[] m = imat.clone();
        Cholesky.decomposeLower(m, np, Tolerances.SURVREG_CHOLESKY);
        Cholesky.invert(m, np);
        return m;
    }
}
