package io.survkit.arms;

import java.util.OptionalDouble;

/**
 * Difference of median survival, treatment minus control, immutable. The rule:
 * <ul>
 *   <li>both medians reached: {@link Kind#ESTIMATE}, the difference of the medians (no confidence
 *       interval: medians of Kaplan-Meier curves have no closed-form difference variance);</li>
 *   <li>treatment median not reached, control median reached: {@link Kind#AT_LEAST}. The treatment
 *       curve stays above 0.5 up to its last follow-up time, so its median is at least the arm's
 *       longest follow-up (or the earlier bound time the comparison was given,
 *       {@link ArmComparison#withMedianBound(double)}); the gain is at least that time minus the
 *       control median. This is how Hu et al. phrase "gains of at least 63 (CSS) and 76 (OS)
 *       months": 120 - 57 and 120 - 44 with the surgery medians not reached by 120 months;</li>
 *   <li>control median not reached, treatment median reached: {@link Kind#AT_MOST}, treatment
 *       median minus the control bound time (the difference is at most that);</li>
 *   <li>neither reached: {@link Kind#NOT_ESTIMABLE}.</li>
 * </ul>
 */
public final class MedianDifference {
    /** What {@link #value()} means. */
    public enum Kind {
        /** The difference of two reached medians. */
        ESTIMATE,
        /** A lower bound: the difference is at least the value. */
        AT_LEAST,
        /** An upper bound: the difference is at most the value. */
        AT_MOST,
        /** Neither median was reached. */
        NOT_ESTIMABLE
    }

    private final Kind kind;
    private final double value;
    private final double boundTime;

    MedianDifference(Kind kind, double value, double boundTime) {
        this.kind = kind;
        this.value = value;
        this.boundTime = boundTime;
    }

    static MedianDifference of(ArmSummary treatment, ArmSummary control, double treatmentBound, double controlBound) {
        boolean t = treatment.medianReached();
        boolean c = control.medianReached();
        if (t && c) {
            return new MedianDifference(Kind.ESTIMATE, treatment.median().getAsDouble() - control.median().getAsDouble(), Double.NaN);
        }
        if (!t && c) {
            return new MedianDifference(Kind.AT_LEAST, treatmentBound - control.median().getAsDouble(), treatmentBound);
        }
        if (t) {
            return new MedianDifference(Kind.AT_MOST, treatment.median().getAsDouble() - controlBound, controlBound);
        }
        return new MedianDifference(Kind.NOT_ESTIMABLE, Double.NaN, Double.NaN);
    }

    /**
     * What the value means.
     *
     * @return what the value means
     */
    public Kind kind() {
        return kind;
    }

    /** @return the difference or its bound (in the data's time unit); empty when not estimable */
    public OptionalDouble value() {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** @return for a bound: the time the unreached median is at least; empty otherwise */
    public OptionalDouble boundTime() {
        return Double.isNaN(boundTime) ? OptionalDouble.empty() : OptionalDouble.of(boundTime);
    }

    /**
     * Text: {@code "13"}, {@code "≥ 63"}, {@code "≤ -5"} or {@code "not estimable"}.
     *
     * @return text: {@code "13"}, {@code "≥ 63"}, {@code "≤ -5"} or {@code "not estimable"}
     */
    @Override
    public String toString() {
        switch (kind) {
            case ESTIMATE:
                return Numbers.time(value);
            case AT_LEAST:
                return "\u2265 " + Numbers.time(value);
            case AT_MOST:
                return "\u2264 " + Numbers.time(value);
            default:
                return "not estimable";
        }
    }
}
