package io.survkit.cli;

/**
 * The exit codes of {@code survkit} (documented in the README): scripts may rely on them.
 */
final class ExitCode {
    /** The analysis ran and its output was written. */
    static final int OK = 0;
    /** An unexpected failure: a bug in survkit (please report it with the command line). */
    static final int INTERNAL = 1;
    /** Bad arguments or bad data (unknown option, bad value, unknown column, unreadable file...). */
    static final int BAD_INPUT = 2;
    /** The Java heap ran out; the message says how large it was and what to try. */
    static final int OUT_OF_MEMORY = 3;

    private ExitCode() {
    }
}
