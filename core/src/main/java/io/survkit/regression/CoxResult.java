package io.survkit.regression;

import io.survkit.internal.Probabilities;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.Check;
import io.survkit.internal.Cholesky;
import io.survkit.internal.ConcordanceKernel;
import io.survkit.internal.RFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fitted Cox proportional hazards model (R {@code coxph} and {@code summary(coxph)}). Immutable;
 * arrays returned are copies. Coefficients are indexed like {@link #terms()} (R
 * {@code names(coef(fit))}); a coefficient R would report as {@code NA} (a redundant column) is NaN
 * here, with a warning.
 *
 * <p>Standard errors: {@link #standardErrors()} is always the model-based one (R {@code se(coef)});
 * {@link #robustStandardErrors()} the sandwich one when {@link #isRobust()}. Hazard-ratio intervals,
 * z, p and the Wald test use the robust variance when the fit is robust, as R.
 *
 * <pre>{@code
 * CoxResult fit = CoxRegression.withDefaults().fit(data);
 * fit.terms();                 // [age, sex]
 * fit.hazardRatios();          // exp(coef)
 * fit.likelihoodRatioTest().pValue();
 * fit.concordance();           // Harrell's C
 * fit.baselineHazard();        // basehaz(fit, centered = FALSE)
 * ProportionalHazardsResult zph = ProportionalHazardsTest.withDefaults().test(fit);
 * }</pre>
 */
public final class CoxResult implements Exportable {
    private final CoxDesign d;
    private final TieMethod ties;
    private final double confLevel;
    private final boolean robust;
    private final double[] betaScaled;
    private final double[] coef;
    private final double[] naiveVar;
    private final double[] var;
    private final double[] u;
    private final double loglikNull;
    private final double loglik;
    private final ChiSquareTest lrt;
    private final ChiSquareTest wald;
    private final ChiSquareTest score;
    private final ChiSquareTest robustScore;
    private final double[] concordance;
    private final int iterations;
    private final boolean converged;
    private final List<String> warnings;
    private final List<String> infinite;
    /** Covariate name -> factor levels (reference first), or null for numeric. */
    private final Map<String, List<String>> covariates;

    CoxResult(CoxRegression config, CoxDesign d, CoxKernel.Fit f, boolean robust, Map<String, List<String>> covariates) {
        this.d = d;
        this.ties = config.ties();
        this.confLevel = config.confidenceLevel();
        this.robust = robust;
        this.covariates = covariates;
        int p = d.p;
        List<String> warn = new ArrayList<>();
        // redundant columns (R: coef NA where the inverse has a zero diagonal)
        double[] b = f.beta.clone();
        boolean[] sing = new boolean[p];
        if (f.rank < p) {
            List<String> names = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                if (f.var[j * p + j] == 0) {
                    sing[j] = true;
                    b[j] = Double.NaN;
                    names.add(d.columnNames[j]);
                }
            }
            if (!names.isEmpty()) {
                warn.add("X matrix deemed to be singular: no coefficient for " + names
                        + " (the column is constant or a combination of other columns); remove it from the model");
            }
        }
        this.betaScaled = f.betaScaled.clone();
        for (int j = 0; j < p; j++) {
            if (sing[j]) {
                betaScaled[j] = 0;
            }
        }
        this.coef = b;
        this.naiveVar = f.var;
        this.u = f.u;
        this.loglikNull = f.loglikNull;
        this.loglik = f.loglik;
        this.iterations = f.iterations;
        this.converged = f.converged;
        int df = 0;
        for (double v : b) {
            if (!Double.isNaN(v)) {
                df++;
            }
        }
        this.infinite = infiniteCheck(d, f, b, config, warn);
        this.lrt = new ChiSquareTest(2 * (loglik - loglikNull), df);
        ChiSquareTest naiveScore = new ChiSquareTest(f.scoreTest, df);
        if (robust) {
            boolean efron = ties == TieMethod.EFRON;
            // dfbeta = w * (score residuals) %*% naive var, summed within clusters; var = D'D (R coxph)
            double[] sr = collapse(weightedUnscaled(CoxResiduals.score(d, CoxRiskSets.of(d, betaScaled, efron))));
            int g = sr.length / p;
            double[] dfb = new double[g * p];
            for (int r = 0; r < g; r++) {
                for (int j = 0; j < p; j++) {
                    double s = 0;
                    for (int k = 0; k < p; k++) {
                        s += sr[r * p + k] * naiveVar[k * p + j];
                    }
                    dfb[r * p + j] = s;
                }
            }
            this.var = crossprod(dfb, g, p);
            // robust score test at the initial values, 0 by default (R fit$rscore)
            double[] s0 = collapse(weightedUnscaled(CoxResiduals.score(d, CoxRiskSets.of(d, initialScaled(config, d),
                    efron))));
            double[] u0 = new double[p];
            for (int r = 0; r < g; r++) {
                for (int j = 0; j < p; j++) {
                    u0[j] += s0[r * p + j];
                }
            }
            double[] q = Cholesky.quadraticForm(crossprod(s0, g, p), p, u0, CoxRegression.TOLER_CHOL);
            this.robustScore = new ChiSquareTest(q[0], df);
            this.score = robustScore;
        } else {
            this.var = naiveVar;
            this.robustScore = null;
            this.score = naiveScore;
        }
        this.naiveScoreTest = naiveScore;
        // R: coxph.wtest(var, coef - init)
        this.wald = new ChiSquareTest(CoxRegression.wald(var, minusInitial(b, config), p)[0], df);
        if (!robust && d.cluster != null) {
            warn.add("the cluster column is ignored for the variance because the model-based variance was requested;"
                    + " use CoxVariance.ROBUST or AUTO for clustered standard errors");
        }
        if (!robust && d.fractionalWeights) {
            warn.add("non-integer case weights with the model-based variance: the standard errors treat weights as"
                    + " replication counts; use CoxVariance.ROBUST (R's default here)");
        }
        this.concordance = concordance(d, sortedLinearPredictor());
        this.warnings = Collections.unmodifiableList(warn);
    }

    private final ChiSquareTest naiveScoreTest;

    /** R coxph.fit / agreg.fit: non-convergence and coefficients that may be infinite. */
    private static List<String> infiniteCheck(CoxDesign d, CoxKernel.Fit f, double[] b, CoxRegression config,
            List<String> warn) {
        return CoxConvergence.check(f.u, f.var, b, f.converged, () -> {
            double maxLp = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < d.n; k++) {
                double e = 0;
                for (int j = 0; j < d.p; j++) {
                    e += f.betaScaled[j] * d.x[k * d.p + j];
                }
                maxLp = Math.max(maxLp, e);
            }
            return maxLp;
        }, d.columnNames, config, d.start != null, warn);
    }

    /** Score residuals times the case weight, back in the original covariate scale. */
    private double[] weightedUnscaled(double[] sr) {
        int p = d.p;
        for (int k = 0; k < d.n; k++) {
            double w = d.weight[k];
            for (int j = 0; j < p; j++) {
                sr[k * p + j] *= w / d.scale[j];
            }
        }
        return sr;
    }

    /** Sums rows within clusters (rows in sorted order); without a cluster column, each row is its own. */
    private double[] collapse(double[] rows) {
        if (d.cluster == null) {
            return rows;
        }
        int p = d.p;
        double[] out = new double[d.clusterCount * p];
        for (int k = 0; k < d.n; k++) {
            int c = d.cluster[k];
            for (int j = 0; j < p; j++) {
                out[c * p + j] += rows[k * p + j];
            }
        }
        return out;
    }

    private static double[] crossprod(double[] m, int rows, int p) {
        double[] out = new double[p * p];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < p; i++) {
                double v = m[r * p + i];
                for (int j = 0; j <= i; j++) {
                    out[i * p + j] += v * m[r * p + j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                out[j * p + i] = out[i * p + j];
            }
        }
        return out;
    }

    /** Centred linear predictor per sorted row, in the design's coordinates. */
    /**
     * Harrell's concordance of the linear predictor as R {@code coxph} stores it: R's
     * {@code concordancefit(y, lp, strata, weights, cluster, reverse = TRUE, timewt = "n")}, so a
     * larger linear predictor should go with a shorter survival; clustered with a cluster column.
     * Returns {concordance, standard error, concordant, discordant, tied on the predictor}.
     */
    private static double[] concordance(CoxDesign d, double[] lp) {
        ConcordanceKernel k = ConcordanceKernel.count(d.time, d.start, d.startOrder, d.event, d.weight, d.strataStart,
                lp, null);
        double[] c = k.totals();
        double npair = c[ConcordanceKernel.CONCORDANT] + c[ConcordanceKernel.DISCORDANT] + c[ConcordanceKernel.TIED_RISK];
        double somer = (c[ConcordanceKernel.CONCORDANT] - c[ConcordanceKernel.DISCORDANT]) / npair;
        double var = k.variance(d.cluster, d.clusterCount);
        // reverse = TRUE: concordant and discordant swap, C becomes 1 - C
        return new double[] {1 - (somer + 1) / 2, Math.sqrt(var), c[ConcordanceKernel.DISCORDANT],
            c[ConcordanceKernel.CONCORDANT], c[ConcordanceKernel.TIED_RISK]};
    }

    private double[] sortedLinearPredictor() {
        int p = d.p;
        double[] lp = new double[d.n];
        for (int k = 0; k < d.n; k++) {
            double e = 0;
            for (int j = 0; j < p; j++) {
                e += betaScaled[j] * d.x[k * p + j];
            }
            lp[k] = e;
        }
        return lp;
    }

    // ---------------------------------------------------------------- metadata

    /** Tie handling of the fit. */
    public TieMethod tieMethod() {
        return ties;
    }

    /** True when the reported variance is the robust (sandwich) one. */
    public boolean isRobust() {
        return robust;
    }

    /** Confidence level of the hazard-ratio intervals. */
    public double confidenceLevel() {
        return confLevel;
    }

    /** Rows used (R {@code fit$n}; with {@code tt()} terms the rows before the expansion at event times). */
    public int size() {
        return d.subjects;
    }

    /** Number of event rows (R {@code fit$nevent}; unweighted also with case weights). */
    public int events() {
        return d.events;
    }

    /** Rows of the source left out for missing values. */
    public int omittedRows() {
        return d.omitted;
    }

    /** Newton-Raphson iterations used (R {@code fit$iter}). */
    public int iterations() {
        return iterations;
    }

    /** True when the log-likelihood converged within the iteration limit. */
    public boolean converged() {
        return converged;
    }

    /** Warnings a user can act on: non-convergence, infinite or redundant coefficients, variance choices. */
    public List<String> warnings() {
        return warnings;
    }

    /** Model columns whose coefficient may be infinite (monotone likelihood, R's "Loglik converged before variable"). */
    public List<String> possiblyInfinite() {
        return infinite;
    }

    /**
     * The terms the model was fitted with (R {@code fit$terms}), to resolve against new data:
     * {@code ModelFrame.of(newData, fit.formula())} gives design columns named as {@link #terms()}.
     */
    public io.survkit.data.Terms formula() {
        return d.formula;
    }

    /** Name of the strata column, or null. */
    public String strataColumn() {
        return d.strataName;
    }

    /** Number of clusters (levels of the cluster column), 0 without one. */
    public int clusterCount() {
        return d.cluster == null ? 0 : d.clusterCount;
    }

    // ---------------------------------------------------------------- coefficients

    /** Coefficient names: the model-matrix columns (R {@code names(coef(fit))}), e.g. {@code celltypeadeno}, {@code a:b}. */
    public List<String> terms() {
        return List.of(d.columnNames);
    }

    /** Number of coefficients. */
    public int coefficientCount() {
        return d.p;
    }

    /** Model terms: one per covariate (a factor is one term) and per interaction, e.g. {@code celltype}, {@code a:b}. */
    public List<String> modelTerms() {
        return List.of(d.termNames);
    }

    /** Indices into {@link #terms()} of the columns of model term t. */
    public int[] modelTermColumns(int t) {
        return d.termColumns[t].clone();
    }

    /** Coefficients beta (log hazard ratios); NaN for a redundant column. */
    public double[] coefficients() {
        return coef.clone();
    }

    /** Model-based standard errors {@code sqrt(diag(I^-1))} (R {@code se(coef)}). */
    public double[] standardErrors() {
        return sqrtDiag(naiveVar);
    }

    /** Robust standard errors {@code sqrt(diag(D'D))} (R {@code robust se}), or null when not robust. */
    public double[] robustStandardErrors() {
        return robust ? sqrtDiag(var) : null;
    }

    /** The standard errors used for intervals, z and p: robust when robust, else model-based. */
    public double[] reportedStandardErrors() {
        return sqrtDiag(var);
    }

    private double[] sqrtDiag(double[] v) {
        int p = d.p;
        double[] se = new double[p];
        for (int j = 0; j < p; j++) {
            // R: an aliased coefficient is NA with se(coef) 0 (its row and column of var are 0)
            se[j] = Double.isNaN(coef[j]) ? 0 : Math.sqrt(v[j * p + j]);
        }
        return se;
    }

    /** Hazard ratios {@code exp(coef)}. */
    public double[] hazardRatios() {
        double[] r = new double[d.p];
        for (int j = 0; j < r.length; j++) {
            r[j] = Math.exp(coef[j]);
        }
        return r;
    }

    /** Lower confidence limits of the hazard ratios: {@code exp(coef - z se)}, z = qnorm((1 + level)/2). */
    public double[] hazardRatioLower() {
        return ci(-1);
    }

    /** Upper confidence limits of the hazard ratios: {@code exp(coef + z se)}. */
    public double[] hazardRatioUpper() {
        return ci(1);
    }

    private double[] ci(int sign) {
        double z = Probabilities.normalQuantile((1 + confLevel) / 2);
        double[] se = reportedStandardErrors();
        double[] r = new double[d.p];
        for (int j = 0; j < r.length; j++) {
            r[j] = Math.exp(coef[j] + sign * z * se[j]);
        }
        return r;
    }

    /** Wald z statistics {@code coef / se} (robust se when robust). */
    public double[] zStatistics() {
        double[] se = reportedStandardErrors();
        double[] z = new double[d.p];
        for (int j = 0; j < z.length; j++) {
            z[j] = coef[j] / se[j];
        }
        return z;
    }

    /** Two-sided p-values of the z statistics. */
    public double[] pValues() {
        double[] z = zStatistics();
        double[] pv = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            pv[j] = Probabilities.twoSidedNormal(z[j]);
        }
        return pv;
    }

    /** Means R centres the covariates at (R {@code fit$means}; 0 for columns with values in {-1, 0, 1}). */
    public double[] means() {
        return d.means.clone();
    }

    /** The reported variance matrix (R {@code fit$var}): robust when robust, else the inverse information. */
    public double[][] variance() {
        return matrix(var);
    }

    /** The model-based variance, the inverse of the information matrix (R {@code fit$naive.var} when robust). */
    public double[][] naiveVariance() {
        return matrix(naiveVar);
    }

    /** Score vector at the estimate (R's {@code u}), ~0 at convergence. */
    public double[] score() {
        return u.clone();
    }

    private double[][] matrix(double[] v) {
        int p = d.p;
        double[][] m = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                m[i][j] = Double.isNaN(coef[i]) || Double.isNaN(coef[j]) ? 0 : v[i * p + j]; // R's fit$var
            }
        }
        return m;
    }

    // ---------------------------------------------------------------- likelihood and tests

    /** Log partial likelihood at beta = 0 (R {@code fit$loglik[1]}). */
    public double logLikelihoodNull() {
        return loglikNull;
    }

    /** Log partial likelihood at the estimate (R {@code fit$loglik[2]}). */
    public double logLikelihood() {
        return loglik;
    }

    /** Likelihood-ratio test {@code 2 (loglik - loglikNull)}. */
    public ChiSquareTest likelihoodRatioTest() {
        return lrt;
    }

    /** Wald test {@code beta' V^-1 beta} with the reported variance (robust when robust; R {@code fit$wald.test}). */
    public ChiSquareTest waldTest() {
        return wald;
    }

    /** Score test at beta = 0: the robust one (R {@code fit$rscore}) when robust, else the model-based one. */
    public ChiSquareTest scoreTest() {
        return score;
    }

    /** Model-based score (log-rank) test at beta = 0 (R {@code fit$score}), robust or not. */
    public ChiSquareTest modelScoreTest() {
        return naiveScoreTest;
    }

    /** Robust score test (R {@code fit$rscore}), or null when not robust. */
    public ChiSquareTest robustScoreTest() {
        return robustScore;
    }

    // ---------------------------------------------------------------- concordance

    /** Harrell's concordance of the linear predictor (R {@code fit$concordance["concordance"]}). */
    public double concordance() {
        return concordance[0];
    }

    /** Its standard error (R {@code fit$concordance["std"]}; clustered with a cluster column). */
    public double concordanceStandardError() {
        return concordance[1];
    }

    /** Weighted count of concordant pairs (the event row has the larger risk score). */
    public double concordantPairs() {
        return concordance[2];
    }

    /** Weighted count of discordant pairs. */
    public double discordantPairs() {
        return concordance[3];
    }

    /** Weighted count of comparable pairs tied on the risk score. */
    public double tiedRiskPairs() {
        return concordance[4];
    }

    // ---------------------------------------------------------------- linear predictor and residuals

    /** Linear predictor per data row, {@code x'beta - means'beta} (R {@code fit$linear.predictors}). */
    public double[] linearPredictors() {
        double[] lp = sortedLinearPredictor();
        double[] out = new double[d.n];
        for (int k = 0; k < d.n; k++) {
            out[d.order[k]] = lp[k];
        }
        return out;
    }

    private CoxRiskSets riskSets() {
        return CoxRiskSets.of(d, betaScaled, ties == TieMethod.EFRON);
    }

    /** Martingale residuals per data row (R {@code residuals(fit, "martingale")}). */
    public double[] martingaleResiduals() {
        double[] m = CoxResiduals.martingale(d, riskSets());
        double[] out = new double[d.n];
        for (int k = 0; k < d.n; k++) {
            out[d.order[k]] = m[k];
        }
        return out;
    }

    /** Deviance residuals {@code sign(m) sqrt(-2 (m + delta log(delta - m)))} per data row. */
    public double[] devianceResiduals() {
        double[] m = CoxResiduals.martingale(d, riskSets());
        double[] out = new double[d.n];
        for (int k = 0; k < d.n; k++) {
            double mk = m[k];
            double dev = d.event[k] ? mk + Math.log(1 - mk) : mk;
            out[d.order[k]] = Math.signum(mk) * Math.sqrt(-2 * dev);
        }
        return out;
    }

    /** Score residuals per data row and coefficient (R {@code residuals(fit, "score")}, unweighted). */
    public double[][] scoreResiduals() {
        int p = d.p;
        double[] s = CoxResiduals.score(d, riskSets());
        double[][] out = new double[d.n][p];
        for (int k = 0; k < d.n; k++) {
            double[] row = out[d.order[k]];
            for (int j = 0; j < p; j++) {
                row[j] = s[k * p + j] / d.scale[j];
            }
        }
        return out;
    }

    /** Approximate change in the coefficients when each row is left out: {@code w * score residual %*% naive var} (R "dfbeta"). */
    public double[][] dfbeta() {
        int p = d.p;
        double[] s = CoxResiduals.score(d, riskSets());
        double[][] out = new double[d.n][p];
        for (int k = 0; k < d.n; k++) {
            double w = d.weight[k];
            double[] row = out[d.order[k]];
            for (int j = 0; j < p; j++) {
                double v = 0;
                for (int i = 0; i < p; i++) {
                    v += s[k * p + i] / d.scale[i] * naiveVar[i * p + j];
                }
                row[j] = w * v;
            }
        }
        return out;
    }

    /**
     * Schoenfeld residuals, one row per event (R {@code residuals(fit, "schoenfeld")}): the event's
     * covariates minus the risk-weighted mean of the risk set (Efron: the mean of the tied events'
     * means). Rows are ordered by stratum, time, then data row; see {@link #schoenfeldTimes()} and
     * {@link #schoenfeldRows()}.
     */
    public double[][] schoenfeldResiduals() {
        int p = d.p;
        CoxRiskSets rs = riskSets();
        int[] exit = rs.blockAtExit(d);
        double[][] out = new double[d.events][];
        int e = 0;
        for (int k = 0; k < d.n; k++) {
            if (!d.event[k]) {
                continue;
            }
            double[] row = new double[p];
            int b = exit[k];
            for (int j = 0; j < p; j++) {
                row[j] = (d.x[k * p + j] - rs.meanOfMeans[b * p + j]) / d.scale[j];
            }
            out[e++] = row;
        }
        return out;
    }

    /**
     * Scaled Schoenfeld residuals (R {@code residuals(fit, "scaledsch")}): {@code r V events + beta},
     * V the model-based variance (Grambsch and Therneau 1994).
     */
    public double[][] scaledSchoenfeldResiduals() {
        int p = d.p;
        double[][] r = schoenfeldResiduals();
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

    /** Event time of each Schoenfeld residual row. */
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

    /** Data row (0-based index into the data) of each Schoenfeld residual row. */
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

    // ---------------------------------------------------------------- curves

    /** Baseline cumulative hazard at covariates 0 (R {@code basehaz(fit, centered = FALSE)}). */
    public BaselineHazard baselineHazard() {
        PredictedSurvival s = predictCurve(new double[d.p], false);
        return new BaselineHazard(s.strata() == null ? null : s.strata().toArray(new String[0]), s.times(),
                s.cumulativeHazards());
    }

    /**
     * Baseline cumulative hazard at the covariates' means (R {@code basehaz(fit, centered = TRUE)},
     * the hazard of {@code survfit(fit)}): the means are R's {@code fit$means}, 0 for a 0/1 column
     * (R does not centre those), so it equals {@link #baselineHazard()} times exp(sum of mean x beta).
     *
     * @return one cumulative hazard per distinct time (and stratum)
     */
    public BaselineHazard centeredBaselineHazard() {
        PredictedSurvival s = predictCurve(d.means.clone(), false);
        return new BaselineHazard(s.strata() == null ? null : s.strata().toArray(new String[0]), s.times(),
                s.cumulativeHazards());
    }

    /**
     * Predicted survival for one covariate vector given as a model-matrix row aligned with
     * {@link #terms()} (see {@link #modelRow(Map)}), one curve per stratum.
     */
    public PredictedSurvival predict(double... modelRow) {
        Check.notNull("model row", modelRow);
        if (modelRow.length != d.p) {
            throw Check.fail("a model row needs %d values (%s), got %d", d.p, terms(), modelRow.length);
        }
        for (int j = 0; j < d.p; j++) {
            Check.finite("value of " + d.columnNames[j], modelRow[j]);
        }
        return predictCurve(modelRow, true);
    }

    /**
     * The model-matrix row for covariate values given by column name: numbers for numeric
     * covariates, level labels for factors (the reference level gives all-zero dummies);
     * interaction columns are the products. Every covariate must be given.
     */
    public double[] modelRow(Map<String, String> values) {
        Check.notNull("covariate values", values);
        Map<String, double[]> cols = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : covariates.entrySet()) {
            String name = e.getKey();
            List<String> levels = e.getValue();
            String v = values.get(name);
            if (v == null) {
                throw Check.fail("no value given for covariate '%s'; give all of %s", name, covariates.keySet());
            }
            double[] row = new double[levels == null ? 1 : levels.size() - 1];
            if (levels != null) {
                int code = levels.indexOf(v.strip());
                if (code < 0) {
                    throw Check.fail("covariate '%s': level '%s' is not one of %s", name, v, levels);
                }
                if (code > 0) {
                    row[code - 1] = 1;
                }
            } else {
                try {
                    row[0] = Double.parseDouble(v.strip());
                } catch (NumberFormatException ex) {
                    throw Check.fail("covariate '%s': value '%s' is not a number", name, v);
                }
            }
            cols.put(name, row);
        }
        for (String key : values.keySet()) {
            if (!covariates.containsKey(key)) {
                throw Check.fail("'%s' is not a covariate of the model; covariates are %s", key, covariates.keySet());
            }
        }
        double[] out = new double[d.p];
        int j = 0;
        for (double[] row : cols.values()) {
            for (double v : row) {
                out[j++] = v;
            }
        }
        for (int t = cols.size(); t < d.termNames.length; t++) {
            String[] ab = d.termNames[t].split(":", 2);
            double[] ra = cols.get(ab[0]);
            double[] rb = cols.get(ab[1]);
            for (double vb : rb) {
                for (double va : ra) {
                    out[j++] = va * vb;
                }
            }
        }
        return out;
    }

    private PredictedSurvival predictCurve(double[] z, boolean withSe) {
        int p = d.p;
        CoxRiskSets rs = riskSets();
        // risk of z relative to the centring: exp(beta'(z - means))
        double eta = 0;
        double[] zc = new double[p];
        for (int j = 0; j < p; j++) {
            zc[j] = z[j] - d.means[j];
            if (!Double.isNaN(coef[j])) {
                eta += coef[j] * zc[j];
            }
        }
        double risk = Math.exp(eta);
        int rows = 0;
        for (int s = 0; s < d.strataCount(); s++) {
            double last = Double.NaN;
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                if (d.time[k] != last) {
                    rows++;
                    last = d.time[k];
                }
            }
        }
        double[] time = new double[rows];
        double[] ch = new double[rows];
        double[] se = new double[rows];
        String[] strata = d.strataLevels.isEmpty() ? null : new String[rows];
        double[] xbar = new double[p];
        double[] dt = new double[p];
        int r = 0;
        for (int s = 0; s < d.strataCount(); s++) {
            int b = rs.strataBlockStart[s] - 1;
            int end = rs.strataBlockStart[s + 1];
            double cum = 0;
            double cum2 = 0;
            Arrays.fill(xbar, 0);
            double last = Double.NaN;
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                double t = d.time[k];
                if (t == last) {
                    continue;
                }
                last = t;
                while (b + 1 < end && rs.time[b + 1] <= t) {
                    b++;
                    cum += rs.hazard[b];
                    cum2 += rs.hazard2[b];
                    for (int j = 0; j < p; j++) {
                        xbar[j] += rs.xbarInc[b * p + j] / d.scale[j];
                    }
                }
                time[r] = t;
                ch[r] = cum * risk;
                if (strata != null) {
                    strata[r] = d.strataLevels.get(s);
                }
                if (withSe) {
                    for (int j = 0; j < p; j++) {
                        dt[j] = Double.isNaN(coef[j]) ? 0 : cum * zc[j] - xbar[j];
                    }
                    double q = 0;
                    for (int i = 0; i < p; i++) {
                        for (int j = 0; j < p; j++) {
                            q += dt[i] * var[i * p + j] * dt[j];
                        }
                    }
                    se[r] = Math.sqrt((cum2 + q) * risk * risk);
                }
                r++;
            }
        }
        return new PredictedSurvival(strata, time, ch, se, confLevel);
    }

    // ---------------------------------------------------------------- internals for the PH test

    CoxDesign design() {
        return d;
    }

    double[] betaScaled() {
        return betaScaled.clone();
    }

    // ---------------------------------------------------------------- printing

    /** A summary like R's {@code print(summary(coxph(...)))}. */
    @Override
    public String toString() {
        int p = d.p;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  n= %d, number of events= %d %n", d.subjects, d.events));
        if (d.omitted > 0) {
            sb.append(String.format(Locale.ROOT, "   (%d observation%s deleted due to missingness)%n", d.omitted,
                    d.omitted == 1 ? "" : "s"));
        }
        sb.append('\n');
        double[] se = standardErrors();
        double[] rse = robustStandardErrors();
        double[] hr = hazardRatios();
        double[] z = zStatistics();
        double[] pv = pValues();
        int dec = RFormat.decimals(4, 8, coef, se, rse);
        int hdec = RFormat.decimals(4, 8, hr);
        int pdec = 0;
        for (double v : pv) {
            if (v >= 1e-4) {
                pdec = Math.max(pdec, RFormat.decimalsFor(v, 3));
            }
        }
        String[][] cells = new String[p + 1][];
        cells[0] = robust ? new String[] {"", "coef", "exp(coef)", "se(coef)", "robust se", "z", "Pr(>|z|)", ""}
                : new String[] {"", "coef", "exp(coef)", "se(coef)", "z", "Pr(>|z|)", ""};
        for (int j = 0; j < p; j++) {
            List<String> row = new ArrayList<>();
            row.add(d.columnNames[j]);
            row.add(RFormat.fixed(coef[j], dec));
            row.add(RFormat.fixed(hr[j], hdec));
            row.add(RFormat.fixed(se[j], dec));
            if (robust) {
                row.add(RFormat.fixed(rse[j], dec));
            }
            row.add(RFormat.fixed(z[j], 3));
            row.add(RFormat.pvalue(pv[j], pdec));
            row.add(RFormat.stars(pv[j]));
            cells[j + 1] = row.toArray(new String[0]);
        }
        table(sb, cells, true);
        sb.append("---\nSignif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n\n");
        double[] lo = hazardRatioLower();
        double[] hi = hazardRatioUpper();
        double[] inv = new double[p];
        for (int j = 0; j < p; j++) {
            inv[j] = 1 / hr[j];
        }
        int cdec = RFormat.decimals(4, 8, hr, inv, lo, hi);
        String lvl = RFormat.signif(confLevel, 2).replaceFirst("^0", "");
        String[][] ci = new String[p + 1][];
        ci[0] = new String[] {"", "exp(coef)", "exp(-coef)", "lower " + lvl, "upper " + lvl};
        for (int j = 0; j < p; j++) {
            ci[j + 1] = new String[] {d.columnNames[j], RFormat.fixed(hr[j], cdec), RFormat.fixed(inv[j], cdec),
                RFormat.fixed(lo[j], cdec), RFormat.fixed(hi[j], cdec)};
        }
        table(sb, ci, false);
        sb.append('\n');
        sb.append("Concordance= ").append(RFormat.signif(round(concordance(), 3), 7)).append("  (se = ")
                .append(RFormat.signif(round(concordanceStandardError(), 3), 7)).append(" )\n");
        sb.append(testLine("Likelihood ratio test= ", lrt));
        sb.append(testLine("Wald test            = ", wald));
        sb.append(testLine("Score (logrank) test = ", naiveScoreTest));
        if (robust) {
            sb.setLength(sb.length() - 1);
            sb.append(",   Robust = ").append(RFormat.signif(round(robustScore.statistic(), 2), 7)).append("  p=")
                    .append(RFormat.signif(robustScore.pValue(), 1)).append('\n');
        }
        if (robust && d.cluster != null) {
            sb.append("\n  (Note: the likelihood ratio and score tests assume independence of\n"
                    + "     observations within a cluster, the Wald and robust score tests do not).\n");
        }
        if (!warnings.isEmpty()) {
            sb.append('\n');
            for (String wn : warnings) {
                sb.append("Warning: ").append(wn).append('\n');
            }
        }
        return sb.toString();
    }

    private static String testLine(String label, ChiSquareTest t) {
        return label + RFormat.signif(round(t.statistic(), 2), 7) + "  on " + t.degreesOfFreedom() + " df,   p="
                + RFormat.signif(t.pValue(), 1) + "\n";
    }

    private static double round(double v, int dec) {
        return Double.isFinite(v) ? new java.math.BigDecimal(v).setScale(dec, java.math.RoundingMode.HALF_EVEN)
                .doubleValue() : v;
    }

    /** Left-aligned first column, right-aligned others, one space apart. */
    private static void table(StringBuilder sb, String[][] cells, boolean lastLeft) {
        int cols = cells[0].length;
        int[] w = new int[cols];
        for (String[] row : cells) {
            for (int c = 0; c < cols; c++) {
                w[c] = Math.max(w[c], row[c].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder(RFormat.padRight(row[0], w[0]));
            for (int c = 1; c < cols; c++) {
                line.append(' ');
                line.append(c == cols - 1 && lastLeft ? RFormat.padRight(row[c], w[c]) : RFormat.pad(row[c], w[c]));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }

    @Override
    public void writeJson(Appendable out) {
        Exports.cox(this, new JsonWriter(out));
    }

    @Override
    public Table table() {
        return Exports.coxTable(this);
    }


    /** The initial coefficients (R {@code init}) in the design's scaled coordinates, 0 without them. */
    private static double[] initialScaled(CoxRegression config, CoxDesign d) {
        double[] r = new double[d.p];
        double[] init = config.initialCoefficients().orElse(null);
        for (int i = 0; init != null && i < d.p; i++) {
            r[i] = init[i] / d.scale[i];
        }
        return r;
    }

    /** {@code b - init} (R's Wald test is against the initial values), {@code b} without them. */
    private static double[] minusInitial(double[] b, CoxRegression config) {
        double[] init = config.initialCoefficients().orElse(null);
        if (init == null) {
            return b;
        }
        double[] r = b.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] -= init[i];
        }
        return r;
    }
}
