package io.survkit.data;

import io.survkit.internal.Check;
import java.util.Arrays;

/**
 * R's {@code aeqSurv} (survival 3.x, {@code timefix = TRUE}): among the sorted distinct finite
 * times (entry and exit together), a gap {@code dy} counts as a tie when
 * {@code dy <= tol} or {@code dy / mean(|y|) <= tol}, with {@code tol = sqrt(machine epsilon)}.
 * Each run of tied values is replaced by its smallest member.
 */
public final class TimeFix {
    /** sqrt(.Machine$double.eps), R's default tolerance. */
    public static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private TimeFix() {
    }

    /**
     * Snaps near-equal times in place. Returns true if any time changed.
     *
     * @param start entry times or null
     * @param time exit times
     */
    static boolean apply(double[] start, double[] time, int[] fileRows, String startName, String timeName) {
        int n = time.length;
        double[] all = new double[start == null ? n : 2 * n];
        System.arraycopy(time, 0, all, 0, n);
        if (start != null) {
            System.arraycopy(start, 0, all, n, n);
        }
        Arrays.sort(all);
        int u = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[u++] = all[i];
            }
        }
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
                            + "(%s, %s] has length 0; expected start < stop", Check.at(startName, fileRows[i]),
                            start[i], time[i]);
                }
            }
        }
        return true;
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

    private static boolean isTie(double dy, double meanAbs) {
        return dy <= TOLERANCE || dy / meanAbs <= TOLERANCE;
    }

    /** Replaces each value by the largest cut <= value (R's {@code findInterval}). */
    private static void snap(double[] x, double[] cut) {
        for (int i = 0; i < x.length; i++) {
            int k = Arrays.binarySearch(cut, x[i]);
            if (k < 0) {
                k = -k - 2;
            }
            x[i] = cut[k];
        }
    }
}
