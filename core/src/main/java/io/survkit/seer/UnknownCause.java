package io.survkit.seer;

/**
 * How a death whose cause is unknown (SEER: "Dead (missing/unknown COD)") enters a cause-specific
 * or competing-risks endpoint. Overall survival does not depend on the cause and ignores this.
 *
 * <p>SEER's own advice for cause-specific survival is to exclude such patients (SEER*Stat survival
 * exercise 3, seer.cancer.gov/seerstat/tutorials/survival3: "Exclude all patients with
 * missing/unknown cause of death from the analysis"); censoring them at death keeps them in the
 * cohort but treats their death as uninformative. Morawski et al. (J Registry Manag 2022;49:177)
 * compare both choices. Whichever is used is stated by {@link Endpoint#description()} and counted
 * by {@link CohortSelection}.
 */
public enum UnknownCause {
    /** Censor the patient at the time of death (kept in the cohort, no event). */
    CENSOR,
    /** Leave the patient out of the cohort (counted as an exclusion). */
    EXCLUDE
}
