package io.survkit.regression;

import java.util.Arrays;

/**
 * Log partial likelihood, score and information of a Cox model in one backward pass over the
 * sorted data (R {@code coxfit6} for right-censored data, {@code agfit4} for counting-process
 * intervals), and R's Newton-Raphson iteration around it.
 *
 * <p>Inputs: a {@link CoxDesign} (rows sorted by stratum, then exit time ascending; covariates
 * centred and scaled). The pass walks each stratum from its last time to its first, adding each row
 * to the running risk-set sums (weighted risk {@code w exp(eta)}, its first and second moments in
 * x) when its exit time is reached and, for counting-process data, taking it out again once the
 * current time reaches its entry time. At each event time the tied events add to the
 * log-likelihood, score and information: all at once (Breslow 1974) or in equal fractions
 * (Efron 1977). Cost O(n p^2) per evaluation; work buffers belong to the kernel, nothing is
 * allocated per row.
 */
final class CoxKernel {
    private final CoxDesign d;
    private final boolean efron;
    private final int p;
    private final double[] a;
    private final double[] a2;
    private final double[] cmat;
    private final double[] cmat2;
    private final double[] info;
    private final double[] xr;
    /** Per sorted row: weighted risk, for counting-process removal. */
    private final double[] risk;
    /** The exact partial likelihood, or null for Breslow and Efron. */
    private final ExactPartialLikelihood exact;

    CoxKernel(CoxDesign d, TieMethod ties) {
        this.d = d;
        this.efron = ties == TieMethod.EFRON;
        this.p = d.p;
        this.a = new double[p];
        this.a2 = new double[p];
        this.cmat = new double[p * (p + 1) / 2];
        this.cmat2 = new double[p * (p + 1) / 2];
        this.info = new double[p * (p + 1) / 2];
        this.xr = new double[p];
        this.risk = d.start != null ? new double[d.n] : null;
        this.exact = ties == TieMethod.EXACT ? new ExactPartialLikelihood(d) : null;
    }

    /**
     * Log partial likelihood at {@code beta} (scaled coordinates); fills the score {@code u} and the
     * information {@code imat} (upper triangle, {@code imat[i*p + j]} for {@code i <= j}).
     */
    double evaluate(double[] beta, double[] u, double[] imat) {
        if (exact != null) {
            return exact.evaluate(beta, u, imat);
        }
        if (d.start == null) {
            return evaluateRight(beta, u, imat);
        }
        final int p = this.p;
        final double[] x = d.x;
        final double[] time = d.time;
        final boolean[] event = d.event;
        final double[] weight = d.weight;
        final double[] start = d.start;
        final double[] offset = d.offset;
        final int[] startOrder = d.startOrder;
        final double[] a = this.a;
        final double[] a2 = this.a2;
        final double[] cmat = this.cmat; // packed lower triangles: (i, j <= i) at i(i+1)/2 + j
        final double[] cmat2 = this.cmat2;
        final double[] info = this.info;
        final double[] xr = this.xr;
        Arrays.fill(u, 0);
        Arrays.fill(info, 0);
        double loglik = 0;
        for (int s = 0; s < d.strataCount(); s++) {
            int lo = d.strataStart[s];
            int hi = d.strataStart[s + 1];
            double denom = 0;
            Arrays.fill(a, 0);
            Arrays.fill(cmat, 0);
            int rm = hi - 1; // next row (in startOrder) to leave the risk set
            int k = hi - 1;
            while (k >= lo) {
                double dtime = time[k];
                // the tied block [first, k]: how many events?
                int ndead = 0;
                int first = k;
                while (first >= lo && time[first] == dtime) {
                    if (event[first]) {
                        ndead++;
                    }
                    first--;
                }
                // Breslow, or a single event: the events join the risk-set sums directly
                boolean split = efron && ndead > 1;
                double deadwt = 0;
                double denom2 = 0;
                for (; k > first; k--) {
                    int off = k * p;
                    double zbeta = offset == null ? 0 : offset[k];
                    for (int i = 0; i < p; i++) {
                        double v = x[off + i];
                        xr[i] = v;
                        zbeta += beta[i] * v;
                    }
                    double r = Math.exp(zbeta) * weight[k];
                    if (risk != null) {
                        risk[k] = r;
                    }
                    if (event[k]) {
                        double wk = weight[k];
                        deadwt += wk;
                        loglik += wk * zbeta;
                        for (int i = 0; i < p; i++) {
                            u[i] += wk * xr[i];
                        }
                    }
                    if (split && event[k]) {
                        denom2 += r;
                        addOuter(a2, cmat2, xr, r, p);
                    } else {
                        denom += r;
                        addOuter(a, cmat, xr, r, p);
                    }
                }
                if (start != null) {
                    // rows whose entry time is at or after this time are not at risk here
                    while (rm >= lo && start[startOrder[rm]] >= dtime) {
                        int q = startOrder[rm--];
                        System.arraycopy(x, q * p, xr, 0, p);
                        denom -= risk[q];
                        addOuter(a, cmat, xr, -risk[q], p);
                    }
                }
                if (ndead == 0) {
                    continue;
                }
                loglik -= eventTerms(split, ndead, deadwt, denom, a, cmat, denom2, a2, cmat2, u, info, p);
                if (split) {
                    denom += denom2;
                    mergeInto(a, a2, cmat, cmat2, p);
                }
            }
        }
        for (int i = 0; i < p; i++) {
            int ci = i * (i + 1) / 2;
            for (int j = 0; j <= i; j++) {
                imat[j * p + i] = info[ci + j];
                imat[i * p + j] = info[ci + j];
            }
        }
        return loglik;
    }

