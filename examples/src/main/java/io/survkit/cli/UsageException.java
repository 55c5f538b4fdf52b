package io.survkit.cli;

/**
 * Bad command-line arguments found after parsing (e.g. two options that disagree): reported on one
 * line, exit code 2. The message names the option and does not repeat the command name.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
