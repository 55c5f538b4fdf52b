package io.survkit.regression;

import java.util.Arrays;

/**
 * Risk-set summaries at every event time of a fitted Cox model, the common ground of its
 * residuals and its baseline hazard. One backward pass over the sorted data (as
 * {@link CoxKernel}) gives, per distinct event time t within a stratum: the weighted risk of the
 * risk set and of the tied events, and their first moments in x. From them, with d tied events of
 * total weight D (Efron 1977; with Breslow, or d = 1, every sum has the single term k = 0 and
 * the factor (1 - k/d) is 1):
 * <ul>
 * <li>hazard increment {@code h = sum_k (D/d) / (denom - (k/d) edenom)} (R {@code agsurv}, {@code coxmart});
 * <li>the increment a tied event itself receives {@code he = sum_k (1 - k/d) (D/d) / (...)};
 * <li>{@code mh = sum_k mean_k h_k}, {@code mhe = sum_k (1 - k/d) mean_k h_k}, and the mean of the
 * means {@code m = sum_k mean_k / d} (R {@code agscore2}, {@code coxscho});
 * <li>for the variance of predicted curves: {@code h2 = sum_k (D/d) / (...)^2} and
 * {@code xbarInc = sum_k (D/d) (a - (k/d) a2) / (...)^2} (R {@code agsurv5}).
 * </ul>
 * Cumulative sums of h and mh (reset at each stratum) then give each row's residuals in O(p).
 * Coordinates are the design's centred and scaled ones.
 */
final class CoxRiskSets {
    final int blocks;
    final int p;
    /** Event time of each block, ascending within stratum; strata in order. */
    final double[] time;
    final int[] stratum;
    /** First block of each stratum (length strata + 1). */
    final int[] strataBlockStart;
    final double[] hazard;
    final double[] eventHazard;
    final double[] hazard2;
    final double[] mh;
    final double[] mhe;
    final double[] meanOfMeans;
    final double[] xbarInc;
    /** Cumulative hazard and cumulative mh, inclusive, reset per stratum. */
    final double[] cumHazard;
    final double[] cumMh;
    /** Weighted risk exp(eta) per sorted row (without case weight). */
    final double[] score;

    private CoxRiskSets(int blocks, int p) {
        this.blocks = blocks;
        this.p = p;
        time = new double[blocks];
        stratum = new int[blocks];
        strataBlockStart = null;
        hazard = new double[blocks];
        eventHazard = new double[blocks];
        hazard2 = new double[blocks];
        mh = new double[blocks * p];
        mhe = new double[blocks * p];
        meanOfMeans = new double[blocks * p];
        xbarInc = new double[blocks * p];
        cumHazard = new double[blocks];
        cumMh = new double[blocks * p];
        score = null;
    }

    private CoxRiskSets(CoxRiskSets t, int[] strataBlockStart, double[] score) {
        this.blocks = t.blocks;
        this.p = t.p;
        this.time = t.time;
        this.stratum = t.stratum;
        this.strataBlockStart = strataBlockStart;
        this.hazard = t.hazard;
        this.eventHazard = t.eventHazard;
        this.hazard2 = t.hazard2;
        this.mh = t.mh;
        this.mhe = t.mhe;
        this.meanOfMeans = t.meanOfMeans;
        this.xbarInc = t.xbarInc;
        this.cumHazard = t.cumHazard;
        this.cumMh = t.cumMh;
        this.score = score;
    }

