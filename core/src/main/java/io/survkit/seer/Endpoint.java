package io.survkit.seer;

import io.survkit.internal.Check;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A survival endpoint: how a record's {@link Outcome} becomes a status code (the time is the
 * follow-up time, unchanged). Immutable.
 *
 * <ul>
 *   <li>{@link #OVERALL_SURVIVAL}: any death is the event (status 1), alive is censored (0).</li>
 *   <li>{@link #CANCER_SPECIFIC}: death attributed to this cancer is the event (1); death of another
 *       cause is censored at death (0), as SEER defines cause-specific survival
 *       (seer.cancer.gov/causespecific: "Individuals who die of causes other than the specified cause
 *       are considered to be censored").</li>
 *   <li>{@link #COMPETING_RISKS}: 0 = alive (censored), 1 = death from this cancer, 2 = death from
 *       another cause; the input of cumulative incidence (Aalen-Johansen) estimates.</li>
 * </ul>
 *
 * <p>A death of unknown cause is handled as {@link #unknownCause()} says for the cause-specific and
 * competing-risks endpoints; the constants exclude such patients, following SEER's advice (see
 * {@link UnknownCause}); {@link #withUnknownCause(UnknownCause)} chooses otherwise. The choice is
 * part of {@link #description()}, so it reaches every methods paragraph built from it.
 *
 * <pre>{@code
 * Endpoint css = Endpoint.CANCER_SPECIFIC.withUnknownCause(UnknownCause.CENSOR);
 * int status = css.status(Outcome.UNKNOWN_CAUSE_DEATH);   // 0: censored at death
 * CohortSelection cohort = SeerReader.withDefaults().withEndpoint(css).read(Path.of("export.csv"));
 * }</pre>
 */
public final class Endpoint {
    /** Status returned by {@link #status(Outcome)} for a record left out of the cohort. */
    public static final int EXCLUDED = -1;

    /** Overall survival: death from any cause. */
    public static final Endpoint OVERALL_SURVIVAL = new Endpoint(Kind.OVERALL_SURVIVAL, null);

    /** Cancer-specific survival; other causes censored; deaths of unknown cause excluded. */
    public static final Endpoint CANCER_SPECIFIC = new Endpoint(Kind.CANCER_SPECIFIC, UnknownCause.EXCLUDE);

    /** Competing risks (1 = cancer death, 2 = other-cause death); deaths of unknown cause excluded. */
    public static final Endpoint COMPETING_RISKS = new Endpoint(Kind.COMPETING_RISKS, UnknownCause.EXCLUDE);

    /** The kinds of endpoint. */
    public enum Kind {
        /** Death from any cause. */
        OVERALL_SURVIVAL,
        /** Death attributed to this cancer; other deaths censored. */
        CANCER_SPECIFIC,
        /** Cancer death and other-cause death as competing events. */
        COMPETING_RISKS
    }

    private final Kind kind;
    private final UnknownCause unknownCause;

    private Endpoint(Kind kind, UnknownCause unknownCause) {
        this.kind = kind;
        this.unknownCause = unknownCause;
    }

    /**
     * The same endpoint with deaths of unknown cause handled as {@code choice} says. Rejected for
     * overall survival, which counts every death whatever its cause.
     *
     * @param choice the choice
     * @return a new instance with this setting (this one is unchanged)
     */
    public Endpoint withUnknownCause(UnknownCause choice) {
        Check.notNull("unknown-cause choice", choice);
        if (kind == Kind.OVERALL_SURVIVAL) {
            throw Check.fail("overall survival counts every death whatever its cause; an unknown cause of death"
                    + " needs no choice (use CANCER_SPECIFIC or COMPETING_RISKS)");
        }
        return choice == unknownCause ? this : new Endpoint(kind, choice);
    }

    /** {@return the kind of endpoint} */
    public Kind kind() {
        return kind;
    }

    /** {@return how a death of unknown cause is handled, empty for overall survival (not needed)} */
    public Optional<UnknownCause> unknownCause() {
        return Optional.ofNullable(unknownCause);
    }

    /** {@return true when the endpoint needs the cause of death (cancer-specific and competing risks)} */
    public boolean needsCause() {
        return kind != Kind.OVERALL_SURVIVAL;
    }

    /**
     * The status code of a record that ended as {@code outcome}: 0 = censored, {@code k >= 1} = event
     * of cause {@code k} (labels in {@link #causes()}), or {@link #EXCLUDED}.
     *
     * @param outcome the outcome
     * @return the status code of a record that ended as {@code outcome}: 0 = censored, {@code k >= 1} = event of cause {@code k} (labels in {@link #causes()}), or {@link #EXCLUDED}
     */
    public int status(Outcome outcome) {
        Check.notNull("outcome", outcome);
        switch (outcome) {
            case ALIVE:
                return 0;
            case CANCER_DEATH:
                return 1;
            case OTHER_CAUSE_DEATH:
                return kind == Kind.OVERALL_SURVIVAL ? 1 : kind == Kind.CANCER_SPECIFIC ? 0 : 2;
            case UNKNOWN_CAUSE_DEATH:
                if (kind == Kind.OVERALL_SURVIVAL) {
                    return 1;
                }
                return unknownCause == UnknownCause.CENSOR ? 0 : EXCLUDED;
            default:
                throw new AssertionError(outcome);
        }
    }

    /**
     * Labels of the event causes, indexed by status code - 1.
     *
     * @return the list
     */
    public List<String> causes() {
        switch (kind) {
            case OVERALL_SURVIVAL:
                return List.of("death");
            case CANCER_SPECIFIC:
                return List.of("cancer death");
            default:
                return List.of("cancer death", "other-cause death");
        }
    }

    /** {@return short name: {@code OS}, {@code CSS} or {@code CR}} */
    public String abbreviation() {
        switch (kind) {
            case OVERALL_SURVIVAL:
                return "OS";
            case CANCER_SPECIFIC:
                return "CSS";
            default:
                return "CR";
        }
    }

    /** {@return full name, e.g} "cancer-specific survival". */
    public String displayName() {
        switch (kind) {
            case OVERALL_SURVIVAL:
                return "overall survival";
            case CANCER_SPECIFIC:
                return "cancer-specific survival";
            default:
                return "competing risks of cancer death and other-cause death";
        }
    }

    /**
     * One sentence for a methods section, naming the event, what is censored and how deaths of
     * unknown cause were handled.
     *
     * @return one sentence for a methods section, naming the event, what is censored and how deaths of unknown cause were handled
     */
    public String description() {
        switch (kind) {
            case OVERALL_SURVIVAL:
                return "Overall survival (OS): death from any cause was the event; patients alive at the end of"
                        + " follow-up were censored.";
            case CANCER_SPECIFIC:
                return "Cancer-specific survival (CSS): death attributed to this cancer was the event; deaths from"
                        + " other causes were censored at death; " + unknownText() + ".";
            default:
                return "Competing risks: death from this cancer (cause 1) and death from other causes (cause 2)"
                        + " were competing events; patients alive at the end of follow-up were censored; "
                        + unknownText() + ".";
        }
    }

    private String unknownText() {
        return unknownCause == UnknownCause.CENSOR ? "deaths of unknown cause were censored at death"
                : "patients whose cause of death was unknown were excluded";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && e.kind == kind && e.unknownCause == unknownCause;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, unknownCause);
    }

    @Override
    public String toString() {
        return abbreviation() + (unknownCause == null ? "" : " (unknown cause: " + unknownCause + ")");
    }
}
