package io.survkit.internal;

/**
 * Escaping of user text (group labels, titles, covariate names) for every format survkit writes,
 * so that a label such as {@code A<script>&"B} renders as text and the output stays well formed.
 */
public final class Escape {
    private Escape() {
    }

    /** XML / SVG / HTML text and attribute values: {@code & < > " '} become entities; control characters are dropped. */
    public static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** HTML is escaped as XML. */
    public static String html(String s) {
        return xml(s);
    }

    /**
     * A Markdown table cell: HTML-significant characters as entities, {@code |} and Markdown
     * punctuation backslash-escaped, line breaks as spaces.
     */
    public static String markdown(String s) {
        if (s == null) {
            return "";
        }
        String x = xml(s).replace("\r", " ").replace("\n", " ");
        StringBuilder b = new StringBuilder(x.length() + 8);
        for (int i = 0; i < x.length(); i++) {
            char c = x.charAt(i);
            if ("\\`*_[]|#".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
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
     * Text for a terminal or a plain-text table: control characters (C0, DEL, C1), which could move
     * the cursor, recolour the screen or split a row, and the bidirectional overrides that reorder
     * what is shown, are written as visible escapes ({@code \n}, {@code \x1b}, {@code \u202e}).
     */
    public static String terminal(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String e = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> c < 0x20 || c >= 0x7f && c <= 0x9f ? String.format(java.util.Locale.ROOT, "\\x%02x", (int) c)
                        : c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069'
                                ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : null;
            };
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

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.endsWith("d") && !s.endsWith("D") && !s.endsWith("f") && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
