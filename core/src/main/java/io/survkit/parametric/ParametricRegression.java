package io.survkit.parametric;

import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import io.survkit.regression.Variance;

/**
 * Parametric survival regression equal to R {@code survival::survreg}: the accelerated failure
 * time models {@code g(T) = x'b + sigma W} of {@link Distribution} (Weibull, exponential,
 * log-normal, log-logistic, Gaussian, logistic), fitted by R's Newton-Raphson with R's starting
 * values, step halving and convergence rule, so that estimates, iteration counts and variances are
 * R's. A strata column gives each stratum its own scale (R {@code strata()} in a survreg formula;
 * the coefficients are shared); case weights multiply each row's log-likelihood; a cluster column
 * switches on the robust sandwich variance summed within clusters.
 *
 * <p>Defaults ({@link #withDefaults()}): {@link Distribution#WEIBULL}, {@link Variance#AUTO}
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
            new ParametricRegression(Distribution.WEIBULL, Variance.AUTO, 0.95, 30, 1e-9,
                    RobustScores.WEIGHTED);

    private final Distribution distribution;
    private final Variance variance;
    private final double confLevel;
    private final int maxIterations;
    private final double tolerance;
    private final RobustScores robustScores;

    private ParametricRegression(Distribution distribution, Variance variance, double confLevel, int maxIterations,
            double tolerance, RobustScores robustScores) {
        this.distribution = distribution;
        this.variance = variance;
        this.confLevel = confLevel;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.robustScores = robustScores;
    }

    /**
     * The default procedure: Weibull, {@link Variance#AUTO}, confidence level 0.95, at most 30
     * iterations, tolerance 1e-9 (R {@code survreg.control()}).
     */
    public static ParametricRegression withDefaults() {
        return DEFAULTS;
    }

    /** The distribution (R {@code dist}). */
    public ParametricRegression withDistribution(Distribution d) {
        return new ParametricRegression(Check.notNull("distribution", d), variance, confLevel, maxIterations,
                tolerance, robustScores);
    }

    /** Which variance the result reports: model-based, robust, or R's automatic choice (robust with a cluster). */
    public ParametricRegression withVariance(Variance v) {
        return new ParametricRegression(distribution, Check.notNull("variance", v), confLevel, maxIterations,
                tolerance, robustScores);
    }

    /** Confidence level of the intervals, in (0, 1). */
    public ParametricRegression withConfLevel(double level) {
        return new ParametricRegression(distribution, variance, Check.openUnit("confidence level", level),
                maxIterations, tolerance, robustScores);
    }

    /** Largest number of Newton-Raphson iterations (R {@code maxiter}, default 30). */
    public ParametricRegression withMaxIterations(int n) {
        if (n < 0) {
            throw Check.fail("maximum iterations must be >= 0, got %d", n);
        }
        return new ParametricRegression(distribution, variance, confLevel, n, tolerance, robustScores);
    }

    /** Convergence tolerance on the relative change of the log-likelihood (R {@code rel.tolerance}, default 1e-9), in (0, 1). */
    public ParametricRegression withTolerance(double eps) {
        if (!(eps > 0 && eps < 1)) {
            throw Check.fail("tolerance must be between 0 and 1, got %s", eps);
        }
        return new ParametricRegression(distribution, variance, confLevel, maxIterations, eps, robustScores);
    }

    /**
     * How case weights enter the robust variance: {@link RobustScores#WEIGHTED} (default, R survival
     * 3.8 and later) or {@link RobustScores#UNWEIGHTED} (R survival before 3.8).
     */
    public ParametricRegression withRobustScores(RobustScores scores) {
        return new ParametricRegression(distribution, variance, confLevel, maxIterations, tolerance,
                Check.notNull("robust scores", scores));
    }

    /** Robust-score weighting in use. */
    public RobustScores robustScores() {
        return robustScores;
    }

    /** Distribution in use. */
    public Distribution distribution() {
        return distribution;
    }

    /** Variance choice in use. */
    public Variance variance() {
        return variance;
    }

    /** Confidence level in use. */
    public double confLevel() {
        return confLevel;
    }

    /** Iteration limit in use. */
    public int maxIterations() {
        return maxIterations;
    }

    /** Convergence tolerance in use. */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Fits the model to {@code data}: its covariates (numeric, and factors as dummies against the
     * reference level), strata (one scale per stratum), case weights, cluster, and entry times:
     * with a start column each row's likelihood is conditional on survival to its entry time
     * ({@code f(t) / S(t0)}, {@code S(t) / S(t0)}: delayed entry, as flexsurv; R's survreg has no
     * such data).
     *
     * @throws IllegalArgumentException for times that are not positive with a log-time
     *     distribution, weights that are not positive, a constant covariate, or strata with the
     *     exponential distribution (its scale is fixed)
     */
    public ParametricResult fit(SurvivalData data) {
        Check.notNull("data", data);
        return fit(AftDesign.of(data, distribution));
    }

    /** Fits a prepared design (right-censored, delayed-entry or interval-censored response). */
    ParametricResult fit(AftDesign d) {
        AftFitter.Estimate e = AftFitter.fit(d, distribution, maxIterations, tolerance);
        boolean robust = variance == Variance.ROBUST || (variance == Variance.AUTO && d.cluster != null);
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
