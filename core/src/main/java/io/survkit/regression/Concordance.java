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
        // rows at risk (ALL) and events seen so far (DEAD), interleaved in one structure
        Tree tree = new Tree(maxRank);
        double[] prefix = new double[maxRank + 2];
        // per row: (c_i - d_i) and (c_i + d_i + t_i) of R's influence, with R's pre-reversal naming
        double[] diff = new double[n];
        double[] tot = new double[n];
        double c0 = 0;
        double c1 = 0;
        double c2 = 0;
        double[] q = new double[3];
        for (int s = 0; s < d.strataCount(); s++) {
            int lo = d.strataStart[s];
            int hi = d.strataStart[s + 1];
            int m = 0;
            for (int k = lo; k < hi; k++) {
                m = Math.max(m, rank[k]);
            }
            tree.clear(m);
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
                    tree.query(DEAD, rank[j], q);
                    diff[j] -= q[0] - q[2];
                    tot[j] -= tree.total[DEAD];
                    tree.add(ALL, rank[j], d.weight[j]);
                }
                if (deaths) {
                    if (d.start != null) {
                        // rows that entered at or after t leave the risk set
                        while (rm >= lo && d.start[d.startOrder[rm]] >= t) {
                            int r = d.startOrder[rm--];
                            tree.query(DEAD, rank[r], q);
                            diff[r] += q[0] - q[2];
                            tot[r] += tree.total[DEAD];
                            tree.add(ALL, rank[r], -d.weight[r]);
                        }
                    }
                    for (int j = k; j >= first; j--) {
                        if (!d.event[j]) {
                            continue;
                        }
                        tree.query(ALL, rank[j], q);
                        double w = d.weight[j];
                        // q = {less, equal, greater}; R's "concordant" before reversal = greater
                        c0 += w * q[2];
                        c1 += w * q[0];
                        c2 += w * q[1];
                        diff[j] += q[2] - q[0];
                        tot[j] += tree.total[ALL];
                    }
                    for (int j = k; j >= first; j--) {
                        if (d.event[j]) {
                            tree.add(DEAD, rank[j], d.weight[j]);
                        }
                    }
                    for (int j = k; j >= first; j--) {
                        if (!d.event[j]) {
                            continue;
                        }
                        tree.query(DEAD, rank[j], q);
                        diff[j] -= q[0] - q[2];
                        tot[j] -= tree.total[DEAD];
                        tree.add(ALL, rank[j], d.weight[j]);
                    }
                }
                k = first - 1;
            }
            // rows still at risk at the stratum's first time: partners = every event, a static sum
            double sum = 0;
            for (int r = 1; r <= m; r++) {
                prefix[r] = sum;
                sum += tree.node[2 * r + DEAD];
            }
            int from = lo;
            int to = hi;
            int[] rows = null;
            if (d.start != null) {
                rows = d.startOrder;
                to = rm + 1;
            }
            for (int x = from; x < to; x++) {
                int j = rows == null ? x : rows[x];
                double less = prefix[rank[j]];
                double greater = tree.total[DEAD] - less - tree.node[2 * rank[j] + DEAD];
                diff[j] += less - greater;
                tot[j] += tree.total[DEAD];
            }
        }
        double npair = c0 + c1 + c2;
        double somer = (c0 - c1) / npair;
        double var = 0;
        int[] cl = clustered ? d.cluster : null;
        if (cl != null) {
            double[] g = new double[d.clusterCount];
            for (int i = 0; i < n; i++) {
                g[cl[i]] += d.weight[i] * (diff[i] / npair - (somer / npair) * tot[i]);
            }
            for (double v : g) {
                var += v * v;
            }
        } else {
            for (int i = 0; i < n; i++) {
                double v = d.weight[i] * (diff[i] / npair - (somer / npair) * tot[i]);
                var += v * v;
            }
        }
        double concordance = 1 - (somer + 1) / 2;
        return new double[] {concordance, Math.sqrt(var / 4), c1, c0, c2};
    }

    private static final int ALL = 0;
    private static final int DEAD = 1;

    /**
     * Two weight tables by rank 1..m (t = ALL, DEAD) with prefix queries, laid out for cache
     * locality when m is large: node weights of both tables interleaved (one cache line serves
     * both for a rank), and a Fenwick tree over blocks of 16 ranks, also interleaved (a query sums
     * the block tree, then scans at most 15 neighbouring nodes).
     */
    static final class Tree {
        private static final int SHIFT = 4;
        final double[] node;
        private final double[] block;
        final double[] total = new double[2];
        private int blocks;

        Tree(int maxRank) {
            node = new double[2 * (maxRank + 1)];
            block = new double[2 * ((maxRank >> SHIFT) + 2)];
        }

        void clear(int m) {
            Arrays.fill(node, 0, 2 * (m + 1), 0);
            blocks = (m >> SHIFT) + 1;
            Arrays.fill(block, 0, 2 * (blocks + 1), 0);
            total[0] = 0;
            total[1] = 0;
        }

        void add(int t, int rank, double w) {
            node[2 * rank + t] += w;
            total[t] += w;
            for (int b = (rank >> SHIFT) + 1; b <= blocks; b += b & -b) {
                block[2 * b + t] += w;
            }
        }

        /** q = {weight with smaller rank, weight with equal rank, weight with larger rank} in table t. */
        void query(int t, int rank, double[] q) {
            int bi = rank >> SHIFT; // blocks 0..bi-1 lie wholly below rank
            double less = 0;
            for (int b = bi; b > 0; b -= b & -b) {
                less += block[2 * b + t];
            }
            for (int r = bi << SHIFT; r < rank; r++) {
                less += node[2 * r + t];
            }
            double eq = node[2 * rank + t];
            q[0] = less;
            q[1] = eq;
            q[2] = total[t] - less - eq;
        }
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

}
