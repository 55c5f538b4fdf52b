/**
 * Regression models for survival data: Cox proportional hazards ({@link io.survkit.regression.CoxRegression},
 * equal to R {@code coxph}) with its diagnostics (residuals, baseline hazard, predicted curves,
 * concordance) and the proportional-hazards test ({@link io.survkit.regression.ProportionalHazardsTest},
 * R {@code cox.zph}).
 *
 * <pre>{@code
 * SurvivalData vet = SurvivalData.csv(Path.of("veteran.csv"))
 *         .time("time").event("status", "1")
 *         .numeric("trt").numeric("karno").factor("celltype", "squamous")
 *         .read();
 * CoxResult fit = CoxRegression.withDefaults().fit(vet);
 * System.out.println(fit);                                            // print(summary(coxph(...)))
 * System.out.println(ProportionalHazardsTest.withDefaults().test(fit)); // cox.zph(fit)
 * }</pre>
 */
package io.survkit.regression;
