package io.survkit.internal;

import java.util.Arrays;

/**
 * The pair counts and infinitesimal-jackknife influence of R survival's {@code concordancefit}
 * ({@code concordance3}/{@code concordance4} in C), shared by Cox's concordance and
 * {@code io.survkit.validation.Concordance}.
 *
 * <p>Inputs are rows sorted by (stratum, exit time) ascending; within a tied time the order is free.
 * For counting-process data {@code start} holds entry times in that order and {@code startOrder}
 * the sorted positions ordered by (stratum, entry time). A pair is {i, j} with an event for i at
 * time t and j still at risk after t (a later exit, or censored at t; for counting-process data
 * also entered before t), within a stratum. Its weight is {@code w_i w_j tau_i}, tau_i the time
 * weight of i's event time. Counts use R's orientation before {@code reverse}: concordant when
 * x_j &gt; x_i, discordant when x_j &lt; x_i, tiedRisk when equal. Two events at the same time form
 * one pair of weight {@code w_i w_j tau}: tiedBoth with equal x, else tiedTime.
 *
 * <p>Influence (R's {@code fit$influence}, columns 1 to 3): for each row, {@code diff_i = I_C,i -
 * I_D,i} and {@code total_i = I_C,i + I_D,i + I_X,i}, the weighted (w_j tau) sums over the pairs
 * containing i. Variance: with N = C + D + X and s = (C - D)/N over all strata,
 * {@code dfbeta_i = w_i (diff_i - s total_i) / (2N)}, summed within clusters, var = sum dfbeta^2.
 *
 * <p>Method: one pass backwards in time with two weight tables over the dense ranks of x (rows at
 * risk; events seen so far, weighted by tau), each with O(log m) prefix queries: O(n log n).
 */
public final class ConcordanceKernel {
    /** Index of each count in {@link #counts(int)}. */
    public static final int CONCORDANT = 0;
    /** Index of the discordant count. */
    public static final int DISCORDANT = 1;
    /** Index of the count tied on the predictor. */
    public static final int TIED_RISK = 2;
    /** Index of the count tied on time (events at the same time, different predictor). */
    public static final int TIED_TIME = 3;
    /** Index of the count tied on both. */
    public static final int TIED_BOTH = 4;

    private static final int ALL = 0;
    private static final int DEAD = 1;

    private final double[][] counts;
    private final double[] diff;
    private final double[] total;
    private final double[] weight;

    private ConcordanceKernel(double[][] counts, double[] diff, double[] total, double[] weight) {
        this.counts = counts;
        this.diff = diff;
        this.total = total;
        this.weight = weight;
    }

    /**
     * Counts pairs and influence.
     *
     * @param time exit times, sorted ascending within strata
     * @param start entry times in the same order, or null for right-censored data
     * @param startOrder sorted positions by (stratum, entry time) ascending; null when start is null
     * @param event event indicator per sorted row
     * @param weight case weight per sorted row
     * @param strataStart rows of stratum s are {@code [strataStart[s], strataStart[s+1])}
     * @param x predictor per sorted row (finite)
     * @param tau time weight of each event row's time, or null for 1
     */
    public static ConcordanceKernel count(double[] time, double[] start, int[] startOrder, boolean[] event,
            double[] weight, int[] strataStart, double[] x, double[] tau) {
        int n = time.length;
        int strata = strataStart.length - 1;
        int[] rank = new int[n];
        int maxRank = ranks(x, strataStart, rank);
        Tree tree = new Tree(maxRank);
        double[] prefix = new double[maxRank + 2];
        double[] sameRank = new double[maxRank + 1];
        double[] diff = new double[n];
        double[] tot = new double[n];
        double[][] counts = new double[strata][5];
        double[] q = new double[3];
        for (int s = 0; s < strata; s++) {
            int lo = strataStart[s];
            int hi = strataStart[s + 1];
            int m = 0;
            for (int k = lo; k < hi; k++) {
                m = Math.max(m, rank[k]);
            }
            tree.clear(m);
            double[] c = counts[s];
            int rm = hi - 1;
            int k = hi - 1;
            while (k >= lo) {
                double t = time[k];
                int first = k;
                while (first - 1 >= lo && time[first - 1] == t) {
                    first--;
                }
                boolean deaths = false;
                // censored rows at t are at risk for the events at t: they enter first
                for (int j = k; j >= first; j--) {
                    if (event[j]) {
                        deaths = true;
                    } else {
                        enter(tree, j, rank[j], weight[j], q, diff, tot);
                    }
                }
                if (deaths) {
                    if (start != null) {
                        // rows that entered at or after t leave the risk set
                        while (rm >= lo && start[startOrder[rm]] >= t) {
                            int r = startOrder[rm--];
                            tree.query(DEAD, rank[r], q);
                            diff[r] += q[0] - q[2];
                            tot[r] += tree.total[DEAD];
                            tree.add(ALL, rank[r], -weight[r]);
                        }
                    }
                    double block = 0;
                    for (int j = k; j >= first; j--) {
                        if (!event[j]) {
                            continue;
                        }
                        double tj = tau == null ? 1 : tau[j];
                        tree.query(ALL, rank[j], q);
                        double w = weight[j];
                        // q = {less, equal, greater}: greater = concordant in R's orientation
                        c[CONCORDANT] += w * q[2] * tj;
                        c[DISCORDANT] += w * q[0] * tj;
                        c[TIED_RISK] += w * q[1] * tj;
                        c[TIED_TIME] += w * block * tj;
                        c[TIED_BOTH] += w * sameRank[rank[j]] * tj;
                        block += w;
                        sameRank[rank[j]] += w;
                        diff[j] += (q[2] - q[0]) * tj;
                        tot[j] += tree.total[ALL] * tj;
                    }
                    for (int j = k; j >= first; j--) {
                        if (event[j]) {
                            sameRank[rank[j]] = 0;
                            tree.add(DEAD, rank[j], (tau == null ? 1 : tau[j]) * weight[j]);
                        }
                    }
                    for (int j = k; j >= first; j--) {
                        if (event[j]) {
                            enter(tree, j, rank[j], weight[j], q, diff, tot);
                        }
                    }
                }
                k = first - 1;
            }
            c[TIED_TIME] -= c[TIED_BOTH];
            finish(tree, m, prefix, rank, start == null ? null : startOrder, lo, start == null ? hi : rm + 1, diff,
                    tot);
        }
        return new ConcordanceKernel(counts, diff, tot, weight);
    }

