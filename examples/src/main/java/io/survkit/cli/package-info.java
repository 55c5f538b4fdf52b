/**
 * The {@code survkit} command-line tool, built on picocli.
 *
 * <h2>Conventions (every command follows them)</h2>
 * <ul>
 * <li>Options are {@code --long-name VALUE} or {@code --long-name=VALUE}; a flag takes no value
 * ({@code --json}, {@code --zph}); an optional boolean takes one or none ({@code --robust},
 * {@code --robust false}). Giving an option twice is an error.</li>
 * <li>{@code -h/--help} and {@code -V/--version} at every level; the help lists each option's
 * description, its default ({@code showDefaultValues}) and its allowed values
 * ({@code ${COMPLETION-CANDIDATES}} from a {@link io.survkit.cli.Choices} subclass).</li>
 * <li>Output: {@code --format text|json|csv} ({@code --json} = {@code --format json}) and
 * {@code --output FILE}, from the {@link io.survkit.cli.OutputOptions} mixin; JSON uses the R
 * oracle's field names under {@code {"result": ...}}.</li>
 * <li>Input: the {@link io.survkit.cli.DataOptions} mixin ({@code --data FILE}, {@code --data -}
 * for standard input, {@code --time}, {@code --event}, ...).</li>
 * <li>Errors: throw {@link java.lang.IllegalArgumentException} (bad data, from the library) or
 * {@code UsageException} (bad arguments) with a message that names the option, column, row and
 * value but not the command: {@link io.survkit.cli.Main} prints {@code survkit CMD: message} on
 * one line and exits 2. Exit codes are in {@code ExitCode} and the README.</li>
 * </ul>
 *
 * <h2>Adding a subcommand</h2>
 * <ol>
 * <li>One class {@code XCommand implements Callable<Integer>}, annotated
 * {@code @Command(name = "x", mixinStandardHelpOptions = true, showDefaultValues = true,
 * versionProvider = Main.VersionProvider.class, description = "... (R equivalent).")}.</li>
 * <li>Fields: {@code @Spec CommandSpec spec;}, {@code @Mixin DataOptions data;} (if it reads a
 * survival CSV), {@code @Mixin OutputOptions output;}, and one {@code @Option} per option with a
 * {@code description}, a {@code defaultValue} where there is one, a {@code paramLabel}, and a
 * converter from {@link io.survkit.cli.Converters} or a {@code Choices} subclass for enum words
 * (never a raw {@code double} parse: the converters refuse NaN and say "is not a number").</li>
 * <li>{@code call()}: {@code output.format()}, {@code output.checkWritable()} (fail before computing),
 * {@code data.read(Main.stdin(spec))}, fit with the library, then
 * {@code output.write(spec.commandLine().getOut(), out -> ...)} rendering the result's own
 * {@code toString()}, {@code toJson()} or {@code toCsv()}; return {@code ExitCode.OK}.</li>
 * <li>List the class in {@code subcommands} of {@link io.survkit.cli.Main}, add its row to the
 * README's command table, and a test {@code XCommandTest} that runs it through
 * {@code OracleJson.run(...)} (JSON equal to R's oracle case, one-line errors with exit 2).</li>
 * </ol>
 *
 * <pre>{@code
 * @Command(name = "median", mixinStandardHelpOptions = true, showDefaultValues = true,
 *         versionProvider = Main.VersionProvider.class, description = "Median survival (R survfit).")
 * final class MedianCommand implements Callable<Integer> {
 *     @Spec CommandSpec spec;
 *     @Mixin DataOptions data;
 *     @Mixin OutputOptions output;
 *
 *     @Override
 *     public Integer call() {
 *         OutputOptions.Format format = output.format();
 *         output.checkWritable();
 *         KaplanMeierResult fit = KaplanMeier.withDefaults().fit(data.read(Main.stdin(spec)));
 *         output.write(spec.commandLine().getOut(), out -> out.print(fit));
 *         return ExitCode.OK;
 *     }
 * }
 * }</pre>
 */
package io.survkit.cli;
