package io.survkit.regression;

import io.survkit.internal.Check;

/**
 * Residuals of a fitted Cox model, R {@code residuals.coxph(fit, type)}: martingale, deviance,
 * score, Schoenfeld, scaled Schoenfeld, dfbeta and dfbetas. Per-row residuals are in the data's
 * row order (the rows the fit used); Schoenfeld residuals have one row per event, ordered by
 * stratum, time, then data row ({@link #schoenfeldTimes()}, {@link #schoenfeldRows()}). Every
 * call returns a new array. The risk-set sums are computed once, in O(n p), when the residuals
 * are obtained.
 *
 * <pre>{@code
 * CoxResiduals r = fit.residuals();          // or CoxResiduals.of(fit)
 * double[] m = r.martingale();               // residuals(fit, "martingale")
 * double[][] s = r.scaledSchoenfeld();       // residuals(fit, "scaledsch")
 * double[][] dfb = r.dfbetas();              // residuals(fit, "dfbetas")
 * }</pre>
 */
public final class CoxResiduals {
    private final CoxResult fit;
    private final CoxDesign d;
    private final CoxRiskSets riskSets;

    private CoxResiduals(CoxResult fit) {
        this.fit = fit;
        this.d = fit.design();
        this.riskSets = CoxRiskSets.of(d, fit.betaScaled(), fit.tieMethod() == TieMethod.EFRON);
    }

    /**
     * The residuals of {@code fit}.
     *
     * @param fit a fitted Cox model
     * @return its residuals
     */
    public static CoxResiduals of(CoxResult fit) {
        return new CoxResiduals(Check.notNull("fit", fit));
    }

    /**
     * Martingale residuals per data row (R {@code residuals(fit, "martingale")}):
     * {@code delta_i - r_i (Lambda0(exit) - Lambda0(entry))}, {@code r_i = exp(eta_i)}.
     *
     * @return one residual per row
     */
    public double[] martingale() {
        return toDataOrder(CoxResidualKernel.martingale(d, riskSets));
    }

    /**
     * Deviance residuals {@code sign(m) sqrt(-2 (m + delta log(delta - m)))} per data row (R
     * {@code residuals(fit, "deviance")}).
     *
     * @return one residual per row
     */
    public double[] deviance() {
        double[] m = CoxResidualKernel.martingale(d, riskSets);
        double[] out = new double[d.n];
        for (int k = 0; k < d.n; k++) {
            double mk = m[k];
            double dev = d.event[k] ? mk + Math.log(1 - mk) : mk;
            out[d.order[k]] = Math.signum(mk) * Math.sqrt(-2 * dev);
        }
        return out;
    }

    /**
     * Score residuals per data row and coefficient (R {@code residuals(fit, "score")}, unweighted).
     *
     * @return {@code n x p}
     */
    public double[][] score() {
        int p = d.p;
        double[] s = CoxResidualKernel.score(d, riskSets);
        double[][] out = new double[d.n][p];
        for (int k = 0; k < d.n; k++) {
            double[] row = out[d.order[k]];
            for (int j = 0; j < p; j++) {
                row[j] = s[k * p + j] / d.scale[j];
            }
        }
        return out;
    }

    /**
     * Approximate change in the coefficients when each row is left out (R
     * {@code residuals(fit, "dfbeta")}): {@code w_i U_i V}, U the score residuals and V the
     * model-based variance.
     *
     * @return {@code n x p}
     */
    public double[][] dfbeta() {
        return dfbeta(false);
    }

    /**
     * dfbeta scaled by the coefficients' model-based standard errors (R
     * {@code residuals(fit, "dfbetas")}): {@code w_i U_i V diag(V)^-1/2}.
     *
     * @return {@code n x p}
     */
    public double[][] dfbetas() {
        return dfbeta(true);
    }

    private double[][] dfbeta(boolean scaled) {
        int p = d.p;
        double[] naiveVar = fit.naiveVarianceMatrix();
        double[] s = CoxResidualKernel.score(d, riskSets);
        double[][] out = new double[d.n][p];
        for (int k = 0; k < d.n; k++) {
            double w = d.weight[k];
            double[] row = out[d.order[k]];
            for (int j = 0; j < p; j++) {
                double v = 0;
                for (int i = 0; i < p; i++) {
                    v += s[k * p + i] / d.scale[i] * naiveVar[i * p + j];
                }
                // R: (rr %*% vv) %*% diag(sqrt(1 / diag(vv))), then times the weights
                row[j] = scaled ? w * (v * Math.sqrt(1 / naiveVar[j * p + j])) : w * v;
            }
        }
        return out;
    }

    /**
     * Schoenfeld residuals, one row per event (R {@code residuals(fit, "schoenfeld")}): the event's
     * covariates minus the risk-weighted mean of the risk set (Efron: the mean of the tied events'
     * means).
     *
     * @return {@code events x p}
     */
    public double[][] schoenfeld() {
        int p = d.p;
        int[] exit = riskSets.blockAtExit(d);
        double[][] out = new double[d.events][];
        int e = 0;
        for (int k = 0; k < d.n; k++) {
            if (!d.event[k]) {
                continue;
            }
            double[] row = new double[p];
            int b = exit[k];
            for (int j = 0; j < p; j++) {
                row[j] = (d.x[k * p + j] - riskSets.meanOfMeans[b * p + j]) / d.scale[j];
            }
            out[e++] = row;
        }
        return out;
    }

    /**
     * Scaled Schoenfeld residuals (R {@code residuals(fit, "scaledsch")}): {@code r V events + beta},
     * V the model-based variance (Grambsch and Therneau 1994).
     *
     * @return {@code events x p}
     */
    public double[][] scaledSchoenfeld() {
        int p = d.p;
        double[] naiveVar = fit.naiveVarianceMatrix();
        double[] coef = fit.coefficientArray();
        double[][] r = schoenfeld();
        double[][] out = new double[r.length][p];
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < p; j++) {
                double v = 0;
                for (int k = 0; k < p; k++) {
                    v += r[i][k] * naiveVar[k * p + j];
                }
                out[i][j] = v * d.events + (Double.isNaN(coef[j]) ? 0 : coef[j]);
            }
        }
        return out;
    }

    /**
     * Event time of each Schoenfeld residual row (R's row names of the Schoenfeld residuals).
     *
     * @return one time per event
     */
    public double[] schoenfeldTimes() {
        double[] t = new double[d.events];
        int e = 0;
        for (int k = 0; k < d.n; k++) {
            if (d.event[k]) {
                t[e++] = d.time[k];
            }
        }
        return t;
    }

    /**
     * Data row (0-based index into the rows the fit used) of each Schoenfeld residual row.
     *
     * @return one row index per event
     */
    public int[] schoenfeldRows() {
        int[] r = new int[d.events];
        int e = 0;
        for (int k = 0; k < d.n; k++) {
            if (d.event[k]) {
                r[e++] = d.order[k];
            }
        }
        return r;
    }

    private double[] toDataOrder(double[] sorted) {
        double[] out = new double[d.n];
        for (int k = 0; k < d.n; k++) {
            out[d.order[k]] = sorted[k];
        }
        return out;
    }
}
