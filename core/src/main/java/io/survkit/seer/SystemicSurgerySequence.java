package io.survkit.seer;

import java.util.Locale;
import java.util.Optional;

/**
 * NAACCR item 1639 "RX Summ--Systemic/Sur Seq": the order in which systemic therapy and surgery were
 * given. Each constant has the NAACCR code and the label SEER*Stat exports (as found in
 * published code reading SEER*Stat case listings; the NAACCR descriptions differ slightly, e.g.
 * code 9 is "Sequence unknown, but both surgery and systemic therapy given").
 * {@link #parse(String)} accepts either.
 *
 * <pre>{@code
 * SystemicSurgerySequence s = SystemicSurgerySequence.parse("Systemic therapy before surgery").orElseThrow();
 * s.code();   // 2
 * }</pre>
 */
public enum SystemicSurgerySequence {
    /** 0: no systemic therapy and/or no surgery (or unknown whether given). */
    NONE(0, "No systemic therapy and/or surgical procedures"),
    /** 2: systemic therapy before surgery (neoadjuvant). */
    SYSTEMIC_BEFORE_SURGERY(2, "Systemic therapy before surgery"),
    /** 3: systemic therapy after surgery (adjuvant). */
    SYSTEMIC_AFTER_SURGERY(3, "Systemic therapy after surgery"),
    /** 4: systemic therapy both before and after surgery. */
    SYSTEMIC_BEFORE_AND_AFTER_SURGERY(4, "Systemic therapy both before and after surgery"),
    /** 5: intraoperative systemic therapy. */
    INTRAOPERATIVE(5, "Intraoperative systemic therapy"),
    /** 6: intraoperative systemic therapy with other systemic therapy before and/or after surgery. */
    INTRAOPERATIVE_WITH_OTHER(6, "Intraop systemic rx & oth systemic rx before/after surg"),
    /** 7: surgery both before and after systemic therapy. */
    SURGERY_BEFORE_AND_AFTER_SYSTEMIC(7, "Surgery both before and after systemic therapy"),
    /** 9: sequence unknown, but both surgery and systemic therapy given. */
    UNKNOWN(9, "Sequence unknown");

    private final int code;
    private final String label;

    SystemicSurgerySequence(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** {@return NAACCR code (0, 2-7, 9)} */
    public int code() {
        return code;
    }

    /** {@return the label in a SEER*Stat export} */
    public String seerLabel() {
        return label;
    }

    /** {@return true when surgery and systemic therapy were both given (codes 2-7 and 9)} */
    public boolean bothGiven() {
        return this != NONE;
    }

    /**
     * The constant of a NAACCR code; throws for any other number.
     *
     * @param code the code
     * @return the constant of a NAACCR code; throws for any other number
     */
    public static SystemicSurgerySequence ofCode(int code) {
        for (SystemicSurgerySequence s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%d is not a NAACCR 1639 code; expected 0, 2, 3, 4, 5, 6, 7 or 9", code));
    }

    /**
     * The constant of a SEER*Stat label or a NAACCR code (case and spacing ignored).
     *
     * @param text the text
     * @return the constant of a SEER*Stat label or a NAACCR code (case and spacing ignored), empty when the
     *     text (or null) is not one of them
     */
    public static Optional<SystemicSurgerySequence> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = SeerLabels.normalize(text);
        for (SystemicSurgerySequence s : values()) {
            if (t.equals(SeerLabels.normalize(s.label)) || t.equals(Integer.toString(s.code))) {
                return Optional.of(s);
            }
        }
        // NAACCR's longer descriptions of codes 0, 6 and 9.
        if (t.startsWith("no systemic therapy and/or")) {
            return Optional.of(NONE);
        }
        if (t.startsWith("intraoperative systemic therapy with other")) {
            return Optional.of(INTRAOPERATIVE_WITH_OTHER);
        }
        if (t.startsWith("sequence unknown")) {
            return Optional.of(UNKNOWN);
        }
        return Optional.empty();
    }
}
