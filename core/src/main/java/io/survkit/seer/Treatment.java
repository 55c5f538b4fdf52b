package io.survkit.seer;

import io.survkit.internal.Check;
import java.util.Optional;

/**
 * One record's treatment codes from a SEER*Stat case listing, as handed to an
 * {@link ArmDefinition}: surgery of the primary site (NAACCR 1290), surgery of other regional or
 * distant sites (NAACCR 1294), chemotherapy (SEER's yes / no-or-unknown recode) and the order of
 * systemic therapy and surgery (NAACCR 1639). Immutable.
 *
 * <p>Asking for an item whose column is not in the file throws an
 * {@link IllegalArgumentException} naming the column, so an arm rule never silently works on
 * missing data.
 *
 * <pre>{@code
 * Treatment t = Treatment.of(30, 4, true, SystemicSurgerySequence.SYSTEMIC_AFTER_SURGERY);
 * t.surgery();   // Surgery.PERFORMED
 * }</pre>
 */
public final class Treatment {
    /** Whether cancer-directed surgery (of the primary or of other sites) was performed. */
    public enum Surgery {
        /** Surgery of the primary site (codes 10-90) or of other sites (codes 1-5). */
        PERFORMED,
        /** Neither (primary site 00 or 98, other sites 0). */
        NONE,
        /** Not known (code 99 or 9, or blank) and no surgery known to be performed. */
        UNKNOWN
    }

    static final int BLANK = -1;
    static final int ABSENT = -2;

    private final int primarySite;
    private final int otherSites;
    private final int chemotherapy;
    private final SystemicSurgerySequence sequence;
    private final boolean hasSequence;
    private final String[] columns; // headers, for messages: primary, other, chemo, sequence
    private final int row;

    Treatment(int primarySite, int otherSites, int chemotherapy, SystemicSurgerySequence sequence,
            boolean hasSequence, String[] columns, int row) {
        this.primarySite = primarySite;
        this.otherSites = otherSites;
        this.chemotherapy = chemotherapy;
        this.sequence = sequence;
        this.hasSequence = hasSequence;
        this.columns = columns;
        this.row = row;
    }

    /**
     * A treatment from codes: primary-site surgery 0-99 (or -1 = blank), other-sites surgery 0-5 or 9
     * (or -1 = blank), chemotherapy, sequence (null = blank).
     *
     * @param primarySiteSurgery the primary site surgery
     * @param otherSitesSurgery the other sites surgery
     * @param chemotherapy the chemotherapy
     * @param sequence the sequence
     * @return A treatment from codes: primary-site surgery 0-99 (or -1 = blank), other-sites surgery 0-5 or 9 (or -1 = blank), chemotherapy, sequence (null = blank)
     */
    public static Treatment of(int primarySiteSurgery, int otherSitesSurgery, boolean chemotherapy,
            SystemicSurgerySequence sequence) {
        if (primarySiteSurgery < BLANK || primarySiteSurgery > 99) {
            throw Check.fail("primary-site surgery code %d is invalid; expected 0-99 or -1 (blank)", primarySiteSurgery);
        }
        if (otherSitesSurgery != BLANK) {
            SeerLabels.otherSitesSurgeryLabel(otherSitesSurgery);
        }
        return new Treatment(primarySiteSurgery, otherSitesSurgery, chemotherapy ? 1 : 0, sequence, true,
                new String[] {SeerColumn.SURGERY_PRIMARY_SITE.defaultHeader(),
                    SeerColumn.SURGERY_OTHER_SITES.defaultHeader(), SeerColumn.CHEMOTHERAPY.defaultHeader(),
                    SeerColumn.SYSTEMIC_SURGERY_SEQUENCE.defaultHeader()}, 0);
    }

    private void require(int value, int column) {
        if (value == ABSENT) {
            throw Check.fail("the treatment arms need column '%s', which the file does not have (row %d)",
                    columns[column], row);
        }
    }

    /** {@return NAACCR 1290 code of surgery of the primary site (0-99), or -1 when blank} */
    public int primarySiteSurgeryCode() {
        require(primarySite, 0);
        return primarySite;
    }

    /** {@return NAACCR 1294 code of surgery of other regional or distant sites (0-5, 9), or -1 when blank} */
    public int otherSitesSurgeryCode() {
        require(otherSites, 1);
        return otherSites;
    }

    /** {@return true when "Chemotherapy recode (yes, no/unk)" is "Yes"} */
    public boolean chemotherapy() {
        require(chemotherapy, 2);
        return chemotherapy == 1;
    }

    /** {@return order of systemic therapy and surgery, empty when blank (e.g} diagnosed before 2007). */
    public Optional<SystemicSurgerySequence> systemicSurgerySequence() {
        if (!hasSequence) {
            require(ABSENT, 3);
        }
        return Optional.ofNullable(sequence);
    }

    /**
     * Whether cancer-directed surgery was performed: of the primary site (codes 10-90) or of other
     * regional or distant sites (codes 1-5); none when the primary-site code is 00 or 98 (98: special
     * code for unknown and ill-defined primary sites, no surgery of a primary) and the other-sites
     * code is 0.
     *
     * @return whether cancer-directed surgery was performed: of the primary site (codes 10-90) or of other regional or distant sites (codes 1-5); none when the primary-site code is 00 or 98 (98: special code for unknown and ill-defined primary sites, no surgery of a primary) and the other-sites code is 0
     */
    public Surgery surgery() {
        int p = primarySiteSurgeryCode();
        int o = otherSitesSurgeryCode();
        if ((p >= 10 && p <= 90) || (o >= 1 && o <= 5)) {
            return Surgery.PERFORMED;
        }
        if ((p == 0 || p == 98) && o == 0) {
            return Surgery.NONE;
        }
        return Surgery.UNKNOWN;
    }

    /** {@return 1-based data row of the record (0 for a treatment made with {@link #of})} */
    public int row() {
        return row;
    }

    @Override
    public String toString() {
        return "Treatment[primary site surgery=" + code(primarySite) + ", other sites surgery=" + code(otherSites)
                + ", chemotherapy=" + (chemotherapy == ABSENT ? "n/a" : chemotherapy == 1 ? "yes" : "no/unknown")
                + ", sequence=" + (hasSequence ? sequence : "n/a") + "]";
    }

    private static String code(int c) {
        return c == ABSENT ? "n/a" : c == BLANK ? "blank" : Integer.toString(c);
    }
}
