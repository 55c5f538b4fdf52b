package io.survkit.internal;

/** Reading numbers from data files, one rule for every reader. */
public final class Parse {
    private Parse() {
    }

    /**
     * The number written in {@code s} (surrounding spaces ignored), or null when it is not one.
     * Java's {@code Double.parseDouble} would also accept {@code "1d"} or {@code "2f"}; a data file
     * does not mean a number by them, so they are not numbers here.
     *
     * @param s text, may be null
     * @return the number, or null
     */
    public static Double number(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        char c = t.charAt(t.length() - 1);
        if (c == 'd' || c == 'D' || c == 'f' || c == 'F') {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
