package io.survkit.validation;

import java.util.Arrays;

/**
 * Groups of predicted risk by quantiles, as R's
 * {@code cut(r, unique(quantile(r, seq(0, 1, length.out = g + 1))), include.lowest = TRUE)}:
 * quantile type 7 (x_lo + h (x_hi - x_lo) at index 1 + (n - 1) p, written (1 - h) x_lo + h x_hi as R),
 * duplicate breaks merged, intervals (b_k, b_k+1] with the first closed on the left.
 */
final class RiskGroups {
    private RiskGroups() {
    }

    /** The distinct type-7 quantile breaks for g groups. */
    static double[] breaks(double[] risk, int g) {
        double[] x = risk.clone();
        Arrays.sort(x);
        int n = x.length;
        double[] q = new double[g + 1];
        int m = 0;
        for (int k = 0; k <= g; k++) {
            double p = k == g ? 1 : k * (1.0 / g);
            double index = (n - 1) * p; // 0-based
            int lo = (int) Math.floor(index);
            int hi = (int) Math.ceil(index);
            double v = x[lo];
            if (index > lo && x[hi] != v) {
                double h = index - lo;
                v = (1 - h) * v + h * x[hi];
            }
            if (m == 0 || v != q[m - 1]) {
                q[m++] = v;
            }
        }
        return Arrays.copyOf(q, m);
    }

    /** Group code (0-based) of each risk for the breaks. */
    static int[] codes(double[] risk, double[] breaks) {
        int[] c = new int[risk.length];
        for (int i = 0; i < risk.length; i++) {
            int k = Arrays.binarySearch(breaks, risk[i]);
            // exact break b_j (j >= 1) closes interval j - 1; below b_1 (or = b_0) is group 0
            int code = k >= 0 ? Math.max(k - 1, 0) : -k - 2;
            c[i] = Math.min(Math.max(code, 0), Math.max(breaks.length - 2, 0));
        }
        return c;
    }
}
