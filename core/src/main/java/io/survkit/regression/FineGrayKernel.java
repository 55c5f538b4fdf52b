package io.survkit.regression;

/**
 * The Fine-Gray weighted partial likelihood, its derivatives and the sandwich variance over rows
 * sorted by time (cmprsk {@code crrfsv}, {@code crrf}, {@code crrvv} with one censoring group and
 * no time-varying covariates), in O(n p^2) through prefix and suffix sums.
 *
 * <p>At a failure time t of the cause of interest the risk set holds everybody with time >= t and
 * every earlier other-cause failure i with weight {@code G(t-) / G(t_i-)}, so its sums are
 * {@code S_r(t) = sum_{t_i >= t} e_i x_i^r + G(t-) sum_{t_i < t, other cause} e_i x_i^r / G(t_i-)}:
 * a suffix sum plus G(t-) times a prefix sum.
 */
final class FineGrayKernel {
    private final int n;
    private final int p;
    private final double[] t;
    private final int[] ici;
    private final double[] x;
    /** G(t_i-), the censoring Kaplan-Meier just before row i's time. */
    private final double[] g;
    /** Failure blocks (distinct times with a failure of the cause): first row of the tied block, row after it. */
    private final int[] blockStart;
    private final int[] blockEnd;
    /** Failures of the cause in each failure block. */
    private final int[] blockFailures;
    /** Per row: index of the first failure block at a time >= t_i. */
    private final int[] firstBlockAtOrAfter;

    FineGrayKernel(double[] t, int[] ici, double[] x, int p) {
        this.n = t.length;
        this.p = p;
        this.t = t;
        this.ici = ici;
        this.x = x;
        this.g = new double[n];
        int blocks = 0;
        double km = 1;
        int i = 0;
        int[] bs = new int[n];
        int[] be = new int[n];
        int[] bf = new int[n];
        firstBlockAtOrAfter = new int[n];
        while (i < n) {
            int j = i;
            int cens = 0;
            int fail = 0;
            while (j < n && t[j] == t[i]) {
                cens += ici[j] == 0 ? 1 : 0;
                fail += ici[j] == 1 ? 1 : 0;
                j++;
            }
            // Kaplan-Meier of the censoring distribution (censoring = event), R survfit
            double after = km * (n - i - cens) / (n - i);
            // crr evaluates G at t (1 - 100 eps) with a step function whose first knot is the smallest
            // censoring-KM time: G(t-) for t > 0, but at t = 0 the step at 0, i.e. G(0) after the time-0
            // censorings
            double gi = t[i] == 0 ? after : km;
            for (int k = i; k < j; k++) {
                g[k] = gi;
                firstBlockAtOrAfter[k] = blocks;
            }
            if (fail > 0) {
                bs[blocks] = i;
                be[blocks] = j;
                bf[blocks] = fail;
                blocks++;
            }
            km = after;
            i = j;
        }
        blockStart = java.util.Arrays.copyOf(bs, blocks);
        blockEnd = java.util.Arrays.copyOf(be, blocks);
        blockFailures = java.util.Arrays.copyOf(bf, blocks);
    }

    /** Negative log partial likelihood, its gradient (crr's score sign) and Hessian. */
    static final class Eval {
        double lik;
        double[] score;
        double[] hessian;
    }

