package io.survkit.seer;

/**
 * The SEER*Stat case-listing columns that {@link SeerReader} interprets, with SEER*Stat's own
 * variable names as defaults (rename any of them with
 * {@link SeerReader#withColumn(SeerColumn, String)}).
 *
 * <p>Sources of the names and of the value labels the reader accepts: the SEER cause-specific death
 * classification page (seer.cancer.gov/causespecific), SEER*Stat survival exercise 3
 * (seer.cancer.gov/seerstat/tutorials/survival3), the NAACCR data dictionary entries named below
 * (items 1639, 1762, 1786, 1914, 1915), SEER's "Calculation of survival time fields"
 * (seer.cancer.gov/survivaltime: survival months is a 4-digit field of complete months), and the
 * column headers and value labels of SEER*Stat case-listing exports as read by published analysis
 * code. Variable names carry SEER*Stat's year suffixes, which change between releases (e.g.
 * "RX Summ--Surg Prim Site (1998-2022)" in newer databases): rename when a database differs.
 */
public enum SeerColumn {
    /**
     * "Survival months": complete months from diagnosis to death or last contact, a zero-padded
     * 4-digit number ("0044"), or "Unknown".
     */
    SURVIVAL_MONTHS("Survival months"),
    /**
     * "Survival months flag" (codes of the NAACCR survival flags, e.g. item 1786; 8 = not
     * calculated, 9 = unknown): "Complete dates are available and there are
     * more than 0 days of survival", "Complete dates are available and there are 0 days of
     * survival", "Incomplete dates are available and there could be zero days of follow-up",
     * "Incomplete dates are available and there cannot be zero days of follow-up", "Not calculated
     * because a Death Certificate Only or Autopsy Only case". Optional: read when the file has it.
     */
    SURVIVAL_MONTHS_FLAG("Survival months flag"),
    /** "Vital status recode (study cutoff used)" (NAACCR 1762): "Alive" or "Dead". Required. */
    VITAL_STATUS("Vital status recode (study cutoff used)"),
    /**
     * "SEER cause-specific death classification" (NAACCR 1914): "Alive or dead of other cause",
     * "Dead (attributable to this cancer dx)", "Dead (missing/unknown COD)", "N/A not first tumor".
     * Required for cause-specific and competing-risks endpoints, else read when present.
     */
    CAUSE_SPECIFIC_DEATH("SEER cause-specific death classification"),
    /**
     * "SEER other cause of death classification" (NAACCR 1915): "Alive or dead due to cancer",
     * "Dead (attributable to causes other than this cancer dx)", "Dead (missing/unknown COD)",
     * "N/A not first tumor". Optional: when present it is checked against the cause-specific column.
     */
    OTHER_CAUSE_DEATH("SEER other cause of death classification"),
    /**
     * "RX Summ--Surg Prim Site (1998+)" (NAACCR 1290): surgery of the primary site, a code 00-99
     * (00 none; 10-19 tumour destruction; 20-80 resection; 90 surgery, NOS; 98 special code for
     * unknown and ill-defined sites; 99 unknown if surgery was performed).
     */
    SURGERY_PRIMARY_SITE("RX Summ--Surg Prim Site (1998+)"),
    /**
     * "RX Summ--Surg Oth Reg/Dis (2003+)" (NAACCR 1294): surgery of other regional or distant sites;
     * labels "None; diagnosed at autopsy" (0), "Non-primary surgical procedure performed" (1),
     * "Non-primary surgical procedure to other regional sites" (2), "Non-primary surgical procedure
     * to distant lymph node(s)" (3), "Non-primary surgical procedure to distant site" (4), "Any combo
     * of sur proc to oth rg, dis lym nd, and/or dis site" (5), "Unknown; death certificate only" (9),
     * or the codes themselves.
     */
    SURGERY_OTHER_SITES("RX Summ--Surg Oth Reg/Dis (2003+)"),
    /** "Chemotherapy recode (yes, no/unk)": "Yes" or "No/Unknown". */
    CHEMOTHERAPY("Chemotherapy recode (yes, no/unk)"),
    /**
     * "RX Summ--Systemic/Sur Seq (2007+)" (NAACCR 1639), the order of systemic therapy and surgery;
     * see {@link SystemicSurgerySequence} for codes and labels. Older databases name it
     * "RX Summ--Systemic/Sur Seq".
     */
    SYSTEMIC_SURGERY_SEQUENCE("RX Summ--Systemic/Sur Seq (2007+)"),
    /**
     * "Age recode with single ages and 100+": labels "65 years", "100+ years" (read as 65 and 100).
     * Some databases have "Age at diagnosis" (a plain number) instead: rename.
     */
    AGE("Age recode with single ages and 100+"),
    /** "Sex": "Male" or "Female". */
    SEX("Sex"),
    /** "Year of diagnosis": a four-digit year. */
    YEAR_OF_DIAGNOSIS("Year of diagnosis");

    private final String header;

    SeerColumn(String header) {
        this.header = header;
    }

    /** {@return SEER*Stat's variable name, the default header} */
    public String defaultHeader() {
        return header;
    }
}
