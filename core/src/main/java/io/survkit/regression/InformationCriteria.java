package io.survkit.regression;

import io.survkit.internal.Check;

/**
 * Akaike's and Schwarz's information criteria of a Cox fit, as R's {@code AIC(coxph)} and
 * {@code BIC(coxph)}: AIC = -2 l + 2 k and BIC = -2 l + log(d) k, with l the log partial
 * likelihood, k the estimated (not aliased) coefficients and d the number of events (R's
 * {@code nobs.coxph}: the partial likelihood's information grows with events, not rows).
 *
 * <pre>{@code
 * InformationCriteria ic = InformationCriteria.of(CoxRegression.withDefaults().fit(lung, "age + sex"));
 * double aic = ic.aic();
 * }</pre>
 *
 * @param logLikelihood l
 * @param parameters k
 * @param observations d, the events
 * @param aic -2 l + 2 k
 * @param bic -2 l + log(d) k
 */
public record InformationCriteria(double logLikelihood, int parameters, int observations, double aic, double bic) {
    /**
     * @param fit a Cox fit
     * @return its criteria
     */
    public static InformationCriteria of(CoxResult fit) {
        Check.notNull("fit", fit);
        int k = CoxAnova.estimated(fit);
        double l = fit.logLikelihood();
        int d = fit.events();
        return new InformationCriteria(l, k, d, -2 * l + 2 * k, -2 * l + Math.log(d) * k);
    }
}
