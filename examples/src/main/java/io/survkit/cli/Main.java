package io.survkit.cli;

import io.survkit.internal.Version;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code survkit} command-line tool: {@code java -jar survkit.jar COMMAND [options]}. Exit codes
 * ({@link ExitCode}): 0 done, 1 an unexpected failure (a bug), 2 bad arguments or data, 3 out of
 * memory. Every error is one line on stderr: {@code survkit COMMAND: what is wrong}.
 */
@Command(name = "survkit", scope = CommandLine.ScopeType.INHERIT, mixinStandardHelpOptions = true,
        showDefaultValues = true, versionProvider = Main.VersionProvider.class,
        description = "Survival analysis with R survival's answers.",
        subcommands = {KmCommand.class, LogRankCommand.class, CompareCommand.class, ReportCommand.class, CoxCommand.class,
            ClogitCommand.class, CifCommand.class, MultistateCommand.class, FinegrayCommand.class,
            ConcordanceCommand.class, ScoreCommand.class, RelsurvCommand.class,
            ExpectedCommand.class, LifetableCommand.class, SurvregCommand.class, GistCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  an unexpected failure (a bug: please report it with the command line)",
            "  2  bad arguments or data (one line on stderr names what is wrong)",
            "  3  out of memory (the message gives the heap size and what to try)"})
public final class Main implements Callable<Integer> {
    private final InputStream stdin;

    @Spec
    CommandSpec spec;

    private Main(InputStream stdin) {
        this.stdin = stdin;
    }

    /** {@code survkit} without a command: the usage on stderr, exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }

    /** Standard input of this run ({@code --data -}). */
    static InputStream stdin(CommandSpec command) {
        return ((Main) command.root().userObject()).stdin;
    }

    public static void main(String[] argv) {
        int code = run(argv, System.in, System.out, System.err);
        System.out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command line; returns the exit code. */
    static int run(String[] argv, InputStream in, PrintStream out, PrintStream err) {
        return execute(commandLine(in), argv, out, err);
    }

    /** Runs {@code argv} on a prepared command line (tests add commands to it). */
    static int execute(CommandLine cl, String[] argv, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return cl.setOut(o).setErr(e).execute(argv);
        } catch (OutOfMemoryError oom) {
            e.println(prefix(argv) + outOfMemory(oom));
            return ExitCode.OUT_OF_MEMORY;
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The picocli command line with survkit's conventions (error handlers, no overwritten options). */
    static CommandLine commandLine(InputStream in) {
        CommandLine cl = new CommandLine(new Main(in));
        cl.setOverwrittenOptionsAllowed(false);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::badArguments);
        cl.setExecutionExceptionHandler(Main::failed);
        return cl;
    }

    /** Parsing failed: one line, naming the option, and where to find help. */
    private static int badArguments(ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        String name = c.getCommandSpec().qualifiedName();
        c.getErr().println(name + ": " + parseMessage(ex, args) + " (see '" + name + " --help')");
        return ExitCode.BAD_INPUT;
    }

    /** Picocli's message, except: an unknown word comes before "missing required options". */
    private static String parseMessage(ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        List<String> unmatched = c.getParseResult() == null ? List.of() : c.getParseResult().unmatched();
        if (!(ex instanceof UnmatchedArgumentException) && !unmatched.isEmpty()) {
            return unknown(c, unmatched.get(0), List.of());
        }
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            String optional = optionBefore(c, args, word);
            if (optional != null) {
                return "option '" + optional + "' takes " + String.join(" or ",
                        c.getCommandSpec().findOption(optional).completionCandidates()) + ", not '" + word + "'";
            }
            return unknown(c, word, u.getSuggestions());
        }
        return oneLine(ex.getMessage());
    }

    /** The option with an optional value (e.g. {@code --robust}) just before {@code word}, or null. */
    private static String optionBefore(CommandLine c, String[] args, String word) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(word)) {
                OptionSpec o = c.getCommandSpec().findOption(args[i - 1]);
                if (o != null && o.arity().min() == 0 && o.arity().max() == 1 && o.completionCandidates() != null) {
                    return o.longestName();
                }
            }
        }
        return null;
    }

    private static String unknown(CommandLine c, String word, List<String> suggestions) {
        String m;
        if (word.startsWith("-")) {
            m = "unknown option '" + word + "'";
        } else if (c.getCommandSpec().parent() == null && !c.getSubcommands().isEmpty()) {
            m = "unknown command '" + word + "'; expected one of "
                    + String.join(", ", c.getSubcommands().keySet());
        } else {
            m = "unexpected argument '" + word + "'; options start with --";
        }
        return suggestions.isEmpty() ? m : m + "; did you mean " + String.join(" or ", suggestions) + "?";
    }

    /** The command failed: bad data or arguments (2), out of memory (3), anything else is a bug (1). */
    private static int failed(Exception ex, CommandLine c, ParseResult parsed) {
        String who = c.getCommandSpec().qualifiedName() + ": ";
        if (ex instanceof IllegalArgumentException || ex instanceof UsageException
                || ex instanceof UncheckedIOException) {
            c.getErr().println(who + withoutCommand(oneLine(ex.getMessage()), c.getCommandName()));
            return ExitCode.BAD_INPUT;
        }
        c.getErr().println(who + "internal error (a bug in survkit; please report it with the command line): "
                + oneLine(ex.getMessage() == null ? "no message" : ex.getMessage()));
        if (Boolean.getBoolean("survkit.debug")) {
            ex.printStackTrace(c.getErr());
        }
        return ExitCode.INTERNAL;
    }

    /** What ran out, how large the heap was, and what to try. */
    static String outOfMemory(OutOfMemoryError e) {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        String what = e.getMessage() == null || e.getMessage().isBlank() ? "Java heap space" : e.getMessage();
        return String.format(Locale.ROOT, "out of memory (%s): the Java heap may grow to %d MB. Give Java more "
                + "with -Xmx, e.g. java -Xmx%dg -jar survkit.jar ..., or analyse fewer rows, groups or "
                + "distinct times", what, mb, Math.max(2, 2 * ((mb + 1023) >> 10)));
    }

    private static String prefix(String[] argv) {
        return argv.length > 0 && !argv[0].startsWith("-") ? "survkit " + argv[0] + ": " : "survkit: ";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }

    /** Core messages sometimes start with the command ({@code "gist: ..."}); say it once. */
    private static String withoutCommand(String message, String command) {
        String p = command + ": ";
        return message.startsWith(p) ? message.substring(p.length()) : message;
    }

    /** {@code survkit --version}: survkit-core's version. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"survkit " + Version.get(), "Java " + Runtime.version() + " ("
                    + System.getProperty("java.vendor", "unknown vendor") + ")"};
        }
    }
}
