package io.survkit.compare;

import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;
import io.survkit.internal.Memory;
import io.survkit.internal.Sorting;

/**
 * The robust (sandwich) variance of the weighted log-rank score for case-weighted rows: the
 * variance R's {@code coxph(Surv(time, status) ~ group, weights = w, ties = "breslow", robust = TRUE)}
 * uses for its robust score test {@code fit$rscore} (Lin and Wei 1989; Binder 1992). The score of
 * group g is U_g = sum_t w(t) (d_g(t) - d(t) n_g(t) / n(t)) = O_g - E_g. Each row i (exit T_i,
 * entry S_i, case weight c_i, group indicator z_i) has the score residual
 *
 * <pre>
 *   r_i = delta_i w(T_i) (z_i - p(T_i)) - sum over event times S_i &lt; t &lt;= T_i of w(t) d(t) / n(t) (z_i - p(t)),
 * </pre>
 *
 * with p_g(t) = n_g(t) / n(t) (R's {@code residuals(fit, type = "score")} at beta = 0), so that
 * U = sum c_i r_i, and V = sum_i (c_i r_i)(c_i r_i)' (with a cluster: the residuals summed within
 * each cluster first, R's {@code collapse = cluster}). Multiplying every case weight by a constant
 * multiplies U by it and V by its square, so U' V^- U does not change: the test is free of the
 * weights' scale, unlike the hypergeometric variance with weighted counts.
 *
 * <p>Range: the kernel runs on the weights divided by a power of two near the largest weight (an
 * exact division), so weights near 1e300 or 1e-160 neither overflow nor underflow; {@link #scale}
 * is the factor that brings the score back to the weights' own scale.
 *
 * <p>Cost: one sort of the rows by exit (and entry) time, one sweep per stratum, O(k^2) per row for
 * k groups.
 */
final class RobustScore {
    /** The score U at the divided weights (k). */
    final double[] score;
    /** Its robust variance at the divided weights (k x k, row-major). */
    final double[] variance;
    /** The expected counts E_g at the divided weights (which groups have E &gt; 0). */
    final double[] expected;
    /** U at the weights' own scale = {@code score * scale}; V = {@code variance * scale^2}. */
    final double scale;

    private RobustScore(double[] score, double[] variance, double[] expected, double scale) {
        this.score = score;
        this.expected = expected;
        this.variance = variance;
        this.scale = scale;
    }

