package io.survkit.regression;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.HouseholderQr;
import io.survkit.internal.Tolerances;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Logistic regression (binomial family, logit link) fitted by iteratively reweighted least squares
 * exactly as R's {@code glm.fit}: start at {@code mu = (w y + 0.5) / (w + 1)} (the binomial
 * {@code initialize}; {@code (y + 0.5) / 2} with unit weights), each iteration a weighted
 * least-squares fit by Householder QR with R's limited pivoting ({@code dqrdc2}, tolerance
 * {@code min(1e-7, epsilon / 1000)}), stop when {@code |dev - devold| / (|dev| + 0.1) < epsilon}
 * (R {@code glm.control}). Standard errors come from the last iteration's QR
 * ({@code summary.glm}, dispersion 1). The model is R's
 * {@code glm(treated ~ covariates, family = binomial, weights = w)}; the typical use is a propensity
 * score, P(treated | covariates).
 *
 * <p>Non-convergence, fitted probabilities numerically 0 or 1 (separation) and non-integer
 * weighted successes are reported in {@link LogisticResult#warnings()}, never thrown. Redundant
 * (collinear) columns get coefficient NaN (R {@code NA}).
 *
 * <p>Defaults ({@link #withDefaults()}): at most 25 iterations, tolerance 1e-8
 * ({@code glm.control()}).
 *
 * <pre>{@code
 * SurvivalData lung = SurvivalData.csv(Path.of("lung.csv")).time("time").event("status", "2")
 *         .group("sex").numeric("age").numeric("ph.ecog").read();
 * LogisticResult fit = LogisticRegression.withDefaults().fit(lung, "2");  // P(sex == 2 | age, ph.ecog)
 * double[] ps = fit.fitted();
 * System.out.println(fit);   // like R's summary(glm(...))
 * }</pre>
 */
public final class LogisticRegression {
    private static final LogisticRegression DEFAULTS = new LogisticRegression(25, Tolerances.GLM_CONVERGENCE);
    /** R's {@code THRESH} / {@code MTHRESH} of the logit link's C code. */
    private static final double THRESH = 30;
    private static final double EPS = Tolerances.MACHINE_EPSILON;
    private static final double INVEPS = 1 / EPS;

    private final int maxIterations;
    private final double tolerance;

    private LogisticRegression(int maxIterations, double tolerance) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /**
     * The default procedure: at most 25 IRLS iterations, tolerance 1e-8 (R {@code glm.control()}).
     *
     * @return the shared default instance
     */
    public static LogisticRegression withDefaults() {
        return DEFAULTS;
    }

    /**
     * Largest number of IRLS iterations (R {@code maxit}, default 25), at least 1.
     *
     * @param n the count
     * @return a new instance with this setting (this one is unchanged)
     */
    public LogisticRegression withMaxIterations(int n) {
        if (n < 1) {
            throw Check.fail("maximum iterations must be >= 1, got %d", n);
        }
        return new LogisticRegression(n, tolerance);
    }

    /**
     * Convergence tolerance on {@code |dev - devold| / (|dev| + 0.1)} (R {@code epsilon}, default 1e-8), in (0, 1).
     *
     * @param epsilon the epsilon
     * @return a new instance with this setting (this one is unchanged)
     */
    public LogisticRegression withTolerance(double epsilon) {
        if (!(epsilon > 0 && epsilon < 1)) {
            throw Check.fail("tolerance must be strictly between 0 and 1, got %s", epsilon);
        }
        return new LogisticRegression(maxIterations, epsilon);
    }

    /** {@return iteration limit in use} */
    public int maxIterations() {
        return maxIterations;
    }

    /** {@return convergence tolerance in use} */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Fits {@code glm(I(response == responseValue) ~ formula, family = binomial)}: the response is
     * column {@code response} compared with {@code responseValue}, the covariates the formula's
     * terms (numeric, {@code factor()}, interactions); the data's case weights, if any, are the
     * prior weights. Rows missing in the response or a used column are left out and counted.
     *
     * <pre>{@code
     * LogisticResult ps = LogisticRegression.withDefaults().fit(lung, "sex", "2", "age + ph.ecog");
     * }</pre>
     *
     * @param data the data
     * @param response the response column
     * @param responseValue the value that means 1 (every other value is 0)
     * @param formula the covariates
     * @return the fit
     */
    public LogisticResult fit(SurvivalData data, String response, String responseValue, String formula) {
        return fit(data, response, responseValue, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * As {@link #fit(SurvivalData, String, String, String)} with typed terms.
     *
     * @param data the data
     * @param response the response column
     * @param responseValue the value that means 1
     * @param terms the covariates
     * @return the fit
     */
    public LogisticResult fit(SurvivalData data, String response, String responseValue, Terms terms) {
        Check.notNull("data", data);
        Check.notNull("response value", responseValue);
        String[] labels = data.labels(Check.notNull("response column", response));
        int[] idx = new int[labels.length];
        int m = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != null) {
                idx[m++] = i;
            }
        }
        SurvivalData complete = m == labels.length ? data : data.rows(java.util.Arrays.copyOf(idx, m));
        ModelFrame frame = ModelFrame.of(complete, Check.notNull("terms", terms));
        String value = responseValue.strip();
        Double d = parseNumber(value);
        String[] kept = complete.labels(response);
        int[] rows = frame.dataRows();
        boolean[] y = new boolean[rows.length];
        boolean any = false;
        for (int k = 0; k < rows.length; k++) {
            String l = kept[rows[k]];
            y[k] = l.equals(value) || d != null && d.equals(parseNumber(l));
            any |= y[k];
        }
        if (!any) {
            throw Check.fail("column '%s': the value '%s' never occurs in the rows used; the response would be all 0",
                    response, responseValue);
        }
        return fit(frame, y, labels.length - m);
    }

    private static Double parseNumber(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Fits P(response | covariates) with the frame's design matrix; {@code response[i]} belongs
     * to row i of the frame; the frame's case weights, if any, are the prior weights.
     *
     * @param frame the resolved covariates
     * @param response one outcome per frame row
     * @return the fit
     */
    public LogisticResult fit(ModelFrame frame, boolean[] response) {
        return fit(frame, response, 0);
    }

    private LogisticResult fit(ModelFrame frame, boolean[] response, int omittedBefore) {
        Check.notNull("frame", frame);
        Check.notNull("response", response);
        int n = frame.rowCount();
        if (response.length != n) {
            throw Check.fail("the response has %d entries but the model frame has %d rows", response.length, n);
        }
        int p = frame.columnCount();
        double[][] cols = new double[p][];
        for (int j = 0; j < p; j++) {
            cols[j] = frame.column(j);
        }
        return fitColumns(response, cols, frame.columnNames().toArray(new String[0]), frame.weights().orElse(null),
                frame.sourceRows(), frame.omittedRows() + omittedBefore, frame.weightsColumn().orElse(null));
    }

    /**
     * Arrays form: {@code columns[j][i]} is covariate column j of row i (numeric; code factors as
     * 0/1 dummies yourself), {@code names[j]} its term name; unit prior weights.
     *
     * @param treated the treated
     * @param columns the columns
     * @param names the names
     * @return arrays form: {@code columns[j][i]} is covariate column j of row i (numeric; code factors as 0/1 dummies yourself), {@code names[j]} its term name; unit prior weights
     */
    public LogisticResult fit(boolean[] treated, double[][] columns, String[] names) {
        return fit(treated, columns, names, null);
    }

    /**
     * Arrays form with prior weights ({@code null} = 1 each; R {@code weights =}, each finite and >= 0).
     *
     * @param treated the treated
     * @param columns the columns
     * @param names the names
     * @param weights the weights
     * @return arrays form with prior weights ({@code null} = 1 each; R {@code weights =}, each finite and >= 0)
     */
    public LogisticResult fit(boolean[] treated, double[][] columns, String[] names, double[] weights) {
        Check.notNull("treated", treated);
        Check.notNull("columns", columns);
        Check.notNull("names", names);
        int n = treated.length;
        if (names.length != columns.length) {
            throw Check.fail("%d column names for %d columns", names.length, columns.length);
        }
        double[][] cols = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            Check.notNull("column name", names[j]);
            double[] c = Check.notNull("column '" + names[j] + "'", columns[j]);
            if (c.length != n) {
                throw Check.fail("column '%s' has %d rows but treated has %d", names[j], c.length, n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(c[i])) {
                    throw Check.fail("column '%s', row %d: value %s is not finite", names[j], i + 1, c[i]);
                }
            }
            cols[j] = c.clone();
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i + 1;
        }
        return fitColumns(treated, cols, names.clone(), weights == null ? null : weights.clone(), rows, 0, "weights");
    }

    private LogisticResult fitColumns(boolean[] treated, double[][] cols, String[] names, double[] weights, int[] rows,
            int omitted, String weightsColumn) {
        int n = treated.length;
        if (n == 0) {
            throw Check.fail("no rows to fit");
        }
        int p = cols.length + 1;
        if (weights != null && weights.length != n) {
            throw Check.fail("%d weights for %d rows", weights.length, n);
        }
        double[] w = new double[n];
        boolean unit = weights == null;
        for (int i = 0; i < n; i++) {
            double wi = unit ? 1.0 : weights[i];
            if (!(wi >= 0 && wi < Double.POSITIVE_INFINITY)) {
                throw Check.fail("column '%s', row %d: prior weight %s is invalid; expected a finite value >= 0",
                        weightsColumn, rows[i], wi);
            }
            w[i] = wi;
        }
        String[] terms = new String[p];
        terms[0] = "(Intercept)";
        System.arraycopy(names, 0, terms, 1, p - 1);
        double[][] x = new double[p][];
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        x[0] = ones;
        System.arraycopy(cols, 0, x, 1, p - 1);

        double[] y = new double[n];
        int nTreated = 0;
        List<String> warnings = new ArrayList<>();
        boolean nonInteger = false;
        for (int i = 0; i < n; i++) {
            if (treated[i]) {
                nTreated++;
            }
            // R: y[weights == 0] <- 0
            y[i] = treated[i] && w[i] > 0 ? 1.0 : 0.0;
            double m = w[i] * y[i];
            if (Math.abs(m - Math.rint(m)) > 0.001) {
                nonInteger = true;
            }
        }
        if (nonInteger) {
            warnings.add("non-integer #successes in a binomial glm (fractional prior weights): the fit is valid"
                    + " as a quasi-likelihood estimate, but the AIC is not meaningful");
        }

        // initialize (binomial family)
        double[] eta = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            double m0 = (w[i] * y[i] + 0.5) / (w[i] + 1);
            eta[i] = Math.log(m0 / (1 - m0));
            mu[i] = linkinv(eta[i]);
        }
        double devold = deviance(y, mu, w);
        double dev = devold;
        boolean conv = false;
        boolean boundary = false;
        double tol = Tolerances.glmRank(tolerance);
        double[] start = new double[p];
        double[] coefold = null;
        double[][] a = new double[p][];
        double[] z = new double[n];
        double[] qraux = new double[p];
        int[] pivot = new int[p];
        int[] goodIdx = new int[n];
        int rank = 0;
        int iter = 0;
        int nGood = 0;
        for (iter = 1; iter <= maxIterations; iter++) {
            nGood = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] > 0 && muEta(eta[i]) != 0) {
                    goodIdx[nGood++] = i;
                }
            }
            if (nGood == 0) {
                conv = false;
                warnings.add(Check.format("no observations informative at iteration %d", iter));
                break;
            }
            for (int j = 0; j < p; j++) {
                if (a[j] == null || a[j].length != nGood) {
                    a[j] = new double[nGood];
                }
            }
            if (z.length != nGood) {
                z = new double[nGood];
            }
            for (int k = 0; k < nGood; k++) {
                int i = goodIdx[k];
                double me = muEta(eta[i]);
                double ww = Math.sqrt(w[i] * me * me / (mu[i] * (1 - mu[i])));
                z[k] = (eta[i] + (y[i] - mu[i]) / me) * ww;
                for (int j = 0; j < p; j++) {
                    a[j][k] = x[j][i] * ww;
                }
            }
            rank = HouseholderQr.decompose(a, nGood, p, tol, qraux, pivot);
            double[] b = HouseholderQr.solve(a, nGood, p, rank, qraux, z);
            boolean finite = true;
            for (double v : b) {
                finite &= Double.isFinite(v);
            }
            if (!finite) {
                conv = false;
                warnings.add(Check.format("non-finite coefficients at iteration %d", iter));
                break;
            }
            for (int j = 0; j < p; j++) {
                start[pivot[j]] = b[j];
            }
            dev = predict(x, start, eta, mu, y, w);
            if (!Double.isFinite(dev)) {
                if (coefold == null) {
                    throw Check.fail("no valid set of coefficients has been found (deviance not finite)");
                }
                int ii = 1;
                while (!Double.isFinite(dev)) {
                    if (ii > maxIterations) {
                        throw Check.fail("inner loop 1; cannot correct step size");
                    }
                    ii++;
                    for (int j = 0; j < p; j++) {
                        start[j] = (start[j] + coefold[j]) / 2;
                    }
                    dev = predict(x, start, eta, mu, y, w);
                }
                boundary = true;
                warnings.add("step size truncated due to divergence");
            }
            if (Math.abs(dev - devold) / (0.1 + Math.abs(dev)) < tolerance) {
                conv = true;
                break;
            }
            devold = dev;
            coefold = start.clone();
        }
        if (iter > maxIterations) {
            iter = maxIterations;
        }
        if (!conv) {
            warnings.add(Check.format("the IRLS algorithm did not converge in %d iterations; raise"
                    + " withMaxIterations, or check for separation (see the fitted probabilities)", maxIterations));
        }
        if (boundary) {
            warnings.add("the algorithm stopped at a boundary value");
        }
        double eps10 = 10 * EPS;
        int extreme = 0;
        for (int i = 0; i < n; i++) {
            if (mu[i] > 1 - eps10 || mu[i] < eps10) {
                extreme++;
            }
        }
        if (extreme > 0) {
            warnings.add(Check.format("fitted probabilities numerically 0 or 1 occurred (%d row%s): the covariates"
                    + " (nearly) separate treated from controls, so some coefficients run to infinity and their"
                    + " standard errors are meaningless; for a propensity score this means no overlap: restrict"
                    + " the cohort to the region of common support, drop or coarsen the separating covariate,"
                    + " or use a penalized (Firth) fit", extreme, extreme == 1 ? "" : "s"));
        }

        // coefficients and covariance in original column order (summary.glm)
        double[] coef = new double[p];
        double[] se = new double[p];
        java.util.Arrays.fill(coef, Double.NaN);
        java.util.Arrays.fill(se, Double.NaN);
        double[] cov = rank > 0 ? HouseholderQr.unscaledCovariance(a, rank) : new double[0];
        double[][] vcov = new double[p][p];
        for (double[] row : vcov) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (int r = 0; r < rank; r++) {
            int j = pivot[r];
            coef[j] = start[j];
            se[j] = Math.sqrt(cov[r * rank + r]);
            for (int s = 0; s < rank; s++) {
                vcov[j][pivot[s]] = cov[r * rank + s];
            }
        }
        if (rank < p) {
            List<String> aliased = new ArrayList<>();
            for (int r = rank; r < p; r++) {
                aliased.add(terms[pivot[r]]);
            }
            warnings.add("coefficients not defined because of singularities (collinear columns): " + aliased
                    + "; remove them from the model");
        }

        // null deviance: intercept-only fitted value sum(w y) / sum(w)
        double swy = 0;
        double sw = 0;
        for (int i = 0; i < n; i++) {
            swy += w[i] * y[i];
            sw += w[i];
        }
        double wtdmu = swy / sw;
        double nullDev = 0;
        for (int i = 0; i < n; i++) {
            nullDev += devResid(y[i], wtdmu, w[i]);
        }
        // binomial aic: -2 sum_{w > 0} dbinom(round(w y), round(w), mu, log = TRUE) + 2 rank
        double ll = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
                ll += logDbinom(Math.rint(w[i] * y[i]), Math.rint(w[i]), mu[i]);
            }
        }
        double aic = -2 * ll + 2 * rank;
        int nOk = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
                nOk++;
            }
        }
        return new LogisticResult(n, nTreated, omitted, terms, coef, se, vcov, dev, nullDev, aic, iter, conv, rank,
                nOk - rank, nOk - 1, mu.clone(), eta.clone(), rows.clone(), warnings, unit ? null : w);
    }

    /** eta = X b, mu = linkinv(eta); returns the deviance. */
    private static double predict(double[][] x, double[] b, double[] eta, double[] mu, double[] y, double[] w) {
        int n = eta.length;
        int p = b.length;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += x[j][i] * b[j];
            }
            eta[i] = s;
            mu[i] = linkinv(s);
        }
        return deviance(y, mu, w);
    }

    /** R's {@code logit_linkinv}: exp(eta) / (1 + exp(eta)) with eta clamped to [-30, 30] in effect. */
    static double linkinv(double eta) {
        double tmp = eta < -THRESH ? EPS : eta > THRESH ? INVEPS : Math.exp(eta);
        return tmp / (1 + tmp);
    }

    /** R's {@code logit_mu_eta}: d mu / d eta, EPS outside [-30, 30]. */
    static double muEta(double eta) {
        double opexp = 1 + Math.exp(eta);
        return eta > THRESH || eta < -THRESH ? EPS : Math.exp(eta) / (opexp * opexp);
    }

    private static double deviance(double[] y, double[] mu, double[] w) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            d += devResid(y[i], mu[i], w[i]);
        }
        return d;
    }

    /** R's {@code binomial_dev_resids}: 2 w (y log(y / mu) + (1 - y) log((1 - y) / (1 - mu))). */
    private static double devResid(double y, double mu, double w) {
        return 2 * w * (yLogY(y, mu) + yLogY(1 - y, 1 - mu));
    }

    private static double yLogY(double y, double mu) {
        return y != 0 ? y * Math.log(y / mu) : 0;
    }

    /** log of the binomial probability of k successes in m trials with probability q. */
    private static double logDbinom(double k, double m, double q) {
        double lc = m <= Integer.MAX_VALUE ? CombinatoricsUtils.binomialCoefficientLog((int) m, (int) k) : 0;
        double a = k > 0 ? k * Math.log(q) : 0;
        double b = m - k > 0 ? (m - k) * Math.log1p(-q) : 0;
        return lc + a + b;
    }
}
