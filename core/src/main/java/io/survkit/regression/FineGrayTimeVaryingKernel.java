package io.survkit.regression;

/**
 * The Fine-Gray likelihood with time-varying covariates (cmprsk crr's {@code cov2} and {@code tf}):
 * at the f-th distinct failure time the covariate vector of row i is
 * {@code z_i(f) = (x1_i, x2_i * tf(t_f))}, so each risk set is summed afresh, O(n p^2) per failure
 * time, as crr's crrfsv/crrf. The sandwich variance follows cmprsk 2.2-11's crrvv: eta_i (the
 * score residual with the baseline increments) and psi_i (the censoring term, q per censoring
 * group against that group's failures), with the other-cause sums B_c(f) kept per failure time so
 * the whole variance is O(n F p) for F failure times. The rows, censoring weights and failure
 * blocks are those of the fixed-covariate kernel {@code base}.
 */
final class FineGrayTimeVaryingKernel implements FineGrayLikelihood {
    private final FineGrayKernel k;
    private final double[] x1;
    private final int p1;
    private final double[] x2;
    private final int p2;
    private final int p;
    /** tf at failure block f for time-varying column j: {@code [f * p2 + j]}. */
    private final double[] tf;

    FineGrayTimeVaryingKernel(FineGrayKernel base, double[] x1, int p1, double[] x2, int p2, double[] tf) {
        this.k = base;
        this.x1 = x1;
        this.p1 = p1;
        this.x2 = x2;
        this.p2 = p2;
        this.p = p1 + p2;
        this.tf = tf;
    }

    /** Fills {@code z} with z_i(f) and returns z'b (crr's covt). */
    private double covariates(int i, int f, double[] b, double[] z) {
        double wk = 0;
        for (int j = 0; j < p1; j++) {
            z[j] = x1[i * p1 + j];
            wk += z[j] * b[j];
        }
        for (int j = 0; j < p2; j++) {
            z[p1 + j] = x2[i * p2 + j] * tf[f * p2 + j];
            wk += z[p1 + j] * b[p1 + j];
        }
        return wk;
    }

    /** Risk weight of row i at failure block f, 0 outside the risk set. */
    private double weight(int i, int f, double[] b, double[] z) {
        int start = k.blockStart[f];
        if (i >= start) {
            return Math.exp(covariates(i, f, b, z));
        }
        if (k.ici[i] != 2) {
            return 0;
        }
        int blocks = k.blockStart.length;
        return Math.exp(covariates(i, f, b, z)) * k.gAt[k.cg[i] * blocks + f] / k.g[i];
    }

    /** S0, the means and (optionally) the covariance of z over the risk set of each failure block. */
    private void riskSums(double[] b, double[] s0, double[] m, double[] v) {
        int blocks = k.blockStart.length;
        double[] z = new double[p];
        double[] s1 = new double[p];
        double[] s2 = v == null ? null : new double[p * p];
        for (int f = 0; f < blocks; f++) {
            double sum = 0;
            java.util.Arrays.fill(s1, 0);
            if (s2 != null) {
                java.util.Arrays.fill(s2, 0);
            }
            for (int i = 0; i < k.n; i++) {
                double w = weight(i, f, b, z);
                if (w == 0) {
                    continue;
                }
                sum += w;
                for (int a = 0; a < p; a++) {
                    s1[a] += w * z[a];
                    if (s2 != null) {
                        for (int c = 0; c < p; c++) {
                            s2[a * p + c] += w * z[a] * z[c];
                        }
                    }
                }
            }
            s0[f] = sum;
            for (int a = 0; a < p; a++) {
                m[f * p + a] = s1[a] / sum;
            }
            if (v != null) {
                for (int a = 0; a < p; a++) {
                    for (int c = 0; c < p; c++) {
                        v[f * p * p + a * p + c] = s2[a * p + c] / sum - m[f * p + a] * m[f * p + c];
                    }
                }
            }
        }
    }

    @Override
    public FineGrayKernel.Eval evaluate(double[] b, boolean derivatives) {
        int blocks = k.blockStart.length;
        double[] s0 = new double[blocks];
        double[] m = new double[blocks * p];
        double[] v = derivatives ? new double[blocks * p * p] : null;
        riskSums(b, s0, m, v);
        FineGrayKernel.Eval e = new FineGrayKernel.Eval();
        e.score = new double[p];
        e.hessian = new double[p * p];
        double[] z = new double[p];
        double lik = 0;
        for (int f = 0; f < blocks; f++) {
            int d = k.blockFailures[f];
            for (int i = k.blockStart[f]; i < k.blockEnd[f]; i++) {
                if (k.ici[i] != 1) {
                    continue;
                }
                lik -= covariates(i, f, b, z);
                if (derivatives) {
                    for (int j = 0; j < p; j++) {
                        e.score[j] -= z[j];
                    }
                }
            }
            lik += FineGrayKernel.riskSetTerms(e, d, s0[f], m, v, f, p);
        }
        e.lik = lik;
        return e;
    }