    /** Per failure block: S0 and the means S1 / S0 (and S2 / S0 - m m' when asked). */
    private void riskSums(double[] b, boolean second, double[] s0Out, double[] mOut, double[] vOut) {
        int blocks = blockStart.length;
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double xb = 0;
            for (int j = 0; j < p; j++) {
                xb += x[i * p + j] * b[j];
            }
            e[i] = Math.exp(xb);
        }
        int q = second ? p * p : 0;
        // suffix sums at each block start (descending), prefix sums of other-cause rows (ascending)
        double[] suf = new double[1 + p + q];
        double[] pre = new double[1 + p + q];
        double[][] sufAt = new double[blocks][];
        int row = n - 1;
        for (int f = blocks - 1; f >= 0; f--) {
            while (row >= blockStart[f]) {
                add(suf, e[row], row, second);
                row--;
            }
            sufAt[f] = suf.clone();
        }
        row = 0;
        double[] tot = new double[1 + p + q];
        for (int f = 0; f < blocks; f++) {
            while (row < blockStart[f]) {
                if (ici[row] == 2) {
                    add(pre, e[row] / g[row], row, second);
                }
                row++;
            }
            double gf = g[blockStart[f]];
            double[] sa = sufAt[f];
            for (int k = 0; k < tot.length; k++) {
                tot[k] = sa[k] + gf * pre[k];
            }
            double s0 = tot[0];
            s0Out[f] = s0;
            for (int j = 0; j < p; j++) {
                mOut[f * p + j] = tot[1 + j] / s0;
            }
            if (second) {
                for (int j = 0; j < p; j++) {
                    for (int k = 0; k < p; k++) {
                        vOut[f * q + j * p + k] = tot[1 + p + j * p + k] / s0 - mOut[f * p + j] * mOut[f * p + k];
                    }
                }
            }
        }
    }

    private void add(double[] acc, double w, int row, boolean second) {
        acc[0] += w;
        for (int j = 0; j < p; j++) {
            double xj = x[row * p + j];
            acc[1 + j] += w * xj;
            if (second) {
                for (int k = 0; k < p; k++) {
                    acc[1 + p + j * p + k] += w * xj * x[row * p + k];
                }
            }
        }
    }

    /** crr's objective at b: {@code -loglik}, and with {@code derivatives} its gradient and Hessian. */
    Eval evaluate(double[] b, boolean derivatives) {
        int blocks = blockStart.length;
        double[] s0 = new double[blocks];
        double[] m = new double[blocks * p];
        double[] v = derivatives ? new double[blocks * p * p] : null;
        riskSums(b, derivatives, s0, m, v);
        Eval z = new Eval();
        z.score = new double[p];
        z.hessian = new double[p * p];
        double lik = 0;
        for (int f = 0; f < blocks; f++) {
            int d = blockFailures[f];
            for (int i = blockStart[f]; i < blockEnd[f]; i++) {
                if (ici[i] != 1) {
                    continue;
                }
                double xb = 0;
                for (int j = 0; j < p; j++) {
                    xb += x[i * p + j] * b[j];
                    if (derivatives) {
                        z.score[j] -= x[i * p + j];
                    }
                }
                lik -= xb;
            }
            lik += d * Math.log(s0[f]);
            if (derivatives) {
                for (int j = 0; j < p; j++) {
                    z.score[j] += d * m[f * p + j];
                    for (int k = 0; k < p; k++) {
                        z.hessian[j * p + k] += d * v[f * p * p + j * p + k];
                    }
                }
            }
        }
        z.lik = lik;
        return z;
    }

    /**
     * The middle of Fine and Gray's sandwich, {@code sum_i (eta_i + psi_i)(eta_i + psi_i)'}
     * (cmprsk {@code crrvv}'s {@code v2}): eta_i the subject's score residual including its share of
     * the baseline increments, psi_i the term for the estimated censoring distribution.
     */
    double[] sandwichMiddle(double[] b) {
        int blocks = blockStart.length;
        double[] s0 = new double[blocks];
        double[] m = new double[blocks * p];
        riskSums(b, false, s0, m, null);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double xb = 0;
            for (int j = 0; j < p; j++) {
                xb += x[i * p + j] * b[j];
            }
            e[i] = Math.exp(xb);
        }
        // per failure block: d / S0, d m / S0, and the same times G(t_f-)
        // prefix over blocks (time <= t_i): A0, A1; suffix over blocks: G0, G1
        double[] a0 = new double[blocks + 1];
        double[] a1 = new double[(blocks + 1) * p];
        for (int f = 0; f < blocks; f++) {
            double w = blockFailures[f] / s0[f];
            a0[f + 1] = a0[f] + w;
            for (int j = 0; j < p; j++) {
                a1[(f + 1) * p + j] = a1[f * p + j] + w * m[f * p + j];
            }
        }
        double[] g0 = new double[blocks + 1];
        double[] g1 = new double[(blocks + 1) * p];
        for (int f = blocks - 1; f >= 0; f--) {
            double w = blockFailures[f] * g[blockStart[f]] / s0[f];
            g0[f] = g0[f + 1] + w;
            for (int j = 0; j < p; j++) {
                g1[f * p + j] = g1[(f + 1) * p + j] + w * m[f * p + j];
            }
        }
        double[] v2 = new double[p * p];
        double[] ss2 = new double[p];
        double[] qu = new double[p];
        double[] b1 = new double[p];
        double b0 = 0;
        double[] st = new double[p];
        int i = 0;
        while (i < n) {
            int j = i;
            int cens = 0;
            while (j < n && t[j] == t[i]) {
                cens += ici[j] == 0 ? 1 : 0;
                j++;
            }
            int fNext = firstBlockAtOrAfter[i];
            // failure blocks with time <= t_i: those before fNext, plus fNext if it is at t_i
            int upTo = fNext < blocks && blockStart[fNext] == i ? fNext + 1 : fNext;
            double atRisk = n - i;
            if (cens > 0) {
                // q(t_i): B1 * sum_{f >= t_i} d G / S0 - B0 * sum_f d G m / S0, with B the other-cause
                // failures before t_i weighted e / G
                for (int k = 0; k < p; k++) {
                    qu[k] = b1[k] * g0[fNext] - b0 * g1[fNext * p + k];
                    ss2[k] -= cens * qu[k] / (atRisk * atRisk);
                }
            }
            for (int r = i; r < j; r++) {
                double er = e[r];
                for (int k = 0; k < p; k++) {
                    double xk = x[r * p + k];
                    double eta = -er * (xk * a0[upTo] - a1[upTo * p + k]);
                    if (ici[r] == 2) {
                        eta -= er / g[r] * (xk * g0[upTo] - g1[upTo * p + k]);
                    }
                    if (ici[r] == 1) {
                        eta += xk - m[fNext * p + k];
                    }
                    double psi = ss2[k];
                    if (ici[r] == 0) {
                        psi += qu[k] / atRisk;
                    }
                    st[k] = eta + psi;
                }
                for (int k = 0; k < p; k++) {
                    for (int l = 0; l < p; l++) {
                        v2[k * p + l] += st[k] * st[l];
                    }
                }
            }
            // other-cause failures at t_i join B for later times
            for (int r = i; r < j; r++) {
                if (ici[r] == 2) {
                    double w = e[r] / g[r];
                    b0 += w;
                    for (int k = 0; k < p; k++) {
                        b1[k] += w * x[r * p + k];
                    }
                }
            }
            i = j;
        }
        return v2;
    }
}
