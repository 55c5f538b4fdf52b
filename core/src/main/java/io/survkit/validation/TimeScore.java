package io.survkit.validation;

/**
 * The scores of one model at one time of a {@link Score}.
 *
 * @param time the evaluation time t
 * @param auc time-dependent AUC (R {@code fit$AUC$score}: {@code AUC, se, lower, upper})
 * @param brier Brier score (R {@code fit$Brier$score}: {@code Brier, se, lower, upper})
 * @param brierNull Brier score of the null model, r = 1 - KM(t) for every row (R's {@code Null model} row)
 * @param brierVersusNull the model's Brier score minus the null model's (R {@code fit$Brier$contrasts})
 */
public record TimeScore(double time, Estimate auc, Estimate brier, Estimate brierNull, Contrast brierVersusNull) {
}
