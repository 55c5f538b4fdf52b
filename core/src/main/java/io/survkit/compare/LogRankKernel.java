package io.survkit.compare;

import io.survkit.data.CountTable;
import io.survkit.internal.Check;
import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import java.util.Arrays;

/**
 * The weighted log-rank sums over a prepared, time-sorted source: for the selected groups, per
 * stratum, observed O_g = sum w d_g, expected E_g = sum w d n_g / n and the hypergeometric
 * variance V_gh = sum w^2 d (n - d) / (n - 1) (n_g / n) (delta_gh - n_h / n) (Mantel 1966, Peto
 * and Peto 1972; R survival's {@code survdiff2.c}), with n, d pooled over the selected groups
 * within the stratum and w = w(t) of {@link Weighting}. Event times with n <= 1 add no variance
 * (R: "only 1 subject"). Counts are weighted sums with case weights (frequency weights).
 *
 * <p>Two sources: {@link Sorted} (unweighted right-censored subject rows: per (stratum, group)
 * block the event times and the censoring times, each sorted once with {@link Arrays#sort}) and a
 * {@link CountTable} (cells sorted by stratum, group, time). Both are merged over the groups, one
 * pass per stratum, in ascending time; a group's number at risk at t counts its subjects with exit
 * time >= t that entered before t.
 */
final class LogRankKernel {
    private LogRankKernel() {
    }

    /** Per-group and per-(group, stratum) sums of one run. */
    static final class Sums {
        final int k;
        final int strata;
        /** [g * strata + s]. */
        final double[] observed;
        final double[] expected;
        /** k x k, row-major, summed over strata. */
        final double[] variance;
        /** Rows (R's N) per group and per stratum (over the selected groups). */
        final double[] rows;
        final double[] stratumRows;
        /** Total (unweighted by w) number of events of the selected groups. */
        double deaths;
        /**
         * For case-weighted rows, the robust score variance ({@link RobustScore}): the chi-square uses
         * its score and variance (at the divided weights), and {@link #variance} holds it at the
         * weights' scale. Null for unweighted rows and count tables (hypergeometric variance).
         */
        RobustScore robust;

        Sums(int k, int strata) {
            // the k x k variance is held three times (these sums, the result, the chi-square's solve)
            io.survkit.internal.Memory.require(io.survkit.internal.Memory.doubles(3.0 * k * k + 2.0 * k * strata),
                    Check.format("the log-rank test of %d groups (a %d x %d variance matrix)", k, k, k),
                    "a K-sample test with that many groups is rarely meaningful; test a trend (TrendTest), compare"
                    + " chosen pairs (PairwiseLogRank), or group the levels");
            this.k = k;
            this.strata = strata;
            this.observed = new double[k * strata];
            this.expected = new double[k * strata];
            this.variance = new double[k * k];
            this.rows = new double[k];
            this.stratumRows = new double[strata];
        }

        double observed(int g) {
            double s = 0;
            for (int j = 0; j < strata; j++) {
                s += observed[g * strata + j];
            }
            return s;
        }

        double expected(int g) {
            double s = 0;
            for (int j = 0; j < strata; j++) {
                s += expected[g * strata + j];
            }
            return s;
        }
    }

    /** Weight settings and the per-time accumulation. */
    static final class Accumulator {
        private final Weighting weighting;
        private final double rho;
        private final double gamma;
        private final Sums sums;
        private double km;

        Accumulator(Weighting weighting, double rho, double gamma, Sums sums) {
            this.weighting = weighting;
            this.rho = rho;
            this.gamma = gamma;
            this.sums = sums;
        }

        void startStratum() {
            km = 1;
        }

