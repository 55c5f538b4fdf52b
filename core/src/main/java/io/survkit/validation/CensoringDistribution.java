package io.survkit.validation;

import java.util.Arrays;

/**
 * The reverse Kaplan-Meier G of the censoring and the Nelson-Aalen influence of each row on it, as
 * {@code riskRegression::Score(cens.model = "km")} uses them (unweighted rows). Over the distinct
 * observed times u: Y(u) = rows with T &gt;= u, d(u), c(u) = events and censorings at u;
 * G(s) = prod_{u &lt;= s} (1 - c(u)/(Y(u) - d(u))) (events before censorings at a tied time);
 * MC(s) = sum_{u &lt;= s} n c(u)/Y(u)^2. Influence of row l on log G at s:
 * f_l(s) = n (1 - delta_l) 1(T_l &lt;= s)/Y(T_l) - MC(min(T_l, s)).
 */
final class CensoringDistribution {
    private final int n;
    /** Distinct observed times, ascending. */
    private final double[] u;
    private final double[] atRisk;
    private final double[] g;
    private final double[] mc;
    private final double[] km;

    /** @param time observed times, sorted ascending; @param event event indicator in that order */
    CensoringDistribution(double[] time, boolean[] event) {
        n = time.length;
        int m = 0;
        double[] ut = new double[n];
        double[] y = new double[n];
        double[] d = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            if (i == 0 || time[i] != time[i - 1]) {
                ut[m] = time[i];
                y[m] = n - i;
                m++;
            }
            if (event[i]) {
                d[m - 1]++;
            } else {
                c[m - 1]++;
            }
        }
        u = Arrays.copyOf(ut, m);
        atRisk = Arrays.copyOf(y, m);
        g = new double[m];
        mc = new double[m];
        km = new double[m];
        double gs = 1;
        double ms = 0;
        double ks = 1;
        for (int k = 0; k < m; k++) {
            if (c[k] > 0) {
                gs *= 1 - c[k] / (y[k] - d[k]);
            }
            ms += n * c[k] / (y[k] * y[k]);
            ks *= 1 - d[k] / y[k];
            g[k] = gs;
            mc[k] = ms;
            km[k] = ks;
        }
    }

    /** Number of distinct observed times. */
    int distinctTimes() {
        return u.length;
    }

    /** Index of the largest distinct time &lt;= s, or -1. */
    int index(double s) {
        int k = Arrays.binarySearch(u, s);
        return k >= 0 ? k : -k - 2;
    }

    /** G(s). */
    double censoringSurvival(double s) {
        int k = index(s);
        return k < 0 ? 1 : g[k];
    }

    /** G just before the distinct time of index k: G at the previous distinct time (1 if none). */
    double censoringSurvivalBefore(int k) {
        return k <= 0 ? 1 : g[k - 1];
    }

    /** Kaplan-Meier of the event at s. */
    double survival(double s) {
        int k = index(s);
        return k < 0 ? 1 : km[k];
    }

    /** MC(s). */
    double cumulativeCorrection(double s) {
        int k = index(s);
        return k < 0 ? 0 : mc[k];
    }

    /** MC at the distinct time before index k (0 if none). */
    double cumulativeCorrectionBefore(int k) {
        return k <= 0 ? 0 : mc[k - 1];
    }

    /** f_l(s) for a row observed at distinct-time index k with censoring indicator. */
    double influence(int k, boolean censored, double s) {
        double t = u[k];
        double jump = censored && t <= s ? n / atRisk[k] : 0;
        return jump - (t <= s ? mc[k] : cumulativeCorrection(s));
    }

    /** f_l(T_l): the influence at the row's own time. */
    double influenceAtOwnTime(int k, boolean censored) {
        return (censored ? n / atRisk[k] : 0) - mc[k];
    }

    /**
     * out[l] = sum over cases k of a_k f_l(T_k-) for every row l, in O(n): with f_l(s-) = f_l(T_l)
     * when T_l &lt; s, else -MC at the distinct time before s, the sum splits into the cases after
     * T_l (suffix sum of a times f_l(T_l)) and those at or before T_l (prefix sum of a_k MC(T_k-)).
     *
     * @param pos distinct-time index of each row
     * @param event event indicator of each row
     * @param a weight of each case (0 for rows that are not cases)
     */
    double[] caseCorrection(int[] pos, boolean[] event, double[] a) {
        int m = u.length;
        double[] after = new double[m + 1];
        double[] upTo = new double[m];
        for (int k = 0; k < pos.length; k++) {
            if (a[k] != 0) {
                after[pos[k]] += a[k];
                upTo[pos[k]] += a[k] * cumulativeCorrectionBefore(pos[k]);
            }
        }
        // after[k] = sum of a over distinct times > k; upTo[k] = prefix sum up to k
        double suffix = 0;
        for (int k = m - 1; k >= 0; k--) {
            double here = after[k];
            after[k] = suffix;
            suffix += here;
        }
        for (int k = 1; k < m; k++) {
            upTo[k] += upTo[k - 1];
        }
        double[] out = new double[pos.length];
        for (int l = 0; l < pos.length; l++) {
            out[l] = after[pos[l]] * influenceAtOwnTime(pos[l], !event[l]) - upTo[pos[l]];
        }
        return out;
    }
}
