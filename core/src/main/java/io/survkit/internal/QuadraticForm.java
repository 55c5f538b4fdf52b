package io.survkit.internal;

/**
 * The quadratic form {@code b' V^- b} of a Wald-type test and the rank of {@code V} the generalised
 * inverse kept (R {@code coxph.wtest}: {@code test} and {@code df}).
 *
 * @param statistic {@code b' V^- b}
 * @param rank the number of non-redundant directions of {@code V} (the test's degrees of freedom)
 */
public record QuadraticForm(double statistic, int rank) {
}
