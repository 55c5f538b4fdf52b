package io.survkit.regression;

import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.Check;
import io.survkit.internal.RFormat;
import java.util.List;

/**
 * A fitted Fine-Gray model, immutable: R {@code crr}'s {@code coef}, {@code var}, {@code inf},
 * {@code loglik}, {@code loglik.null}, {@code score}, {@code converged}, and {@code summary.crr}'s
 * table (subdistribution hazard ratios, standard errors, z, two-sided p). {@link #toString()} prints
 * R's {@code summary(crr)}.
 *
 * <pre>{@code
 * FineGrayResult fg = FineGray.withDefaults().fit(data);
 * double[] shr = fg.hazardRatios();
 * double[] p = fg.pValues();
 * }</pre>
 */
public final class FineGrayResult implements Exportable {
    private final String cause;
    private final List<String> terms;
    private final double[] coef;
    private final double[] var;
    private final double[] info;
    private final double loglik;
    private final double loglikNull;
    private final double[] score;
    private final boolean converged;
    private final int iterations;
    private final int n;
    private final int events;
    private final int omitted;
    private final List<String> warnings;
    /** crr's {@code uftime}: the distinct failure times of the cause. */
    private final double[] failureTimes;
    /** crr's {@code bfitj}: the baseline cumulative subdistribution hazard's jump at each failure time. */
    private final double[] baselineJumps;
    /** crr's {@code tfs}: tf at each failure time, one column per time-varying covariate (the last ones). */
    private final double[] timeFunctions;
    private final int timeVaryingCount;

    FineGrayResult(String cause, List<String> terms, double[] coef, double[] var, double[] info, double loglik,
            double loglikNull, double[] score, boolean converged, int iterations, int n, int events, int omitted,
            List<String> warnings, double[] failureTimes, double[] baselineJumps, double[] timeFunctions,
            int timeVaryingCount) {
        this.timeFunctions = timeFunctions.clone();
        this.timeVaryingCount = timeVaryingCount;
        this.failureTimes = failureTimes.clone();
        this.baselineJumps = baselineJumps.clone();
        this.cause = cause;
        this.terms = List.copyOf(terms);
        this.coef = coef;
        this.var = var;
        this.info = info;
        this.loglik = loglik;
        this.loglikNull = loglikNull;
        this.score = score;
        this.converged = converged;
        this.iterations = iterations;
        this.n = n;
        this.events = events;
        this.omitted = omitted;
        this.warnings = List.copyOf(warnings);
    }

    /** {@return the cause of interest (crr {@code failcode})} */
    public String cause() {
        return cause;
    }

    /** {@return Model-matrix column names (R's term names)} */
    public List<String> terms() {
        return terms;
    }

    /** {@return number of coefficients} */
    public int coefficientCount() {
        return coef.length;
    }

    /** {@return coefficients (log subdistribution hazard ratios; crr {@code coef})} */
    public double[] coefficients() {
        return coef.clone();
    }

    /** {@return standard errors {@code sqrt(diag(var))}} */
    public double[] standardErrors() {
        return table(0.95).standardErrors();
    }

    /** {@return subdistribution hazard ratios {@code exp(coef)}} */
    public double[] hazardRatios() {
        return table(0.95).hazardRatios();
    }

    /**
     * Lower limits of the Wald interval of the hazard ratios at {@code level}.
     *
     * @param level the confidence level, in (0, 1)
     * @return the lower limits of the Wald interval of the hazard ratios at {@code level}
     */
    public double[] hazardRatioLower(double level) {
        return table(Check.openUnit("confidence level", level)).hazardRatioLower();
    }

    /**
     * Upper limits of the Wald interval of the hazard ratios at {@code level}.
     *
     * @param level the confidence level, in (0, 1)
     * @return the upper limits of the Wald interval of the hazard ratios at {@code level}
     */
    public double[] hazardRatioUpper(double level) {
        return table(Check.openUnit("confidence level", level)).hazardRatioUpper();
    }