    /**
     * Right-censored data in R's {@code coxfit6_iter} arithmetic, operation for operation: within a
     * block of tied times the censored rows join the risk-set sums and the events their own sums
     * (denom2, a2, cmat2), added afterwards all at once (Breslow, or one event) or in d steps of 1/d
     * (Efron), with R's expressions and order of evaluation. Bit-identical sums matter on monotone
     * likelihoods: there the information's pivots are differences of nearly equal numbers, and a
     * different rounding flips a column across the Cholesky tolerance, so that the iteration takes
     * another path than R's. Efron costs O(d p^2) per block of d tied events, as in R.
     */
    private double evaluateRight(double[] beta, double[] u, double[] imat) {
        final int p = this.p;
        final double[] x = d.x;
        final double[] time = d.time;
        final boolean[] event = d.event;
        final double[] weight = d.weight;
        final double[] offset = d.offset;
        final double[] a = this.a;
        final double[] a2 = this.a2;
        final double[] cmat = this.cmat; // packed lower triangles: (i, j <= i) at i(i+1)/2 + j
        final double[] cmat2 = this.cmat2;
        final double[] info = this.info;
        Arrays.fill(u, 0);
        Arrays.fill(info, 0);
        Arrays.fill(a2, 0);
        Arrays.fill(cmat2, 0);
        double loglik = 0;
        for (int s = 0; s < d.strataCount(); s++) {
            int lo = d.strataStart[s];
            int k = d.strataStart[s + 1] - 1;
            double denom = 0;
            Arrays.fill(a, 0);
            Arrays.fill(cmat, 0);
            while (k >= lo) {
                double dtime = time[k];
                int ndead = 0;
                double deadwt = 0;
                double denom2 = 0;
                for (; k >= lo && time[k] == dtime; k--) {
                    int off = k * p;
                    double zbeta = offset == null ? 0 : offset[k]; // R: zbeta = offset[person]
                    for (int i = 0; i < p; i++) {
                        zbeta += beta[i] * x[off + i];
                    }
                    double risk = Math.exp(zbeta) * weight[k];
                    if (!event[k]) {
                        denom += risk;
                        addOuter(a, cmat, x, off, risk, p);
                    } else {
                        ndead++;
                        deadwt += weight[k];
                        denom2 += risk;
                        loglik += weight[k] * zbeta;
                        for (int i = 0; i < p; i++) {
                            u[i] += weight[k] * x[off + i];
                        }
                        addOuter(a2, cmat2, x, off, risk, p);
                    }
                }
                if (ndead == 0) {
                    continue;
                }
                if (!efron || ndead == 1) {
                    denom += denom2;
                    loglik -= deadwt * Math.log(denom);
                    int ci = 0;
                    for (int i = 0; i < p; i++) {
                        a[i] += a2[i];
                        double mean = a[i] / denom;
                        u[i] -= deadwt * mean;
                        for (int j = 0; j <= i; j++) {
                            cmat[ci + j] += cmat2[ci + j];
                            info[ci + j] += deadwt * (cmat[ci + j] - mean * a[j]) / denom;
                        }
                        ci += i + 1;
                    }
                } else {
                    double wtave = deadwt / ndead;
                    for (int kk = 0; kk < ndead; kk++) {
                        denom += denom2 / ndead;
                        loglik -= wtave * Math.log(denom);
                        int ci = 0;
                        for (int i = 0; i < p; i++) {
                            a[i] += a2[i] / ndead;
                            double mean = a[i] / denom;
                            u[i] -= wtave * mean;
                            for (int j = 0; j <= i; j++) {
                                cmat[ci + j] += cmat2[ci + j] / ndead;
                                info[ci + j] += wtave * (cmat[ci + j] - mean * a[j]) / denom;
                            }
                            ci += i + 1;
                        }
                    }
                }
                Arrays.fill(a2, 0);
                Arrays.fill(cmat2, 0);
            }
        }
        for (int i = 0; i < p; i++) {
            int ci = i * (i + 1) / 2;
            for (int j = 0; j <= i; j++) {
                imat[j * p + i] = info[ci + j];
                imat[i * p + j] = info[ci + j];
            }
        }
        return loglik;
    }

