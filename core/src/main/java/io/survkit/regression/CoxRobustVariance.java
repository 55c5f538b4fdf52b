package io.survkit.regression;

import io.survkit.internal.Cholesky;
import io.survkit.internal.Tolerances;

/**
 * The robust (sandwich) variance of a Cox fit and its robust score test, as R {@code coxph}
 * computes them (Lin and Wei 1989): with {@code U_i} the weighted score residual of row i (summed
 * within clusters) and {@code V} the inverse information, the dfbeta rows are {@code D_i = U_i V}
 * and the variance is {@code D'D}; the robust score test at {@code beta0} is
 * {@code u' (S'S)^-1 u} with {@code S} the score residual rows at {@code beta0} and {@code u} their
 * column sums (R {@code fit$rscore}). All in the original covariate coordinates.
 */
final class CoxRobustVariance {
    private CoxRobustVariance() {
    }

    /**
     * Score residuals times the case weight, back in the original scale, summed within clusters
     * (each row its own cluster without a cluster column): {@code g x p}, row-major.
     */
    static double[] weightedScores(CoxDesign d, double[] betaScaled, boolean efron) {
        double[] sr = CoxResidualKernel.score(d, CoxRiskSets.of(d, betaScaled, efron));
        int p = d.p;
        for (int k = 0; k < d.n; k++) {
            double w = d.weight[k];
            for (int j = 0; j < p; j++) {
                sr[k * p + j] *= w / d.scale[j];
            }
        }
        return collapse(d, sr);
    }

    /** Number of rows of {@link #weightedScores}: clusters, or data rows without clusters. */
    static int groups(CoxDesign d) {
        return d.cluster == null ? d.n : d.clusterCount;
    }

    /** The sandwich variance {@code D'D}, {@code D = weightedScores V} (R {@code coxph} with robust = TRUE). */
    static double[] variance(CoxDesign d, double[] betaScaled, boolean efron, double[] naiveVar) {
        int p = d.p;
        int g = groups(d);
        return crossprod(times(weightedScores(d, betaScaled, efron), g, p, naiveVar), g, p);
    }

    /** R's robust score test statistic at {@code initScaled} (design coordinates). */
    static double scoreTest(CoxDesign d, double[] initScaled, boolean efron) {
        int p = d.p;
        int g = groups(d);
        double[] s0 = weightedScores(d, initScaled, efron);
        double[] u0 = new double[p];
        for (int r = 0; r < g; r++) {
            for (int j = 0; j < p; j++) {
                u0[j] += s0[r * p + j];
            }
        }
        return Cholesky.quadraticForm(crossprod(s0, g, p), p, u0, Tolerances.COX_CHOLESKY).statistic();
    }

    /** {@code m (rows x p) %*% v (p x p)}, row-major. */
    static double[] times(double[] m, int rows, int p, double[] v) {
        double[] out = new double[rows * p];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += m[r * p + k] * v[k * p + j];
                }
                out[r * p + j] = s;
            }
        }
        return out;
    }

    /** Sums rows within clusters (rows in sorted order); without a cluster column, each row is its own. */
    private static double[] collapse(CoxDesign d, double[] rows) {
        if (d.cluster == null) {
            return rows;
        }
        int p = d.p;
        double[] out = new double[d.clusterCount * p];
        for (int k = 0; k < d.n; k++) {
            int c = d.cluster[k];
            for (int j = 0; j < p; j++) {
                out[c * p + j] += rows[k * p + j];
            }
        }
        return out;
    }

    /** {@code m' m} for m of {@code rows x p}. */
    static double[] crossprod(double[] m, int rows, int p) {
        double[] out = new double[p * p];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < p; i++) {
                double v = m[r * p + i];
                for (int j = 0; j <= i; j++) {
                    out[i * p + j] += v * m[r * p + j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                out[j * p + i] = out[i * p + j];
            }
        }
        return out;
    }
}
