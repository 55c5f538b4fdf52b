package io.survkit.validation;

/**
 * One index of a {@link BootstrapValidation}, as a row of {@code rms::validate}'s table.
 *
 * @param name the index: {@code C} (Harrell's concordance), {@code Dxy} (Somers' Dxy = 2C - 1) or
 *     {@code Slope} (calibration slope of the linear predictor)
 * @param apparent on the data the model was fitted to (R {@code index.orig})
 * @param training mean over replicates of the index in the bootstrap sample (R {@code training})
 * @param test mean over replicates of the bootstrap model's index in the original data (R {@code test})
 * @param optimism mean of training - test (R {@code optimism})
 * @param corrected apparent - optimism (R {@code index.corrected})
 * @param replicates replicates that entered the means (R {@code n})
 */
public record ValidationIndex(String name, double apparent, double training, double test, double optimism,
        double corrected, int replicates) {
}
