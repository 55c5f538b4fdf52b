package io.survkit.regression;

import java.util.Arrays;

/**
 * The exact partial likelihood of a Cox model for tied event times (R {@code coxph(ties =
 * "exact")}, Kalbfleisch and Prentice's discrete logistic likelihood; R survival 3.5's
 * {@code coxexact.c}), with its score and information.
 *
 * <p>At an event time with d tied events among the risk set R, the term is
 * exp(sum over the events of eta) / D(d, R), where D(d, R) = sum over all subsets S of R with d
 * members of exp(sum over S of eta). With the risk set's members taken in descending exit time,
 * D(d, n) over the first n members is the elementary symmetric polynomial of r_i = exp(eta_i) and
 * obeys Gail, Lubin and Rubinstein's (1981) recursion D(d, n) = r_n D(d-1, n-1) + D(d, n-1),
 * D(0, n) = 1, D(d, n) = 0 for d > n. Differentiating it gives the first derivatives
 * D1_j(d, n) = r_n x_nj D(d-1, n-1) + D1_j(d, n-1) + r_n D1_j(d-1, n-1) and the second
 * D2_jk(d, n) = D(d-1, n-1) r_n x_nj x_nk + D2_jk(d, n-1) + r_n (D2_jk(d-1, n-1)
 * + x_nj D1_k(d-1, n-1) + x_nk D1_j(d-1, n-1)). Then
 * loglik -= log D, u_j -= D1_j / D and I_jk += D2_jk / D - (D1_j / D)(D1_k / D).
 *
 * <p>A stratum is walked once from its last exit time to its first; each row adds one column
 * n of the recursion for d = 1 .. (the stratum's largest number of tied events), so one evaluation
 * costs O(n d_max p^2) with buffers of O(d_max p^2) owned by this object. Right-censored rows,
 * unit weights. For (start, stop] data the recursion is run once per event time over its risk set
 * (R {@code agexact.c}, which enumerates the subsets).
 */
final class ExactPartialLikelihood {
    private final CoxDesign d;
    private final int p;
    private final int q;
    private final int[] maxTied;
    private final int width;
    /** Columns n - 1 and n of the recursion: D at [0], D1_j at [1 + j], D2_jk at [1 + p + jk], each width wide. */
    private double[] prev;
    private double[] cur;
    private final double[] eta;
    private final double[] d1;

    ExactPartialLikelihood(CoxDesign d) {
        this.d = d;
        this.p = d.p;
        this.q = p * (p + 1) / 2;
        this.maxTied = new int[d.strataCount()];
        int widest = 0;
        for (int s = 0; s < d.strataCount(); s++) {
            maxTied[s] = maxTiedEvents(d, d.strataStart[s], d.strataStart[s + 1]);
            widest = Math.max(widest, maxTied[s]);
        }
        this.width = widest + 1;
        this.prev = new double[(1 + p + q) * width];
        this.cur = new double[(1 + p + q) * width];
        this.eta = new double[d.n];
        this.d1 = new double[p];
    }

    private static int maxTiedEvents(CoxDesign d, int lo, int hi) {
        int max = 0;
        int k = lo;
        while (k < hi) {
            int events = 0;
            int j = k;
            while (j < hi && d.time[j] == d.time[k]) {
                events += d.event[j] ? 1 : 0;
                j++;
            }
            max = Math.max(max, events);
            k = j;
        }
        return max;
    }

    /**
     * Log partial likelihood at {@code beta} (scaled coordinates); fills the score {@code u} and the
     * information {@code imat} (p x p, row-major, both triangles).
     */
    double evaluate(double[] beta, double[] u, double[] imat) {
        final double[] x = d.x;
        Arrays.fill(u, 0);
        Arrays.fill(imat, 0);
        double loglik = 0;
        for (int k = 0; k < d.n; k++) {
            double z = d.offset == null ? 0 : d.offset[k];
            for (int j = 0; j < p; j++) {
                z += x[k * p + j] * beta[j];
            }
            eta[k] = z;
        }
        for (int s = 0; s < d.strataCount(); s++) {
            int lo = d.strataStart[s];
            int hi = d.strataStart[s + 1];
            int dmax = maxTied[s];
            if (d.start != null) {
                loglik += countingProcess(lo, hi, dmax, u, imat);
                continue;
            }
            Arrays.fill(prev, 0);
            prev[0] = 1; // D(0, 0) = 1; every D1, D2 of d = 0 is 0
            int k = hi - 1;
            while (k >= lo) {
                double t = d.time[k];
                int deaths = 0;
                while (k >= lo && d.time[k] == t) {
                    addRow(k, dmax);
                    if (d.event[k]) {
                        deaths++;
                        loglik += eta[k];
                        for (int j = 0; j < p; j++) {
                            u[j] += x[k * p + j];
                        }
                    }
                    k--;
                }
                if (deaths > 0) {
                    loglik += addEventTime(deaths, u, imat);
                }
            }
        }
        return loglik;
    }

