package io.survkit.regression;

/**
 * The Fine-Gray weighted partial likelihood, its derivatives and the sandwich variance over rows
 * sorted by time (cmprsk {@code crrfsv}, {@code crrf}, {@code crrvv} with censoring groups and
 * no time-varying covariates), in O(n p^2) through prefix and suffix sums.
 *
 * <p>At a failure time t of the cause of interest the risk set holds everybody with time >= t and
 * every earlier other-cause failure i with weight {@code G(t-) / G(t_i-)}, so its sums are
 * {@code S_r(t) = sum_{t_i >= t} e_i x_i^r + G(t-) sum_{t_i < t, other cause} e_i x_i^r / G(t_i-)}:
 * a suffix sum plus G(t-) times a prefix sum.
 */
final class FineGrayKernel implements FineGrayLikelihood {
    final int n;
    final int p;
    final double[] t;
    final int[] ici;
    private final double[] x;
    /** Censoring group of each row (0-based) and their number. */
    final int[] cg;
    final int ncg;
    /** G(t_i-), row i's censoring group's Kaplan-Meier just before row i's time. */
    final double[] g;
    /** G_k(t_f-) of censoring group k at failure block f: {@code [k * blocks + f]}. */
    final double[] gAt;
    /** Failures of the cause in censoring group k at failure block f: {@code [k * blocks + f]}. */
    final int[] groupFailures;
    /** Failure blocks (distinct times with a failure of the cause): first row of the tied block, row after it. */
    final int[] blockStart;
    final int[] blockEnd;
    /** Failures of the cause in each failure block. */
    final int[] blockFailures;
    /** Per row: index of the first failure block at a time >= t_i. */
    final int[] firstBlockAtOrAfter;

    FineGrayKernel(double[] t, int[] ici, double[] x, int p) {
        this(t, ici, x, p, new int[t.length], 1);
    }

    /**
     * @param cg censoring group of each sorted row (0-based; crr {@code cengroup}), each group with
     *     its own Kaplan-Meier of the censoring distribution
     * @param ncg number of censoring groups
     */
    FineGrayKernel(double[] t, int[] ici, double[] x, int p, int[] cg, int ncg) {
        this.n = t.length;
        this.p = p;
        this.t = t;
        this.ici = ici;
        this.x = x;
        this.cg = cg;
        this.ncg = ncg;
        this.g = new double[n];
        int blocks = 0;
        int i = 0;
        int[] bs = new int[n];
        int[] be = new int[n];
        int[] bf = new int[n];
        firstBlockAtOrAfter = new int[n];
        while (i < n) {
            int j = i;
            int fail = 0;
            while (j < n && t[j] == t[i]) {
                fail += ici[j] == 1 ? 1 : 0;
                j++;
            }
            for (int k = i; k < j; k++) {
                firstBlockAtOrAfter[k] = blocks;
            }
            if (fail > 0) {
                bs[blocks] = i;
                be[blocks] = j;
                bf[blocks] = fail;
                blocks++;
            }
            i = j;
        }
        blockStart = java.util.Arrays.copyOf(bs, blocks);
        blockEnd = java.util.Arrays.copyOf(be, blocks);
        blockFailures = java.util.Arrays.copyOf(bf, blocks);
        gAt = new double[ncg * blocks];
        groupFailures = new int[ncg * blocks];
        for (int f = 0; f < blocks; f++) {
            for (int r = blockStart[f]; r < blockEnd[f]; r++) {
                if (ici[r] == 1) {
                    groupFailures[cg[r] * blocks + f]++;
                }
            }
        }
        for (int k = 0; k < ncg; k++) {
            CensoringCurve c = new CensoringCurve(t, ici, cg, k);
            for (int r = 0; r < n; r++) {
                if (cg[r] == k) {
                    g[r] = c.at(t[r]);
                }
            }
            for (int f = 0; f < blocks; f++) {
                gAt[k * blocks + f] = c.at(t[blockStart[f]]);
            }
        }
    }

    /**
     * One censoring group's Kaplan-Meier of the censoring distribution as crr evaluates it:
     * {@code approx(c(min(0, time) - 10 eps, time, max(time) (1 + 10 eps)), c(1, surv, 0),
     * xout = t (1 - 100 eps), method = "constant", f = 0, rule = 2)} over the group's distinct times:
     * G(t-) inside the group's follow-up (at t = 0 the value after the time-0 censorings), 0 beyond
     * its last time.
     */
    private static final class CensoringCurve {
        private final double[] knot;
        private final double[] value;

