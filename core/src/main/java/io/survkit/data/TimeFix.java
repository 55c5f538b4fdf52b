package io.survkit.data;

import io.survkit.internal.Check;
import io.survkit.internal.Tolerances;
import java.util.Arrays;

/**
 * R's {@code aeqSurv} (survival 3.x, {@code timefix = TRUE}): among the sorted distinct finite
 * times (entry and exit together), a gap {@code dy} counts as a tie when
 * {@code dy <= tol} or {@code dy / mean(|y|) <= tol}, with {@code tol = sqrt(machine epsilon)}.
 * Each run of tied values is replaced by its smallest member.
 */
public final class TimeFix {
    /** sqrt(.Machine$double.eps), R's default tolerance. */
    public static final double TOLERANCE = Tolerances.TIME_FIX;

    private TimeFix() {
    }

    /**
     * Snaps near-equal times in place. Returns true if any time changed.
     *
     * @param start entry times or null
     * @param time exit times
     */
    static boolean apply(double[] start, double[] time, int[] fileRows, String startName, String timeName,
            LineMap lines) {
        int n = time.length;
        double[] all = distinctSorted(time, start);
        int u = all.length;
        double meanAbs = meanAbs(all, u);
        boolean anyTied = false;
        // cuts[k] = first value of the k-th run of tied values
        double[] cuts = new double[u];
        int c = 0;
        for (int i = 0; i < u; i++) {
            boolean tied = i > 0 && isTie(all[i] - all[i - 1], meanAbs);
            if (!tied) {
                cuts[c++] = all[i];
            }
            anyTied |= tied;
        }
        if (!anyTied) {
            return false;
        }
        double[] cut = Arrays.copyOf(cuts, c);
        snap(time, cut);
        if (start != null) {
            snap(start, cut);
            for (int i = 0; i < n; i++) {
                if (!(start[i] < time[i])) {
                    throw Check.fail("%s: after merging times that differ only by rounding noise, the interval "
                            + "(%s, %s] has length 0; expected start < stop", lines.at(startName, fileRows[i]),
                            start[i], time[i]);
                }
            }
        }
        return true;
    }

    /**
     * The rule on already aggregated data (a count table, a cluster's distinct times): for the
     * sorted distinct finite times {@code distinct} (entry and exit times together) the time each
     * one stands for, the smallest member of its run of tied values (a copy of {@code distinct}
     * when no two are tied).
     *
     * <pre>{@code
     * double[] m = TimeFix.merged(new double[] {1, 1 + 1e-12, 2});   // {1, 1, 2}
     * }</pre>
     *
     * @param distinct the distinct
     * @return the rule on already aggregated data (a count table, a cluster's distinct times): for the sorted distinct finite times {@code distinct} (entry and exit times together) the time each one stands for, the smallest member of its run of tied values (a copy of {@code distinct} when no two are tied)
     */
    public static double[] merged(double[] distinct) {
        int u = distinct.length;
        double meanAbs = meanAbs(distinct, u);
        double[] out = new double[u];
        for (int i = 0; i < u; i++) {
            boolean tied = i > 0 && isTie(distinct[i] - distinct[i - 1], meanAbs);
            out[i] = tied ? out[i - 1] : distinct[i];
        }
        return out;
    }


    /**
     * mean(|y|) of {@code y[0, u)} computed as {@code m * mean(|y| / m)} with {@code m = max |y|}, so
     * that times near {@code Double.MAX_VALUE} do not overflow the sum (R's {@code mean} accumulates in
     * long double and does not overflow either). Each scaled term is at most 1, so the sum is at most u.
     */
    static double meanAbs(double[] y, int u) {
        double m = 0;
        for (int i = 0; i < u; i++) {
            m = Math.max(m, Math.abs(y[i]));
        }
        if (m == 0 || m == Double.POSITIVE_INFINITY) {
            return m;
        }
        double s = 0;
        for (int i = 0; i < u; i++) {
            s += Math.abs(y[i]) / m;
        }
        return m * (s / u);
    }

    /**
     * The distinct values of {@code time} and {@code start} (may be null), sorted. Registry times
     * repeat (days, months: a few thousand distinct values in 10^7 rows), so the distinct values are
     * collected in a hash set first and only they are sorted; when they turn out to be many (over
     * a quarter of the rows) all values are sorted instead.
     */
    static double[] distinctSorted(double[] time, double[] start) {
        int n = time.length + (start == null ? 0 : start.length);
        DoubleSet set = new DoubleSet(n / 4);
        if (set.addAll(time) && (start == null || set.addAll(start))) {
            double[] d = set.values();
            Arrays.sort(d);
            return d;
        }
        double[] all = new double[n];
        System.arraycopy(time, 0, all, 0, time.length);
        if (start != null) {
            System.arraycopy(start, 0, all, time.length, start.length);
        }
        Arrays.sort(all);
        int u = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[u++] = all[i] + 0.0; // -0.0 as 0.0, as in the hash set
            }
        }
        return Arrays.copyOf(all, u);
    }

    /** Open-addressing set of doubles by bit pattern (-0.0 folded into 0.0), with a size limit. */
    private static final class DoubleSet {
        private final int limit;
        private long[] keys = new long[64];
        private boolean[] used = new boolean[64];
        private int size;

        DoubleSet(int limit) {
            this.limit = limit;
        }

        /** Adds the values; false once more than {@code limit} distinct values were seen. */
        boolean addAll(double[] v) {
            for (double x : v) {
                if (!add(Double.doubleToLongBits(x + 0.0))) {
                    return false;
                }
            }
            return true;
        }

        private boolean add(long bits) {
            int mask = keys.length - 1;
            int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 40) & mask;
            while (used[slot]) {
                if (keys[slot] == bits) {
                    return true;
                }
                slot = (slot + 1) & mask;
            }
            if (size >= limit) {
                return false;
            }
            used[slot] = true;
            keys[slot] = bits;
            if (++size * 2 > keys.length) {
                grow();
            }
            return true;
        }

        private void grow() {
            long[] oldKeys = keys;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    add(oldKeys[i]);
                }
            }
        }

        double[] values() {
            double[] d = new double[size];
            int k = 0;
            for (int i = 0; i < keys.length; i++) {
                if (used[i]) {
                    d[k++] = Double.longBitsToDouble(keys[i]);
                }
            }
            return d;
        }
    }

    private static boolean isTie(double dy, double meanAbs) {
        return dy <= TOLERANCE || dy / meanAbs <= TOLERANCE;
    }

    /** Replaces each value by the largest cut <= value (R's {@code findInterval}). */
    private static void snap(double[] x, double[] cut) {
        for (int i = 0; i < x.length; i++) {
            int k = Arrays.binarySearch(cut, x[i] + 0.0); // -0.0 is 0.0 here, as in the distinct values
            if (k < 0) {
                k = -k - 2;
            }
            x[i] = cut[k];
        }
    }
}
