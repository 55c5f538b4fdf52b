package io.survkit.parametric;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.Tolerances;
import io.survkit.regression.CoxVariance;

/**
 * Parametric survival regression equal to R {@code survival::survreg}: the accelerated failure
 * time models {@code g(T) = x'b + sigma W} of {@link Distribution} (Weibull, exponential,
 * log-normal, log-logistic, Gaussian, logistic), fitted by R's Newton-Raphson with R's starting
 * values, step halving and convergence rule, so that estimates, iteration counts and variances are
 * R's. A strata column gives each stratum its own scale (R {@code strata()} in a survreg formula;
 * the coefficients are shared); case weights multiply each row's log-likelihood; a cluster column
 * switches on the robust sandwich variance summed within clusters.
 *
 * <p>Defaults ({@link #withDefaults()}): {@link Distribution#WEIBULL}, {@link CoxVariance#AUTO}
 * (robust exactly when the data have a cluster column; unlike {@code coxph}, fractional weights do
 * not switch it on), confidence level 0.95, at most 30 iterations, tolerance 1e-9 on the relative
 * change of the log-likelihood (R {@code survreg.control()}).
 *
 * <pre>{@code
 * SurvivalData lung = SurvivalData.csv(Path.of("lung.csv"))
 *         .time("time").event("status", "2").numeric("age").numeric("sex").read();
 * ParametricResult fit = ParametricRegression.withDefaults().fit(lung);
 * double[] timeRatios = fit.timeRatios();
 * System.out.println(fit);   // like R's print(summary(survreg(...)))
 * }</pre>
 */
public final class ParametricRegression {
    private static final ParametricRegression DEFAULTS =
            new ParametricRegression(Distribution.WEIBULL, CoxVariance.AUTO, 0.95, 30, Tolerances.SURVREG_CONVERGENCE,
                    RobustScores.WEIGHTED, null, null);

    private final Distribution distribution;
    private final CoxVariance variance;
    private final double confLevel;
    private final int maxIterations;
    private final double tolerance;
    private final RobustScores robustScores;
    private final String lowerColumn;
    private final String upperColumn;

    private ParametricRegression(Distribution distribution, CoxVariance variance, double confLevel, int maxIterations,
            double tolerance, RobustScores robustScores, String lowerColumn, String upperColumn) {
        this.distribution = distribution;
        this.variance = variance;
        this.confLevel = confLevel;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.robustScores = robustScores;
        this.lowerColumn = lowerColumn;
        this.upperColumn = upperColumn;
    }

    /**
     * The default procedure: Weibull, {@link CoxVariance#AUTO}, confidence level 0.95, at most 30
     * iterations, tolerance 1e-9 (R {@code survreg.control()}).
     *
     * @return the shared default instance
     */
    public static ParametricRegression withDefaults() {
        return DEFAULTS;
    }

    /**
     * The distribution (R {@code dist}).
     *
     * @param d the distribution
     * @return a new instance with this setting (this one is unchanged)
     */
    public ParametricRegression withDistribution(Distribution d) {
        return new ParametricRegression(Check.notNull("distribution", d), variance, confLevel, maxIterations,
                tolerance, robustScores, lowerColumn, upperColumn);
    }

    /**
     * Which variance the result reports: model-based, robust, or R's automatic choice (robust with a cluster).
     *
     * @param v the cox variance
     * @return a new instance with this setting (this one is unchanged)
     */
    public ParametricRegression withVariance(CoxVariance v) {
        return new ParametricRegression(distribution, Check.notNull("variance", v), confLevel, maxIterations,
                tolerance, robustScores, lowerColumn, upperColumn);
    }

    /**
     * Confidence level of the intervals, in (0, 1).
     *
     * @param level the confidence level, in (0, 1)
     * @return a new instance with this setting (this one is unchanged)
     */
    public ParametricRegression withConfidenceLevel(double level) {
        return new ParametricRegression(distribution, variance, Check.openUnit("confidence level", level),
                maxIterations, tolerance, robustScores, lowerColumn, upperColumn);
    }

    /**
     * Largest number of Newton-Raphson iterations (R {@code maxiter}, default 30).
     *
     * @param n the count
     * @return a new instance with this setting (this one is unchanged)
     */
    public ParametricRegression withMaxIterations(int n) {
        if (n < 0) {
            throw Check.fail("maximum iterations must be >= 0, got %d", n);
        }
        return new ParametricRegression(distribution, variance, confLevel, n, tolerance, robustScores, lowerColumn, upperColumn);
    }

    /**
     * Convergence tolerance on the relative change of the log-likelihood (R {@code rel.tolerance}, default 1e-9), in (0, 1).
     *
     * @param eps the convergence tolerance
     * @return a new instance with this setting (this one is unchanged)
     */
    public ParametricRegression withTolerance(double eps) {
        if (!(eps > 0 && eps < 1)) {
            throw Check.fail("tolerance must be between 0 and 1, got %s", eps);
        }
        return new ParametricRegression(distribution, variance, confLevel, maxIterations, eps, robustScores, lowerColumn, upperColumn);
    }