    /**
     * (start, stop] data (R's {@code agexact}): rows leave the risk set at their entry times, so the
     * recursion is run afresh at each event time t over its risk set (rows of the stratum with exit
     * time >= t and entry time < t, sorted positions {@code [lo, hi)}); O(risk set x d x p^2) per
     * event time, where R enumerates every subset.
     */
    private double countingProcess(int lo, int hi, int dmax, double[] u, double[] imat) {
        final double[] x = d.x;
        double loglik = 0;
        int k = lo;
        while (k < hi) {
            double t = d.time[k];
            int end = k;
            int deaths = 0;
            while (end < hi && d.time[end] == t) {
                if (d.event[end]) {
                    deaths++;
                    loglik += eta[end];
                    for (int j = 0; j < p; j++) {
                        u[j] += x[end * p + j];
                    }
                }
                end++;
            }
            if (deaths > 0) {
                Arrays.fill(prev, 0);
                prev[0] = 1;
                for (int r = hi - 1; r >= k; r--) {
                    if (d.start[r] < t) {
                        addRow(r, dmax);
                    }
                }
                loglik += addEventTime(deaths, u, imat);
            }
            k = end;
        }
        return loglik;
    }

    /** Appends row {@code k} as the next member n of the risk set: column n from column n - 1. */
    private void addRow(int k, int dmax) {
        double r = Math.exp(eta[k]);
        final double[] x = d.x;
        final int off = k * p;
        double[] pv = prev;
        double[] cv = cur;
        cv[0] = 1;
        for (int dd = 1; dd <= dmax; dd++) {
            cv[dd] = r * pv[dd - 1] + pv[dd];
        }
        for (int j = 0; j < p; j++) {
            int b = (1 + j) * width;
            double xj = x[off + j];
            cv[b] = 0;
            for (int dd = 1; dd <= dmax; dd++) {
                double v = r * xj * pv[dd - 1] + pv[b + dd];
                if (dd > 1) {
                    v += r * pv[b + dd - 1];
                }
                cv[b + dd] = v;
            }
        }
        int jk = 0;
        for (int j = 0; j < p; j++) {
            double xj = x[off + j];
            int bj = (1 + j) * width;
            for (int kk = 0; kk <= j; kk++) {
                double xk = x[off + kk];
                int bk = (1 + kk) * width;
                int b = (1 + p + jk) * width;
                cv[b] = 0;
                for (int dd = 1; dd <= dmax; dd++) {
                    double v = pv[dd - 1] * r * xj * xk + pv[b + dd];
                    if (dd > 1) {
                        v += r * (pv[b + dd - 1] + xj * pv[bk + dd - 1] + xk * pv[bj + dd - 1]);
                    }
                    cv[b + dd] = v;
                }
                jk++;
            }
        }
        prev = cv;
        cur = pv;
    }

    /** The event time's terms from the current column; returns -log D. */
    private double addEventTime(int deaths, double[] u, double[] imat) {
        double[] c = prev; // the column just completed
        double d0 = c[deaths];
        for (int j = 0; j < p; j++) {
            d1[j] = c[(1 + j) * width + deaths] / d0;
            u[j] -= d1[j];
        }
        int jk = 0;
        for (int j = 0; j < p; j++) {
            for (int k = 0; k <= j; k++) {
                double v = c[(1 + p + jk) * width + deaths] / d0 - d1[j] * d1[k];
                imat[k * p + j] += v;
                if (k != j) {
                    imat[j * p + k] += v;
                }
                jk++;
            }
        }
        return -Math.log(d0);
    }
}
