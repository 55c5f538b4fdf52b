package io.survkit.validation;

/**
 * What a larger predictor means, for {@link Concordance}: R {@code concordance(reverse = )}.
 */
public enum Direction {
    /** A larger predictor goes with longer survival (a marker such as a performance score; R {@code reverse = FALSE}). */
    LONGER_SURVIVAL,
    /** A larger predictor goes with shorter survival (a risk score, a linear predictor; R {@code reverse = TRUE}). */
    HIGHER_RISK
}
