package io.survkit.cli;

import java.io.PrintStream;
import java.util.Set;

/** One subcommand of the survkit tool. */
interface Command {
    /** Name typed after {@code survkit}. */
    String name();

    /** One line of help. */
    String summary();

    /** Options taking a value. */
    Set<String> options();

    /** Options without a value. */
    default Set<String> flags() {
        return Set.of("json", "help");
    }

    /** Runs the command; returns the exit code. */
    int run(Args args, PrintStream out);
}
