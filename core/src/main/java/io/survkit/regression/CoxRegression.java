package io.survkit.regression;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.Cholesky;
import io.survkit.internal.ConcordanceKernel;
import io.survkit.internal.QuadraticForm;
import io.survkit.internal.Tolerances;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cox proportional hazards regression, equal to R {@code survival::coxph}. The partial likelihood
 * is maximised by R's Newton-Raphson: covariates centred and scaled, a Cholesky decomposition with
 * tolerance {@code eps^0.75} (redundant columns get no coefficient), step halving when the
 * log-likelihood gets worse, convergence when the relative change of the log-likelihood is at most
 * {@link #withTolerance tolerance}. Non-convergence and coefficients that run to infinity (monotone
 * likelihood) are reported in the result ({@link CoxResult#converged()},
 * {@link CoxResult#warnings()}), never thrown.
 *
 * <p>The model is chosen at fit time with a formula or {@link Terms}: numeric covariates, factors
 * as dummies against the reference level named {@code <column><level>}, interactions, strata
 * (separate baseline hazards) and a cluster (robust variance summed within clusters); the data
 * give case weights and counting-process intervals {@code (start, stop]} (delayed entry,
 * time-varying covariates).
 *
 * <p>Defaults ({@link #withDefaults()}): Efron ties, {@link CoxVariance#AUTO} (robust with a cluster
 * column or non-integer weights, as R), confidence level 0.95, at most 20 iterations, tolerance
 * 1e-9.
 *
 * <pre>{@code
 * SurvivalData lung = SurvivalData.csv(Path.of("lung.csv")).time("time").event("status", "2").read();
 * CoxResult fit = CoxRegression.withDefaults().fit(lung, "age + sex");
 * double hrSex = fit.hazardRatios()[1];
 * System.out.println(fit);   // like R's print(summary(coxph(...)))
 * }</pre>
 */
public final class CoxRegression {
    private static final CoxRegression DEFAULTS =
            new CoxRegression(TieMethod.EFRON, CoxVariance.AUTO, 0.95, 20, Tolerances.COX_CONVERGENCE, null,
                    List.of(TimeTransformFunction.OBRIEN_LOGIT_RANK));

    private final TieMethod ties;
    private final CoxVariance variance;
    private final double confLevel;
    private final int maxIterations;
    private final double tolerance;
    /** R's {@code init}, or null for 0. */
    private final double[] init;
    /** The functions of the {@code tt()} terms: one for all, or one per term. */
    private final List<TimeTransformFunction> timeTransforms;

    private CoxRegression(TieMethod ties, CoxVariance variance, double confLevel, int maxIterations, double tolerance,
            double[] init, List<TimeTransformFunction> timeTransforms) {
        this.init = init;
        this.timeTransforms = timeTransforms;
        this.ties = ties;
        this.variance = variance;
        this.confLevel = confLevel;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /**
     * The default procedure: Efron ties, {@link CoxVariance#AUTO}, confidence level 0.95, at most 20
     * Newton-Raphson iterations, convergence tolerance 1e-9 (R {@code coxph.control()}).
     *
     * @return the shared default instance
     */
    public static CoxRegression withDefaults() {
        return DEFAULTS;
    }

    /**
     * Tie handling: {@link TieMethod#EFRON} (default) or {@link TieMethod#BRESLOW}.
     *
     * @param method the method
     * @return a new instance with this setting (this one is unchanged)
     */
    public CoxRegression withTies(TieMethod method) {
        return new CoxRegression(Check.notNull("tie method", method), variance, confLevel, maxIterations, tolerance,
                init, timeTransforms);
    }

    /**
     * Which variance the result reports (standard errors, confidence intervals, z, p, Wald test).
     *
     * @param v the cox variance
     * @return a new instance with this setting (this one is unchanged)
     */
    public CoxRegression withVariance(CoxVariance v) {
        return new CoxRegression(ties, Check.notNull("variance", v), confLevel, maxIterations, tolerance, init,
                timeTransforms);
    }

    /**
     * Confidence level of the hazard-ratio intervals (R {@code summary(fit, conf.int =)}), in (0, 1).
     *
     * @param level the confidence level, in (0, 1)
     * @return a new instance with this setting (this one is unchanged)
     */
    public CoxRegression withConfidenceLevel(double level) {
        return new CoxRegression(ties, variance, Check.openUnit("confidence level", level), maxIterations, tolerance,
                init, timeTransforms);
    }

    /**
     * Largest number of Newton-Raphson iterations (R {@code iter.max}, default 20); 0 evaluates at beta = 0.
     *
     * @param n the count
     * @return a new instance with this setting (this one is unchanged)
     */
    public CoxRegression withMaxIterations(int n) {
        if (n < 0) {
            throw Check.fail("maximum iterations must be >= 0, got %d", n);
        }
        return new CoxRegression(ties, variance, confLevel, n, tolerance, init, timeTransforms);
    }

    /**
     * Convergence tolerance on the relative change of the log partial likelihood (R {@code eps},
     * default 1e-9); must exceed the Cholesky tolerance 2.2e-16^0.75 = 1.8e-12.
     *
     * @param eps the convergence tolerance
     * @return a new instance with this setting (this one is unchanged)
     */
    public CoxRegression withTolerance(double eps) {
        if (!(eps > Tolerances.COX_CHOLESKY && eps < 1)) {
            throw Check.fail("tolerance must be between %s and 1, got %s", Tolerances.COX_CHOLESKY, eps);
        }
        return new CoxRegression(ties, variance, confLevel, maxIterations, eps, init, timeTransforms);
    }

    /**
     * The same procedure starting the Newton-Raphson iteration at {@code coefficients} (R {@code
     * coxph(init =)}), one per model-matrix column: the first log-likelihood, the score test and the
     * Wald test are then taken at (or against) these values, as R does; with
     * {@code withMaxIterations(0)} the model is only evaluated there.
     *
     * @param coefficients finite starting values
     * @return the procedure
     */
    public CoxRegression withInitialCoefficients(double... coefficients) {
        Check.notNull("initial coefficients", coefficients);
        for (int i = 0; i < coefficients.length; i++) {
            if (!Double.isFinite(coefficients[i])) {
                throw Check.fail("initial coefficient %d is %s; expected a finite number", i + 1, coefficients[i]);
            }
        }
        return new CoxRegression(ties, variance, confLevel, maxIterations, tolerance, coefficients.clone(),
                timeTransforms);
    }

    /**
     * The functions f(x, t) of the formula's {@code tt(x)} terms (R {@code coxph(tt = )}): one used
     * for every {@code tt()} term, or one per term in the formula's order. Default: R's default,
     * {@link TimeTransformFunction#OBRIEN_LOGIT_RANK}. The data are expanded at each event time
     * (R's {@code coxcount1}), so the fit reports R's {@code n} (rows before the expansion) and
     * fits the expanded rows, each event time's risk set a stratum.
     *
     * <pre>{@code
     * CoxResult fit = CoxRegression.withDefaults().withTimeTransform(TimeTransformFunction.X_TIMES_LOG_T)
     *         .fit(lung, "tt(age) + sex");
     * }</pre>
     *
     * @param functions one, or one per {@code tt()} term
     * @return the procedure
     */
    public CoxRegression withTimeTransform(TimeTransformFunction... functions) {
        Check.notNull("time transforms", functions);
        if (functions.length == 0) {
            throw Check.fail("give at least one time transform");
        }
        for (TimeTransformFunction f : functions) {
            Check.notNull("time transform", f);
        }
        return new CoxRegression(ties, variance, confLevel, maxIterations, tolerance, init, List.of(functions));
    }

    /** @return the functions of the {@code tt()} terms */
    public List<TimeTransformFunction> timeTransforms() {
        return timeTransforms;
    }

    /** @return R's {@code init}, or empty when the iteration starts at 0 */
    public java.util.Optional<double[]> initialCoefficients() {
        return init == null ? java.util.Optional.empty() : java.util.Optional.of(init.clone());
    }

    /** {@return tie handling in use} */
    public TieMethod ties() {
        return ties;
    }

    /** {@return variance choice in use} */
    public CoxVariance variance() {
        return variance;
    }

    /** {@return confidence level in use} */
    public double confidenceLevel() {
        return confLevel;
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
     * Fits {@code coxph(Surv(...) ~ formula)}: numeric columns, {@code factor(x, ref = )},
     * interactions {@code a:b} and {@code a*b}, {@code strata()} (separate baseline hazards) and
     * {@code cluster()} (robust variance summed within clusters), with the data's case weights and
     * entry times. Rows missing in a used column are left out and counted.
     *
     * <pre>{@code
     * CoxResult fit = CoxRegression.withDefaults().fit(lung, "age + sex + strata(inst)");
     * }</pre>
     *
     * @param data the data
     * @param formula the model's right-hand side
     * @return the fit
     * @throws IllegalArgumentException for a bad formula or unknown column, no covariates, no
     *     events, or weights that are not positive
     */
    public CoxResult fit(SurvivalData data, String formula) {
        return fit(data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * Fits the model of typed {@code terms}.
     *
     * @param data the data
     * @param terms the model terms
     * @return the fit
     */
    public CoxResult fit(SurvivalData data, Terms terms) {
        return fit(ModelFrame.of(Check.notNull("data", data), Check.notNull("terms", terms)));
    }

    /**
     * Fits the model of a resolved model frame.
     *
     * @param frame the frame
     * @return the fit
     */
    public CoxResult fit(ModelFrame frame) {
        Check.notNull("frame", frame);
        if (variance == CoxVariance.ROBUST && frame.hasStart() && frame.cluster().isEmpty() && frame.id().isEmpty()) {
            // R coxph: robust = TRUE with (start, stop] data stops with "one of cluster or id is needed"
            throw Check.fail("the robust variance for (start, stop] data needs a cluster column (the subject"
                    + " identifier, so that a subject's intervals are summed): add cluster(id) to the formula, or name the"
                    + " data's id column");
        }
        if (PenalizedCoxRegression.isPenalized(frame.terms())) {
            throw Check.fail("the model %s has pspline() or frailty() terms: fit it with PenalizedCoxRegression (R's"
                    + " coxpenal.fit)", frame.terms().formula());
        }
        if (ties == TieMethod.EXACT) {
            checkExact(frame);
        }
        if (frame.hasTimeTransforms()) {
            frame = TimeTransformedCovariates.expand(frame, timeTransforms);
        }
        CoxDesign d = CoxDesign.of(frame, variance);
        if (init != null && init.length != d.p) {
            throw Check.fail("%d initial coefficients for a model with %d coefficients %s", init.length, d.p,
                    java.util.Arrays.toString(d.columnNames));
        }
        CoxKernel kernel = new CoxKernel(d, ties);
        // the null model (no coefficient: ~ 1, only strata or offsets) is evaluated at beta = 0, as R's coxph.fit
        CoxKernel.Fit f = kernel.newtonRaphson(d.p == 0 ? 0 : maxIterations, tolerance, init);
        boolean robust = variance == CoxVariance.ROBUST
                || (variance == CoxVariance.AUTO && (d.cluster != null || d.fractionalWeights));
        return result(d, f, robust, levels(frame));
    }

    /**
     * The finished result of a Newton-Raphson fit: R's rule for redundant columns (coefficient NA
     * where the inverse information has a zero diagonal), the convergence checks, the robust
     * variance when asked for, the three tests and the concordance (R {@code coxph}, {@code
     * coxph.fit}, {@code agreg.fit}).
     */
    CoxResult result(CoxDesign d, CoxKernel.Fit f, boolean robust, Map<String, List<String>> covariates) {
        int p = d.p;
        List<String> warn = new ArrayList<>();
        CoxResult.Builder r = new CoxResult.Builder();
        r.design = d;
        r.ties = ties;
        r.confLevel = confLevel;
        r.robust = robust;
        r.covariates = covariates;
        r.coef = f.beta.clone();
        r.betaScaled = f.betaScaled.clone();
        redundant(d, f, r.coef, r.betaScaled, warn);
        r.naiveVar = f.var;
        r.score = f.u;
        r.loglikNull = f.loglikNull;
        r.loglik = f.loglik;
        r.iterations = f.iterations;
        r.converged = f.converged;
        int df = 0;
        for (double v : r.coef) {
            if (!Double.isNaN(v)) {
                df++;
            }
        }
        r.infinite = CoxConvergence.check(f.u, f.var, r.coef, f.converged, () -> maxLinearPredictor(d, f.betaScaled),
                d.columnNames, this, d.start != null, warn);
        r.lrt = new ChiSquareTest(2 * (f.loglik - f.loglikNull), df);
        r.modelScore = new ChiSquareTest(f.scoreTest, df);
        boolean efron = ties == TieMethod.EFRON;
        if (robust) {
            r.var = CoxRobustVariance.variance(d, r.betaScaled, efron, f.var);
            // robust score test at the initial values, 0 by default (R fit$rscore)
            r.robustScore = new ChiSquareTest(CoxRobustVariance.scoreTest(d, initialScaled(d), efron), df);
        } else {
            r.var = f.var;
        }
        // R: coxph.wtest(var, coef - init)
        r.wald = new ChiSquareTest(wald(r.var, minusInitial(r.coef), p).statistic(), df);
        if (!robust && d.cluster != null) {
            warn.add("the cluster column is ignored for the variance because the model-based variance was requested;"
                    + " use CoxVariance.ROBUST or AUTO for clustered standard errors");
        }
        if (!robust && d.fractionalWeights) {
            warn.add("non-integer case weights with the model-based variance: the standard errors treat weights as"
                    + " replication counts; use CoxVariance.ROBUST (R's default here)");
        }
        // R: fit$linear.predictors = x beta - means beta + offset - mean(offset); the concordance is of it
        double[] lp = sortedLinearPredictor(d, r.betaScaled);
        for (int k = 0; d.offset != null && k < d.n; k++) {
            lp[k] += d.offset[k] - d.offsetMean;
        }
        r.concordance = concordance(d, lp);
        r.linearPredictors = new double[d.n];
        for (int k = 0; k < d.n; k++) {
            r.linearPredictors[d.order[k]] = lp[k];
        }
        r.warnings = warn;
        return r.build();
    }

    /**
     * R: a column whose inverse-information diagonal is 0 is redundant: coefficient NA (NaN), scaled
     * beta 0. R's coxph.fit looks for them only when the Cholesky flag is below p: out of iterations
     * the flag is 1000, so a diverging fit reports every coefficient (the last good point), none as
     * aliased (issue 12).
     */
    private static void redundant(CoxDesign d, CoxKernel.Fit f, double[] coef, double[] betaScaled,
            List<String> warn) {
        if (f.rank >= d.p || !f.converged) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d.p; j++) {
            if (f.var[j * d.p + j] == 0) {
                coef[j] = Double.NaN;
                betaScaled[j] = 0;
                names.add(d.columnNames[j]);
            }
        }
        if (!names.isEmpty()) {
            warn.add("X matrix deemed to be singular: no coefficient for " + names
                    + " (the column is constant or a combination of other columns); remove it from the model");
        }
    }

    /** The largest centred linear predictor (plus the offset) over the rows (R's "may be infinite" rule). */
    private static double maxLinearPredictor(CoxDesign d, double[] betaScaled) {
        double max = Double.NEGATIVE_INFINITY;
        double[] lp = sortedLinearPredictor(d, betaScaled);
        for (int k = 0; k < d.n; k++) {
            max = Math.max(max, lp[k] + (d.offset == null ? 0 : d.offset[k]));
        }
        return max;
    }

    /** Centred linear predictor per sorted row, in the design's coordinates. */
    static double[] sortedLinearPredictor(CoxDesign d, double[] betaScaled) {
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

    /**
     * Harrell's concordance of the linear predictor as R {@code coxph} stores it: R's
     * {@code concordancefit(y, lp, strata, weights, cluster, reverse = TRUE, timewt = "n")}, so a
     * larger linear predictor should go with a shorter survival; clustered with a cluster column.
     */
    static CoxConcordance concordance(CoxDesign d, double[] lp) {
        ConcordanceKernel k = ConcordanceKernel.count(d.time, d.start, d.startOrder, d.event, d.weight, d.strataStart,
                lp, null);
        double[] c = k.totals();
        double npair = c[ConcordanceKernel.CONCORDANT] + c[ConcordanceKernel.DISCORDANT]
                + c[ConcordanceKernel.TIED_RISK];
        double somer = (c[ConcordanceKernel.CONCORDANT] - c[ConcordanceKernel.DISCORDANT]) / npair;
        double var = k.variance(d.cluster, d.clusterCount);
        // reverse = TRUE: concordant and discordant swap, C becomes 1 - C
        return new CoxConcordance(1 - (somer + 1) / 2, Math.sqrt(var), c[ConcordanceKernel.DISCORDANT],
                c[ConcordanceKernel.CONCORDANT], c[ConcordanceKernel.TIED_RISK]);
    }

    /** The initial coefficients (R {@code init}) in the design's scaled coordinates, 0 without them. */
    private double[] initialScaled(CoxDesign d) {
        double[] r = new double[d.p];
        for (int i = 0; init != null && i < d.p; i++) {
            r[i] = init[i] / d.scale[i];
        }
        return r;
    }

    /** {@code b - init} (R's Wald test is against the initial values), {@code b} without them. */
    private double[] minusInitial(double[] b) {
        if (init == null) {
            return b;
        }
        double[] r = b.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] -= init[i];
        }
        return r;
    }

    /** R's coxexact.fit and agexact.fit: no case weights other than 1. */
    private static void checkExact(ModelFrame data) {
        for (int i = 0; i < data.rowCount(); i++) {
            if (data.weight(i) != 1) {
                throw Check.fail("case weights are not supported by ties = exact (R: \"Case weights are not "
                        + "supported for the exact method\"); row %d has weight %s", data.sourceRow(i), data.weight(i));
            }
        }
    }

    /** Term name -> factor levels (reference first), or null for a numeric term. */
    private static Map<String, List<String>> levels(ModelFrame frame) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (ModelFrame.TermSpan t : frame.termSpans()) {
            if (t.name().contains(":")) {
                continue; // an interaction takes the values of its parts
            }
            m.put(t.name(), t.levels().isEmpty() ? null : t.levels());
        }
        return Collections.unmodifiableMap(m);
    }

    /** R's Wald test {@code coxph.wtest}: {@code b' V^-1 b} over the coefficients that are not NaN. */
    static QuadraticForm wald(double[] var, double[] b, int p) {
        int m = 0;
        for (double v : b) {
            if (!Double.isNaN(v)) {
                m++;
            }
        }
        double[] vv = new double[m * m];
        double[] bb = new double[m];
        int r = 0;
        for (int i = 0; i < p; i++) {
            if (Double.isNaN(b[i])) {
                continue;
            }
            bb[r] = b[i];
            int c = 0;
            for (int j = 0; j < p; j++) {
                if (Double.isNaN(b[j])) {
                    continue;
                }
                vv[r * m + c] = var[i * p + j];
                c++;
            }
            r++;
        }
        if (m == 0) {
            return new QuadraticForm(0, 0);
        }
        return Cholesky.quadraticForm(vv, m, bb, Tolerances.COX_CHOLESKY);
    }

    @Override
    public String toString() {
        return "CoxRegression[ties=" + ties + ", variance=" + variance + ", confLevel=" + confLevel
                + ", maxIterations=" + maxIterations + ", tolerance=" + tolerance + "]";
    }
}
