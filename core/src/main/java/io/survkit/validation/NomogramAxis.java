package io.survkit.validation;

import java.util.List;

/**
 * One axis of a {@link Nomogram}: tick labels, the value behind each tick and its position on the
 * points scale.
 *
 * @param name the axis name (a model term, {@code Total points}, {@code Linear predictor} or
 *     {@code S(t)})
 * @param labels tick labels (covariate values, factor levels, points, survival probabilities)
 * @param values per tick: the term's contribution x'beta, the points, the centred linear
 *     predictor or the survival probability
 * @param points per tick: the position on the 0-to-max points scale
 */
public record NomogramAxis(String name, List<String> labels, double[] values, double[] points) {
    /**
     * Copies the arrays.
     *
     * @param name the name
     * @param labels the labels
     * @param values the values
     * @param points the points
     */
    public NomogramAxis {
        labels = List.copyOf(labels);
        values = values.clone();
        points = points.clone();
    }

    /** {@return number of ticks} */
    public int size() {
        return points.length;
    }
}