        CensoringCurve(double[] t, int[] ici, int[] cg, int group) {
            int n = t.length;
            int m = 0;
            for (int r = 0; r < n; r++) {
                m += cg[r] == group ? 1 : 0;
            }
            double[] kt = new double[m + 2];
            double[] kv = new double[m + 2];
            int atRisk = m;
            int d = 0;
            double km = 1;
            int r = 0;
            double first = Double.NaN;
            double last = 0;
            while (r < n) {
                if (cg[r] != group) {
                    r++;
                    continue;
                }
                double time = t[r];
                int rows = 0;
                int cens = 0;
                int q = r;
                while (q < n && t[q] == time) {
                    if (cg[q] == group) {
                        rows++;
                        cens += ici[q] == 0 ? 1 : 0;
                    }
                    q++;
                }
                km = km * (atRisk - cens) / atRisk;
                d++;
                kt[d] = time;
                kv[d] = km;
                if (Double.isNaN(first)) {
                    first = time;
                }
                last = time;
                atRisk -= rows;
                r = q;
            }
            double eps = Math.ulp(1.0);
            kt[0] = Math.min(0, first) - 10 * eps;
            kv[0] = 1;
            kt[d + 1] = last * (1 + 10 * eps);
            kv[d + 1] = 0;
            knot = java.util.Arrays.copyOf(kt, d + 2);
            value = java.util.Arrays.copyOf(kv, d + 2);
        }

        /** The value at the largest knot {@code <= t (1 - 100 eps)} (rule 2: the end values outside). */
        double at(double time) {
            double xo = time * (1 - 100 * Math.ulp(1.0));
            int lo = 0;
            int hi = knot.length - 1;
            if (xo < knot[0]) {
                return value[0];
            }
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (knot[mid] <= xo) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return value[lo];
        }
    }

    /**
     * The jumps of the baseline cumulative subdistribution hazard at each distinct failure time of
     * the cause (cmprsk {@code crrfit}, the fit's {@code bfitj}): d_f / S0(t_f) at b.
     */
    @Override
    public double[] baselineJumps(double[] b) {
        int blocks = blockStart.length;
        double[] s0 = new double[blocks];
        riskSums(b, false, s0, new double[blocks * p], null);
        double[] r = new double[blocks];
        for (int f = 0; f < blocks; f++) {
            r[f] = blockFailures[f] / s0[f];
        }
        return r;
    }

