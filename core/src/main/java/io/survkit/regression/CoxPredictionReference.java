package io.survkit.regression;

/**
 * The covariate values a Cox prediction is centred at, R {@code predict.coxph(reference =)}.
 * R's default is {@link #STRATA} for every type but {@link CoxPredictionType#TERMS}, whose default
 * is {@link #SAMPLE}; the expected number of events and survival do not depend on it.
 *
 * <pre>{@code
 * fit.prediction().predict(CoxPredictionType.LINEAR_PREDICTOR, CoxPredictionReference.ZERO);
 * }</pre>
 */
public enum CoxPredictionReference {
    /**
     * The case-weighted mean of each model column within the row's stratum, over the fitted rows
     * (R {@code "strata"}); the same as {@link #SAMPLE} for a model without strata.
     */
    STRATA,
    /** The fit's means (R {@code fit$means}: 0 for a column with values in {-1, 0, 1}; R {@code "sample"}). */
    SAMPLE,
    /** No centring: {@code x beta} (R {@code "zero"}). */
    ZERO
}
