package io.survkit.regression;

import io.survkit.internal.RadixSort;
import io.survkit.internal.Sorting;
import java.util.Arrays;

/**
 * Harrell's concordance of a Cox model's linear predictor and its standard error, as R
 * {@code coxph} stores it in {@code fit$concordance} (survival 3.x {@code concordancefit} with
 * {@code reverse = TRUE}, {@code timewt = "n"}).
 *
 * <p>A pair is comparable when one row has an event at time t and the other is still at risk after
 * t (a later exit, or censored at t; for counting-process data also entered before t). Within
 * strata only; weight of a pair = product of the case weights. With C = concordant (the event
 * row has the larger linear predictor), D = discordant and T = tied on the predictor:
 * concordance = (C + T/2) / (C + D + T). Its variance is the infinitesimal-jackknife one:
 * {@code sum_g (sum_{i in g} w_i ((c_i - d_i) - S (c_i + d_i + t_i)) / N)^2 / 4} over clusters g
 * (each row its own cluster without a cluster column), where c_i, d_i, t_i are the weights of
 * row i's concordant, discordant and tied partners, N = C + D + T and S = (D - C)/N.
 *
 * <p>Counts come from two Fenwick trees over the ranks of the predictor, one holding the rows at
 * risk and one the events seen so far, in one pass backwards in time: O(n log n).
 */
final class Concordance {
    private Concordance() {
    }

