package io.survkit.compare;

/**
 * Adjustment of a family of p-values for multiple testing, as R's {@code p.adjust(p, method)}.
 * NaN entries are left as they are and not counted in the family size (R's NA handling).
 *
 * <pre>{@code
 * double[] adjusted = PValueAdjustment.HOLM.adjust(new double[] {0.01, 0.04, 0.03});
 * }</pre>
 */
public enum PValueAdjustment {
    /** No adjustment ({@code "none"}). */
    NONE,
    /** Bonferroni: min(1, m p) ({@code "bonferroni"}). */
    BONFERRONI,
    /** Holm (1979) step-down: cumulative maximum of (m - i + 1) p_(i), capped at 1 ({@code "holm"}). */
    HOLM,
    /**
     * Benjamini and Hochberg (1995) false discovery rate: cumulative minimum from the largest of
     * m / i p_(i), capped at 1 ({@code "BH"}, {@code "fdr"}).
     */
    BENJAMINI_HOCHBERG;

    /**
     * The adjusted p-values, in the order given.
     *
     * @param p the probability
     * @return the adjusted p-values, in the order given
     */
    public double[] adjust(double[] p) {
        double[] out = p.clone();
        int m = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                m++;
            }
        }
        double[] v = new double[m];
        int[] at = new int[m];
        int j = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                v[j] = p[i];
                at[j++] = i;
            }
        }
        if (m <= 1 || this == NONE) {
            return out;
        }
        // stable ascending order of the non-missing p-values (R's order() is stable)
        Integer[] ord = new Integer[m];
        for (int i = 0; i < m; i++) {
            ord[i] = i;
        }
        java.util.Arrays.sort(ord, (a, b) -> Double.compare(v[a], v[b]));
        double[] adj = new double[m];
        switch (this) {
            case BONFERRONI -> {
                for (int i = 0; i < m; i++) {
                    adj[i] = Math.min(1, m * v[i]);
                }
            }
            case HOLM -> {
                double run = 0;
                for (int r = 0; r < m; r++) {
                    run = Math.max(run, (m - r) * v[ord[r]]);
                    adj[ord[r]] = Math.min(1, run);
                }
            }
            case BENJAMINI_HOCHBERG -> {
                double run = Double.POSITIVE_INFINITY;
                for (int r = m - 1; r >= 0; r--) {
                    run = Math.min(run, (double) m / (r + 1) * v[ord[r]]);
                    adj[ord[r]] = Math.min(1, run);
                }
            }
            default -> throw new AssertionError(this);
        }
        for (int i = 0; i < m; i++) {
            out[at[i]] = adj[i];
        }
        return out;
    }
}