    /** {@return wald statistics {@code coef / se}} */
    public double[] zStatistics() {
        return table(0.95).zStatistics();
    }

    /** {@return Two-sided p-values {@code 2 P(Z > |z|)} (summary.crr's, before its rounding)} */
    public double[] pValues() {
        return table(0.95).pValues();
    }

    /** The coefficient arithmetic (core's one: {@link CoxCoefficients}) with crr's sandwich variance. */
    private CoxCoefficients table(double level) {
        return CoxCoefficients.of(coef, var, null, level);
    }

    /** {@return sandwich variance matrix (crr {@code var})} */
    public double[][] variance() {
        return square(var);
    }

    /** {@return information matrix at the estimate (crr {@code inf})} */
    public double[][] information() {
        return square(info);
    }

    private double[][] square(double[] a) {
        int p = coef.length;
        double[][] m = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(a, i * p, m[i], 0, p);
        }
        return m;
    }

    /** {@return pseudo log-likelihood at the estimate (crr {@code loglik})} */
    public double logLikelihood() {
        return loglik;
    }

    /** {@return pseudo log-likelihood at b = 0 (crr {@code loglik.null})} */
    public double logLikelihoodNull() {
        return loglikNull;
    }

    /** {@return pseudo likelihood-ratio test {@code 2 (loglik - loglik.null)} on p df (summary.crr)} */
    public ChiSquareTest likelihoodRatioTest() {
        return new ChiSquareTest(2 * (loglik - loglikNull), coef.length);
    }

    /** {@return score (gradient of the log-likelihood) at the estimate (crr {@code score})} */
    public double[] score() {
        return score.clone();
    }

    /** {@return true when crr's criterion was met} */
    public boolean converged() {
        return converged;
    }

    /** {@return newton iterations taken} */
    public int iterations() {
        return iterations;
    }

    /** {@return rows used (crr {@code n})} */
    public int size() {
        return n;
    }

    /** {@return failures of the cause of interest} */
    public int events() {
        return events;
    }

    /** {@return rows left out for missing values (crr {@code n.missing})} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return warnings} */
    public List<String> warnings() {
        return warnings;
    }

    /** {@return the distinct failure times of the cause, ascending (crr's {@code uftime})} */
    public double[] failureTimes() {
        return failureTimes.clone();
    }

    /**
     * {@return the jumps of the baseline cumulative subdistribution hazard at {@link #failureTimes()}
     * (crr's {@code bfitj})}
     */
    public double[] baselineJumps() {
        return baselineJumps.clone();
    }

    /**
     * The cumulative incidence of the cause for covariate rows, at every failure time (cmprsk
     * {@code predict.crr(fit, cov1, cov2)}): {@code F(t | x) = 1 - exp(-sum_{t_j <= t} exp(x(t_j)'b)
     * bfitj)}, where a time-varying covariate's value is multiplied by its tf at t_j.
     *
     * <pre>{@code
     * double[][] cif = fit.predict(new double[] {1, 2.5}, new double[] {0, 7});
     * double f = cif[10][1];     // second row at the 11th failure time
     * }</pre>
     *
     * @param rows covariate values, one per coefficient in {@link #terms()} order (a time-varying
     *     covariate's own value, before its function of time)
     * @return {@code [failure time][row]}
     * @throws IllegalArgumentException for a row of the wrong length or a value that is not finite
     */
    public double[][] predict(double[]... rows) {
        io.survkit.internal.Check.notNull("covariate rows", rows);
        int p = coef.length;
        int p1 = p - timeVaryingCount;
        double[] fixed = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            double[] x = rows[r];
            if (x == null || x.length != p) {
                throw io.survkit.internal.Check.fail("covariate row %d has %s values; expected %d %s", r + 1,
                        x == null ? "no" : String.valueOf(x.length), p, terms);
            }
            double lp = 0;
            for (int j = 0; j < p; j++) {
                io.survkit.internal.Check.finite(terms.get(j) + " (row " + (r + 1) + ")", x[j]);
                if (j < p1) {
                    lp += x[j] * coef[j];
                }
            }
            fixed[r] = lp;
        }
        double[][] cif = new double[failureTimes.length][rows.length];
        for (int r = 0; r < rows.length; r++) {
            double h = 0;
            for (int f = 0; f < failureTimes.length; f++) {
                // R: cumsum(exp(sum(cov1 * coef1) + tfs %*% (cov2 * coef2)) * bfitj)
                double tv = 0;
                for (int j = 0; j < timeVaryingCount; j++) {
                    tv += timeFunctions[f * timeVaryingCount + j] * (rows[r][p1 + j] * coef[p1 + j]);
                }
                h += Math.exp(fixed[r] + tv) * baselineJumps[f];
                cif[f][r] = 1 - Math.exp(-h);
            }
        }
        return cif;
    }

    /** R's {@code summary(crr)} print. */
    @Override
    public String toString() {
        int p = coef.length;
        double[] se = standardErrors();
        double[] z = zStatistics();
        double[] pv = pValues();
        double[] hr = hazardRatios();
        double[] lo = hazardRatioLower(0.95);
        double[] hi = hazardRatioUpper(0.95);
        String[][] cells = new String[p][];
        for (int j = 0; j < p; j++) {
            cells[j] = new String[] {RFormat.signif(coef[j], 3), RFormat.signif(hr[j], 3), RFormat.signif(se[j], 3),
                RFormat.signif(z[j], 3), RFormat.signif(pv[j], 2)};
        }
        StringBuilder sb = new StringBuilder("Competing Risks Regression (Fine-Gray), cause ").append(cause)
                .append("\n\n");
        sb.append(table(new String[] {"coef", "exp(coef)", "se(coef)", "z", "p-value"}, cells));
        String[][] ci = new String[p][];
        for (int j = 0; j < p; j++) {
            ci[j] = new String[] {RFormat.signif(hr[j], 3), RFormat.signif(1 / hr[j], 3), RFormat.signif(lo[j], 3),
                RFormat.signif(hi[j], 3)};
        }
        sb.append('\n').append(table(new String[] {"exp(coef)", "exp(-coef)", "2.5%", "97.5%"}, ci));
        ChiSquareTest lrt = likelihoodRatioTest();
        sb.append("\nNum. cases = ").append(n);
        if (omitted > 0) {
            sb.append(" (").append(omitted).append(" cases omitted due to missing values)");
        }
        sb.append("\nPseudo Log-likelihood = ").append(RFormat.signif(loglik, 3))
                .append("\nPseudo likelihood ratio test = ").append(RFormat.signif(lrt.statistic(), 3))
                .append("  on ").append(p).append(" df,\n");
        if (!converged) {
            sb.append("convergence:  FALSE\n");
        }
        for (String w : warnings) {
            sb.append("Warning: ").append(w).append('\n');
        }
        return sb.toString();
    }

    private String table(String[] header, String[][] cells) {
        int p = terms.size();
        int nameWidth = 0;
        for (String t : terms) {
            nameWidth = Math.max(nameWidth, t.length());
        }
        int[] w = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            w[c] = header[c].length();
            for (int j = 0; j < p; j++) {
                w[c] = Math.max(w[c], cells[j][c].length());
            }
        }
        StringBuilder sb = new StringBuilder(" ".repeat(nameWidth));
        for (int c = 0; c < header.length; c++) {
            sb.append(' ').append(RFormat.pad(header[c], w[c]));
        }
        sb.append('\n');
        for (int j = 0; j < p; j++) {
            sb.append(RFormat.padRight(terms.get(j), nameWidth));
            for (int c = 0; c < header.length; c++) {
                sb.append(' ').append(RFormat.pad(cells[j][c], w[c]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public void writeJson(Appendable out) {
        Exports.fineGray(this, new JsonWriter(out), 0.95);
    }

    @Override
    public Table table() {
        return Exports.fineGrayTable(this, 0.95);
    }

}