    /** Summaries at {@code beta} (scaled coordinates); {@code beta = 0} gives the null model's. */
    static CoxRiskSets of(CoxDesign d, double[] beta, boolean efron) {
        final int n = d.n;
        final int p = d.p;
        final double[] x = d.x;
        // count the distinct event times per stratum
        int nb = 0;
        int[] sbs = new int[d.strataCount() + 1];
        for (int s = 0; s < d.strataCount(); s++) {
            sbs[s] = nb;
            double last = Double.NaN;
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                if (d.event[k] && d.time[k] != last) {
                    nb++;
                    last = d.time[k];
                }
            }
        }
        sbs[d.strataCount()] = nb;
        CoxRiskSets t = new CoxRiskSets(nb, p);
        double[] score = new double[n];
        for (int k = 0; k < n; k++) {
            double eta = d.offset == null ? 0 : d.offset[k];
            for (int j = 0; j < p; j++) {
                eta += beta[j] * x[k * p + j];
            }
            score[k] = Math.exp(eta);
        }
        double[] a = new double[p];
        double[] a2 = new double[p];
        for (int s = 0; s < d.strataCount(); s++) {
            int lo = d.strataStart[s];
            int hi = d.strataStart[s + 1];
            double denom = 0;
            Arrays.fill(a, 0);
            int b = sbs[s + 1] - 1;
            int rm = hi - 1;
            int k = hi - 1;
            while (k >= lo) {
                double dtime = d.time[k];
                int ndead = 0;
                double deadwt = 0;
                double edenom = 0;
                Arrays.fill(a2, 0);
                while (k >= lo && d.time[k] == dtime) {
                    double r = score[k] * d.weight[k];
                    denom += r;
                    for (int j = 0; j < p; j++) {
                        a[j] += r * x[k * p + j];
                    }
                    if (d.event[k]) {
                        ndead++;
                        deadwt += d.weight[k];
                        edenom += r;
                        for (int j = 0; j < p; j++) {
                            a2[j] += r * x[k * p + j];
                        }
                    }
                    k--;
                }
                if (d.start != null) {
                    while (rm >= lo && d.start[d.startOrder[rm]] >= dtime) {
                        int q = d.startOrder[rm--];
                        double r = score[q] * d.weight[q];
                        denom -= r;
                        for (int j = 0; j < p; j++) {
                            a[j] -= r * x[q * p + j];
                        }
                    }
                }
                if (ndead == 0) {
                    continue;
                }
                t.time[b] = dtime;
                t.stratum[b] = s;
                int terms = efron && ndead > 1 ? ndead : 1;
                double meanwt = deadwt / terms;
                double h = 0;
                double he = 0;
                double h2 = 0;
                int off = b * p;
                for (int kk = 0; kk < terms; kk++) {
                    double downwt = terms == 1 ? 0 : (double) kk / ndead;
                    double den = denom - downwt * edenom;
                    double hk = meanwt / den;
                    h += hk;
                    he += (1 - downwt) * hk;
                    h2 += meanwt / (den * den);
                    for (int j = 0; j < p; j++) {
                        double mean = (a[j] - downwt * a2[j]) / den;
                        t.mh[off + j] += mean * hk;
                        t.mhe[off + j] += mean * (1 - downwt) * hk;
                        t.meanOfMeans[off + j] += mean / terms;
                        t.xbarInc[off + j] += meanwt * (a[j] - downwt * a2[j]) / (den * den);
                    }
                }
                t.hazard[b] = h;
                t.eventHazard[b] = he;
                t.hazard2[b] = h2;
                b--;
            }
        }
        for (int s = 0; s < d.strataCount(); s++) {
            double ch = 0;
            double[] cm = new double[p];
            for (int b = sbs[s]; b < sbs[s + 1]; b++) {
                ch += t.hazard[b];
                t.cumHazard[b] = ch;
                for (int j = 0; j < p; j++) {
                    cm[j] += t.mh[b * p + j];
                    t.cumMh[b * p + j] = cm[j];
                }
            }
        }
        return new CoxRiskSets(t, sbs, score);
    }

    /**
     * For each sorted row, the last event block (global index) of its stratum with time at or
     * before the row's exit time, or {@code firstBlock - 1} when there is none.
     */
    int[] blockAtExit(CoxDesign d) {
        int[] out = new int[d.n];
        for (int s = 0; s < d.strataCount(); s++) {
            int b = strataBlockStart[s] - 1;
            int end = strataBlockStart[s + 1];
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                while (b + 1 < end && time[b + 1] <= d.time[k]) {
                    b++;
                }
                out[k] = b;
            }
        }
        return out;
    }

    /** For counting-process data: per sorted row, the last event block at or before its entry time (or first - 1). */
    int[] blockAtEntry(CoxDesign d) {
        int[] out = new int[d.n];
        for (int s = 0; s < d.strataCount(); s++) {
            int first = strataBlockStart[s];
            int end = strataBlockStart[s + 1];
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                double st = d.start[k];
                int lo = first;
                int hi = end; // find the first block with time > st
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (time[mid] <= st) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                out[k] = lo - 1;
            }
        }
        return out;
    }

    /** Cumulative hazard through block b of stratum s (0 when b is before the stratum's first block). */
    double cumHazard(int s, int b) {
        return b < strataBlockStart[s] ? 0 : cumHazard[b];
    }

    double cumMh(int s, int b, int j) {
        return b < strataBlockStart[s] ? 0 : cumMh[b * p + j];
    }
}
