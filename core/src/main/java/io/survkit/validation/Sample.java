package io.survkit.validation;

import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;
import io.survkit.internal.RadixSort;
import io.survkit.internal.Sorting;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a {@link ModelFrame} that an analysis uses (those with a finite predictor), sorted
 * once by (stratum, exit time) ascending, as primitive arrays in that order: the layout of
 * {@link io.survkit.internal.ConcordanceKernel}.
 */
final class Sample {
    /** Sorted position to row of the model frame. */
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
    /** Rows of the frame left out because their predictor is missing (NaN). */
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
     * The rows of {@code frame} whose {@code predictor} (one value per frame row, or null) is not NaN
     * (R's {@code na.omit}), sorted.
     *
     * @param strata whether to use the frame's strata (false: one stratum)
     */
    static Sample of(ModelFrame frame, double[] predictor, boolean strata) {
        Check.notNull("data", frame);
        if (frame.causes().size() > 1) {
            throw Check.fail("the data have %d event types (%s); name one event value for a single endpoint",
                    frame.causes().size(), frame.causes());
        }
        int n = frame.rowCount();
        int[] keep = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (predictor == null || !Double.isNaN(predictor[i])) {
                keep[m++] = i;
            }
        }
        double[] t = new double[m];
        for (int k = 0; k < m; k++) {
            t[k] = frame.time(keep[k]);
        }
        int[] ord = RadixSort.order(t);
        Factor f = strata ? frame.strata().orElse(null) : null;
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
                    l.add(f.name() + "=" + f.level(c));
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
        return build(frame, keep, ord, strataStart, labels, n - m);
    }

    /** The data's rows with complete time and event (no terms), sorted, in one stratum. */
    static Sample of(ModelFrame frame) {
        return of(frame, null, false);
    }

    private static Sample build(ModelFrame frame, int[] keep, int[] ord, int[] strataStart, List<String> labels,
            int dropped) {
        int m = ord.length;
        int[] row = new int[m];
        double[] time = new double[m];
        boolean[] event = new boolean[m];
        double[] weight = new double[m];
        double[] start = frame.hasStart() ? new double[m] : null;
        Factor cl = frame.cluster().orElse(null);
        int[] cluster = cl == null ? null : new int[m];
        for (int k = 0; k < m; k++) {
            int r = keep[ord[k]];
            row[k] = r;
            time[k] = frame.time(r);
            event[k] = frame.isEvent(r);
            weight[k] = frame.weight(r);
            if (start != null) {
                start[k] = frame.start(r);
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

    /** The values of {@code v} (one per frame row) in sorted order. */
    double[] sorted(double[] v) {
        double[] out = new double[row.length];
        for (int k = 0; k < row.length; k++) {
            out[k] = v[row[k]];
        }
        return out;
    }
}