    /** sums a += r x, c += r x x' (packed lower triangle) for the row of {@code x} at {@code off}. */
    private static void addOuter(double[] a, double[] c, double[] x, int off, double r, int p) {
        int ci = 0;
        for (int i = 0; i < p; i++) {
            double rx = r * x[off + i];
            a[i] += rx;
            for (int j = 0; j <= i; j++) {
                c[ci + j] += rx * x[off + j];
            }
            ci += i + 1;
        }
    }

    /** sums a += r x, c += r x x' (packed lower triangle). */
    private static void addOuter(double[] a, double[] c, double[] x, double r, int p) {
        int ci = 0;
        for (int i = 0; i < p; i++) {
            double rx = r * x[i];
            a[i] += rx;
            for (int j = 0; j <= i; j++) {
                c[ci + j] += rx * x[j];
            }
            ci += i + 1;
        }
    }

    /**
     * The terms of one event time: adds the score and information of its {@code ndead} tied events
     * (total weight {@code deadwt}) to {@code u} and {@code info} (packed lower triangle) and returns
     * the log-likelihood's {@code - sum log(denominator)} part (to be subtracted). The risk set before
     * the tied events is {@code denom, a, cmat}; with {@code split} (Efron, more than one event) the
     * events' own sums {@code denom2, a2, cmat2} are separate, else they are already in the risk set.
     */
    static double eventTerms(boolean split, int ndead, double deadwt, double denom, double[] a, double[] cmat,
            double denom2, double[] a2, double[] cmat2, double[] u, double[] info, int p) {
        double logDenominators = 0;
        if (!split) {
            logDenominators = deadwt * Math.log(denom);
            double inv = 1 / denom;
            double f = deadwt * inv;
            for (int i = 0; i < p; i++) {
                double mean = a[i] * inv;
                u[i] -= deadwt * mean;
                int ci = i * (i + 1) / 2;
                for (int j = 0; j <= i; j++) {
                    info[ci + j] += (cmat[ci + j] - mean * a[j]) * f;
                }
            }
            return logDenominators;
        }
        // Efron (1977): the k-th of the d tied events (k = 1..d) sees the risk set with the
        // events' share reduced to k/d: denom_k = denom + (k/d) denom2, a_k = a + (k/d) a2,
        // C_k = C + (k/d) C2. R adds these step by step, costing O(d p^2) per tied block;
        // the sums over k are taken first here (scalars), then one O(p^2) update:
        // info += sum f_k C_k - sum (f_k/denom_k) a_k a_k', f_k = (D/d)/denom_k.
        double invd = 1.0 / ndead;
        double wtave = deadwt * invd;
        double dk = denom;
        double sf = 0;
        double sfc = 0;
        double sv = 0;
        double svc = 0;
        double svcc = 0;
        for (int kk = 0; kk < ndead; kk++) {
            dk += denom2 * invd;
            logDenominators += wtave * Math.log(dk);
            double c = (kk + 1) * invd;
            double f = wtave / dk;
            double v = f / dk;
            sf += f;
            sfc += f * c;
            sv += v;
            svc += v * c;
            svcc += v * c * c;
        }
        int ci = 0;
        for (int i = 0; i < p; i++) {
            double ai = a[i];
            double a2i = a2[i];
            u[i] -= sf * ai + sfc * a2i;
            double pa = sv * ai + svc * a2i;
            double pa2 = svc * ai + svcc * a2i;
            for (int j = 0; j <= i; j++) {
                info[ci + j] += sf * cmat[ci + j] + sfc * cmat2[ci + j] - (pa * a[j] + pa2 * a2[j]);
            }
            ci += i + 1;
        }
        return logDenominators;
    }

