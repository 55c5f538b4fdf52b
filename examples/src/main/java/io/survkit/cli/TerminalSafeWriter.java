package io.survkit.cli;

import io.survkit.internal.Escape;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text output for a terminal: control characters and bidirectional overrides that come from the
 * data (a group label with {@code ESC[31m}, a carriage return) are shown as visible escapes
 * ({@link Escape#terminal}), so that a hostile label cannot recolour the screen, move the cursor or
 * overwrite a line. Line breaks and tabs, which the tables themselves write, pass through.
 */
final class TerminalSafeWriter extends FilterWriter {
    TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        if (c == '\n' || c == '\t' || !needsEscape((char) c)) {
            out.write(c);
        } else {
            out.write(Escape.terminal(String.valueOf((char) c)));
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(buf[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(s.charAt(i));
        }
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }
}
