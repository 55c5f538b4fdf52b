package io.survkit.relative;

import java.util.Locale;
import java.util.Optional;

/**
 * Sex as population rate tables index it. R's rate tables ({@code survexp.us}, {@code relsurv::slopop})
 * code male = 1 and female = 2.
 */
public enum Sex {
    /** Male (R code 1). */
    MALE,
    /** Female (R code 2). */
    FEMALE;

    /** {@return the lower-case label R's rate tables use: {@code male} or {@code female}} */
    public String label() {
        return this == MALE ? "male" : "female";
    }

    /**
     * Reads a label: {@code male}/{@code female}, {@code m}/{@code f} (any case) or R's codes
     * {@code 1}/{@code 2}; empty for anything else.
     *
     * <pre>{@code
     * Sex s = Sex.parse("Female").orElseThrow();   // FEMALE
     * }</pre>
     *
     * @param text the text
     * @return the value, or empty when absent
     */
    public static Optional<Sex> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "male": case "m": case "1":
                return Optional.of(MALE);
            case "female": case "f": case "2":
                return Optional.of(FEMALE);
            default:
                return Optional.empty();
        }
    }
}
