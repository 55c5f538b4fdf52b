package io.survkit.parametric;

import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.Probabilities;
import io.survkit.regression.ChiSquareTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted parametric survival model (R {@code survreg} object and {@code summary}): coefficients
 * b on the g(time) scale with standard errors, z, p and confidence intervals, time ratios exp(b)
 * for the log-time distributions, the scale(s) sigma and their logs, the variance of
 * {@code (b, log sigma_1, ..., log sigma_k)}, log-likelihoods, the likelihood-ratio test against the
 * intercept-only model, AIC and BIC, and {@link #predict predictions} for new subjects.
 * Immutable; arrays returned are copies.
 *
 * <pre>{@code
 * ParametricResult fit = ParametricRegression.withDefaults().fit(lung);
 * ParametricPrediction p = fit.predict(Map.of("age", 60, "sex", 1));
 * double median = p.quantile(0.5).time();
 * }</pre>
 */
public final class ParametricResult implements io.survkit.table.Exportable {
    private final Distribution distribution;
    private final double confLevel;
    private final List<String> terms;
    private final double[] coef;
    private final int nvar;
    private final int nparam;
    /** Model-based variance of all parameters, row-major nparam x nparam. */
    private final double[] naiveVar;
    /** Robust variance, or null. */
    private final double[] robustVar;
    private final double[] scale;
    private final List<String> scaleNames;
    private final double loglik;
    private final double loglikNull;
    private final int iterations;
    private final boolean converged;
    private final int n;
    private final int events;
    private final int omitted;
    private final double[] linearPredictors;
    private final List<ModelFrame.TermSpan> spans;
    private final List<String> warnings;

    ParametricResult(ParametricRegression procedure, AftDesign d, AftFitter.Estimate e, double[] robustVar) {
        this.distribution = procedure.distribution();
        this.confLevel = procedure.confidenceLevel();
        this.terms = d.columnNames;
        this.nvar = d.nvar;
        this.nparam = e.nparam();
        this.coef = java.util.Arrays.copyOf(e.beta(), nvar);
        this.naiveVar = e.variance();
        this.robustVar = robustVar;
        if (distribution.hasFixedScale()) {
            this.scale = new double[] {distribution.fixedScale()};
        } else {
            this.scale = new double[nparam - nvar];
            for (int s = 0; s < scale.length; s++) {
                scale[s] = Math.exp(e.beta()[nvar + s]);
            }
        }
        this.scaleNames = d.stratum == null ? List.of() : d.strataNames;
        this.loglik = e.logLikelihood();
        this.loglikNull = e.logLikelihoodNull();
        this.iterations = e.iterations();
        this.converged = e.converged();
        this.n = d.n;
        this.events = d.events;
        this.omitted = d.omitted;
        this.linearPredictors = e.linearPredictors();
        this.spans = d.spans;
        List<String> w = new ArrayList<>();
        if (!e.converged()) {
            w.add(Check.format("the Newton-Raphson did not converge in %d iterations (R: \"Ran out of iterations and"
                    + " did not converge\"); raise the limit with withMaxIterations or check the model", iterations));
        }
        this.warnings = List.copyOf(w);
    }

    /** {@return the distribution fitted} */
    public Distribution distribution() {
        return distribution;
    }

    /** {@return coefficient names, {@code (Intercept)} first (R {@code names(coef(fit))})} */
    public List<String> terms() {
        return terms;
    }

    /** {@return the coefficients b on the g(time) scale (R {@code coef(fit)})} */
    public double[] coefficients() {
        return coef.clone();
    }

    /** {@return Model-based standard errors of the coefficients (R's {@code Std} Error}, or {@code (Naive SE)} when robust). */
    public double[] standardErrors() {
        return diagonalRoots(naiveVar, nvar);
    }

    /** {@return robust standard errors of the coefficients when the robust variance is in use} */
    public Optional<double[]> robustStandardErrors() {
        return robustVar == null ? Optional.empty() : Optional.of(diagonalRoots(robustVar, nvar));
    }

    /** {@return true when the robust sandwich variance is the reported one} */
    public boolean isRobust() {
        return robustVar != null;
    }

    /** The standard errors the tests and intervals use: robust when robust, else model-based. */
    private double[] reportedSe() {
        return diagonalRoots(variance(), nvar);
    }

    /** {@return z = b / SE (SE robust when robust)} */
    public double[] zStatistics() {
        double[] se = reportedSe();
        double[] z = new double[nvar];
        for (int j = 0; j < nvar; j++) {
            z[j] = coef[j] / se[j];
        }
        return z;
    }

    /** {@return Two-sided normal p-values of {@link #zStatistics()}} */
    public double[] pValues() {
        double[] z = zStatistics();
        double[] p = new double[nvar];
        for (int j = 0; j < nvar; j++) {
            p[j] = Probabilities.twoSidedNormal(z[j]);
        }
        return p;
    }

    private double quantileZ() {
        return Probabilities.normalQuantile((1 + confLevel) / 2);
    }

    /** {@return lower confidence limits of the coefficients: b - z SE (R {@code confint(fit)})} */
    public double[] lower() {
        return limits(-1);
    }

    /** {@return upper confidence limits of the coefficients: b + z SE} */
    public double[] upper() {
        return limits(1);
    }

    private double[] limits(int sign) {
        double[] se = reportedSe();
        double q = quantileZ();
        double[] r = new double[nvar];
        for (int j = 0; j < nvar; j++) {
            r[j] = coef[j] + sign * q * se[j];
        }
        return r;
    }

    /**
     * Time ratios exp(b): the factor by which a unit of the covariate stretches survival time
     * (log-time distributions only).
     *
     * @return the time ratios exp(b): the factor by which a unit of the covariate stretches survival time (log-time distributions only)
     * @throws IllegalStateException for the Gaussian and logistic models (b is on the time scale)
     */
    public double[] timeRatios() {
        return exp(coef);
    }

    /** {@return exp of {@link #lower()}: lower limits of the time ratios} */
    public double[] timeRatioLower() {
        return exp(lower());
    }

    /** {@return exp of {@link #upper()}: upper limits of the time ratios} */
    public double[] timeRatioUpper() {
        return exp(upper());
    }

    private double[] exp(double[] v) {
        if (!distribution.isLogTime()) {
            throw new IllegalStateException("time ratios exp(b) apply to log-time models; the "
                    + distribution.optionName() + " model's coefficients are on the time scale");
        }
        double[] r = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            r[j] = Math.exp(v[j]);
        }
        return r;
    }

    /** {@return the scale(s) sigma, one per stratum in stratum order ({@code [1]} for the exponential)} */
    public double[] scales() {
        return scale.clone();
    }

    /** {@return stratum labels of the scales (R {@code names(fit$scale)}); empty without strata} */
    public List<String> scaleNames() {
        return scaleNames;
    }

    /** {@return log sigma per stratum; empty for the exponential (fixed scale)} */
    public double[] logScales() {
        double[] r = new double[nparam - nvar];
        for (int s = 0; s < r.length; s++) {
            r[s] = Math.log(scale[s]);
        }
        return r;
    }

    /** {@return standard errors of log sigma (robust when robust); empty for the exponential} */
    public double[] logScaleStandardErrors() {
        double[] v = variance();
        double[] r = new double[nparam - nvar];
        for (int s = 0; s < r.length; s++) {
            int j = nvar + s;
            r[s] = Math.sqrt(v[j * nparam + j]);
        }
        return r;
    }

    /** {@return number of estimated parameters: coefficients and scales (R {@code sum(fit$df)})} */
    public int parameterCount() {
        return nparam;
    }

    /** The reported variance (robust when robust), row-major, of (b, log sigma...). */
    double[] variance() {
        return robustVar != null ? robustVar : naiveVar;
    }

    /** {@return the variance matrix of (b, log sigma_1, ..., log sigma_k), robust when robust (R {@code fit$var})} */
    public double[][] varianceMatrix() {
        return matrix(variance());
    }

    /** {@return the model-based variance matrix (R {@code fit$naive.var} when robust, else {@code fit$var})} */
    public double[][] modelVarianceMatrix() {
        return matrix(naiveVar);
    }

    private double[][] matrix(double[] v) {
        double[][] m = new double[nparam][nparam];
        for (int i = 0; i < nparam; i++) {
            System.arraycopy(v, i * nparam, m[i], 0, nparam);
        }
        return m;
    }

    /** {@return weighted log-likelihood of the model (of T, including -log t for observed times of log-time models)} */
    public double logLikelihood() {
        return loglik;
    }

    /** {@return Log-likelihood of the intercept-only model with the same distribution and strata} */
    public double logLikelihoodNull() {
        return loglikNull;
    }

    /** {@return Likelihood-ratio test against the intercept-only model, on (coefficients - 1) degrees of freedom} */
    public ChiSquareTest likelihoodRatioTest() {
        return ChiSquareTest.of(2 * (loglik - loglikNull), nvar - 1);
    }

    /** {@return Akaike's criterion {@code -2 loglik + 2 k}, k = {@link #parameterCount()} (R {@code AIC(fit)})} */
    public double aic() {
        return -2 * loglik + 2 * nparam;
    }

    /** {@return bayesian criterion {@code -2 loglik + k log(n)}, n = rows used (R {@code BIC(fit)})} */
    public double bic() {
        return -2 * loglik + nparam * Math.log(n);
    }

    /** {@return rows used} */
    public int size() {
        return n;
    }

    /** {@return rows with an observed event (unweighted)} */
    public int events() {
        return events;
    }

    /** {@return rows left out for missing values} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return Newton-Raphson iterations (R {@code fit$iter})} */
    public int iterations() {
        return iterations;
    }

    /** {@return true when the iteration met the convergence rule} */
    public boolean converged() {
        return converged;
    }

    /** {@return warnings a user can act on (non-convergence)} */
    public List<String> warnings() {
        return warnings;
    }

    /** {@return confidence level of the intervals} */
    public double confidenceLevel() {
        return confLevel;
    }

    /** {@return linear predictors x'b of the rows used (R {@code fit$linear.predictors})} */
    public double[] linearPredictors() {
        return linearPredictors.clone();
    }

    /**
     * Predictions for a subject with the covariate {@code values} (every covariate of the model:
     * a number for a numeric covariate, a level label for a factor), in the first (or only)
     * stratum.
     *
     * @param values the values
     * @return predictions for a subject with the covariate {@code values} (every covariate of the model: a number for a numeric covariate, a level label for a factor), in the first (or only) stratum
     */
    public ParametricPrediction predict(Map<String, ?> values) {
        return predict(values, 0);
    }

    /**
     * Predictions for a subject in stratum {@code stratum} (a label of {@link #scaleNames()}).
     *
     * @param values the values
     * @param stratum the stratum
     * @return predictions for a subject in stratum {@code stratum} (a label of {@link #scaleNames()})
     */
    public ParametricPrediction predict(Map<String, ?> values, String stratum) {
        int s = scaleNames.indexOf(stratum);
        if (s < 0) {
            throw Check.fail("unknown stratum '%s'; the strata are %s", stratum, scaleNames);
        }
        return predict(values, s);
    }

    private ParametricPrediction predict(Map<String, ?> values, int stratum) {
        double[] x = Covariates.row(spans, nvar, values);
        return new ParametricPrediction(distribution, x, coef, stratum, scale, variance(), nparam, confLevel);
    }

    private static double[] diagonalRoots(double[] v, int k) {
        int np = (int) Math.round(Math.sqrt(v.length));
        double[] r = new double[k];
        for (int j = 0; j < k; j++) {
            r[j] = Math.sqrt(v[j * np + j]);
        }
        return r;
    }

    /**
     * Tidy rows, one per coefficient then one per log scale: term, estimate, se (the reported
     * one: robust when robust), z, p, lower, upper, and the time ratio with its limits for the
     * log-time models.
     */
    @Override
    public io.survkit.table.Table table() {
        io.survkit.table.Table.Builder b = io.survkit.table.Table.builder().textColumn("term")
                .numberColumn("estimate").numberColumn("se").numberColumn("z").numberColumn("p")
                .numberColumn("lower").numberColumn("upper");
        boolean tr = distribution.isLogTime();
        if (tr) {
            b.numberColumn("timeRatio").numberColumn("timeRatioLower").numberColumn("timeRatioUpper");
        }
        double[] se = diagonalRoots(variance(), nparam);
        double q = quantileZ();
        List<String> names = new ArrayList<>(terms);
        double[] est = new double[nparam];
        System.arraycopy(coef, 0, est, 0, nvar);
        double[] ls = logScales();
        System.arraycopy(ls, 0, est, nvar, ls.length);
        if (ls.length == 1) {
            names.add("Log(scale)");
        } else {
            names.addAll(scaleNames);
        }
        for (int j = 0; j < nparam; j++) {
            double z = est[j] / se[j];
            b.text(names.get(j)).number(est[j]).number(se[j]).number(z).number(Probabilities.twoSidedNormal(z))
                    .number(est[j] - q * se[j]).number(est[j] + q * se[j]);
            if (tr) {
                boolean c = j < nvar;
                b.number(c ? Math.exp(est[j]) : Double.NaN).number(c ? Math.exp(est[j] - q * se[j]) : Double.NaN)
                        .number(c ? Math.exp(est[j] + q * se[j]) : Double.NaN);
            }
        }
        return b.build();
    }

    /** Streams the result in the oracle's survreg layout (without predictions) as JSON. */
    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out).beginObject();
        ParametricJson.fields(w, this);
        w.endObject();
    }

    /** As R's {@code print(summary(fit))}. */
    @Override
    public String toString() {
        return ParametricPrinter.summary(this);
    }
}
