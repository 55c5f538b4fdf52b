package io.survkit.validation;

import io.survkit.data.Factor;
import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import io.survkit.internal.RadixSort;
import io.survkit.internal.Sorting;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a {@link SurvivalData} that an analysis uses (those with a finite predictor), sorted
 * once by (stratum, exit time) ascending, as primitive arrays in that order: the layout of
 * {@link io.survkit.internal.ConcordanceKernel}.
 */
final class Sample {
    /** Sorted position to row of the data. */
    final int[] row;
    final double[] time;
    final double[] start;
    final int[] startOrder;
    final boolean[] event;
    final double[] weight;
    final int[] strataStart;
    final List<String> strataLabels;
    final int[] cluster;
    final int clusterCount;
    /** Rows of the data left out because their predictor is missing (NaN). */
    final int dropped;

    private Sample(int[] row, double[] time, double[] start, int[] startOrder, boolean[] event, double[] weight,
            int[] strataStart, List<String> strataLabels, int[] cluster, int clusterCount, int dropped) {
        this.row = row;
        this.time = time;
        this.start = start;
        this.startOrder = startOrder;
        this.event = event;
        this.weight = weight;
        this.strataStart = strataStart;
        this.strataLabels = strataLabels;
        this.cluster = cluster;
        this.clusterCount = clusterCount;
        this.dropped = dropped;
    }

    /**
     * The rows of {@code data} whose {@code predictor} is not NaN (R's {@code na.omit}), sorted.
     *
     * @param strata whether to use the data's strata (false: one stratum)
     */
    static Sample of(SurvivalData data, double[] predictor, boolean strata) {
        Check.notNull("data", data);
        if (data.causes().size() > 1) {
            throw Check.fail("the data have %d event types (%s); name one event value for a single endpoint",
                    data.causes().size(), data.causes());
        }
        int n = data.size();
        if (predictor != null && predictor.length != n) {
            throw Check.fail("the predictor has %d values but the data have %d rows", predictor.length, n);
        }
        int[] keep = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (predictor == null || !Double.isNaN(predictor[i])) {
                keep[m++] = i;
            }
        }
        double[] t = new double[m];
        for (int k = 0; k < m; k++) {
            t[k] = data.time(keep[k]);
        }
        int[] ord = RadixSort.order(t);
        Factor f = strata ? data.strata() : null;
        int[] strataStart = {0, m};
        List<String> labels = List.of();
        if (f != null) {
            int[] code = new int[m];
            for (int k = 0; k < m; k++) {
                code[k] = f.code(keep[k]);
            }
            int[] offsets = Sorting.groupStable(ord, code, f.levelCount());
            // only the levels present, in level order (R: levels(strata)[table(strata) > 0])
            List<String> l = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            for (int c = 0; c < f.levelCount(); c++) {
                if (offsets[c + 1] > offsets[c]) {
                    l.add(f.label(c));
                    starts.add(offsets[c]);
                }
            }
            strataStart = new int[l.size() + 1];
            for (int s = 0; s < l.size(); s++) {
                strataStart[s] = starts.get(s);
            }
            strataStart[l.size()] = m;
            labels = List.copyOf(l);
        }
        return build(data, keep, ord, strataStart, labels, n - m);
    }

    private static Sample build(SurvivalData data, int[] keep, int[] ord, int[] strataStart, List<String> labels,
            int dropped) {
        int m = ord.length;
        int[] row = new int[m];
        double[] time = new double[m];
        boolean[] event = new boolean[m];
        double[] weight = new double[m];
        double[] start = data.hasStart() ? new double[m] : null;
        Factor cl = data.cluster();
        int[] cluster = cl == null ? null : new int[m];
        for (int k = 0; k < m; k++) {
            int r = keep[ord[k]];
            row[k] = r;
            time[k] = data.time(r);
            event[k] = data.isEvent(r);
            weight[k] = data.weight(r);
            if (start != null) {
                start[k] = data.start(r);
            }
            if (cluster != null) {
                cluster[k] = cl.code(r);
            }
        }
        int[] startOrder = start == null ? null : startOrder(start, strataStart);
        return new Sample(row, time, start, startOrder, event, weight, strataStart, labels, cluster,
                cl == null ? 0 : cl.levelCount(), dropped);
    }

    /** Sorted positions ordered by (stratum, entry time) ascending. */
    private static int[] startOrder(double[] start, int[] strataStart) {
        int[] ord = RadixSort.order(start);
        int strata = strataStart.length - 1;
        if (strata > 1) {
            int[] code = new int[start.length];
            for (int s = 0; s < strata; s++) {
                java.util.Arrays.fill(code, strataStart[s], strataStart[s + 1], s);
            }
            Sorting.groupStable(ord, code, strata);
        }
        return ord;
    }

    int size() {
        return time.length;
    }

    int strataCount() {
        return strataStart.length - 1;
    }

    /** The values of {@code v} (one per data row) in sorted order. */
    double[] sorted(double[] v) {
        double[] out = new double[row.length];
        for (int k = 0; k < row.length; k++) {
            out[k] = v[row[k]];
        }
        return out;
    }
}