    /**
     * The robust score and variance over the groups {@code selected} (group codes, in result order)
     * of a weighted frame.
     */
    static RobustScore of(ModelFrame f, int[] selected, LogRankTest test) {
        Factor g = f.groups().orElseThrow();
        int k = selected.length;
        int[] column = new int[g.levelCount()];
        java.util.Arrays.fill(column, -1);
        for (int j = 0; j < k; j++) {
            column[selected[j]] = j;
        }
        Factor st = f.strata().orElse(null);
        Factor cl = f.cluster().orElse(null);
        int n = f.rowCount();
        double max = 0;
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (column[g.code(i)] >= 0 && f.weight(i) > 0) {
                max = Math.max(max, f.weight(i));
                used++;
            }
        }
        double m = max > 0 ? Math.scalb(1.0, Math.getExponent(max)) : 1;
        Memory.require(Memory.doubles((double) k * k + (double) (cl == null ? 0 : cl.levelCount()) * k
                + (double) f.eventCount() * (k + 4)), Check.format("the robust variance of the weighted log-rank "
                + "test of %d groups", k), "compare fewer groups, or give frequencies as a count table (CountTable.of)");
        // rows of the selected groups with weight > 0, by stratum, then exit time
        int[] rows = new int[used];
        double[] exit = new double[used];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (column[g.code(i)] >= 0 && f.weight(i) > 0) {
                exit[r] = f.time(i);
                rows[r++] = i;
            }
        }
        Sorting.sort(exit, rows, 0, used);
        int strata = st == null ? 1 : st.levelCount();
        int[] stratumCode = new int[n];
        for (int i = 0; i < n; i++) {
            stratumCode[i] = st == null ? 0 : st.code(i);
        }
        int[] bounds = Sorting.groupStable(rows, stratumCode, strata);
        int[] entries = null;
        if (f.hasStart()) {
            entries = rows.clone();
            double[] entry = new double[used];
            for (int q = 0; q < used; q++) {
                entry[q] = f.start(entries[q]);
            }
            Sorting.sort(entry, entries, 0, used);
            Sorting.groupStable(entries, stratumCode, strata);
        }
        Sweep sweep = new Sweep(f, g, column, k, m, test, cl);
        for (int s = 0; s < strata; s++) {
            sweep.stratum(rows, entries, bounds[s], bounds[s + 1]);
        }
        return new RobustScore(sweep.u, sweep.variance(), sweep.expected, m * weightScale(test.weighting(), m));
    }

    /** The factor by which w(t) grows when every weight is multiplied by {@code m}. */
    private static double weightScale(Weighting w, double m) {
        switch (w) {
            case GEHAN_BRESLOW:
                return m;
            case TARONE_WARE:
                return Math.sqrt(m);
            default:
                return 1;
        }
    }

    /** One sweep per stratum over the event times, then the residual of each row. */
    private static final class Sweep {
        private final ModelFrame f;
        private final Factor g;
        private final int[] column;
        private final int k;
        private final double m;
        private final LogRankTest test;
        private final Factor cluster;
        final double[] u;
        final double[] expected;
        private final double[] v;
        private final double[] clusterSum;
        private final double[] atRisk;
        /** Rows at risk per group: at 0 the weighted sum is set to exactly 0 (no rounding residue). */
        private final int[] rowsAtRisk;
        private final double[] dead;
        private final double[] c;
        // per event time of the current stratum: time, w(t), cumulative sum of w d / n, and of w d / n p(t)
        private double[] time = new double[16];
        private double[] weight = new double[16];
        private double[] hazard = new double[16];
        private double[] cumulative = new double[16 * 1];
        private double[] proportion;

        Sweep(ModelFrame f, Factor g, int[] column, int k, double m, LogRankTest test, Factor cluster) {
            this.f = f;
            this.g = g;
            this.column = column;
            this.k = k;
            this.m = m;
            this.test = test;
            this.cluster = cluster;
            this.u = new double[k];
            this.expected = new double[k];
            this.v = cluster == null ? new double[k * k] : null;
            this.clusterSum = cluster == null ? null : new double[cluster.levelCount() * k];
            this.atRisk = new double[k];
            this.rowsAtRisk = new int[k];
            this.dead = new double[k];
            this.c = new double[k];
            this.cumulative = new double[16 * k];
            this.proportion = new double[16 * k];
        }

        double w(int i) {
            return f.weight(i) / m;
        }

        void stratum(int[] rows, int[] entries, int from, int to) {
            java.util.Arrays.fill(atRisk, 0);
            java.util.Arrays.fill(rowsAtRisk, 0);
            if (entries == null) {
                for (int q = from; q < to; q++) {
                    enter(rows[q]);
                }
            }
            int times = 0;
            int pn = from;
            double km = 1;
            double hazardSum = 0;
            double[] b = new double[k];
            for (int q = from; q < to;) {
                double t = f.time(rows[q]);
                if (entries != null) {
                    while (pn < to && f.start(entries[pn]) < t) {
                        enter(entries[pn++]);
                    }
                }
                int end = q;
                java.util.Arrays.fill(dead, 0);
                double dTotal = 0;
                while (end < to && f.time(rows[end]) == t) {
                    if (f.isEvent(rows[end])) {
                        double wi = w(rows[end]);
                        dead[column[g.code(rows[end])]] += wi;
                        dTotal += wi;
                    }
                    end++;
                }
                if (dTotal > 0) {
                    double nTotal = 0;
                    for (int j = 0; j < k; j++) {
                        nTotal += atRisk[j];
                    }
                    double wt = LogRankKernel.weight(test, km, nTotal);
                    double lambda = wt * (dTotal / nTotal);
                    grow(times + 1);
                    time[times] = t;
                    weight[times] = wt;
                    hazardSum += lambda;
                    hazard[times] = hazardSum;
                    for (int j = 0; j < k; j++) {
                        double p = atRisk[j] / nTotal;
                        proportion[times * k + j] = p;
                        b[j] += lambda * p;
                        cumulative[times * k + j] = b[j];
                    }
                    times++;
                    km = km * ((nTotal - dTotal) / nTotal);
                }
                for (int e = q; e < end; e++) {
                    leave(rows[e]);
                }
                q = end;
            }
            for (int j = 0; j < k; j++) {
                expected[j] += b[j];
            }
            for (int q = from; q < to; q++) {
                residual(rows[q], times);
            }
        }

        private void enter(int i) {
            int j = column[g.code(i)];
            atRisk[j] += w(i);
            rowsAtRisk[j]++;
        }

        private void leave(int i) {
            int j = column[g.code(i)];
            atRisk[j] = --rowsAtRisk[j] == 0 ? 0 : atRisk[j] - w(i);
        }

        private void grow(int size) {
            if (size > time.length) {
                int cap = Math.max(size, 2 * time.length);
                time = java.util.Arrays.copyOf(time, cap);
                weight = java.util.Arrays.copyOf(weight, cap);
                hazard = java.util.Arrays.copyOf(hazard, cap);
                cumulative = java.util.Arrays.copyOf(cumulative, cap * k);
                proportion = java.util.Arrays.copyOf(proportion, cap * k);
            }
        }

        /** Index of the last event time &lt;= t, or -1. */
        private int last(double t, int times) {
            int lo = 0;
            int hi = times;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (time[mid] <= t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo - 1;
        }

        private void residual(int i, int times) {
            int j = column[g.code(i)];
            int e = last(f.time(i), times);
            int s = f.hasStart() ? last(f.start(i), times) : -1;
            double a = -((e >= 0 ? hazard[e] : 0) - (s >= 0 ? hazard[s] : 0));
            for (int h = 0; h < k; h++) {
                c[h] = (e >= 0 ? cumulative[e * k + h] : 0) - (s >= 0 ? cumulative[s * k + h] : 0);
            }
            if (f.isEvent(i) && e >= 0 && time[e] == f.time(i)) {
                a += weight[e];
                for (int h = 0; h < k; h++) {
                    c[h] -= weight[e] * proportion[e * k + h];
                }
            }
            c[j] += a;
            double wi = w(i);
            for (int h = 0; h < k; h++) {
                c[h] *= wi;
                u[h] += c[h];
            }
            if (cluster != null) {
                int base = cluster.code(i) * k;
                for (int h = 0; h < k; h++) {
                    clusterSum[base + h] += c[h];
                }
                return;
            }
            for (int h = 0; h < k; h++) {
                double ch = c[h];
                if (ch != 0) {
                    for (int l = 0; l < k; l++) {
                        v[h * k + l] += ch * c[l];
                    }
                }
            }
        }

        double[] variance() {
            if (cluster == null) {
                return v;
            }
            double[] out = new double[k * k];
            for (int base = 0; base < clusterSum.length; base += k) {
                for (int h = 0; h < k; h++) {
                    double ch = clusterSum[base + h];
                    if (ch != 0) {
                        for (int l = 0; l < k; l++) {
                            out[h * k + l] += ch * clusterSum[base + l];
                        }
                    }
                }
            }
            return out;
        }
    }
}
