package io.survkit.compare;

import io.survkit.internal.Check;
import io.survkit.internal.Cholesky;
import io.survkit.internal.QuadraticForm;
import io.survkit.internal.Tolerances;

/** R's survdiff statistic from the sums: the quadratic form, its degrees of freedom and p-value. */
final class ChiSquare {
    final double chiSquare;
    final int degreesOfFreedom;
    final double pValue;
    /** A warning when the variance is rank deficient (R stops there), else null. */
    final String warning;

    private ChiSquare(double chiSquare, int df, String warning) {
        this.chiSquare = chiSquare;
        this.degreesOfFreedom = df;
        this.pValue = upperTail(chiSquare, df);
        this.warning = warning;
    }

    /**
     * (O - E)' V^- (O - E) over the groups with E > 0, leaving out the first of them (R's
     * {@code survdiff}); df = (groups with E > 0) - 1. Fewer than 2 such groups: chisq 0.
     */
    static ChiSquare of(LogRankKernel.Sums s) {
        int k = s.k;
        int[] use = new int[k];
        int m = 0;
        double[] o = new double[k];
        double[] e = new double[k];
        for (int g = 0; g < k; g++) {
            o[g] = s.observed(g);
            e[g] = s.expected(g);
            // with case weights, E > 0 is read at the divided weights (E may overflow at the weights' scale)
            if ((s.robust != null ? s.robust.expected[g] : e[g]) > 0) {
                use[m++] = g;
            }
        }
        if (m == 0) {
            if (s.deaths == 0) {
                throw Check.fail("no events: every subject is censored, so there is nothing to test "
                        + "(R's survdiff gives chisq 0 on -1 degrees of freedom and p NaN)");
            }
            throw Check.fail("every event time has weight 0 (%.0f events); the weighted test is undefined",
                    s.deaths);
        }
        if (m < 2) {
            return new ChiSquare(0, m - 1, null);
        }
        int q = m - 1;
        double[] b = new double[q];
        double[] v = new double[q * q];
        boolean anyVariance = false;
        for (int a = 0; a < q; a++) {
            b[a] = s.robust != null ? s.robust.score[use[a + 1]] : o[use[a + 1]] - e[use[a + 1]];
            double[] variance = s.robust != null ? s.robust.variance : s.variance;
            for (int c = 0; c < q; c++) {
                v[a * q + c] = variance[use[a + 1] * k + use[c + 1]];
            }
            anyVariance |= v[a * q + a] > 0;
        }
        if (!anyVariance) {
            throw Check.fail("the variance of observed - expected is 0 (at every event time either every subject "
                    + "at risk had the event or one group alone was at risk); the test is undefined (R: system is "
                    + "exactly singular)");
        }
        // b' V^- b is unchanged by b / c, V / c^2; c = sqrt(max diag V) keeps both near 1, so that weighted
        // counts near 1e300 (b^2 ~ 1e600) or 1e-160 do not overflow or underflow
        double maxDiag = 0;
        for (int a = 0; a < q; a++) {
            maxDiag = Math.max(maxDiag, v[a * q + a]);
        }
        double c = Math.sqrt(maxDiag);
        for (int a = 0; a < q; a++) {
            b[a] /= c;
            for (int d = 0; d < q; d++) {
                v[a * q + d] /= maxDiag;
            }
        }
        if (q == 1) {
            return new ChiSquare(b[0] * b[0] / v[0], q, null);
        }
        QuadraticForm r = Cholesky.quadraticForm(v, q, b, Tolerances.COX_CHOLESKY);
        String warning = r.rank() < q ? Check.format("the variance matrix has rank %d < %d; the statistic uses a "
                + "generalized inverse (R's survdiff stops with a singular-matrix error)", r.rank(), q) : null;
        return new ChiSquare(r.statistic(), q, warning);
    }

    /** Upper chi-square tail P(X > x) (R {@code pchisq(x, df, lower.tail = FALSE)}), 1 for df = 0. */
    static double upperTail(double x, int df) {
        return io.survkit.internal.Probabilities.chiSquareUpper(x, df);
    }
}
