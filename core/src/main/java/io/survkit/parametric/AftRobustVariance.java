package io.survkit.parametric;

/**
 * The robust sandwich variance of a survreg fit, R's
 * {@code crossprod(rowsum(residuals(fit, "dfbeta", weighted = TRUE), cluster))}: with per-row
 * score {@code s_i = (dg_i x_i, ds_i e_stratum(i))} (log-likelihood derivatives in eta and in
 * log sigma) and naive variance V, the dfbeta of row i is {@code w_i V s_i}; summed within
 * clusters (each row its own cluster without one) and crossed:
 * {@code V (sum_c S_c S_c') V} with {@code S_c = sum_{i in c} w_i s_i}. R survival before 3.8
 * left out w_i ({@link RobustScores#UNWEIGHTED}).
 */
final class AftRobustVariance {
    private AftRobustVariance() {
    }

    /** The sandwich, row-major {@code np x np}; {@code naive} is V on the original covariate scale. */
    static double[] of(AftDesign d, AftKernel k, double[] scaledBeta, double[] naive, int np, boolean weighted) {
        int n = d.n;
        int nvar = d.nvar;
        double[] dg = new double[n];
        double[] ds = new double[n];
        k.scores(scaledBeta, dg, ds);
        double[] meat = new double[np * np];
        double[] s = new double[np];
        if (d.cluster == null) {
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(s, 0);
                add(d, i, dg[i], ds[i], np, s, weighted);
                outer(meat, s, np);
            }
        } else {
            double[] sums = new double[d.clusterCount * np];
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(s, 0);
                add(d, i, dg[i], ds[i], np, s, weighted);
                int off = d.cluster[i] * np;
                for (int j = 0; j < np; j++) {
                    sums[off + j] += s[j];
                }
            }
            for (int c = 0; c < d.clusterCount; c++) {
                System.arraycopy(sums, c * np, s, 0, np);
                outer(meat, s, np);
            }
        }
        return sandwich(naive, meat, np);
    }

    /** Adds {@code w_i s_i} to {@code s}. */
    private static void add(AftDesign d, int i, double dg, double ds, int np, double[] s, boolean weighted) {
        double w = weighted ? d.weight[i] : 1;
        for (int j = 0; j < d.nvar; j++) {
            s[j] += w * dg * d.original(i, j);
        }
        if (np > d.nvar) {
            s[d.nvar + (d.stratum == null ? 0 : d.stratum[i])] += w * ds;
        }
    }

    private static void outer(double[] m, double[] s, int np) {
        for (int a = 0; a < np; a++) {
            for (int b = 0; b < np; b++) {
                m[a * np + b] += s[a] * s[b];
            }
        }
    }

    private static double[] sandwich(double[] v, double[] meat, int np) {
        double[] t = new double[np * np];
        for (int i = 0; i < np; i++) {
            for (int j = 0; j < np; j++) {
                double sum = 0;
                for (int k = 0; k < np; k++) {
                    sum += v[i * np + k] * meat[k * np + j];
                }
                t[i * np + j] = sum;
            }
        }
        double[] r = new double[np * np];
        for (int i = 0; i < np; i++) {
            for (int j = 0; j < np; j++) {
                double sum = 0;
                for (int k = 0; k < np; k++) {
                    sum += t[i * np + k] * v[k * np + j];
                }
                r[i * np + j] = sum;
            }
        }
        return r;
    }
}
