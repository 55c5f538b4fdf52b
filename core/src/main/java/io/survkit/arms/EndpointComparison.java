package io.survkit.arms;

import io.survkit.estimate.KaplanMeierResult;
import io.survkit.regression.CoxResult;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Treatment versus control for one endpoint, immutable: each arm's {@link ArmSummary} and the
 * between-arm estimates. With z = qnorm((1 + level) / 2):
 * <ul>
 *   <li>median difference: {@link MedianDifference} (a bound when a median is not reached);</li>
 *   <li>landmark differences: S_T(t) - S_C(t), standard error sqrt(se_T^2 + se_C^2) from the two
 *       independent Greenwood standard errors (survival scale), Wald limits +- z se;</li>
 *   <li>RMST difference: rmst_T - rmst_C, se sqrt(se_T^2 + se_C^2), Wald limits, two-sided normal
 *       p; RMST ratio rmst_T / rmst_C with limits exp(log ratio +- z se_log), se_log =
 *       sqrt((se_T / rmst_T)^2 + (se_C / rmst_C)^2) (delta method on the log scale);</li>
 *   <li>log-rank test of the two arms (chi-square on 1 df);</li>
 *   <li>Cox hazard ratio of treatment versus control, crude and adjusted, with Wald limits
 *       exp(beta +- z se) (robust se when the fit is robust) and the Wald p;</li>
 *   <li>Schoenfeld (Grambsch-Therneau, KM time transform) test of proportional hazards for the
 *       treatment term of the crude model; when p &lt; 0.05 the single hazard ratio is a poor summary
 *       and {@link #notes()} points to the RMST and landmark differences.</li>
 * </ul>
 */
public final class EndpointComparison {
    private final String name;
    private final String description;
    private final KaplanMeierResult kaplanMeier;
    private final ArmSummary control;
    private final ArmSummary treatment;
    private final MedianDifference medianDifference;
    private final double level;
    private final double[] landmarks;
    private final double[] diff;
    private final double[] diffSe;
    private final double horizon;
    private final double rmstDiff;
    private final double rmstDiffSe;
    private final double rmstLogRatioSe;
    private final double logRankChiSquare;
    private final int logRankDf;
    private final double logRankP;
    private final String term;
    private final CoxResult crude;
    private final CoxResult adjusted;
    private final double phChiSquare;
    private final double phP;
    private final List<String> notes;

    EndpointComparison(String name, String description, KaplanMeierResult kaplanMeier, ArmSummary control,
            ArmSummary treatment, MedianDifference medianDifference, double level, double[] logRank, String term,
            CoxResult crude, CoxResult adjusted, double[] ph, List<String> notes) {
        this.name = name;
        this.description = description;
        this.kaplanMeier = kaplanMeier;
        this.control = control;
        this.treatment = treatment;
        this.medianDifference = medianDifference;
        this.level = level;
        this.landmarks = control.landmarks();
        int k = landmarks.length;
        diff = new double[k];
        diffSe = new double[k];
        for (int j = 0; j < k; j++) {
            diff[j] = treatment.survival(j).orElse(Double.NaN) - control.survival(j).orElse(Double.NaN);
            diffSe[j] = Math.hypot(treatment.survivalStandardError(j).orElse(Double.NaN), control.survivalStandardError(j).orElse(Double.NaN));
        }
        this.horizon = control.horizon();
        rmstDiff = treatment.restrictedMean().orElse(Double.NaN) - control.restrictedMean().orElse(Double.NaN);
        rmstDiffSe = Math.hypot(treatment.restrictedMeanStandardError().orElse(Double.NaN), control.restrictedMeanStandardError().orElse(Double.NaN));
        rmstLogRatioSe = Math.hypot(treatment.restrictedMeanStandardError().orElse(Double.NaN) / treatment.restrictedMean().orElse(Double.NaN),
                control.restrictedMeanStandardError().orElse(Double.NaN) / control.restrictedMean().orElse(Double.NaN));
        this.logRankChiSquare = logRank[0];
        this.logRankDf = (int) logRank[1];
        this.logRankP = logRank[2];
        this.term = term;
        this.crude = crude;
        this.adjusted = adjusted;
        this.phChiSquare = ph[0];
        this.phP = ph[1];
        this.notes = List.copyOf(notes);
    }

    private double z() {
        return new NormalDistribution(null, 0, 1).inverseCumulativeProbability((1 + level) / 2);
    }

    /**
     * Short name of the endpoint, e.g. {@code OS}.
     *
     * @return short name of the endpoint, e.g. {@code OS}
     */
    public String name() {
        return name;
    }

    /** @return the endpoint's definition for a methods section; empty when not given */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The Kaplan-Meier fit of the two arms (curves control, treatment), e.g. for a plot.
     *
     * @return the Kaplan-Meier fit of the two arms (curves control, treatment), e.g. for a plot
     */
    public KaplanMeierResult kaplanMeier() {
        return kaplanMeier;
    }

    /**
     * The control arm.
     *
     * @return the control arm
     */
    public ArmSummary control() {
        return control;
    }

    /**
     * The treatment arm.
     *
     * @return the treatment arm
     */
    public ArmSummary treatment() {
        return treatment;
    }

    /**
     * Median survival, treatment minus control (or its bound).
     *
     * @return median survival, treatment minus control (or its bound)
     */
    public MedianDifference medianDifference() {
        return medianDifference;
    }

    /**
     * Confidence level of every interval.
     *
     * @return confidence level of every interval
     */
    public double confidenceLevel() {
        return level;
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
     * S_T(t_j) - S_C(t_j); empty when the landmark is beyond an arm's follow-up.
     *
     * @param j the landmark's index, from 0
     * @return S_T(t_j) - S_C(t_j); empty when the landmark is beyond an arm's follow-up
     */
    public OptionalDouble survivalDifference(int j) {
        return present(diff[j]);
    }

    /**
     * Standard error of the survival difference at landmark j: sqrt(se_T^2 + se_C^2).
     *
     * @param j the landmark's index, from 0
     * @return standard error of the survival difference at landmark j: sqrt(se_T^2 + se_C^2)
     */
    public OptionalDouble survivalDifferenceStandardError(int j) {
        return present(diffSe[j]);
    }

    /**
     * Lower Wald limit of the survival difference at landmark j.
     *
     * @param j the landmark's index, from 0
     * @return lower Wald limit of the survival difference at landmark j
     */
    public OptionalDouble survivalDifferenceLower(int j) {
        return present(diff[j] - z() * diffSe[j]);
    }

    /**
     * Upper Wald limit of the survival difference at landmark j.
     *
     * @param j the landmark's index, from 0
     * @return upper Wald limit of the survival difference at landmark j
     */
    public OptionalDouble survivalDifferenceUpper(int j) {
        return present(diff[j] + z() * diffSe[j]);
    }

    /**
     * Horizon tau of the restricted means.
     *
     * @return horizon tau of the restricted means
     */
    public double horizon() {
        return horizon;
    }

    /**
     * RMST difference, treatment minus control.
     *
     * @return the RMST difference, treatment minus control
     */
    public OptionalDouble restrictedMeanDifference() {
        return present(rmstDiff);
    }

    /**
     * Standard error of the RMST difference.
     *
     * @return standard error of the RMST difference
     */
    public OptionalDouble restrictedMeanDifferenceStandardError() {
        return present(rmstDiffSe);
    }

    /**
     * Lower Wald limit of the RMST difference.
     *
     * @return lower Wald limit of the RMST difference
     */
    public OptionalDouble restrictedMeanDifferenceLower() {
        return present(rmstDiff - z() * rmstDiffSe);
    }

    /**
     * Upper Wald limit of the RMST difference.
     *
     * @return upper Wald limit of the RMST difference
     */
    public OptionalDouble restrictedMeanDifferenceUpper() {
        return present(rmstDiff + z() * rmstDiffSe);
    }

    /**
     * Two-sided p of the RMST difference (normal).
     *
     * @return two-sided p of the RMST difference (normal)
     */
    public OptionalDouble restrictedMeanDifferencePValue() {
        double zz = Math.abs(rmstDiff / rmstDiffSe);
        return Double.isNaN(zz) ? OptionalDouble.empty()
                : OptionalDouble.of(2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-zz));
    }

    /**
     * RMST ratio, treatment over control.
     *
     * @return the RMST ratio, treatment over control
     */
    public OptionalDouble restrictedMeanRatio() {
        return present(ratio());
    }

    private double ratio() {
        return treatment.restrictedMean().orElse(Double.NaN) / control.restrictedMean().orElse(Double.NaN);
    }

    /**
     * Standard error of the log RMST ratio (delta method).
     *
     * @return standard error of the log RMST ratio (delta method)
     */
    public OptionalDouble restrictedMeanLogRatioStandardError() {
        return present(rmstLogRatioSe);
    }

    /**
     * Lower limit of the RMST ratio: exp(log ratio - z se_log).
     *
     * @return lower limit of the RMST ratio: exp(log ratio - z se_log)
     */
    public OptionalDouble restrictedMeanRatioLower() {
        return present(Math.exp(Math.log(ratio()) - z() * rmstLogRatioSe));
    }

    /**
     * Upper limit of the RMST ratio.
     *
     * @return upper limit of the RMST ratio
     */
    public OptionalDouble restrictedMeanRatioUpper() {
        return present(Math.exp(Math.log(ratio()) + z() * rmstLogRatioSe));
    }

    /** @return the log-rank chi-square; empty for a weighted sample (not reported) */
    public OptionalDouble logRankChiSquare() {
        return Double.isNaN(logRankChiSquare) ? OptionalDouble.empty() : OptionalDouble.of(logRankChiSquare);
    }

    /**
     * Log-rank degrees of freedom (1).
     *
     * @return log-rank degrees of freedom (1)
     */
    public int logRankDegreesOfFreedom() {
        return logRankDf;
    }

    /** @return the log-rank p-value; empty for a weighted sample (not reported) */
    public OptionalDouble logRankPValue() {
        return Double.isNaN(logRankP) ? OptionalDouble.empty() : OptionalDouble.of(logRankP);
    }

    /**
     * Name of the treatment term in the Cox models (R's {@code <group><treatment label>}).
     *
     * @return name of the treatment term in the Cox models (R's {@code <group><treatment label>})
     */
    public String treatmentTerm() {
        return term;
    }

    /** @return the crude Cox model (the treatment term alone); empty without events */
    public Optional<CoxResult> crudeCox() {
        return Optional.ofNullable(crude);
    }

    /**
     * @return the adjusted Cox model (treatment first, then the covariates); empty without adjustment
     *     or without events
     */
    public Optional<CoxResult> adjustedCox() {
        return Optional.ofNullable(adjusted);
    }

    private static OptionalDouble pick(CoxResult fit, int what) {
        if (fit == null || Double.isNaN(fit.coefficients()[0])) {
            return OptionalDouble.empty();
        }
        switch (what) {
            case 0:
                return OptionalDouble.of(fit.hazardRatios()[0]);
            case 1:
                return OptionalDouble.of(fit.hazardRatioLower()[0]);
            case 2:
                return OptionalDouble.of(fit.hazardRatioUpper()[0]);
            default:
                return OptionalDouble.of(fit.pValues()[0]);
        }
    }

    /** @return the crude hazard ratio, treatment versus control; empty without events */
    public OptionalDouble crudeHazardRatio() {
        return pick(crude, 0);
    }

    /** @return the lower limit of the crude hazard ratio */
    public OptionalDouble crudeHazardRatioLower() {
        return pick(crude, 1);
    }

    /** @return the upper limit of the crude hazard ratio */
    public OptionalDouble crudeHazardRatioUpper() {
        return pick(crude, 2);
    }

    /** @return the Wald p of the crude hazard ratio */
    public OptionalDouble crudeHazardRatioPValue() {
        return pick(crude, 3);
    }

    /** @return the adjusted hazard ratio of treatment; empty without adjustment */
    public OptionalDouble adjustedHazardRatio() {
        return pick(adjusted, 0);
    }

    /** @return the lower limit of the adjusted hazard ratio */
    public OptionalDouble adjustedHazardRatioLower() {
        return pick(adjusted, 1);
    }

    /** @return the upper limit of the adjusted hazard ratio */
    public OptionalDouble adjustedHazardRatioUpper() {
        return pick(adjusted, 2);
    }

    /** @return the Wald p of the adjusted hazard ratio */
    public OptionalDouble adjustedHazardRatioPValue() {
        return pick(adjusted, 3);
    }

    /** @return the Schoenfeld test chi-square of the treatment term (crude model); empty when not tested */
    public OptionalDouble proportionalHazardsChiSquare() {
        return Double.isNaN(phChiSquare) ? OptionalDouble.empty() : OptionalDouble.of(phChiSquare);
    }

    /** @return the Schoenfeld test p of the treatment term (crude model); empty when not tested */
    public OptionalDouble proportionalHazardsPValue() {
        return Double.isNaN(phP) ? OptionalDouble.empty() : OptionalDouble.of(phP);
    }

    /** @return false when the Schoenfeld test rejects proportional hazards (p &lt; 0.05) */
    public boolean proportionalHazardsHolds() {
        return !(phP < 0.05);
    }

    /**
     * Notes a reader should see: proportional hazards, estimability, weights.
     *
     * @return notes a reader should see: proportional hazards, estimability, weights
     */
    public List<String> notes() {
        return notes;
    }

    @Override
    public String toString() {
        return "EndpointComparison[" + name + ": " + control + " vs " + treatment + ", median difference "
                + medianDifference + ", HR " + Numbers.fixed2(crudeHazardRatio().orElse(Double.NaN)) + ", log-rank p "
                + Numbers.p(logRankP) + "]";
    }

    private static OptionalDouble present(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
