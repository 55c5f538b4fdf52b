package io.survkit.seer;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Treatment arms defined from a record's {@link Treatment}: a rule returns the arm label, or null
 * for a record outside every arm (it is then excluded, under {@link #exclusionReason(Treatment)}).
 * The levels give the arms' order; the first is the reference (control) arm. Immutable.
 *
 * <pre>{@code
 * ArmDefinition arms = ArmDefinition.of("arm",
 *         t -> !t.chemotherapy() ? null
 *                 : t.surgery() == Treatment.Surgery.PERFORMED ? "Surgery + chemotherapy"
 *                 : t.surgery() == Treatment.Surgery.NONE ? "Chemotherapy alone" : null,
 *         "Chemotherapy alone", "Surgery + chemotherapy");
 * }</pre>
 */
public final class ArmDefinition {
    /** Label of the control arm of {@link #chemotherapyWithOrWithoutSurgery()}. */
    public static final String CHEMOTHERAPY_ALONE = "Chemotherapy alone";
    /** Label of the treatment arm of {@link #chemotherapyWithOrWithoutSurgery()}. */
    public static final String SURGERY_PLUS_CHEMOTHERAPY = "Surgery + chemotherapy";
    /** Default reason for a record outside every arm. */
    public static final String OUTSIDE_ARMS = "not in a treatment arm";
    /** Reason of {@link #chemotherapyWithOrWithoutSurgery()}: chemotherapy recode is "No/Unknown". */
    public static final String NO_CHEMOTHERAPY = "no chemotherapy (Chemotherapy recode: No/Unknown)";
    /** Reason of {@link #chemotherapyWithOrWithoutSurgery()}: whether surgery was done is unknown. */
    public static final String SURGERY_UNKNOWN = "surgery unknown";

    private final String name;
    private final List<String> levels;
    private final Function<Treatment, String> rule;
    private final Function<Treatment, String> reason;
    private final List<String> declaredReasons;

    private ArmDefinition(String name, List<String> levels, Function<Treatment, String> rule,
            Function<Treatment, String> reason, List<String> declaredReasons) {
        this.name = name;
        this.levels = levels;
        this.rule = rule;
        this.reason = reason;
        this.declaredReasons = declaredReasons;
    }

    /**
     * Arms named {@code name} (the group column of the data), assigned by {@code rule}, with the
     * given level order (at least two distinct, non-empty labels; the first is the reference).
     *
     * @param name the name
     * @param rule the rule
     * @param levels the levels
     * @return arms named {@code name} (the group column of the data), assigned by {@code rule}, with the given level order (at least two distinct, non-empty labels; the first is the reference)
     */
    public static ArmDefinition of(String name, Function<Treatment, String> rule, String... levels) {
        Check.notNull("arm column name", name);
        Check.notNull("arm rule", rule);
        if (levels == null || levels.length < 2) {
            throw Check.fail("give at least two arm labels (levels), the reference arm first");
        }
        Set<String> seen = new HashSet<>();
        for (String l : levels) {
            if (l == null || l.isBlank() || !seen.add(l.strip())) {
                throw Check.fail("arm labels must be distinct and non-empty, got %s", List.of(levels));
            }
        }
        List<String> lv = new ArrayList<>();
        for (String l : levels) {
            lv.add(l.strip());
        }
        return new ArmDefinition(name, List.copyOf(lv), rule, t -> OUTSIDE_ARMS, List.of(OUTSIDE_ARMS));
    }

    /**
     * The GIST study's arms: among patients with chemotherapy ("Yes"; in SEER, tyrosine kinase
     * inhibitors such as imatinib are coded as chemotherapy), "Chemotherapy alone" when no
     * cancer-directed surgery was performed and "Surgery + chemotherapy" when surgery of the primary
     * site (codes 10-90) or of other regional/distant sites, e.g. liver metastasectomy (codes 1-5),
     * was performed (see {@link Treatment#surgery()}). Excluded: no chemotherapy; surgery unknown.
     * The column is named "arm".
     *
     * @return the GIST study's arms: among patients with chemotherapy ("Yes"; in SEER, tyrosine kinase inhibitors such as imatinib are coded as chemotherapy), "Chemotherapy alone" when no cancer-directed surgery was performed and "Surgery + chemotherapy" when surgery of the primary site (codes 10-90) or of other regional/distant sites, e.g
     */
    public static ArmDefinition chemotherapyWithOrWithoutSurgery() {
        Function<Treatment, String> rule = t -> {
            if (!t.chemotherapy()) {
                return null;
            }
            switch (t.surgery()) {
                case PERFORMED:
                    return SURGERY_PLUS_CHEMOTHERAPY;
                case NONE:
                    return CHEMOTHERAPY_ALONE;
                default:
                    return null;
            }
        };
        Function<Treatment, String> reason = t -> !t.chemotherapy() ? NO_CHEMOTHERAPY : SURGERY_UNKNOWN;
        return new ArmDefinition("arm", List.of(CHEMOTHERAPY_ALONE, SURGERY_PLUS_CHEMOTHERAPY), rule, reason,
                List.of(NO_CHEMOTHERAPY, SURGERY_UNKNOWN));
    }

    /**
     * The same arms, with {@code reason} giving the exclusion reason of a record outside every arm
     * (one line of the exclusion table per distinct reason, in order of first occurrence).
     *
     * @param reason the reason
     * @return a new instance with this setting (this one is unchanged)
     */
    public ArmDefinition withExclusionReason(Function<Treatment, String> reason) {
        return new ArmDefinition(name, levels, rule, Check.notNull("exclusion reason", reason), List.of());
    }

    /** {@return name of the arm column (the data's group)} */
    public String name() {
        return name;
    }

    /** {@return arm labels; the first is the reference (control) arm} */
    public List<String> levels() {
        return levels;
    }

    /**
     * The arm of {@code t} (the rule's label, stripped).
     *
     * @param t the treatment
     * @return the arm of {@code t}, empty when it is in no arm (the rule gave null)
     */
    public Optional<String> arm(Treatment t) {
        String a = rule.apply(t);
        return a == null ? Optional.empty() : Optional.of(a.strip());
    }

    /**
     * Why {@code t} is in no arm (a line of the exclusion table).
     *
     * @param t the treatment
     * @return why {@code t} is in no arm (a line of the exclusion table)
     */
    public String exclusionReason(Treatment t) {
        String r = reason.apply(t);
        return r == null || r.isBlank() ? OUTSIDE_ARMS : r.strip();
    }

    /** Reasons listed in the exclusion table even when no record has them. */
    List<String> declaredReasons() {
        return declaredReasons;
    }

    @Override
    public String toString() {
        return "ArmDefinition[" + name + ", levels=" + levels + "]";
    }
}
