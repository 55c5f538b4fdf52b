package io.survkit.arms;

import java.util.OptionalDouble;

import java.util.List;

/**
 * The arm comparison within subgroups, immutable. Two designs, chosen from the data:
 * <ul>
 *   <li>{@link Design#TREATMENT_LEVEL_VERSUS_CONTROL}: the variable varies only within the treatment
 *       arm (e.g. timing of surgery); each level of the treatment arm is compared with the whole
 *       control arm. Interaction test: likelihood ratio of a Cox model with one treatment effect per
 *       level against one common treatment effect (df = levels - 1).</li>
 *   <li>{@link Design#WITHIN_LEVEL}: the variable varies in both arms (e.g. sex); treatment and
 *       control are compared within each level. Interaction test: likelihood ratio of
 *       {@code arm + subgroup + arm:subgroup} against {@code arm + subgroup}.</li>
 * </ul>
 * Both are Cox likelihood-ratio tests on the rows of the two arms, crude (no adjustment), with the
 * comparison's tie method.
 */
public final class SubgroupAnalysis {
    /** How subgroups are compared. */
    public enum Design {
        /** Each level of the treatment arm versus the whole control arm. */
        TREATMENT_LEVEL_VERSUS_CONTROL,
        /** Treatment versus control within each level. */
        WITHIN_LEVEL
    }

    private final String variable;
    private final Design design;
    private final boolean afterTimeZero;
    private final List<String> levels;
    private final List<List<EndpointComparison>> comparisons;
    private final List<String> endpoints;
    private final double[] interactionChiSquare;
    private final int[] interactionDf;
    private final double[] interactionP;

    SubgroupAnalysis(String variable, Design design, boolean afterTimeZero, List<String> levels,
            List<List<EndpointComparison>> comparisons, List<String> endpoints, double[] interactionChiSquare,
            int[] interactionDf, double[] interactionP) {
        this.variable = variable;
        this.design = design;
        this.afterTimeZero = afterTimeZero;
        this.levels = List.copyOf(levels);
        this.comparisons = comparisons.stream().map(List::copyOf).toList();
        this.endpoints = List.copyOf(endpoints);
        this.interactionChiSquare = interactionChiSquare.clone();
        this.interactionDf = interactionDf.clone();
        this.interactionP = interactionP.clone();
    }

    /**
     * Name of the variable defining the subgroups.
     *
     * @return name of the variable defining the subgroups
     */
    public String variable() {
        return variable;
    }

    /**
     * The design used.
     *
     * @return the design used
     */
    public Design design() {
        return design;
    }

    /**
     * True when the subgroups are defined by something after time zero (immortal-time bias).
     *
     * @return true when the subgroups are defined by something after time zero (immortal-time bias)
     */
    public boolean definedAfterTimeZero() {
        return afterTimeZero;
    }

    /**
     * The subgroup levels compared, in the variable's level order.
     *
     * @return the subgroup levels compared, in the variable's level order
     */
    public List<String> levels() {
        return levels;
    }

    /**
     * Endpoint names, in the comparison's order.
     *
     * @return endpoint names, in the comparison's order
     */
    public List<String> endpoints() {
        return endpoints;
    }

    /**
     * The comparison of subgroup level {@code level} for endpoint index {@code e}.
     *
     * @param level the level
     * @param e the e
     * @return the comparison of subgroup level {@code level} for endpoint index {@code e}
     */
    public EndpointComparison comparison(int level, int e) {
        return comparisons.get(level).get(e);
    }

    /**
     * The comparisons of one level, one per endpoint.
     *
     * @param level the level
     * @return the comparisons of one level, one per endpoint
     */
    public List<EndpointComparison> comparisons(int level) {
        return comparisons.get(level);
    }

    /**
     * @param e the endpoint's index
     * @return the interaction likelihood-ratio chi-square; empty with one level or no events
     */
    public OptionalDouble interactionChiSquare(int e) {
        return Double.isNaN(interactionChiSquare[e]) ? OptionalDouble.empty() : OptionalDouble.of(interactionChiSquare[e]);
    }

    /**
     * Degrees of freedom of the interaction test.
     *
     * @param e the e
     * @return degrees of freedom of the interaction test
     */
    public int interactionDegreesOfFreedom(int e) {
        return interactionDf[e];
    }

    /**
     * @param e the endpoint's index
     * @return the p of the interaction test; empty with one level or no events
     */
    public OptionalDouble interactionPValue(int e) {
        return Double.isNaN(interactionP[e]) ? OptionalDouble.empty() : OptionalDouble.of(interactionP[e]);
    }

    @Override
    public String toString() {
        return "SubgroupAnalysis[" + variable + ", " + design + ", levels=" + levels + "]";
    }
}