        /**
         * One event time of stratum {@code s}: {@code n[j]}, {@code d[j]} at risk and events of
         * selected group j; {@code nTotal}, {@code dTotal} their sums ({@code dTotal > 0}).
         */
        void eventTime(int s, double[] n, double[] d, double nTotal, double dTotal) {
            double w = weight(nTotal);
            int k = sums.k;
            int strata = sums.strata;
            double[] obs = sums.observed;
            double[] exp = sums.expected;
            for (int j = 0; j < k; j++) {
                obs[j * strata + s] += w * d[j];
                // ratios first: with weighted counts near 1e300, d n_g would overflow
                exp[j * strata + s] += w * dTotal * (n[j] / nTotal);
            }
            sums.deaths += dTotal;
            if (nTotal > 1) {
                double w2 = w * w;
                double[] v = sums.variance;
                for (int j = 0; j < k; j++) {
                    double tmp = w2 * dTotal * (n[j] / nTotal) * ((nTotal - dTotal) / (nTotal - 1));
                    v[j * k + j] += tmp;
                    for (int h = 0; h < k; h++) {
                        v[j * k + h] -= tmp * (n[h] / nTotal);
                    }
                }
            }
            // pooled Kaplan-Meier, left-continuous: S(t-) is used at t, then updated (R's survdiff2)
            km = km * (nTotal - dTotal) / nTotal;
        }

        private double weight(double nTotal) {
            return LogRankKernel.weight(weighting, rho, gamma, km, nTotal);
        }
    }

    /** w(t) of {@code test} from the pooled left-continuous Kaplan-Meier {@code km} and number at risk. */
    static double weight(LogRankTest test, double km, double nTotal) {
        return weight(test.weighting(), test.rho(), test.gamma(), km, nTotal);
    }

    private static double weight(Weighting weighting, double rho, double gamma, double km, double nTotal) {
        switch (weighting) {
            case LOG_RANK:
                return 1;
            case PETO_PETO:
                return km;
            case GEHAN_BRESLOW:
                return nTotal;
            case TARONE_WARE:
                return Math.sqrt(nTotal);
            case FLEMING_HARRINGTON:
            default:
                double w = rho == 0 ? 1 : Math.pow(km, rho);
                return gamma == 0 ? w : w * Math.pow(1 - km, gamma);
        }
    }

    // ---------------------------------------------------------------- sorted subject rows

    /**
     * Unweighted right-censored rows prepared for the merge: per block b = stratum * groups + group,
     * event times {@code events[eventStart[b], eventStart[b+1])} and censoring times
     * {@code censored[censorStart[b], censorStart[b+1])}, each sorted ascending.
     */
    static final class Sorted {
        final int groups;
        final int strata;
        final double[] events;
        final double[] censored;
        final int[] eventStart;
        final int[] censorStart;

        Sorted(ModelFrame d, Factor g) {
            Factor s = d.strata().orElse(null);
            this.groups = g == null ? 1 : g.levelCount();
            this.strata = s == null ? 1 : s.levelCount();
            int blocks = groups * strata;
            int n = d.rowCount();
            eventStart = new int[blocks + 1];
            censorStart = new int[blocks + 1];
            int[] block = new int[n];
            int ne = 0;
            for (int i = 0; i < n; i++) {
                int b = (s == null ? 0 : s.code(i)) * groups + (g == null ? 0 : g.code(i));
                block[i] = b;
                if (d.isEvent(i)) {
                    eventStart[b + 1]++;
                    ne++;
                } else {
                    censorStart[b + 1]++;
                }
            }
            for (int b = 0; b < blocks; b++) {
                eventStart[b + 1] += eventStart[b];
                censorStart[b + 1] += censorStart[b];
            }
            events = new double[ne];
            censored = new double[n - ne];
            int[] ep = Arrays.copyOf(eventStart, blocks);
            int[] cp = Arrays.copyOf(censorStart, blocks);
            for (int i = 0; i < n; i++) {
                if (d.isEvent(i)) {
                    events[ep[block[i]]++] = d.time(i);
                } else {
                    censored[cp[block[i]]++] = d.time(i);
                }
            }
            for (int b = 0; b < blocks; b++) {
                io.survkit.internal.Sorting.sortRange(events, eventStart[b], eventStart[b + 1]);
                io.survkit.internal.Sorting.sortRange(censored, censorStart[b], censorStart[b + 1]);
            }
        }

        double rows(int stratum, int group) {
            int b = stratum * groups + group;
            return eventStart[b + 1] - eventStart[b] + censorStart[b + 1] - censorStart[b];
        }
    }