    /** The distinct failure times of the cause (crr's {@code uftime}). */
    @Override
    public double[] failureTimes() {
        double[] r = new double[blockStart.length];
        for (int f = 0; f < r.length; f++) {
            r[f] = t[blockStart[f]];
        }
        return r;
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
        double[][] pre = new double[ncg][1 + p + q];
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
                    add(pre[cg[row]], e[row] / g[row], row, second);
                }
                row++;
            }
            double[] sa = sufAt[f];
            for (int k = 0; k < tot.length; k++) {
                // each censoring group's other-cause rows weighted by that group's G(t-) (crr's wt(icg(i), iuc))
                double v = sa[k];
                for (int c = 0; c < ncg; c++) {
                    v += gAt[c * blocks + f] * pre[c][k];
                }
                tot[k] = v;
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
    @Override
    public Eval evaluate(double[] b, boolean derivatives) {
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
            lik += riskSetTerms(z, d, s0[f], m, v, f, p);
        }
        z.lik = lik;
        return z;
    }

    /**
     * Failure block f's risk-set share of crr's objective: returns {@code d log S0}, and with
     * derivatives ({@code v} not null) adds {@code d m} to the gradient and {@code d V} to the Hessian.
     */
    static double riskSetTerms(Eval z, int d, double s0, double[] m, double[] v, int f, int p) {
        if (v != null) {
            for (int j = 0; j < p; j++) {
                z.score[j] += d * m[f * p + j];
                for (int k = 0; k < p; k++) {
                    z.hessian[j * p + k] += d * v[f * p * p + j * p + k];
                }
            }
        }
        return d * Math.log(s0);
    }

    /**
     * The middle of Fine and Gray's sandwich, {@code sum_i (eta_i + psi_i)(eta_i + psi_i)'}
     * (cmprsk {@code crrvv}'s {@code v2}): eta_i the subject's score residual including its share of
     * the baseline increments, psi_i the term for the estimated censoring distribution.
     */
    @Override
    public double[] sandwichMiddle(double[] b) {
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
        // per censoring group c, suffix sums over blocks: for eta, every failure weighted by G_c(t_f-) / S0
        // (d G_c / S0 and d G_c m / S0); for q_c (cmprsk 2.2-11 crrvv), only group c's failures
        double[][] g0 = new double[ncg][blocks + 1];
        double[][] g1 = new double[ncg][(blocks + 1) * p];
        double[][] q0 = new double[ncg][blocks + 1];
        double[][] q1 = new double[ncg][(blocks + 1) * p];
        for (int c = 0; c < ncg; c++) {
            for (int f = blocks - 1; f >= 0; f--) {
                double w = blockFailures[f] * gAt[c * blocks + f] / s0[f];
                double wq = groupFailures[c * blocks + f] * gAt[c * blocks + f] / s0[f];
                g0[c][f] = g0[c][f + 1] + w;
                q0[c][f] = q0[c][f + 1] + wq;
                for (int j = 0; j < p; j++) {
                    g1[c][f * p + j] = g1[c][(f + 1) * p + j] + w * m[f * p + j];
                    q1[c][f * p + j] = q1[c][(f + 1) * p + j] + wq * m[f * p + j];
                }
            }
        }
        // rows still at risk (time >= t_i) in each censoring group (crrvv's icrsk)
        int[] atRisk = new int[ncg];
        for (int r = 0; r < n; r++) {
            atRisk[cg[r]]++;
        }
        double[] v2 = new double[p * p];
        double[][] ss2 = new double[ncg][p];
        double[] qu = new double[ncg * p];
        double[][] b1 = new double[ncg][p];
        double[] b0 = new double[ncg];
        int[] cens = new int[ncg];
        double[] st = new double[p];
        int i = 0;
        while (i < n) {
            int j = i;
            java.util.Arrays.fill(cens, 0);
            boolean anyCens = false;
            while (j < n && t[j] == t[i]) {
                if (ici[j] == 0) {
                    cens[cg[j]]++;
                    anyCens = true;
                }
                j++;
            }
            int fNext = firstBlockAtOrAfter[i];
            // failure blocks with time <= t_i: those before fNext, plus fNext if it is at t_i
            int upTo = fNext < blocks && blockStart[fNext] == i ? fNext + 1 : fNext;
            if (anyCens) {
                // q_c(t_i) = B1_c * sum_{f >= t_i} d_c G_c / S0 - B0_c * sum_f d_c G_c m / S0: group c's
                // other-cause failures before t_i (weighted e / G_c) against group c's failures from t_i on
                for (int c = 0; c < ncg; c++) {
                    for (int k = 0; k < p; k++) {
                        qu[c * p + k] = b1[c][k] * q0[c][fNext] - b0[c] * q1[c][fNext * p + k];
                    }
                    if (cens[c] > 0) {
                        double ar = atRisk[c];
                        for (int k = 0; k < p; k++) {
                            ss2[c][k] -= cens[c] * qu[c * p + k] / (ar * ar);
                        }
                    }
                }
            }
            for (int r = i; r < j; r++) {
                double er = e[r];
                int c = cg[r];
                for (int k = 0; k < p; k++) {
                    double xk = x[r * p + k];
                    double eta = -er * (xk * a0[upTo] - a1[upTo * p + k]);
                    if (ici[r] == 2) {
                        eta -= er / g[r] * (xk * g0[c][upTo] - g1[c][upTo * p + k]);
                    }
                    if (ici[r] == 1) {
                        eta += xk - m[fNext * p + k];
                    }
                    double psi = ss2[c][k];
                    if (ici[r] == 0) {
                        psi += qu[c * p + k] / atRisk[c];
                    }
                    st[k] = eta + psi;
                }
                for (int k = 0; k < p; k++) {
                    for (int l = 0; l < p; l++) {
                        v2[k * p + l] += st[k] * st[l];
                    }
                }
            }
            // other-cause failures at t_i join B for later times; the rows at t_i leave the risk sets
            for (int r = i; r < j; r++) {
                atRisk[cg[r]]--;
                if (ici[r] == 2) {
                    double w = e[r] / g[r];
                    b0[cg[r]] += w;
                    for (int k = 0; k < p; k++) {
                        b1[cg[r]][k] += w * x[r * p + k];
                    }
                }
            }
            i = j;
        }
        return v2;
    }
}