    @Override
    public double[] baselineJumps(double[] b) {
        int blocks = k.blockStart.length;
        double[] s0 = new double[blocks];
        riskSums(b, s0, new double[blocks * p], null);
        double[] r = new double[blocks];
        for (int f = 0; f < blocks; f++) {
            r[f] = k.blockFailures[f] / s0[f];
        }
        return r;
    }

    @Override
    public double[] failureTimes() {
        return k.failureTimes();
    }

    @Override
    public double[] sandwichMiddle(double[] b) {
        int n = k.n;
        int blocks = k.blockStart.length;
        int ncg = k.ncg;
        double[] s0 = new double[blocks];
        double[] m = new double[blocks * p];
        riskSums(b, s0, m, null);
        double[] z = new double[p];
        // B_c(f): group c's other-cause failures before the current time, e_j(f) / G_c(t_j-) and times z_j(f)
        double[] b0 = new double[ncg * blocks];
        double[] b1 = new double[ncg * blocks * p];
        int[] atRisk = new int[ncg];
        for (int r = 0; r < n; r++) {
            atRisk[k.cg[r]]++;
        }
        double[] v2 = new double[p * p];
        double[][] ss2 = new double[ncg][p];
        double[] qu = new double[ncg * p];
        int[] cens = new int[ncg];
        double[] st = new double[p];
        int i = 0;
        while (i < n) {
            int j = i;
            java.util.Arrays.fill(cens, 0);
            boolean anyCens = false;
            while (j < n && k.t[j] == k.t[i]) {
                if (k.ici[j] == 0) {
                    cens[k.cg[j]]++;
                    anyCens = true;
                }
                j++;
            }
            int fNext = k.firstBlockAtOrAfter[i];
            int upTo = fNext < blocks && k.blockStart[fNext] == i ? fNext + 1 : fNext;
            if (anyCens) {
                // q_c(t_i) = sum_{f >= t_i} d_c(f) G_c(t_f-) / S0_f (B1_c(f) - m_f B0_c(f))
                java.util.Arrays.fill(qu, 0);
                for (int c = 0; c < ncg; c++) {
                    for (int f = fNext; f < blocks; f++) {
                        int dc = k.groupFailures[c * blocks + f];
                        if (dc == 0) {
                            continue;
                        }
                        double w = dc * k.gAt[c * blocks + f] / s0[f];
                        double bb0 = b0[c * blocks + f];
                        for (int a = 0; a < p; a++) {
                            qu[c * p + a] += w * (b1[(c * blocks + f) * p + a] - m[f * p + a] * bb0);
                        }
                    }
                    if (cens[c] > 0) {
                        double ar = atRisk[c];
                        for (int a = 0; a < p; a++) {
                            ss2[c][a] -= cens[c] * qu[c * p + a] / (ar * ar);
                        }
                    }
                }
            }
            for (int r = i; r < j; r++) {
                int c = k.cg[r];
                java.util.Arrays.fill(st, 0);
                // d Lambda part of eta: every failure time up to t_r, and after it for an other-cause failure
                int last = k.ici[r] == 2 ? blocks : upTo;
                for (int f = 0; f < last; f++) {
                    double er = Math.exp(covariates(r, f, b, z));
                    double w = k.blockFailures[f] * er / s0[f];
                    if (f >= upTo) {
                        w *= k.gAt[c * blocks + f] / k.g[r];
                    }
                    for (int a = 0; a < p; a++) {
                        st[a] -= (z[a] - m[f * p + a]) * w;
                    }
                }
                if (k.ici[r] == 1) {
                    covariates(r, fNext, b, z);
                    for (int a = 0; a < p; a++) {
                        st[a] += z[a] - m[fNext * p + a];
                    }
                }
                for (int a = 0; a < p; a++) {
                    st[a] += ss2[c][a];
                    if (k.ici[r] == 0) {
                        st[a] += qu[c * p + a] / atRisk[c];
                    }
                }
                for (int a = 0; a < p; a++) {
                    for (int l = 0; l < p; l++) {
                        v2[a * p + l] += st[a] * st[l];
                    }
                }
            }
            for (int r = i; r < j; r++) {
                int c = k.cg[r];
                atRisk[c]--;
                if (k.ici[r] == 2) {
                    for (int f = fNext; f < blocks; f++) {
                        double w = Math.exp(covariates(r, f, b, z)) / k.g[r];
                        b0[c * blocks + f] += w;
                        for (int a = 0; a < p; a++) {
                            b1[(c * blocks + f) * p + a] += w * z[a];
                        }
                    }
                }
            }
            i = j;
        }
        return v2;
    }
}