    /** Runs the test sums over the groups {@code selected} (group codes, in result order). */
    static Sums run(Sorted src, int[] selected, LogRankTest test) {
        int k = selected.length;
        Sums sums = new Sums(k, src.strata);
        Accumulator acc = new Accumulator(test.weighting(), test.rho(), test.gamma(), sums);
        int[] pe = new int[k];
        int[] ee = new int[k];
        int[] pc = new int[k];
        int[] ce = new int[k];
        double[] n = new double[k];
        double[] d = new double[k];
        double[] ev = src.events;
        double[] cen = src.censored;
        for (int s = 0; s < src.strata; s++) {
            acc.startStratum();
            for (int j = 0; j < k; j++) {
                int b = s * src.groups + selected[j];
                pe[j] = src.eventStart[b];
                ee[j] = src.eventStart[b + 1];
                pc[j] = src.censorStart[b];
                ce[j] = src.censorStart[b + 1];
                n[j] = ee[j] - pe[j] + ce[j] - pc[j];
                sums.rows[j] += n[j];
                sums.stratumRows[s] += n[j];
            }
            while (true) {
                double t = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    if (pe[j] < ee[j] && ev[pe[j]] < t) {
                        t = ev[pe[j]];
                    }
                }
                if (t == Double.POSITIVE_INFINITY) {
                    break;
                }
                double nTotal = 0;
                double dTotal = 0;
                for (int j = 0; j < k; j++) {
                    int c = pc[j];
                    int cEnd = ce[j];
                    while (c < cEnd && cen[c] < t) {
                        c++;
                    }
                    n[j] -= c - pc[j];
                    pc[j] = c;
                    int e = pe[j];
                    int eEnd = ee[j];
                    while (e < eEnd && ev[e] == t) {
                        e++;
                    }
                    d[j] = e - pe[j];
                    pe[j] = e;
                    nTotal += n[j];
                    dTotal += d[j];
                }
                acc.eventTime(s, n, d, nTotal, dTotal);
                for (int j = 0; j < k; j++) {
                    n[j] -= d[j];
                }
            }
        }
        return sums;
    }

    // ---------------------------------------------------------------- count table

    /** Runs the test sums over the groups {@code selected} (group codes of the table, in result order). */
    static Sums run(CountTable t, int[] selected, LogRankTest test) {
        int k = selected.length;
        int groups = t.groupLevels().size();
        int strata = t.strataLevels().size();
        Sums sums = new Sums(k, strata);
        Accumulator acc = new Accumulator(test.weighting(), test.rho(), test.gamma(), sums);
        int[] p = new int[k];
        int[] end = new int[k];
        boolean[] here = new boolean[k];
        double[] n = new double[k];
        double[] d = new double[k];
        for (int s = 0; s < strata; s++) {
            acc.startStratum();
            for (int j = 0; j < k; j++) {
                int b = s * groups + selected[j];
                p[j] = t.blockStart(b);
                end[j] = t.blockStart(b + 1);
                // at risk before the first time: every subject leaving minus those entering later
                double left = 0;
                double entered = 0;
                double rows = 0;
                for (int c = p[j]; c < end[j]; c++) {
                    left += t.events(c) + t.censored(c);
                    entered += t.entered(c);
                    rows += t.rows(c);
                }
                n[j] = left - entered;
                sums.rows[j] += rows;
                sums.stratumRows[s] += rows;
            }
            while (true) {
                double time = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    if (p[j] < end[j] && t.time(p[j]) < time) {
                        time = t.time(p[j]);
                    }
                }
                if (time == Double.POSITIVE_INFINITY) {
                    break;
                }
                double nTotal = 0;
                double dTotal = 0;
                for (int j = 0; j < k; j++) {
                    here[j] = p[j] < end[j] && t.time(p[j]) == time;
                    d[j] = here[j] ? t.events(p[j]) : 0;
                    nTotal += n[j];
                    dTotal += d[j];
                }
                if (dTotal > 0) {
                    acc.eventTime(s, n, d, nTotal, dTotal);
                }
                for (int j = 0; j < k; j++) {
                    if (here[j]) {
                        int c = p[j]++;
                        n[j] += t.entered(c) - (t.events(c) + t.censored(c));
                    }
                }
            }
        }
        return sums;
    }
}
