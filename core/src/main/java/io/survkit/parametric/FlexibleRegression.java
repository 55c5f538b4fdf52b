package io.survkit.parametric;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.Tolerances;

/**
 * Parametric survival regression with flexsurv's Gompertz, generalized gamma (Prentice 1974) and
 * proportional-hazards Weibull ({@link FlexibleDistribution}), covariates on the rate (Gompertz,
 * Weibull PH: {@code exp(b)} are hazard ratios) or on the location mu (generalized gamma: time
 * ratios). Right-censored data with optional delayed entry and case weights; strata and clusters
 * are not used (the scale per stratum is survreg's notion, see {@link ParametricRegression}).
 *
 * <p>Defaults: Gompertz, confidence level 0.95, at most 100 iterations.
 *
 * <pre>{@code
 * FlexibleResult g = FlexibleRegression.withDefaults()
 *         .withDistribution(FlexibleDistribution.GENERALIZED_GAMMA).fit(data);
 * double q = g.ancillary()[1];   // Q: 1 = Weibull, 0 = log-normal
 * }</pre>
 */
public final class FlexibleRegression {
    private static final FlexibleRegression DEFAULTS = new FlexibleRegression(FlexibleDistribution.GOMPERTZ, 0.95,
            100);

    private final FlexibleDistribution distribution;
    private final double confLevel;
    private final int maxIterations;

    private FlexibleRegression(FlexibleDistribution distribution, double confLevel, int maxIterations) {
        this.distribution = distribution;
        this.confLevel = confLevel;
        this.maxIterations = maxIterations;
    }

    /**
     * Gompertz, confidence level 0.95, at most 100 iterations.
     *
     * @return the shared default instance
     */
    public static FlexibleRegression withDefaults() {
        return DEFAULTS;
    }

    /**
     * The distribution.
     *
     * @param d the flexible distribution
     * @return a new instance with this setting (this one is unchanged)
     */
    public FlexibleRegression withDistribution(FlexibleDistribution d) {
        return new FlexibleRegression(Check.notNull("distribution", d), confLevel, maxIterations);
    }

    /**
     * Confidence level of the intervals, in (0, 1).
     *
     * @param level the confidence level, in (0, 1)
     * @return a new instance with this setting (this one is unchanged)
     */
    public FlexibleRegression withConfidenceLevel(double level) {
        return new FlexibleRegression(distribution, Check.openUnit("confidence level", level), maxIterations);
    }

    /**
     * Largest number of Newton-Raphson iterations (at least 1).
     *
     * @param n the count
     * @return a new instance with this setting (this one is unchanged)
     */
    public FlexibleRegression withMaxIterations(int n) {
        if (n < 1) {
            throw Check.fail("maximum iterations must be >= 1, got %d", n);
        }
        return new FlexibleRegression(distribution, confLevel, n);
    }

    /** {@return distribution in use} */
    public FlexibleDistribution distribution() {
        return distribution;
    }

    /** {@return confidence level in use} */
    public double confidenceLevel() {
        return confLevel;
    }

    /**
     * Fits the model of {@code formula} (covariates: numeric, factor dummies) with the data's case
     * weights and entry times.
     *
     * @param data the data
     * @param formula the model's right-hand side, e.g. {@code "age + sex"} ({@code "1"}: no covariates)
     * @return the fit
     * @throws IllegalArgumentException for times that are not positive, weights that are not
     *     positive, a constant covariate, or a strata column (not part of these models)
     */
    public FlexibleResult fit(SurvivalData data, String formula) {
        return fit(ModelFrame.of(Check.notNull("data", data), Terms.parse(Check.notNull("formula", formula))));
    }

    /**
     * Fits the model of a resolved model frame.
     *
     * @param frame the frame
     * @return the fit
     */
    public FlexibleResult fit(ModelFrame frame) {
        Check.notNull("frame", frame);
        if (frame.strata().isPresent()) {
            throw Check.fail("the %s model has no strata (use ParametricRegression for a scale per stratum, or a"
                    + " factor covariate); drop strata() from the formula", distribution.optionName());
        }
        AftDesign d = AftDesign.of(frame, Distribution.WEIBULL);
        double[] init = start(d);
        FlexibleFitter.Fit f = FlexibleFitter.fit(d, distribution, init, maxIterations);
        int np = init.length;
        double[][] back = AftFitter.unscale(d, f.theta(), f.variance(), np);
        return new FlexibleResult(distribution, confLevel, d, back[0], back[1], f.logLikelihood() + 0,
                f.iterations(), f.converged());
    }

    /**
     * Starting values: generalized gamma from survreg's Weibull fit (mu = b, log sigma, Q = 1);
     * Gompertz and Weibull PH from the exponential rate events / time (shape 0, resp. log shape 0).
     */
    private double[] start(AftDesign d) {
        int p = d.nvar;
        double[] init = new double[p + distribution.ancillaryCount];
        if (distribution == FlexibleDistribution.GENERALIZED_GAMMA) {
            AftFitter.Estimate w = AftFitter.fit(d, Distribution.WEIBULL, 30, Tolerances.SURVREG_CONVERGENCE);
            System.arraycopy(w.scaledBeta(), 0, init, 0, p + 1);
            init[p + 1] = 1;
            return init;
        }
        double exposure = 0;
        double events = 0;
        for (int i = 0; i < d.n; i++) {
            double t0 = d.entry == null || d.entry[i] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(d.entry[i]);
            exposure += d.weight[i] * (Math.exp(d.y1[i]) - t0);
            events += d.status[i] == AftKernel.EXACT ? d.weight[i] : 0;
        }
        if (events == 0) {
            throw Check.fail("the data have no events; a %s model needs at least one", distribution.optionName());
        }
        init[0] = Math.log(events / exposure);
        return init;
    }

    @Override
    public String toString() {
        return "FlexibleRegression[distribution=" + distribution + ", confLevel=" + confLevel + ", maxIterations="
                + maxIterations + "]";
    }
}
