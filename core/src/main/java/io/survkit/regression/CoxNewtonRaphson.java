package io.survkit.regression;

import io.survkit.internal.Cholesky;
import io.survkit.internal.Tolerances;

/**
 * R's Newton-Raphson for the Cox partial likelihood ({@code coxfit6} / {@code agfit4}), over any
 * evaluator of the log-likelihood, score and information: core's row kernel, or sums aggregated
 * elsewhere ({@link CoxTimeSums}, e.g. by a cluster in one pass per iteration). Start at 0; a step
 * solves the information against the score with a tolerant Cholesky (tolerance
 * {@code eps^0.75}, R's {@code toler.chol}); when the log-likelihood gets worse or is not finite the
 * step is halved towards the last good point; stop when
 * {@code |1 - loglik_old / loglik_new| <= tolerance} or after {@code maxIterations} steps.
 *
 * <pre>{@code
 * CoxNewtonRaphson.Fit f = CoxNewtonRaphson.fit(sums::logLikelihood, p, 20, 1e-9, false);
 * double[] beta = f.beta();   // in the evaluator's (centred, scaled) coordinates
 * }</pre>
 */
public final class CoxNewtonRaphson {
    private CoxNewtonRaphson() {
    }

    /** The log partial likelihood at {@code beta}; fills {@code score} (p) and {@code information} (p x p, row-major, full). */
    @FunctionalInterface
    public interface PartialLikelihood {
        /**
         * Evaluates the model at {@code beta}.
         *
         * @param beta coefficients (p)
         * @param score filled with the score vector (p)
         * @param information filled with the information matrix (p x p, both triangles)
         * @return the log partial likelihood
         */
        double evaluate(double[] beta, double[] score, double[] information);
    }

    /**
     * The iteration's outcome in the evaluator's coordinates: coefficients, score and inverse
     * information (p x p) at the reported point, null-model and final log-likelihoods, the score
     * test at beta = 0, iterations (R's {@code iter}), convergence, the Cholesky rank and whether the
     * last steps were halved. Arrays are the iteration's own (not copied).
     *
     * @param beta coefficients
     * @param score score vector at beta
     * @param inverseInformation inverse of the information at beta (p x p)
     * @param logLikelihoodNull log partial likelihood at beta = 0
     * @param logLikelihood log partial likelihood at beta
     * @param scoreTest score test statistic at beta = 0
     * @param iterations iterations (R {@code fit$iter})
     * @param converged true when the relative change fell to the tolerance
     * @param rank rank of the information's Cholesky decomposition
     * @param halved true when the converged step came after step halving
     */
    public record Fit(double[] beta, double[] score, double[] inverseInformation, double logLikelihoodNull,
            double logLikelihood, double scoreTest, int iterations, boolean converged, int rank, boolean halved) {
    }

    /**
     * Maximises the partial likelihood of {@code f} over p coefficients.
     *
     * @param f the evaluator
     * @param p number of coefficients
     * @param maxIterations iteration limit (0 evaluates at beta = 0)
     * @param tolerance relative change of the log-likelihood that ends the iteration
     * @param countingProcess true for (start, stop] data (R then reports {@code iter = maxIterations},
     *        not {@code maxIterations + 1}, when out of iterations)
     * @return the fit
     */
    public static Fit fit(PartialLikelihood f, int p, int maxIterations, double tolerance, boolean countingProcess) {
        return fit(f, p, maxIterations, tolerance, countingProcess, null);
    }

    /**
     * As {@link #fit(PartialLikelihood, int, int, double, boolean)}, starting from {@code start}
     * (R {@code coxph(init =)}): the first log-likelihood and the score test are then at the start.
     *
     * @param f the evaluator
     * @param p number of coefficients
     * @param maxIterations iteration limit (0 evaluates at the start)
     * @param tolerance relative change of the log-likelihood that ends the iteration
     * @param countingProcess true for (start, stop] data
     * @param start initial coefficients in the evaluator's coordinates, or null for 0
     * @return the fit
     */
    public static Fit fit(PartialLikelihood f, int p, int maxIterations, double tolerance, boolean countingProcess,
            double[] start) {
        double tolerChol = Tolerances.COX_CHOLESKY;
        double[] beta = start == null ? new double[p] : start.clone();
        double[] newbeta = new double[p];
        double[] u = new double[p];
        double[] imat = new double[p * p];
        double[] step = new double[p];
        double loglik0 = f.evaluate(beta, u, imat);
        System.arraycopy(u, 0, step, 0, p);
        int rank = Cholesky.decompose(imat, p, tolerChol);
        Cholesky.solve(imat, p, step);
        double sctest = 0;
        for (int i = 0; i < p; i++) {
            sctest += u[i] * step[i];
        }
        double best = loglik0;
        if (maxIterations == 0 || !Double.isFinite(loglik0)) {
            Cholesky.invert(imat, p);
            return new Fit(beta, u, imat, loglik0, loglik0, sctest, 0, maxIterations == 0, rank, false);
        }
        for (int i = 0; i < p; i++) {
            newbeta[i] = beta[i] + step[i];
        }
        int halving = 0;
        for (int iter = 1; iter <= maxIterations; iter++) {
            double newlk = f.evaluate(newbeta, u, imat);
            rank = Cholesky.decompose(imat, p, tolerChol);
            boolean notFinite = !Double.isFinite(newlk) || !allFinite(u) || !allFinite(imat);
            if (!notFinite && Math.abs(1 - best / newlk) <= tolerance) {
                Cholesky.invert(imat, p);
                return new Fit(newbeta, u, imat, loglik0, newlk, sctest, iter, true, rank, halving > 0);
            }
            if (notFinite || newlk < best) {
                halving++;
                for (int i = 0; i < p; i++) {
                    newbeta[i] = (newbeta[i] + halving * beta[i]) / (halving + 1.0);
                }
            } else {
                halving = 0;
                best = newlk;
                System.arraycopy(u, 0, step, 0, p);
                Cholesky.solve(imat, p, step);
                for (int i = 0; i < p; i++) {
                    beta[i] = newbeta[i];
                    newbeta[i] = newbeta[i] + step[i];
                }
            }
        }
        // out of iterations: report the last good point, with its own score and information
        // (R reports fit$iter = maxIter + 1 here for right-censored data, maxIter for counting process)
        double lk = f.evaluate(beta, u, imat);
        rank = Cholesky.decompose(imat, p, tolerChol);
        Cholesky.invert(imat, p);
        return new Fit(beta, u, imat, loglik0, lk, sctest, countingProcess ? maxIterations : maxIterations + 1, false,
                rank, false);
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
