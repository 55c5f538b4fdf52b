package io.survkit.parametric;

import java.util.OptionalDouble;

/**
 * One fitted distribution of a {@link ModelComparisonResult}: fit statistics (NICE DSU TSD 14) and
 * the extrapolated summaries for the covariate profile.
 *
 * <pre>{@code
 * ModelComparisonRow best = comparison.bestByAic();
 * double rmst = best.restrictedMean();
 * }</pre>
 *
 * @param distribution the CLI's name of the distribution ({@code weibull}, {@code gompertz}, ...)
 * @param logLikelihood the maximised log-likelihood
 * @param parameters number of estimated parameters
 * @param aic Akaike's criterion
 * @param bic Bayesian criterion (log of the rows used)
 * @param median the median survival time (empty when S stays above 1/2)
 * @param mean the mean survival time (empty when infinite)
 * @param restrictedMean the restricted mean survival time to the horizon
 * @param converged whether the fit converged
 */
public record ModelComparisonRow(String distribution, double logLikelihood, int parameters, double aic, double bic,
        OptionalDouble median, OptionalDouble mean, double restrictedMean, boolean converged) {
}
