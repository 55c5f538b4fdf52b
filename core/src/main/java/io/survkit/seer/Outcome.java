package io.survkit.seer;

/**
 * How one registry record ended, as far as the endpoints need it: alive at the end of follow-up,
 * or dead of this cancer, of another cause, or of an unknown cause. {@link Endpoint#status(Outcome)}
 * turns it into a status code.
 *
 * <p>From a SEER*Stat export: "Vital status recode (study cutoff used)" = "Alive" gives
 * {@link #ALIVE}; for "Dead", "SEER cause-specific death classification" =
 * "Dead (attributable to this cancer dx)" gives {@link #CANCER_DEATH}, "Alive or dead of other
 * cause" gives {@link #OTHER_CAUSE_DEATH} and "Dead (missing/unknown COD)" gives
 * {@link #UNKNOWN_CAUSE_DEATH} (see {@link SeerReader}).
 */
public enum Outcome {
    /** Alive at the end of follow-up (censored for every endpoint). */
    ALIVE,
    /** Dead, death attributed to this cancer. */
    CANCER_DEATH,
    /** Dead of a cause other than this cancer. */
    OTHER_CAUSE_DEATH,
    /** Dead, cause of death missing or unknown. */
    UNKNOWN_CAUSE_DEATH;

    /** {@return true for the three kinds of death} */
    public boolean isDeath() {
        return this != ALIVE;
    }
}