    /**
     * How case weights enter the robust variance: {@link RobustScores#WEIGHTED} (default, R survival
     * 3.8 and later) or {@link RobustScores#UNWEIGHTED} (R survival before 3.8).
     *
     * @param scores the scores
     * @return a new instance with this setting (this one is unchanged)
     */
    public ParametricRegression withRobustScores(RobustScores scores) {
        return new ParametricRegression(distribution, variance, confLevel, maxIterations, tolerance,
                Check.notNull("robust scores", scores), lowerColumn, upperColumn);
    }

    /**
     * Interval-censored data (R {@code Surv(lower, upper, type = "interval2")}): the response is
     * the pair of columns {@code lower} and {@code upper} of the data, a missing value being an open
     * end: lower missing = left censored at upper, upper missing = right censored at lower, equal =
     * an observed time, else censored in the interval. The data's time and event roles are not
     * used. Other survkit estimators take no interval-censored data.
     *
     * <pre>{@code
     * ParametricResult fit = ParametricRegression.withDefaults().withIntervalCensoring("lower", "upper")
     *         .fit(data, "x + factor(g)");
     * }</pre>
     *
     * @param lower the column of lower bounds
     * @param upper the column of upper bounds
     * @return the procedure for interval-censored data
     */
    public ParametricRegression withIntervalCensoring(String lower, String upper) {
        Check.notNull("lower bound column", lower);
        Check.notNull("upper bound column", upper);
        if (lower.equals(upper)) {
            throw Check.fail("the lower and upper bounds need two different columns, got '%s' twice", lower);
        }
        return new ParametricRegression(distribution, variance, confLevel, maxIterations, tolerance, robustScores,
                lower, upper);
    }

    /** {@return Robust-score weighting in use} */
    public RobustScores robustScores() {
        return robustScores;
    }

    /** {@return distribution in use} */
    public Distribution distribution() {
        return distribution;
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
     * Fits the model of {@code formula} to {@code data}: covariates (numeric, and factors as dummies
     * against the reference level), {@code strata()} (one scale per stratum), {@code cluster()},
     * the data's case weights, and entry times:
     * with a start column each row's likelihood is conditional on survival to its entry time
     * ({@code f(t) / S(t0)}, {@code S(t) / S(t0)}: delayed entry, as flexsurv; R's survreg has no
     * such data).
     *
     * @param data the data
     * @param formula the model's right-hand side, e.g. {@code "age + sex + strata(inst)"}
     * @return the fit
     * @throws IllegalArgumentException for times that are not positive with a log-time
     *     distribution, weights that are not positive, a constant covariate, or strata with the
     *     exponential distribution (its scale is fixed)
     */
    public ParametricResult fit(SurvivalData data, String formula) {
        return fit(data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * Fits the model of typed {@code terms} (see {@link #fit(SurvivalData, String)}).
     *
     * @param data the data
     * @param terms the model terms
     * @return the fit
     */
    public ParametricResult fit(SurvivalData data, Terms terms) {
        Check.notNull("data", data);
        Check.notNull("terms", terms);
        if (lowerColumn != null) {
            IntervalFrame f = IntervalFrame.of(data, terms, lowerColumn, upperColumn);
            return fit(AftDesign.intervals(f.frame, distribution, f.lower, f.upper, lowerColumn, upperColumn));
        }
        return fit(ModelFrame.of(data, terms));
    }

    /**
     * Fits the model of a resolved model frame (right-censored or delayed-entry response).
     *
     * @param frame the frame
     * @return the fit
     */
    public ParametricResult fit(ModelFrame frame) {
        Check.notNull("frame", frame);
        if (lowerColumn != null) {
            throw Check.fail("interval-censored fits take the data and the formula (the bounds are columns of the"
                    + " data): use fit(data, formula)");
        }
        return fit(AftDesign.of(frame, distribution));
    }

    /** Fits a prepared design (right-censored, delayed-entry or interval-censored response). */
    ParametricResult fit(AftDesign d) {
        AftFitter.Estimate e = AftFitter.fit(d, distribution, maxIterations, tolerance);
        boolean robust = variance == CoxVariance.ROBUST || (variance == CoxVariance.AUTO && d.cluster != null);
        double[] reported = e.variance();
        if (robust) {
            AftKernel k = d.kernel(d.x, d.nvar, distribution.hasFixedScale() ? 0 : d.strataCount(),
                    distribution.error());
            reported = AftRobustVariance.of(d, k, e.scaledBeta(), e.variance(), e.nparam(),
                    robustScores == RobustScores.WEIGHTED);
        }
        return new ParametricResult(this, d, e, robust ? reported : null);
    }

    @Override
    public String toString() {
        return "ParametricRegression[distribution=" + distribution + ", variance=" + variance + ", confLevel="
                + confLevel + ", maxIterations=" + maxIterations + ", tolerance=" + tolerance + ", robustScores=" + robustScores + "]";
    }
}