    /** {concordance, standard error, concordant, discordant, tied on predictor} with coxph's naming. */
    static double[] compute(CoxDesign d, double[] lp, boolean clustered) {
        final int n = d.n;
        // ranks of the predictor within strata (exact equality = tie, as R's match(risk, unique))
        int[] ord = RadixSort.order(lp);
        int maxRank = 0;
        int[] rank = new int[n];
        if (d.strataCount() > 1) {
            int[] code = new int[n];
            for (int s = 0; s < d.strataCount(); s++) {
                for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                    code[k] = s;
                }
            }
            Sorting.groupStable(ord, code, d.strataCount());
            for (int s = 0; s < d.strataCount(); s++) {
                maxRank = Math.max(maxRank, denseRanks(lp, ord, d.strataStart[s], d.strataStart[s + 1], rank));
            }
        } else {
            maxRank = denseRanks(lp, ord, 0, n, rank);
        }
        double[] allTree = new double[maxRank + 1];
        double[] allNode = new double[maxRank + 1];
        double[] deadTree = new double[maxRank + 1];
        double[] deadNode = new double[maxRank + 1];
        double[] inf0 = new double[n];
        double[] inf1 = new double[n];
        double[] inf2 = new double[n];
        double c0 = 0;
        double c1 = 0;
        double c2 = 0;
        double[] q = new double[3];
        for (int s = 0; s < d.strataCount(); s++) {
            int lo = d.strataStart[s];
            int hi = d.strataStart[s + 1];
            Arrays.fill(allTree, 0);
            Arrays.fill(allNode, 0);
            Arrays.fill(deadTree, 0);
            Arrays.fill(deadNode, 0);
            double allTotal = 0;
            double deadTotal = 0;
            int rm = hi - 1;
            int k = hi - 1;
            while (k >= lo) {
                double t = d.time[k];
                int first = k;
                while (first - 1 >= lo && d.time[first - 1] == t) {
                    first--;
                }
                boolean deaths = false;
                // censored rows at t are at risk for the events at t: they enter first
                for (int j = k; j >= first; j--) {
                    if (d.event[j]) {
                        deaths = true;
                        continue;
                    }
                    query(deadTree, deadNode, deadTotal, rank[j], q);
                    inf0[j] -= q[0];
                    inf1[j] -= q[2];
                    inf2[j] -= q[1];
                    add(allTree, allNode, rank[j], d.weight[j]);
                    allTotal += d.weight[j];
                }
                if (deaths) {
                    if (d.start != null) {
                        // rows that entered at or after t leave the risk set
                        while (rm >= lo && d.start[d.startOrder[rm]] >= t) {
                            int r = d.startOrder[rm--];
                            query(deadTree, deadNode, deadTotal, rank[r], q);
                            inf0[r] += q[0];
                            inf1[r] += q[2];
                            inf2[r] += q[1];
                            add(allTree, allNode, rank[r], -d.weight[r]);
                            allTotal -= d.weight[r];
                        }
                    }
                    for (int j = k; j >= first; j--) {
                        if (!d.event[j]) {
                            continue;
                        }
                        query(allTree, allNode, allTotal, rank[j], q);
                        double w = d.weight[j];
                        // q = {less, equal, greater}; R's "concordant" before reversal = greater
                        c0 += w * q[2];
                        c1 += w * q[0];
                        c2 += w * q[1];
                        inf0[j] += q[2];
                        inf1[j] += q[0];
                        inf2[j] += q[1];
                    }
                    for (int j = k; j >= first; j--) {
                        if (d.event[j]) {
                            add(deadTree, deadNode, rank[j], d.weight[j]);
                            deadTotal += d.weight[j];
                        }
                    }
                    for (int j = k; j >= first; j--) {
                        if (!d.event[j]) {
                            continue;
                        }
                        query(deadTree, deadNode, deadTotal, rank[j], q);
                        inf0[j] -= q[0];
                        inf1[j] -= q[2];
                        inf2[j] -= q[1];
                        add(allTree, allNode, rank[j], d.weight[j]);
                        allTotal += d.weight[j];
                    }
                }
                k = first - 1;
            }
            // rows still at risk at the start of the stratum's time: their partners are all events seen
            if (d.start != null) {
                for (; rm >= lo; rm--) {
                    int r = d.startOrder[rm];
                    query(deadTree, deadNode, deadTotal, rank[r], q);
                    inf0[r] += q[0];
                    inf1[r] += q[2];
                    inf2[r] += q[1];
                }
            } else {
                for (int j = lo; j < hi; j++) {
                    query(deadTree, deadNode, deadTotal, rank[j], q);
                    inf0[j] += q[0];
                    inf1[j] += q[2];
                    inf2[j] += q[1];
                }
            }
        }
        double npair = c0 + c1 + c2;
        double somer = (c0 - c1) / npair;
        double var;
        int[] cl = clustered ? d.cluster : null;
        if (cl != null) {
            double[] g = new double[d.clusterCount];
            for (int i = 0; i < n; i++) {
                g[cl[i]] += d.weight[i] * ((inf0[i] - inf1[i]) / npair - (somer / npair) * (inf0[i] + inf1[i] + inf2[i]));
            }
            var = 0;
            for (double v : g) {
                var += v * v;
            }
        } else {
            var = 0;
            for (int i = 0; i < n; i++) {
                double v = d.weight[i] * ((inf0[i] - inf1[i]) / npair - (somer / npair) * (inf0[i] + inf1[i] + inf2[i]));
                var += v * v;
            }
        }
        double concordance = 1 - (somer + 1) / 2;
        return new double[] {concordance, Math.sqrt(var / 4), c1, c0, c2};
    }

    /** Dense 1-based ranks of lp[ord[from..to)] (ascending); returns the largest rank. */
    private static int denseRanks(double[] lp, int[] ord, int from, int to, int[] rank) {
        int r = 0;
        double last = Double.NaN;
        for (int k = from; k < to; k++) {
            double v = lp[ord[k]];
            if (r == 0 || v != last) {
                r++;
                last = v;
            }
            rank[ord[k]] = r;
        }
        return r;
    }

    private static void add(double[] tree, double[] node, int rank, double w) {
        node[rank] += w;
        for (int i = rank; i < tree.length; i += i & -i) {
            tree[i] += w;
        }
    }

    /** q = {weight with smaller rank, weight with equal rank, weight with larger rank}. */
    private static void query(double[] tree, double[] node, double total, int rank, double[] q) {
        double less = 0;
        for (int i = rank - 1; i > 0; i -= i & -i) {
            less += tree[i];
        }
        double eq = node[rank];
        q[0] = less;
        q[1] = eq;
        q[2] = total - less - eq;
    }
}
