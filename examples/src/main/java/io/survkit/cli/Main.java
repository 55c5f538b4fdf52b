package io.survkit.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code survkit} command-line tool: {@code java -jar survkit.jar COMMAND [options]}.
 * Exit codes: 0 done, 2 bad arguments or data (one line on stderr naming the problem), 1 an
 * unexpected failure.
 */
public final class Main {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main(List<Command> list) {
        for (Command c : list) {
            commands.put(c.name(), c);
        }
    }

    static Main standard() {
        return new Main(List.of(new KmCommand(), new LogRankCommand(), new CoxCommand(), new CifCommand(), new GistCommand(),
                new SurvregCommand()));
    }

    public static void main(String[] argv) {
        int code = standard().run(argv, System.out, System.err);
        System.out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("help")) {
            usage(argv.length == 0 ? err : out);
            return argv.length == 0 ? 2 : 0;
        }
        Command c = commands.get(argv[0]);
        if (c == null) {
            err.println("survkit: unknown command '" + argv[0] + "'; expected one of " + commands.keySet());
            return 2;
        }
        try {
            java.util.Set<String> options = new java.util.HashSet<>(c.options());
            Args args = Args.parse(c.name(), argv, 1, options, c.flags());
            if (args.flag("help")) {
                out.println("survkit " + c.name() + ": " + c.summary());
                out.println("options: " + String.join(" ", c.options().stream().sorted().map(o -> "--" + o).toList())
                        + " " + String.join(" ", c.flags().stream().sorted().map(o -> "--" + o).toList()));
                return 0;
            }
            return c.run(args, out);
        } catch (UsageException | IllegalArgumentException e) {
            err.println("survkit " + c.name() + ": " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("survkit " + c.name() + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("survkit " + c.name() + ": internal error: " + e);
            return 1;
        }
    }

    private void usage(PrintStream s) {
        s.println("usage: java -jar survkit.jar COMMAND [options]   (COMMAND --help for its options)");
        for (Command c : commands.values()) {
            s.printf("  %-9s %s%n", c.name(), c.summary());
        }
    }
}
