/**
 * How good a prognostic model is: concordance (Harrell's and Uno's C, R {@code survival::concordance}),
 * time-dependent AUC and Brier score with inverse-probability-of-censoring weights (R
 * {@code riskRegression::Score}), calibration and bootstrap internal validation.
 *
 * <pre>{@code
 * SurvivalData vet = SurvivalData.csv(Path.of("veteran.csv")).time("time").event("status", "1").read();
 * ConcordanceResult c = Concordance.withDefaults().withTimeWeight(TimeWeight.UNO).estimate(vet, "karno");
 * System.out.println(c);   // as print(concordance(Surv(time, status) ~ karno, timewt = "n/G2"))
 * }</pre>
 */
package io.survkit.validation;
