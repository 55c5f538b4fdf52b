package io.survkit.arms;

import io.survkit.estimate.LandmarkSummary;
import io.survkit.estimate.RestrictedMean;
import io.survkit.estimate.SurvivalCurve;
import java.util.OptionalDouble;

/**
 * One arm of one endpoint in an {@link ArmComparisonResult}, immutable: patients, events, the
 * Kaplan-Meier median with its confidence limits (or "not reached" with the longest follow-up),
 * survival at the landmarks with confidence limits, and the restricted mean survival time at the
 * horizon with its standard error. Every number is the one {@code KaplanMeier} gives for the arm's
 * rows ({@code curve.median()}, {@code curve.at(landmarks)}, {@code curve.restrictedMean(tau)}).
 *
 * <pre>{@code
 * ArmSummary control = result.endpoint("CSS").control();
 * control.medianReached();   // true
 * control.median();          // OptionalDouble[57.0]
 * control.survival(2);       // S at the third landmark
 * }</pre>
 */
public final class ArmSummary {
    private final String label;
    private final int size;
    private final double events;
    private final double median;
    private final double medianLower;
    private final double medianUpper;
    private final double longestFollowUp;
    private final double[] landmarks;
    private final double[] survival;
    private final double[] survivalError;
    private final double[] survivalLower;
    private final double[] survivalUpper;
    private final double[] atRisk;
    private final double horizon;
    private final double restrictedMean;
    private final double restrictedMeanError;

    ArmSummary(String label, SurvivalCurve curve, double longestFollowUp, double[] landmarks, double horizon) {
        this.label = label;
        this.size = curve.rowCount();
        this.events = curve.events();
        this.median = curve.median().orElse(Double.NaN);
        this.medianLower = curve.medianLower().orElse(Double.NaN);
        this.medianUpper = curve.medianUpper().orElse(Double.NaN);
        this.longestFollowUp = longestFollowUp;
        this.landmarks = landmarks.clone();
        int k = landmarks.length;
        survival = new double[k];
        survivalError = new double[k];
        survivalLower = new double[k];
        survivalUpper = new double[k];
        atRisk = new double[k];
        if (k > 0) {
            LandmarkSummary at = curve.at(landmarks);
            for (int j = 0; j < k; j++) {
                boolean estimable = landmarks[j] <= longestFollowUp;
                survival[j] = estimable ? at.survival(j) : Double.NaN;
                survivalError[j] = estimable ? at.standardError(j) : Double.NaN;
                survivalLower[j] = estimable ? at.lower(j) : Double.NaN;
                survivalUpper[j] = estimable ? at.upper(j) : Double.NaN;
                atRisk[j] = at.numberAtRisk(j);
            }
        }
        this.horizon = horizon;
        if (horizon <= longestFollowUp) {
            RestrictedMean rm = curve.restrictedMean(horizon);
            restrictedMean = rm.estimate();
            restrictedMeanError = rm.standardError();
        } else {
            restrictedMean = Double.NaN;
            restrictedMeanError = Double.NaN;
        }
    }

    /**
     * The arm's label (a level of the data's group).
     *
     * @return the arm's label (a level of the data's group)
     */
    public String label() {
        return label;
    }

    /**
     * Number of patients.
     *
     * @return number of patients
     */
    public int size() {
        return size;
    }

    /**
     * Number of events (weighted sum with case weights).
     *
     * @return number of events (weighted sum with case weights)
     */
    public double events() {
        return events;
    }

    /**
     * True when the Kaplan-Meier curve falls to 0.5 or below within follow-up.
     *
     * @return true when the Kaplan-Meier curve falls to 0.5 or below within follow-up
     */
    public boolean medianReached() {
        return !Double.isNaN(median);
    }

    /** @return the median survival time; empty when not reached (R: NA) */
    public OptionalDouble median() {
        return present(median);
    }

    /** @return the lower confidence limit of the median (the median of the lower confidence curve); empty when not reached */
    public OptionalDouble medianLower() {
        return present(medianLower);
    }

    /** @return the upper confidence limit of the median; empty when not reached (R: NA) */
    public OptionalDouble medianUpper() {
        return present(medianUpper);
    }

    private static OptionalDouble present(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * Longest observed follow-up time in the arm (event or censoring).
     *
     * @return longest observed follow-up time in the arm (event or censoring)
     */
    public double longestFollowUp() {
        return longestFollowUp;
    }

    /**
     * Landmark times, ascending.
     *
     * @return landmark times, ascending
     */
    public double[] landmarks() {
        return landmarks.clone();
    }

    /**
     * Number of landmarks.
     *
     * @return number of landmarks
     */
    public int landmarkCount() {
        return landmarks.length;
    }

    /**
     * S at landmark j; empty when the landmark is beyond the arm's longest follow-up.
     *
     * @param j the landmark's index, from 0
     * @return S at landmark j; empty when the landmark is beyond the arm's longest follow-up
     */
    public OptionalDouble survival(int j) {
        return present(survival[j]);
    }

    /**
     * Standard error of S at landmark j (Greenwood, on the survival scale).
     *
     * @param j the landmark's index, from 0
     * @return standard error of S at landmark j (Greenwood, on the survival scale)
     */
    public OptionalDouble survivalStandardError(int j) {
        return present(survivalError[j]);
    }

    /**
     * Lower confidence limit of S at landmark j.
     *
     * @param j the landmark's index, from 0
     * @return lower confidence limit of S at landmark j
     */
    public OptionalDouble survivalLower(int j) {
        return present(survivalLower[j]);
    }

    /**
     * Upper confidence limit of S at landmark j.
     *
     * @param j the landmark's index, from 0
     * @return upper confidence limit of S at landmark j
     */
    public OptionalDouble survivalUpper(int j) {
        return present(survivalUpper[j]);
    }

    /**
     * Number at risk at landmark j.
     *
     * @param j the landmark's index, from 0
     * @return number at risk at landmark j
     */
    public double numberAtRisk(int j) {
        return atRisk[j];
    }

    /**
     * Horizon tau of the restricted mean.
     *
     * @return horizon tau of the restricted mean
     */
    public double horizon() {
        return horizon;
    }

    /**
     * Restricted mean survival time up to the horizon; empty when the horizon is beyond follow-up.
     *
     * @return restricted mean survival time up to the horizon; empty when the horizon is beyond follow-up
     */
    public OptionalDouble restrictedMean() {
        return present(restrictedMean);
    }

    /**
     * Standard error of the restricted mean (R {@code print(fit, rmean = tau)}'s {@code se(rmean)}).
     *
     * @return standard error of the restricted mean (R {@code print(fit, rmean = tau)}'s {@code se(rmean)})
     */
    public OptionalDouble restrictedMeanStandardError() {
        return present(restrictedMeanError);
    }

    @Override
    public String toString() {
        return "ArmSummary[" + label + ": n=" + size + ", events=" + Numbers.count(events) + ", median="
                + (medianReached() ? Numbers.time(median) : "not reached (longest follow-up "
                        + Numbers.time(longestFollowUp) + ")") + "]";
    }
}
