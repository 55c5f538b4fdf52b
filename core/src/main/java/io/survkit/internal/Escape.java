package io.survkit.internal;

/**
 * Escaping of user text (group labels, titles, covariate names) for every format survkit writes,
 * so that a label such as {@code A<script>&"B} renders as text and the output stays well formed.
 */
public final class Escape {
    private Escape() {
    }

    /**
     * XML / SVG / HTML text and attribute values: {@code & < > " '} become entities; every code point
     * that XML 1.0 forbids or HTML reports as a parse error is dropped: C0 controls other than tab,
     * line feed and carriage return, DEL and the C1 controls (U+007F to U+009F), lone surrogates, and
     * the non-characters U+FDD0 to U+FDEF and U+nFFFE / U+nFFFF of every plane (XML 1.0, section 2.2
     * "Characters"; the WHATWG HTML standard, "Preprocessing the input stream").
     */
    public static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '"') {
                b.append("&quot;");
            } else if (c == '\'') {
                b.append("&#39;");
            } else if (!tag(b, c) && allowedInMarkup(c)) {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }

    /** Appends {@code & < >} as entities and returns true; false for any other code point. */
    private static boolean tag(StringBuilder b, int c) {
        String e = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : null;
        if (e != null) {
            b.append(e);
        }
        return e != null;
    }

    /** True for code points XML 1.0 allows and HTML does not report as parse errors (see {@link #xml}). */
    static boolean allowedInMarkup(int c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c >= 0x7F && c <= 0x9F) {
            return false;
        }
        if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
            return false; // a lone surrogate (a valid pair arrives here as one supplementary code point)
        }
        if (c >= 0xFDD0 && c <= 0xFDEF) {
            return false;
        }
        return (c & 0xFFFE) != 0xFFFE;
    }

    /** HTML is escaped as XML. */
    public static String html(String s) {
        return xml(s);
    }

    /**
     * A Markdown table cell: {@code & < >} as entities (so no HTML can be injected), {@code |} and
     * Markdown punctuation {@code \ ` * _ [ ] #} backslash-escaped, line breaks as spaces, and the
     * code points {@link #xml} drops dropped. Quotes and apostrophes stay as they are: an entity such
     * as {@code &#39;} would have its {@code #} escaped and render literally as {@code &\#39;}.
     */
    public static String markdown(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (tag(b, c)) {
                continue;
            }
            if (c == '\r' || c == '\n' || c == '\t') {
                b.append(' ');
            } else if (c < 0x80 && "\\`*_[]|#".indexOf(c) >= 0) {
                b.append('\\').append((char) c);
            } else if (allowedInMarkup(c)) {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }

    /**
     * A CSV cell (RFC 4180 quoting) with formula injection neutralised: a cell starting with
     * {@code = + - @}, tab or carriage return is prefixed with a single quote (OWASP advice). Plain
     * numbers such as {@code -1.5} are left as they are.
     */
    public static String csv(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || !v.equals(s)) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /**
     * A label as R's {@code print} writes a string without quotes (R's {@code encodeString}, as in
     * the row names of {@code print(survdiff)} or a data frame): a backslash is doubled; {@code \a
     * \b \f \n \r \t \v} are written as those escapes; the other C0 controls and DEL in octal
     * ({@code \033}, {@code \001}, {@code \177}); the C1 controls as <code>&#92;u0085</code>. So a label
     * stays on one line and cannot move the cursor or recolour the screen. One deliberate difference
     * from R: the bidirectional overrides (U+202A to U+202E, U+2066 to U+2069), which R prints as
     * they are and which reorder what a terminal shows, are written as <code>&#92;u202e</code>.
     *
     * @param s the text (null prints as empty)
     * @return the escaped text
     */
    public static String terminal(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String e = rEscape(c);
            if (e != null && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                if (e != null) {
                    b.append(e);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** R's escape of one character in {@code encodeString}, or null when it prints as it is. */
    private static String rEscape(char c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '\u0007' -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\u000b' -> "\\v";
            default -> c < 0x20 || c == 0x7f ? String.format(java.util.Locale.ROOT, "\\%03o", (int) c)
                    : c > 0x7f && c <= 0x9f || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069'
                            ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : null;
        };
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.endsWith("d") && !s.endsWith("D") && !s.endsWith("f") && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
