package io.survkit.arms;

/** When the variable defining subgroups is known, relative to time zero (e.g. diagnosis). */
public enum SubgroupTiming {
    /**
     * Decide from the data: a variable that varies only within the treatment arm (it describes the
     * treatment course, such as the timing of surgery) or whose levels are SEER's
     * "RX Summ--Systemic/Sur Seq" labels is taken as {@link #AFTER_TIME_ZERO}; otherwise
     * {@link #BASELINE}.
     */
    AUTO,
    /** Known at time zero (sex, age group, stage): no immortal time. */
    BASELINE,
    /**
     * Defined by something that happens after time zero (the timing of surgery): a patient must
     * survive until it happens to be in the subgroup, so crude comparisons carry immortal-time bias;
     * a landmark analysis ({@link ArmComparison#withLandmarkAnalysis(double)}) addresses it.
     */
    AFTER_TIME_ZERO
}