    /** A row joins the risk set (going backwards in time): its later-row influence starts here. */
    private static void enter(Tree tree, int j, int rank, double w, double[] q, double[] diff, double[] tot) {
        tree.query(DEAD, rank, q);
        diff[j] -= q[0] - q[2];
        tot[j] -= tree.total[DEAD];
        tree.add(ALL, rank, w);
    }

    /** Rows still at risk at the stratum's first time: their partners are all events, a static sum. */
    private static void finish(Tree tree, int m, double[] prefix, int[] rank, int[] rows, int from, int to,
            double[] diff, double[] tot) {
        double sum = 0;
        for (int r = 1; r <= m; r++) {
            prefix[r] = sum;
            sum += tree.node[2 * r + DEAD];
        }
        for (int p = from; p < to; p++) {
            int j = rows == null ? p : rows[p];
            double less = prefix[rank[j]];
            double greater = tree.total[DEAD] - less - tree.node[2 * rank[j] + DEAD];
            diff[j] += less - greater;
            tot[j] += tree.total[DEAD];
        }
    }

    /** Number of strata. */
    public int strataCount() {
        return counts.length;
    }

    /** The five counts of stratum s (indices {@link #CONCORDANT} ... {@link #TIED_BOTH}). */
    public double[] counts(int s) {
        return counts[s].clone();
    }

    /** The five counts summed over strata. */
    public double[] totals() {
        double[] t = new double[5];
        for (double[] c : counts) {
            for (int i = 0; i < 5; i++) {
                t[i] += c[i];
            }
        }
        return t;
    }

    /**
     * The infinitesimal-jackknife variance of the concordance (R {@code fit$var}).
     *
     * @param cluster cluster code per sorted row, or null (each row its own cluster)
     * @param clusterCount number of cluster codes
     */
    public double variance(int[] cluster, int clusterCount) {
        double[] t = totals();
        double npair = t[CONCORDANT] + t[DISCORDANT] + t[TIED_RISK];
        double somer = (t[CONCORDANT] - t[DISCORDANT]) / npair;
        double var = 0;
        if (cluster != null) {
            double[] g = new double[clusterCount];
            for (int i = 0; i < diff.length; i++) {
                g[cluster[i]] += dfbeta(i, npair, somer);
            }
            for (double v : g) {
                var += v * v;
            }
        } else {
            for (int i = 0; i < diff.length; i++) {
                double v = dfbeta(i, npair, somer);
                var += v * v;
            }
        }
        return var;
    }

    private double dfbeta(int i, double npair, double somer) {
        return (diff[i] - total[i] * somer) * weight[i] / (2 * npair);
    }

    /** Dense 1-based ranks of x within each stratum (exact equality = tie); returns the largest. */
    private static int ranks(double[] x, int[] strataStart, int[] rank) {
        int[] ord = RadixSort.order(x);
        int strata = strataStart.length - 1;
        if (strata > 1) {
            int[] code = new int[x.length];
            for (int s = 0; s < strata; s++) {
                Arrays.fill(code, strataStart[s], strataStart[s + 1], s);
            }
            Sorting.groupStable(ord, code, strata);
        }
        int max = 0;
        for (int s = 0; s < strata; s++) {
            int r = 0;
            double last = Double.NaN;
            for (int k = strataStart[s]; k < strataStart[s + 1]; k++) {
                double v = x[ord[k]];
                if (r == 0 || v != last) {
                    r++;
                    last = v;
                }
                rank[ord[k]] = r;
            }
            max = Math.max(max, r);
        }
        return max;
    }

    /**
     * Two weight tables by rank 1..m (ALL, DEAD) with prefix queries, laid out for cache locality
     * when m is large: node weights of both tables interleaved (one cache line serves both for a
     * rank), and a Fenwick tree over blocks of 16 ranks, also interleaved (a query sums the block
     * tree, then scans at most 15 neighbouring nodes).
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
}
