package io.survkit.regression;

import io.survkit.internal.JsonWriter;
import io.survkit.internal.Probabilities;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A fitted logistic regression (R {@code glm(..., family = binomial)} and its {@code summary}).
 * Arrays are indexed by term, {@code "(Intercept)"} first, then the model columns in order; per-row
 * arrays ({@link #fitted()}, {@link #linearPredictor()}) follow the rows of the input.
 */
public final class LogisticResult implements Exportable {
    private final int n;
    private final int nTreated;
    private final int omitted;
    private final String[] terms;
    private final double[] coef;
    private final double[] se;
    private final double[][] vcov;
    private final double deviance;
    private final double nullDeviance;
    private final double aic;
    private final int iterations;
    private final boolean converged;
    private final int rank;
    private final int dfResidual;
    private final int dfNull;
    private final double[] fitted;
    private final double[] eta;
    private final int[] rows;
    private final List<String> warnings;
    private final double[] priorWeights;

    LogisticResult(int n, int nTreated, int omitted, String[] terms, double[] coef, double[] se, double[][] vcov,
            double deviance, double nullDeviance, double aic, int iterations, boolean converged, int rank,
            int dfResidual, int dfNull, double[] fitted, double[] eta, int[] rows, List<String> warnings,
            double[] priorWeights) {
        this.n = n;
        this.nTreated = nTreated;
        this.omitted = omitted;
        this.terms = terms;
        this.coef = coef;
        this.se = se;
        this.vcov = vcov;
        this.deviance = deviance;
        this.nullDeviance = nullDeviance;
        this.aic = aic;
        this.iterations = iterations;
        this.converged = converged;
        this.rank = rank;
        this.dfResidual = dfResidual;
        this.dfNull = dfNull;
        this.fitted = fitted;
        this.eta = eta;
        this.rows = rows;
        this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
        this.priorWeights = priorWeights;
    }

    /** {@return rows used in the fit} */
    public int size() {
        return n;
    }

    /** {@return rows with the treatment indicator true} */
    public int treatedCount() {
        return nTreated;
    }

    /** {@return rows dropped before the fit because of missing values (as R's {@code na.omit})} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return term names, {@code "(Intercept)"} first (R {@code names(coef(fit))})} */
    public List<String> terms() {
        return List.of(terms);
    }

    /** {@return coefficients on the log-odds scale; NaN for a redundant (aliased) column} */
    public double[] coefficients() {
        return coef.clone();
    }

    /** {@return standard errors (dispersion 1)} */
    public double[] standardErrors() {
        return se.clone();
    }

    /** {@return wald z statistics {@code coef / se}} */
    public double[] zStatistics() {
        double[] z = new double[coef.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = coef[j] / se[j];
        }
        return z;
    }

    /** {@return Two-sided p-values {@code 2 P(Z > |z|)}} */
    public double[] pValues() {
        double[] z = zStatistics();
        double[] p = new double[z.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = Double.isNaN(z[j]) ? Double.NaN : Probabilities.twoSidedNormal(z[j]);
        }
        return p;
    }

    /** {@return odds ratios {@code exp(coef)}} */
    public double[] oddsRatios() {
        double[] r = new double[coef.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = Math.exp(coef[j]);
        }
        return r;
    }

    /** {@return covariance matrix of the coefficients (R {@code vcov(fit)}); NaN rows/columns for aliased terms} */
    public double[][] covariance() {
        double[][] c = new double[vcov.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = vcov[j].clone();
        }
        return c;
    }

    /** {@return residual deviance (R {@code fit$deviance})} */
    public double deviance() {
        return deviance;
    }

    /** {@return deviance of the intercept-only model (R {@code fit$null.deviance})} */
    public double nullDeviance() {
        return nullDeviance;
    }

    /** {@return akaike information criterion (R {@code fit$aic})} */
    public double aic() {
        return aic;
    }

    /** {@return IRLS iterations used (R {@code fit$iter})} */
    public int iterations() {
        return iterations;
    }

    /** {@return whether IRLS converged (R {@code fit$converged})} */
    public boolean converged() {
        return converged;
    }

    /** {@return rank of the model matrix} */
    public int rank() {
        return rank;
    }

    /** {@return residual degrees of freedom (rows with positive weight minus rank)} */
    public int residualDegreesOfFreedom() {
        return dfResidual;
    }

    /** {@return null degrees of freedom (rows with positive weight minus 1)} */
    public int nullDegreesOfFreedom() {
        return dfNull;
    }

    /** {@return fitted probabilities P(treated | covariates), one per row (R {@code fitted(fit)})} */
    public double[] fitted() {
        return fitted.clone();
    }

    /**
     * Fitted probability of row {@code i}.
     *
     * @param i the 0-based index
     * @return fitted probability of row {@code i}
     */
    public double fitted(int i) {
        return fitted[i];
    }

    /** {@return linear predictor (the logit of the fitted probability), one per row (R {@code fit$linear.predictors})} */
    public double[] linearPredictor() {
        return eta.clone();
    }

    /**
     * Linear predictor of row {@code i}.
     *
     * @param i the 0-based index
     * @return linear predictor of row {@code i}
     */
    public double linearPredictor(int i) {
        return eta[i];
    }

    /** {@return 1-based data rows used, in order (the data file's rows after missing-value omission)} */
    public int[] rows() {
        return rows.clone();
    }

    /** {@return prior weights used, empty for unit weights} */
    public Optional<double[]> priorWeights() {
        return priorWeights == null ? Optional.empty() : Optional.of(priorWeights.clone());
    }

    /** {@return warnings a user can act on: non-convergence, separation, aliased columns, fractional weights} */
    public List<String> warnings() {
        return warnings;
    }

    /** A summary like R's {@code print(summary(glm(..., family = binomial)))}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Logistic regression (binomial, logit link): n = %d, treated = %d%n", n,
                nTreated));
        sb.append("\nCoefficients:\n");
        double[] z = zStatistics();
        double[] pv = pValues();
        int dec = RFormat.decimals(4, 8, coef, se);
        int pdec = 0;
        for (double v : pv) {
            if (v >= 1e-4) {
                pdec = Math.max(pdec, RFormat.decimalsFor(v, 3));
            }
        }
        String[][] cells = new String[terms.length + 1][];
        cells[0] = new String[] {"", "Estimate", "Std. Error", "z value", "Pr(>|z|)", ""};
        for (int j = 0; j < terms.length; j++) {
            cells[j + 1] = new String[] {terms[j], RFormat.fixed(coef[j], dec), RFormat.fixed(se[j], dec),
                RFormat.fixed(z[j], 3), RFormat.pvalue(pv[j], pdec), RFormat.stars(pv[j])};
        }
        sb.append(RFormat.coefficientTable(cells, true));
        sb.append("---\nSignif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n\n");
        sb.append("(Dispersion parameter for binomial family taken to be 1)\n\n");
        String nd = RFormat.signif(nullDeviance, 5);
        String rd = RFormat.signif(deviance, 5);
        int wd = Math.max(nd.length(), rd.length());
        int wf = Math.max(Integer.toString(dfNull).length(), Integer.toString(dfResidual).length());
        sb.append("    Null deviance: ").append(RFormat.pad(nd, wd)).append("  on ")
                .append(RFormat.pad(Integer.toString(dfNull), wf)).append("  degrees of freedom\n");
        sb.append("Residual deviance: ").append(RFormat.pad(rd, wd)).append("  on ")
                .append(RFormat.pad(Integer.toString(dfResidual), wf)).append("  degrees of freedom\n");
        if (omitted > 0) {
            sb.append(String.format(Locale.ROOT, "  (%d observation%s deleted due to missingness)%n", omitted,
                    omitted == 1 ? "" : "s"));
        }
        sb.append("AIC: ").append(RFormat.signif(aic, 5)).append("\n\n");
        sb.append("Number of Fisher Scoring iterations: ").append(iterations).append('\n');
        if (!converged) {
            sb.append("(did not converge)\n");
        }
        for (String w : warnings) {
            sb.append("Warning: ").append(w).append('\n');
        }
        return sb.toString();
    }


    @Override
    public void writeJson(Appendable out) {
        Exports.logistic(this, new JsonWriter(out));
    }

    @Override
    public Table table() {
        return Exports.logisticTable(this);
    }

}
