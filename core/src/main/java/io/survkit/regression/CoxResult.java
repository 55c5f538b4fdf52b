package io.survkit.regression;

import io.survkit.internal.JsonWriter;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted Cox proportional hazards model (R {@code coxph} and {@code summary(coxph)}): a plain
 * immutable value holding the numbers {@link CoxRegression} computed. Arrays returned are copies.
 * Coefficients are indexed like {@link #terms()} (R {@code names(coef(fit))}); a coefficient R
 * would report as {@code NA} (a redundant column) is NaN here, with a warning.
 *
 * <p>Standard errors: {@link #standardErrors()} is always the model-based one (R {@code se(coef)});
 * {@link #robustStandardErrors()} the sandwich one when {@link #isRobust()}. Hazard-ratio intervals,
 * z, p and the Wald test use the robust variance when the fit is robust, as R.
 *
 * <p>Residuals are in {@link #residuals()} (R {@code residuals.coxph}), baseline hazards and
 * predictions in {@link #prediction()} (R {@code basehaz}, {@code survfit.coxph},
 * {@code predict.coxph}).
 *
 * <pre>{@code
 * CoxResult fit = CoxRegression.withDefaults().fit(lung, "age + sex");
 * fit.terms();                 // [age, sex]
 * fit.hazardRatios();          // exp(coef)
 * fit.likelihoodRatioTest().pValue();
 * fit.concordance();           // Harrell's C
 * fit.residuals().martingale();
 * fit.prediction().baselineHazard();   // basehaz(fit, centered = FALSE)
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
    /** The coefficient table: core's one implementation of se, hazard ratios, intervals, z and p. */
    private final CoxCoefficients table;
    private final double[] u;
    private final double[] linearPredictors;
    private final double loglikNull;
    private final double loglik;
    private final ChiSquareTest lrt;
    private final ChiSquareTest wald;
    private final ChiSquareTest modelScore;
    private final ChiSquareTest robustScore;
    private final CoxConcordance concordance;
    private final int iterations;
    private final boolean converged;
    private final List<String> warnings;
    private final List<String> infinite;
    /** Covariate name -> factor levels (reference first), or null for numeric. */
    private final Map<String, List<String>> covariates;

    /** The finished numbers of a fit, filled by {@link CoxRegression} (and fitters plugged into it). */
    static final class Builder {
        CoxDesign design;
        TieMethod ties;
        double confLevel;
        boolean robust;
        /** Coefficients in the design's scaled coordinates (0 for a redundant column). */
        double[] betaScaled;
        /** Coefficients in the original coordinates (NaN for a redundant column). */
        double[] coef;
        double[] naiveVar;
        double[] var;
        double[] score;
        /** Linear predictor per data row (data order), centred at the means. */
        double[] linearPredictors;
        double loglikNull;
        double loglik;
        ChiSquareTest lrt;
        ChiSquareTest wald;
        ChiSquareTest modelScore;
        /** Null unless robust. */
        ChiSquareTest robustScore;
        CoxConcordance concordance;
        int iterations;
        boolean converged;
        List<String> warnings;
        List<String> infinite;
        Map<String, List<String>> covariates;

        CoxResult build() {
            return new CoxResult(this);
        }
    }

    private CoxResult(Builder b) {
        this.d = b.design;
        this.ties = b.ties;
        this.confLevel = b.confLevel;
        this.robust = b.robust;
        this.betaScaled = b.betaScaled;
        this.coef = b.coef;
        this.naiveVar = b.naiveVar;
        this.var = b.var;
        this.table = CoxCoefficients.of(b.coef, b.naiveVar, b.robust ? b.var : null, b.confLevel);
        this.u = b.score;
        this.linearPredictors = b.linearPredictors;
        this.loglikNull = b.loglikNull;
        this.loglik = b.loglik;
        this.lrt = b.lrt;
        this.wald = b.wald;
        this.modelScore = b.modelScore;
        this.robustScore = b.robustScore;
        this.concordance = b.concordance;
        this.iterations = b.iterations;
        this.converged = b.converged;
        this.warnings = List.copyOf(b.warnings);
        this.infinite = List.copyOf(b.infinite);
        this.covariates = b.covariates;
    }

    // ---------------------------------------------------------------- metadata

    /** {@return tie handling of the fit} */
    public TieMethod tieMethod() {
        return ties;
    }

    /** {@return true when the reported variance is the robust (sandwich) one} */
    public boolean isRobust() {
        return robust;
    }

    /** {@return confidence level of the hazard-ratio intervals} */
    public double confidenceLevel() {
        return confLevel;
    }

    /** {@return rows used (R {@code fit$n}; with {@code tt()} terms the rows before the expansion at event times)} */
    public int size() {
        return d.subjects;
    }

    /** {@return number of event rows (R {@code fit$nevent}; unweighted also with case weights)} */
    public int events() {
        return d.events;
    }

    /** {@return rows of the source left out for missing values} */
    public int omittedRows() {
        return d.omitted;
    }

    /** {@return Newton-Raphson iterations used (R {@code fit$iter})} */
    public int iterations() {
        return iterations;
    }

    /** {@return true when the log-likelihood converged within the iteration limit} */
    public boolean converged() {
        return converged;
    }

    /** {@return warnings a user can act on: non-convergence, infinite or redundant coefficients, variance choices} */
    public List<String> warnings() {
        return warnings;
    }

    /** {@return model columns whose coefficient may be infinite (monotone likelihood, R's "Loglik converged before variable")} */
    public List<String> possiblyInfinite() {
        return infinite;
    }

    /**
     * The terms the model was fitted with (R {@code fit$terms}), to resolve against new data:
     * {@code ModelFrame.of(newData, fit.formula())} gives design columns named as {@link #terms()}.
     *
     * @return the terms the model was fitted with (R {@code fit$terms}), to resolve against new data: {@code ModelFrame.of(newData, fit.formula())} gives design columns named as {@link #terms()}
     */
    public io.survkit.data.Terms formula() {
        return d.formula;
    }

    /** {@return name of the strata column, empty without strata} */
    public Optional<String> strataColumn() {
        return Optional.ofNullable(d.strataName);
    }

    /** {@return number of clusters (levels of the cluster column), 0 without one} */
    public int clusterCount() {
        return d.cluster == null ? 0 : d.clusterCount;
    }

    // ---------------------------------------------------------------- coefficients

    /** {@return coefficient names: the model-matrix columns (R {@code names(coef(fit))}), e.g} {@code celltypeadeno}, {@code a:b}. */
    public List<String> terms() {
        return List.of(d.columnNames);
    }

    /** {@return number of coefficients} */
    public int coefficientCount() {
        return d.p;
    }

    /** {@return model terms: one per covariate (a factor is one term) and per interaction, e.g} {@code celltype}, {@code a:b}. */
    public List<String> modelTerms() {
        return List.of(d.termNames);
    }

    /**
     * Indices into {@link #terms()} of the columns of model term t.
     *
     * @param t the time
     * @return indices into {@link #terms()} of the columns of model term t
     */
    public int[] modelTermColumns(int t) {
        return d.termColumns[t].clone();
    }

    /** {@return coefficients beta (log hazard ratios); NaN for a redundant column} */
    public double[] coefficients() {
        return coef.clone();
    }

    /** {@return Model-based standard errors {@code sqrt(diag(I^-1))} (R {@code se(coef)})} */
    public double[] standardErrors() {
        return table.standardErrors();
    }

    /** {@return robust standard errors {@code sqrt(diag(D'D))} (R {@code robust se}), empty when not robust} */
    public Optional<double[]> robustStandardErrors() {
        return table.robustStandardErrors();
    }

    /** {@return the standard errors used for intervals, z and p: robust when robust, else model-based} */
    public double[] reportedStandardErrors() {
        return table.reportedStandardErrors();
    }

    /** {@return hazard ratios {@code exp(coef)}} */
    public double[] hazardRatios() {
        return table.hazardRatios();
    }

    /** {@return lower confidence limits of the hazard ratios: {@code exp(coef - z se)}, z = qnorm((1 + level)/2)} */
    public double[] hazardRatioLower() {
        return table.hazardRatioLower();
    }

    /** {@return upper confidence limits of the hazard ratios: {@code exp(coef + z se)}} */
    public double[] hazardRatioUpper() {
        return table.hazardRatioUpper();
    }

    /** {@return wald z statistics {@code coef / se} (robust se when robust)} */
    public double[] zStatistics() {
        return table.zStatistics();
    }

    /** {@return Two-sided p-values of the z statistics} */
    public double[] pValues() {
        return table.pValues();
    }

    /** The coefficient table (standard errors, hazard ratios and intervals, z, p) as one value. */
    public CoxCoefficients coefficientTable() {
        return table;
    }

    /** {@return means R centres the covariates at (R {@code fit$means}; 0 for columns with values in {-1, 0, 1})} */
    public double[] means() {
        return d.means.clone();
    }

    /** {@return the reported variance matrix (R {@code fit$var}): robust when robust, else the inverse information} */
    public double[][] variance() {
        return matrix(var);
    }

    /** {@return the model-based variance, the inverse of the information matrix (R {@code fit$naive.var} when robust)} */
    public double[][] naiveVariance() {
        return matrix(naiveVar);
    }

    /** {@return score vector at the estimate (R's {@code u}), ~0 at convergence} */
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

    /** {@return log partial likelihood at beta = 0 (R {@code fit$loglik[1]})} */
    public double logLikelihoodNull() {
        return loglikNull;
    }

    /** {@return log partial likelihood at the estimate (R {@code fit$loglik[2]})} */
    public double logLikelihood() {
        return loglik;
    }

    /** {@return Likelihood-ratio test {@code 2 (loglik - loglikNull)}} */
    public ChiSquareTest likelihoodRatioTest() {
        return lrt;
    }

    /** {@return wald test {@code beta' V^-1 beta} with the reported variance (robust when robust; R {@code fit$wald.test})} */
    public ChiSquareTest waldTest() {
        return wald;
    }

    /** {@return score test at beta = 0: the robust one (R {@code fit$rscore}) when robust, else the model-based one} */
    public ChiSquareTest scoreTest() {
        return robust ? robustScore : modelScore;
    }

    /** {@return Model-based score (log-rank) test at beta = 0 (R {@code fit$score}), robust or not} */
    public ChiSquareTest modelScoreTest() {
        return modelScore;
    }

    /** {@return robust score test (R {@code fit$rscore}), empty when not robust} */
    public Optional<ChiSquareTest> robustScoreTest() {
        return Optional.ofNullable(robustScore);
    }

    // ---------------------------------------------------------------- concordance

    /** {@return Harrell's concordance with its standard error and pair counts (R {@code fit$concordance})} */
    public CoxConcordance concordanceEstimate() {
        return concordance;
    }

    /** {@return Harrell's concordance of the linear predictor (R {@code fit$concordance["concordance"]})} */
    public double concordance() {
        return concordance.value();
    }

    /** {@return its standard error (R {@code fit$concordance["std"]}; clustered with a cluster column)} */
    public double concordanceStandardError() {
        return concordance.standardError();
    }

    // ---------------------------------------------------------------- linear predictor, residuals, prediction

    /** {@return linear predictor per data row, {@code x'beta - means'beta} (R {@code fit$linear.predictors})} */
    public double[] linearPredictors() {
        return linearPredictors.clone();
    }

    /**
     * The residuals of this fit (R {@code residuals.coxph}): martingale, deviance, score,
     * Schoenfeld, scaled Schoenfeld, dfbeta and dfbetas.
     *
     * @return the residuals
     */
    public CoxResiduals residuals() {
        return CoxResiduals.of(this);
    }

    /**
     * Baseline hazards, predicted survival curves and predictions for new data (R {@code basehaz},
     * {@code survfit.coxph}, {@code predict.coxph}).
     *
     * @return the predictions
     */
    public CoxPrediction prediction() {
        return CoxPrediction.of(this);
    }

    // ---------------------------------------------------------------- package internals

    CoxDesign design() {
        return d;
    }

    double[] betaScaled() {
        return betaScaled.clone();
    }

    /** The reported variance, p x p row-major, without copying (robust when robust). */
    double[] varianceMatrix() {
        return var;
    }

    /** The model-based variance, p x p row-major, without copying. */
    double[] naiveVarianceMatrix() {
        return naiveVar;
    }

    /** Coefficients without copying (NaN for a redundant column). */
    double[] coefficientArray() {
        return coef;
    }

    /** Covariate name -> factor levels (reference first), or null for a numeric covariate. */
    Map<String, List<String>> covariateLevels() {
        return covariates;
    }

    // ---------------------------------------------------------------- export

    /** A summary like R's {@code print(summary(coxph(...)))}. */
    @Override
    public String toString() {
        return CoxPrinter.print(this);
    }

    @Override
    public void writeJson(Appendable out) {
        Exports.cox(this, new JsonWriter(out));
    }

    @Override
    public Table table() {
        return Exports.coxTable(this);
    }
}
