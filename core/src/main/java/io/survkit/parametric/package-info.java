/**
 * Parametric survival models: the accelerated failure time models of R {@code survreg}
 * ({@link io.survkit.parametric.ParametricRegression}: Weibull, exponential, log-normal,
 * log-logistic, Gaussian, logistic; strata, weights, robust variance) with predictions of
 * quantiles, survival, hazard and mean survival extrapolated to any horizon.
 *
 * <pre>{@code
 * SurvivalData vet = SurvivalData.csv(Path.of("veteran.csv"))
 *         .time("time").event("status", "1")
 *         .numeric("trt").numeric("karno").factor("celltype", "squamous")
 *         .read();
 * ParametricResult fit = ParametricRegression.withDefaults()
 *         .withDistribution(Distribution.LOGNORMAL).fit(vet);
 * System.out.println(fit);   // print(summary(survreg(..., dist = "lognormal")))
 * }</pre>
 */
package io.survkit.parametric;
