package io.survkit.parametric;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Fits every standard parametric distribution to the same data and tabulates log-likelihood,
 * number of parameters, AIC, BIC, median, mean and restricted mean to a horizon, as NICE DSU
 * Technical Support Document 14 (Latimer 2011) asks: exponential, Weibull, Gompertz, log-logistic,
 * log-normal and generalized gamma. A distribution that fails to fit is reported with its reason
 * instead of a row.
 *
 * <p>Defaults: horizon = the largest follow-up time, the covariate profile empty (data without
 * covariates; with covariates give {@link #withProfile} the subject to summarise).
 *
 * <pre>{@code
 * ModelComparisonResult table = ModelComparison.withDefaults().withHorizon(40 * 365.25).fit(arm);
 * System.out.println(table);   // TSD 14 table, best AIC first
 * }</pre>
 */
public final class ModelComparison {
    private static final ModelComparison DEFAULTS = new ModelComparison(Double.NaN, Map.of());

    private final double horizon;
    private final Map<String, ?> profile;

    private ModelComparison(double horizon, Map<String, ?> profile) {
        this.horizon = horizon;
        this.profile = profile;
    }

    /**
     * Horizon = longest follow-up; empty covariate profile.
     *
     * @return the shared default instance
     */
    public static ModelComparison withDefaults() {
        return DEFAULTS;
    }

    /**
     * The horizon of the restricted mean and of the extrapolated curves (e.g. a lifetime).
     *
     * @param tau the time horizon
     * @return a new instance with this setting (this one is unchanged)
     */
    public ModelComparison withHorizon(double tau) {
        return new ModelComparison(Check.positiveFinite("horizon", tau), profile);
    }

    /**
     * The covariate values of the subject whose median, mean and restricted mean are tabulated.
     *
     * @param values the values
     * @return a new instance with this setting (this one is unchanged)
     */
    public ModelComparison withProfile(Map<String, ?> values) {
        return new ModelComparison(horizon, Map.copyOf(Check.notNull("profile", values)));
    }

    /**
     * Fits all distributions to {@code data} with the model {@code formula}.
     *
     * @param data the data
     * @param formula the model's right-hand side ({@code "1"}: no covariates, the TSD 14 setting per arm)
     * @return the table
     */
    public ModelComparisonResult fit(SurvivalData data, String formula) {
        return fit(ModelFrame.of(Check.notNull("data", data), Check.notNull("formula", formula)));
    }

    /**
     * Fits all distributions to a resolved model frame.
     *
     * @param data the frame
     * @return the table
     */
    public ModelComparisonResult fit(ModelFrame data) {
        Check.notNull("frame", data);
        double tau = horizon;
        if (Double.isNaN(tau)) {
            tau = 0;
            for (int i = 0; i < data.rowCount(); i++) {
                tau = Math.max(tau, data.time(i));
            }
        }
        List<ModelComparisonRow> rows = new ArrayList<>();
        List<FittedCurve> curves = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Distribution d : new Distribution[] {Distribution.EXPONENTIAL, Distribution.WEIBULL}) {
            aft(data, d, tau, rows, curves, failures);
        }
        flexible(data, FlexibleDistribution.GOMPERTZ, tau, rows, curves, failures);
        for (Distribution d : new Distribution[] {Distribution.LOGLOGISTIC, Distribution.LOGNORMAL}) {
            aft(data, d, tau, rows, curves, failures);
        }
        flexible(data, FlexibleDistribution.GENERALIZED_GAMMA, tau, rows, curves, failures);
        if (rows.isEmpty()) {
            throw Check.fail("no distribution could be fitted: %s", String.join("; ", failures));
        }
        return new ModelComparisonResult(tau, rows, curves, failures);
    }

    private void aft(ModelFrame data, Distribution d, double tau, List<ModelComparisonRow> rows,
            List<FittedCurve> curves, List<String> failures) {
        try {
            ParametricResult fit = ParametricRegression.withDefaults().withDistribution(d).fit(data);
            ParametricPrediction p = fit.predict(profile);
            rows.add(new ModelComparisonRow(d.optionName(), fit.logLikelihood(), fit.parameterCount(), fit.aic(),
                    fit.bic(), finite(p.quantile(0.5).time()), p.mean(), p.restrictedMean(tau).value(),
                    fit.converged()));
            curves.add(new FittedCurve(t -> p.survival(t).estimate(), t -> p.hazard(t).estimate()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            failures.add(d.optionName() + ": " + e.getMessage());
        }
    }

    private void flexible(ModelFrame data, FlexibleDistribution d, double tau, List<ModelComparisonRow> rows,
            List<FittedCurve> curves, List<String> failures) {
        try {
            FlexibleResult fit = FlexibleRegression.withDefaults().withDistribution(d).fit(data);
            FlexiblePrediction p = fit.predict(profile);
            rows.add(new ModelComparisonRow(d.optionName(), fit.logLikelihood(), fit.parameterCount(), fit.aic(),
                    fit.bic(), finite(p.quantile(0.5)), p.mean(), p.restrictedMean(tau).value(), fit.converged()));
            curves.add(new FittedCurve(t -> p.survival(t).estimate(), t -> p.hazard(t).estimate()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            failures.add(d.optionName() + ": " + e.getMessage());
        }
    }

    private static OptionalDouble finite(double v) {
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return "ModelComparison[horizon=" + horizon + ", profile=" + profile + "]";
    }
}
