package io.survkit.parametric;

/**
 * Log-likelihood, score and information of a location-scale model {@code y = x'b + sigma_s W} in
 * one pass over the rows (R {@code survregc1.c}, Mayo Biostatistics TR #53). Parameters are
 * {@code (b_1..b_p, log sigma_1..log sigma_k)}; with a fixed scale ({@code k = 0}) the fixed
 * {@code log sigma} is passed as {@code beta[p]}.
 *
 * <p>Per row with z = (y - eta) / sigma, the contribution g and its derivatives in eta and
 * {@code s = log sigma}:
 * <ul>
 * <li>exact: g = log f(z) - log sigma;
 * <li>right censored: g = log S(z); left censored: g = log F(z);
 * <li>interval (y, y2]: g = log(F(z2) - F(z)), as {@code S(z) - S(z2)} when z &gt; 0 (no
 *     cancellation in the upper tail).
 * </ul>
 * The score is {@code sum w dg x} and {@code sum w dg/ds}; the information {@code -sum w d2g}; the
 * outer-product matrix {@code sum w (dg)(dg)'} (the fall-back when the information is not positive
 * definite) is formed only on request. Not thread-safe: holds its per-row scratch.
 *
 * <p>Inputs: row-major covariates {@code x[i * p + j]}, transformed times {@code y1}
 * (and {@code y2} for interval rows), status 0 right censored, 1 exact, 2 left censored,
 * 3 interval, positive weights, 0-based stratum per row (null for one stratum).
 */
final class AftKernel {
    /** Status codes as R's {@code Surv} stores them. */
    static final byte RIGHT = 0;
    static final byte EXACT = 1;
    static final byte LEFT = 2;
    static final byte INTERVAL = 3;

    final int n;
    final int nvar;
    /** Estimated scales: 0 (fixed), 1, or the number of strata. */
    final int nstrat;
    final int nparam;
    final double[] x;
    final double[] y1;
    final double[] y2;
    final byte[] status;
    final double[] weight;
    final int[] stratum;
    /** Entry (left-truncation) times on the model's scale, -Infinity = none; or null. */
    final double[] entry;
    final ErrorDistribution dist;

    private final double[] sigmas;
    private final double[] logSigmas;
    private final double[] fa = new double[5];
    private final double[] fb = new double[5];
    // derivatives of the current row: g, dg/deta, d2g/deta2, dg/ds, d2g/ds2, d2g/deta ds
    private double g;
    private double dg;
    private double ddg;
    private double dsig;
    private double ddsig;
    private double dsg;

    AftKernel(double[] x, int nvar, double[] y1, double[] y2, byte[] status, double[] weight, int[] stratum,
            double[] entry, int nstrat, ErrorDistribution dist) {
        this.entry = entry;
        this.sigmas = new double[Math.max(nstrat, 1)];
        this.logSigmas = new double[Math.max(nstrat, 1)];
        this.n = y1.length;
        this.nvar = nvar;
        this.nstrat = nstrat;
        this.nparam = nvar + nstrat;
        this.x = x;
        this.y1 = y1;
        this.y2 = y2;
        this.status = status;
        this.weight = weight;
        this.stratum = stratum;
        this.dist = dist;
    }

    /** Linear predictor of row i. */
    double eta(double[] beta, int i) {
        double e = 0;
        int off = i * nvar;
        for (int j = 0; j < nvar; j++) {
            e += beta[j] * x[off + j];
        }
        return e;
    }

    /** sigma of each stratum at beta (a fixed scale sits at beta[nvar]). */
    private void scales(double[] beta) {
        for (int s = 0; s < sigmas.length; s++) {
            logSigmas[s] = beta[nvar + s];
            sigmas[s] = Math.exp(logSigmas[s]);
        }
    }

    private int stratumOf(int i) {
        return nstrat > 1 ? stratum[i] : 0;
    }

    /**
     * The log-likelihood at {@code beta}; fills the score {@code u} (length {@code nparam}) and the
     * information {@code imat} (row-major {@code nparam x nparam}, lower triangle and diagonal; the
     * upper triangle is left as it was) and, when {@code jj} is not null, the lower triangle of the
     * outer-product matrix.
     */
    double evaluate(double[] beta, double[] u, double[] imat, double[] jj) {
        final int np = nparam;
        java.util.Arrays.fill(u, 0, np, 0);
        java.util.Arrays.fill(imat, 0, np * np, 0);
        if (jj != null) {
            java.util.Arrays.fill(jj, 0, np * np, 0);
        }
        double loglik = 0;
        scales(beta);
        for (int i = 0; i < n; i++) {
            contribution(i, eta(beta, i), stratumOf(i));
            double w = weight[i];
            loglik += g * w;
            int off = i * nvar;
            for (int a = 0; a < nvar; a++) {
                double xa = x[off + a];
                u[a] += dg * xa * w;
                double t = xa * ddg * w;
                int ra = a * np;
                for (int b = 0; b <= a; b++) {
                    imat[ra + b] -= t * x[off + b];
                }
            }
            if (nstrat > 0) {
                int k = nvar + (nstrat > 1 ? stratum[i] : 0);
                u[k] += w * dsig;
                int rk = k * np;
                for (int a = 0; a < nvar; a++) {
                    imat[rk + a] -= dsg * x[off + a] * w;
                }
                imat[rk + k] -= ddsig * w;
            }
            if (jj != null) {
                outer(jj, i, w);
            }
        }
        return loglik;
    }