    /** a += a2, c += c2 (packed triangles), then a2 = c2 = 0: the tied events join the risk set. */
    static void mergeInto(double[] a, double[] a2, double[] c, double[] c2, int p) {
        for (int i = 0; i < p; i++) {
            a[i] += a2[i];
        }
        int tri = p * (p + 1) / 2;
        for (int k = 0; k < tri; k++) {
            c[k] += c2[k];
        }
        Arrays.fill(a2, 0);
        Arrays.fill(c2, 0);
    }

    /** What R's Newton-Raphson returns, in the original (unscaled) coordinates. */
    static final class Fit {
        double[] beta;
        double[] betaScaled;
        double[] u;
        /** Inverse information, p x p row-major. */
        double[] var;
        double loglikNull;
        double loglik;
        double scoreTest;
        int iterations;
        boolean converged;
        int rank;
        boolean halving;
    }

    /** R's Newton-Raphson ({@link CoxNewtonRaphson}) over this kernel, in the original coordinates. */
    Fit newtonRaphson(int maxIter, double eps) {
        return newtonRaphson(maxIter, eps, null);
    }

    /** As {@link #newtonRaphson(int, double)} from {@code init} (original coordinates; null = 0). */
    Fit newtonRaphson(int maxIter, double eps, double[] init) {
        double[] start = null;
        if (init != null) {
            start = new double[p];
            for (int i = 0; i < p; i++) {
                start[i] = init[i] / d.scale[i]; // beta = betaScaled * scale
            }
        }
        CoxNewtonRaphson.Fit r = CoxNewtonRaphson.fit(this::evaluate, p, maxIter, eps, d.start != null, start);
        Fit f = new Fit();
        f.loglikNull = r.logLikelihoodNull();
        f.scoreTest = r.scoreTest();
        f.halving = r.halved();
        return finish(f, r.beta(), r.score(), r.inverseInformation(), r.logLikelihood(), r.iterations(),
                r.converged(), r.rank());
    }

    private Fit finish(Fit f, double[] betaScaled, double[] u, double[] inv, double loglik, int iter,
            boolean converged, int rank) {
        int p = this.p;
        double[] sc = d.scale;
        f.betaScaled = betaScaled.clone();
        f.beta = new double[p];
        f.u = new double[p];
        f.var = new double[p * p];
        for (int i = 0; i < p; i++) {
            f.beta[i] = betaScaled[i] * sc[i];
            f.u[i] = u[i] / sc[i];
            for (int j = 0; j < p; j++) {
                f.var[i * p + j] = inv[i * p + j] * sc[i] * sc[j];
            }
        }
        f.loglik = loglik;
        f.iterations = iter;
        f.converged = converged;
        f.rank = rank;
        return f;
    }
}
