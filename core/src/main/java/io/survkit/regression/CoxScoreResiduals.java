package io.survkit.regression;

import io.survkit.internal.Check;

/**
 * The score residuals of a fitted Cox model for rows held anywhere (R
 * {@code residuals(fit, "score")}, {@code coxscore2}/{@code agscore2}): built from the per-time sums
 * of one pass at the fitted beta ({@link CoxTimeSums}), it holds the risk-set summaries per
 * (stratum, event time) — O(strata x event times x p) numbers — and gives one row's residual in
 * O(p + log times) from the row alone. So a cluster computes the robust (sandwich) variance in a
 * second pass: each executor gets this object (it is {@link java.io.Serializable}, e.g. a Spark
 * broadcast), computes its rows' residuals, and the sums of {@code w U} per cluster and of their
 * outer products travel, not the rows. The formula and its arithmetic are core's row kernel's.
 *
 * <p>For row i in stratum s at risk over {@code (entry, exit]}:
 * {@code U_i = delta_i (x_i - xbar(t_i)) - sum_t r_i (x_i - xbar(t)) dLambda(t)} over the event
 * times t in {@code (entry, exit]}, with Efron's fractional shares at the row's own tied event time.
 * Coordinates are those of the sums (e.g. centred and scaled covariates).
 *
 * <pre>{@code
 * CoxScoreResiduals res = CoxScoreResiduals.of(sums, TieMethod.EFRON);   // sums at the fitted beta
 * double[] u = new double[p];
 * res.residual(0, 5.0, Double.NaN, true, eta, z, u);                    // one row, anywhere
 * }</pre>
 */
public final class CoxScoreResiduals implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final CoxRiskSets sets;

    private CoxScoreResiduals(CoxRiskSets sets) {
        this.sets = sets;
    }

    /**
     * The risk-set summaries of {@code sums} (taken at the fitted beta) with the fit's tie method.
     *
     * @param sums per-time sums at the fitted beta
     * @param ties Breslow or Efron
     * @return the residual function
     */
    public static CoxScoreResiduals of(CoxTimeSums sums, TieMethod ties) {
        return new CoxScoreResiduals(Check.notNull("sums", sums).riskSets(ties));
    }

    /**
     * The robust (sandwich) variance {@code V (S'S) V} (R {@code coxph(robust = TRUE)}: {@code D'D}
     * with {@code D = S V}) from the inverse information V and the cross-product {@code S'S} of the
     * weighted score residuals {@code w_i U_i} (original coordinates) summed within clusters (each
     * row its own cluster without one); core's own robust fit uses the same function.
     *
     * @param naiveVar inverse information, p x p row-major
     * @param scoreCrossProduct {@code S'S}, p x p row-major
     * @param p number of coefficients
     * @return the sandwich, p x p row-major
     */
    public static double[] sandwich(double[] naiveVar, double[] scoreCrossProduct, int p) {
        return CoxRobustVariance.sandwich(naiveVar, scoreCrossProduct, p);
    }

    /**
     * R's robust score test {@code u' (S'S)^-1 u} (R {@code fit$rscore}) from the cross-product of
     * the weighted score residuals at the initial values (summed within clusters) and their sum u.
     *
     * @param scoreCrossProduct {@code S'S}, p x p row-major
     * @param scoreSum u (p)
     * @param p number of coefficients
     * @return the statistic (chi-square on p degrees of freedom)
     */
    public static double robustScoreTest(double[] scoreCrossProduct, double[] scoreSum, int p) {
        return CoxRobustVariance.scoreTest(scoreCrossProduct, scoreSum, p);
    }

    /** Number of covariate columns. */
    public int columns() {
        return sets.p;
    }

    /**
     * One row's score residual (unweighted, in the sums' coordinates) into {@code out[0, p)}.
     *
     * @param stratum the row's stratum code (as in the sums)
     * @param exit its exit time (an event time of the sums when {@code event})
     * @param entry its entry time ((start, stop] rows), or NaN when at risk from the start
     * @param event true when it ends with an event
     * @param eta its linear predictor {@code beta' z} at the fitted beta
     * @param z its covariates (p)
     * @param out the residual (p)
     */
    public void residual(int stratum, double exit, double entry, boolean event, double eta, double[] z,
            double[] out) {
        int b = sets.blockAtOrBefore(stratum, exit);
        int bs = Double.isNaN(entry) ? sets.strataBlockStart[stratum] - 1 : sets.blockAtOrBefore(stratum, entry);
        CoxResidualKernel.score(sets, stratum, b, bs, event, Math.exp(eta), z, 0, out);
    }
}