    private void outer(double[] jj, int i, double w) {
        final int np = nparam;
        int off = i * nvar;
        for (int a = 0; a < nvar; a++) {
            double t = dg * x[off + a] * w;
            for (int b = 0; b <= a; b++) {
                jj[a * np + b] += t * x[off + b] * dg;
            }
        }
        if (nstrat > 0) {
            int k = nvar + (nstrat > 1 ? stratum[i] : 0);
            for (int a = 0; a < nvar; a++) {
                jj[k * np + a] += dsig * x[off + a] * dg * w;
            }
            jj[k * np + k] += dsig * dsig * w;
        }
    }

    /**
     * The per-row score components at {@code beta}: {@code dEta[i] = dg/deta} and
     * {@code dLogScale[i] = dg/dlog sigma} (R {@code residuals(fit, "matrix")} columns {@code dg}
     * and {@code ds}), unweighted.
     */
    void scores(double[] beta, double[] dEta, double[] dLogScale) {
        scales(beta);
        for (int i = 0; i < n; i++) {
            contribution(i, eta(beta, i), stratumOf(i));
            dEta[i] = dg;
            dLogScale[i] = dsig;
        }
    }

    /**
     * Row i's contribution: R's, less log S at the entry time when the row enters late (delayed
     * entry: the likelihood conditional on survival to entry, {@code f(t) / S(t0)} or
     * {@code S(t) / S(t0)}, as flexsurv).
     */
    private void contribution(int i, double eta, int s) {
        double sigma = sigmas[s];
        row(i, eta, sigma, logSigmas[s]);
        if (entry == null || entry[i] == Double.NEGATIVE_INFINITY) {
            return;
        }
        double g1 = g;
        double dg1 = dg;
        double ddg1 = ddg;
        double dsig1 = dsig;
        double ddsig1 = ddsig;
        double dsg1 = dsg;
        censored(entry[i] - eta, sigma);
        g = g1 - g;
        dg = dg1 - dg;
        ddg = ddg1 - ddg;
        dsig = dsig1 - dsig;
        ddsig = ddsig1 - ddsig;
        dsg = dsg1 - dsg;
    }

    /** log S((y - eta) / sigma) and its derivatives, {@code sz = y - eta}. */
    private void censored(double sz, double sigma) {
        double[] f = fa;
        dist.tails(sz / sigma, f);
        if (f[1] <= 0) {
            small(sz / sigma / sigma, 0);
        } else {
            g = f[4];
            derivatives(-f[2] / (f[1] * sigma), -f[3] * (1 / (sigma * sigma)) / f[1], sz);
        }
    }

    /** g and its derivatives for row i (R survregc1, one switch case per censoring type). */
    private void row(int i, double eta, double sigma, double logSigma) {
        double sz = y1[i] - eta;
        double z = sz / sigma;
        double sig2 = 1 / (sigma * sigma);
        double[] f = fa;
        switch (status[i]) {
            case EXACT:
                dist.exact(z, f);
                if (f[0] < ErrorDistribution.LOG_MIN) { // R: the density underflows to 0
                    small(-z / sigma, -1 / sigma);
                } else {
                    g = f[0] - logSigma;
                    derivatives(f[2] / sigma, f[3] * sig2, sz);
                    dsig -= 1;
                }
                break;
            case RIGHT:
                censored(sz, sigma);
                break;
            case LEFT:
                dist.tails(z, f);
                if (f[0] <= 0) {
                    small(-z / sigma, 0);
                } else {
                    g = Math.log(f[0]);
                    derivatives(f[2] / (f[0] * sigma), f[3] * sig2 / f[0], sz);
                }
                break;
            default:
                interval(z, (y2[i] - eta) / sigma, sigma, sig2);
                break;
        }
    }

    /** The common form: temp = -dg, temp2 = d2g + dg^2 (R survregc1's temp and temp2). */
    private void derivatives(double temp, double temp2, double sz) {
        dg = -temp;
        dsig = -temp * sz;
        ddg = temp2 - dg * dg;
        dsg = sz * temp2 - dg * (dsig + 1);
        ddsig = sz * sz * temp2 - dsig * (1 + dsig);
    }

    /** Off the probability scale: R's log f = SMALL with derivatives that trigger step halving. */
    private void small(double dEta, double ddEta) {
        g = ErrorDistribution.SMALL;
        dg = dEta;
        ddg = ddEta;
        dsig = 0;
        ddsig = 0;
        dsg = 0;
    }

    private void interval(double z, double zu, double sigma, double sig2) {
        double[] lo = fa;
        double[] hi = fb;
        dist.tails(z, lo);
        dist.tails(zu, hi);
        double temp = z > 0 ? lo[1] - hi[1] : hi[0] - lo[0];
        if (temp <= 0) {
            small(1, 0);
            return;
        }
        g = Math.log(temp);
        dg = -(hi[2] - lo[2]) / (temp * sigma);
        ddg = (hi[3] - lo[3]) * sig2 / temp - dg * dg;
        dsig = (z * lo[2] - zu * hi[2]) / temp;
        ddsig = (zu * zu * hi[3] - z * z * lo[3]) / temp - dsig * (1 + dsig);
        dsg = (zu * hi[3] - z * lo[3]) / (temp * sigma) - dg * (dsig + 1);
    }
}
