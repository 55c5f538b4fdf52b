package io.survkit.regression;

/**
 * What {@link CoxPrediction#predict} returns per row, R {@code predict.coxph(type =)}.
 *
 * <pre>{@code
 * CoxPredictedValues risk = fit.prediction().predict(newData, CoxPredictionType.RISK);
 * }</pre>
 */
public enum CoxPredictionType {
    /** The linear predictor {@code (x - reference) beta} (R {@code "lp"}). */
    LINEAR_PREDICTOR("lp"),
    /** The risk score {@code exp(lp)} (R {@code "risk"}); its standard error is R's {@code se(lp) sqrt(risk)}. */
    RISK("risk"),
    /**
     * The expected number of events given the covariates and the follow-up time (R
     * {@code "expected"}): the cumulative hazard of the row's stratum at its time (from its entry
     * time for (start, stop] rows) times its risk; for the fitted rows, R's status minus
     * martingale residual.
     */
    EXPECTED("expected"),
    /** The terms' contributions to the linear predictor, one column per model term (R {@code "terms"}). */
    TERMS("terms"),
    /** The survival probability {@code exp(-expected)} (R {@code "survival"}). */
    SURVIVAL("survival");

    private final String rName;

    CoxPredictionType(String rName) {
        this.rName = rName;
    }

    /** @return R's name of the type ({@code lp}, {@code risk}, ...) */
    public String rName() {
        return rName;
    }
}
