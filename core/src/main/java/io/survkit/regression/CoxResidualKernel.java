package io.survkit.regression;

/**
 * Residual kernels of a fitted Cox model, from the risk-set summaries ({@link CoxRiskSets}) in
 * O(n p). Outputs are in sorted-row order and in the design's centred, scaled coordinates;
 * callers unscale (residuals are linear in x) and restore the data's row order.
 */
final class CoxResidualKernel {
    private CoxResidualKernel() {
    }

    /**
     * Score residuals (R {@code residuals(fit, "score")}, {@code coxscore2}/{@code agscore2}),
     * unweighted: for row i, {@code delta_i (x_i - xbar(t_i)) - sum_t r_i (x_i - xbar(t)) dLambda(t)}
     * over the event times t at which i is at risk, with Efron's fractional weights for the
     * row's own tied event time. Returns {@code n * p}, row-major.
     */
    static double[] score(CoxDesign d, CoxRiskSets rs) {
        final int p = d.p;
        final double[] x = d.x;
        double[] out = new double[d.n * p];
        int[] exit = rs.blockAtExit(d);
        int[] entry = d.start != null ? rs.blockAtEntry(d) : null;
        for (int s = 0; s < d.strataCount(); s++) {
            int none = rs.strataBlockStart[s] - 1;
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                double r = rs.score[k];
                int b = exit[k];
                int bs = entry == null ? none : entry[k];
                int off = k * p;
                if (d.event[k]) {
                    double h = rs.cumHazard(s, b - 1) - rs.cumHazard(s, bs);
                    for (int j = 0; j < p; j++) {
                        double xj = x[off + j];
                        double m = rs.cumMh(s, b - 1, j) - rs.cumMh(s, bs, j);
                        out[off + j] = -r * (xj * h - m) + xj - rs.meanOfMeans[b * p + j]
                                - r * xj * rs.eventHazard[b] + r * rs.mhe[b * p + j];
                    }
                } else {
                    double h = rs.cumHazard(s, b) - rs.cumHazard(s, bs);
                    for (int j = 0; j < p; j++) {
                        double m = rs.cumMh(s, b, j) - rs.cumMh(s, bs, j);
                        out[off + j] = -r * (x[off + j] * h - m);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Martingale residuals (R {@code coxmart}/{@code agmart3}): {@code delta_i - r_i (Lambda(exit) -
     * Lambda(entry))}, where a row's own tied event time counts with Efron's reduced increment.
     */
    static double[] martingale(CoxDesign d, CoxRiskSets rs) {
        double[] out = new double[d.n];
        int[] exit = rs.blockAtExit(d);
        int[] entry = d.start != null ? rs.blockAtEntry(d) : null;
        for (int s = 0; s < d.strataCount(); s++) {
            int none = rs.strataBlockStart[s] - 1;
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                double r = rs.score[k];
                int b = exit[k];
                int bs = entry == null ? none : entry[k];
                if (d.event[k]) {
                    out[k] = 1 - r * (rs.cumHazard(s, b - 1) - rs.cumHazard(s, bs) + rs.eventHazard[b]);
                } else {
                    out[k] = -r * (rs.cumHazard(s, b) - rs.cumHazard(s, bs));
                }
            }
        }
        return out;
    }
}
