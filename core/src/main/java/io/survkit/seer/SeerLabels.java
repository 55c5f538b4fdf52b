package io.survkit.seer;

import java.util.List;
import java.util.Locale;

/**
 * The value labels of SEER*Stat case-listing exports that {@link SeerReader} interprets (matching
 * ignores case and repeated spaces). Sources: seer.cancer.gov/causespecific and SEER*Stat survival
 * exercise 3 (cause-specific classification, including "N/A not first tumor"); the NAACCR data
 * dictionary (items 1762 vital status recode, 1786 survival flag (the codes of SEER's survival months flag), 1914/1915 SEER cause-specific
 * and other cause of death classification, 1294 surgery of other sites); and the labels as they
 * appear in SEER*Stat case listings read by published analysis code (e.g.
 * {@code `SEER cause-specific death classification` == "Dead (attributable to this cancer dx)"},
 * {@code `Chemotherapy recode (yes, no/unk)` == "Yes"}, {@code `Survival months` != "Unknown"}).
 */
public final class SeerLabels {
    private SeerLabels() {
    }

    /** Vital status recode: alive at the study cutoff. */
    public static final String ALIVE = "Alive";
    /** Vital status recode: dead by the study cutoff. */
    public static final String DEAD = "Dead";

    /** Cause-specific classification 0: alive, or dead of another cause. */
    public static final String ALIVE_OR_DEAD_OF_OTHER_CAUSE = "Alive or dead of other cause";
    /** Cause-specific classification 1: death attributed to this cancer. */
    public static final String DEAD_OF_THIS_CANCER = "Dead (attributable to this cancer dx)";
    /** Cause-specific and other-cause classification 8: cause of death missing or unknown. */
    public static final String DEAD_OF_UNKNOWN_CAUSE = "Dead (missing/unknown COD)";
    /** Cause-specific and other-cause classification 9: not the first tumour; not classified. */
    public static final String NOT_FIRST_TUMOR = "N/A not first tumor";

    /** Other-cause classification 0: alive, or dead of this cancer. */
    public static final String ALIVE_OR_DEAD_OF_CANCER = "Alive or dead due to cancer";
    /** Other-cause classification 1: death attributed to another cause. */
    public static final String DEAD_OF_OTHER_CAUSE = "Dead (attributable to causes other than this cancer dx)";

    /** Survival months flag 0 (NAACCR 1786 wording). */
    public static final String FLAG_COMPLETE_ZERO_DAYS = "Complete dates are available and there are 0 days of survival";
    /** Survival months flag 1. */
    public static final String FLAG_COMPLETE_MORE_THAN_ZERO_DAYS =
            "Complete dates are available and there are more than 0 days of survival";
    /** Survival months flag 2. */
    public static final String FLAG_INCOMPLETE_COULD_BE_ZERO =
            "Incomplete dates are available and there could be zero days of follow-up";
    /** Survival months flag 3. */
    public static final String FLAG_INCOMPLETE_NOT_ZERO =
            "Incomplete dates are available and there cannot be zero days of follow-up";
    /** Survival months flag 8: survival not calculated. */
    public static final String FLAG_NOT_CALCULATED = "Not calculated because a Death Certificate Only or Autopsy Only case";

    /** Chemotherapy recode: chemotherapy given. */
    public static final String YES = "Yes";
    /** Chemotherapy recode: no chemotherapy, or unknown. */
    public static final String NO_OR_UNKNOWN = "No/Unknown";

    /** Value of an unknown field, e.g. "Survival months". */
    public static final String UNKNOWN = "Unknown";
    /** SEER*Stat's value of a field not collected for a case (e.g. a 2007+ item in 2005). */
    public static final String BLANK = "Blank(s)";

    /**
     * Labels of "RX Summ--Surg Oth Reg/Dis (2003+)" in code order 0, 1, 2, 3, 4, 5, 9 (label of 9 as in
     * SEER's variable formats; NAACCR's own wording is accepted as well).
     */
    public static final List<String> OTHER_SITES_SURGERY = List.of(
            "None; diagnosed at autopsy",
            "Non-primary surgical procedure performed",
            "Non-primary surgical procedure to other regional sites",
            "Non-primary surgical procedure to distant lymph node(s)",
            "Non-primary surgical procedure to distant site",
            "Any combo of sur proc to oth rg, dis lym nd, and/or dis site",
            "Unknown; death certificate only");

    private static final int[] OTHER_SITES_CODES = {0, 1, 2, 3, 4, 5, 9};

    /** Lower case, trimmed, runs of white space made one space (Locale.ROOT). */
    static String normalize(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static boolean is(String value, String label) {
        return normalize(value).equals(normalize(label));
    }

    /** True for an empty cell, "Blank(s)" or "Unknown". */
    static boolean isBlankOrUnknown(String value) {
        String t = normalize(value);
        return t.isEmpty() || t.equals("blank(s)") || t.equals("unknown");
    }

    /** Code of an other-sites surgery label or code (0-5, 9), -1 for blank, -2 when not recognised. */
    static int otherSitesSurgeryCode(String value) {
        String t = normalize(value);
        if (t.isEmpty() || t.equals("blank(s)")) {
            return -1;
        }
        String unhyphenated = t.replace("non-primary", "nonprimary");
        for (int k = 0; k < OTHER_SITES_CODES.length; k++) {
            String label = normalize(OTHER_SITES_SURGERY.get(k)).replace("non-primary", "nonprimary");
            if (unhyphenated.equals(label) || t.equals(Integer.toString(OTHER_SITES_CODES[k]))) {
                return OTHER_SITES_CODES[k];
            }
        }
        if (t.equals("none")) {
            return 0;
        }
        if (t.startsWith("combination of codes 2")) {
            return 5;
        }
        return -2;
    }

    /**
     * Label of an other-sites surgery code (0-5, 9).
     *
     * @param code the code
     * @return the label of an other-sites surgery code (0-5, 9)
     */
    public static String otherSitesSurgeryLabel(int code) {
        for (int k = 0; k < OTHER_SITES_CODES.length; k++) {
            if (OTHER_SITES_CODES[k] == code) {
                return OTHER_SITES_SURGERY.get(k);
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%d is not a NAACCR 1294 code; expected 0, 1, 2, 3, 4, 5 or 9", code));
    }
}
