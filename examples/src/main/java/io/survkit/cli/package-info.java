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
 * <li>One class {@code XCommand}, annotated {@code @Command(name = "x", description = "... (R
 * equivalent).")}: {@code -h/--help}, {@code -V/--version}, defaults in the help and the exit-code
 * footer are inherited from {@link io.survkit.cli.Main} ({@code scope = INHERIT}).</li>
 * <li>A command that reads a survival CSV and writes one result extends
 * {@link io.survkit.cli.AnalysisCommand}: it inherits {@code --data ... --format --output}, the order
 * of work (options checked, output checked writable, data read, computed, written) and the three
 * renderings. It implements {@code analyse(ModelFrame)} returning
 * {@code Rendered.of(result)} (the library's own text, JSON and
 * tidy table: the CLI writes no JSON or CSV of its own), and may override {@code check(format)} to
 * refuse option combinations before any data are read. Other commands (like {@code gist})
 * implement {@code Callable<Integer>} and return {@link io.survkit.cli.ExitCode} values.</li>
 * <li>One {@code @Option} per option with a {@code description}, a {@code defaultValue} where there
 * is one, a {@code paramLabel}, and a converter from {@link io.survkit.cli.Converters} or a
 * {@link io.survkit.cli.Choices} subclass for enum words (never a raw {@code double} parse: the
 * converters refuse NaN and say "is not a number"). A yes/no option is a flag ({@code boolean},
 * no value), or {@code arity = "0..1", fallbackValue = "true"} with {@code Converters.TrueFalse}
 * where scripts already pass a value.</li>
 * <li>List the class in {@code subcommands} of {@link io.survkit.cli.Main}, add its row to the
 * README's command table, and a test {@code XCommandTest} that runs it through
 * {@code OracleJson.run(...)} (JSON equal to R's oracle case with {@code OracleJson.assertMatches},
 * one-line errors with exit 2). {@code CliConventionsTest} checks every command's help by itself.</li>
 * </ol>
 *
 * <pre>{@code
 * @Command(name = "median", description = "Median survival per group (R survfit).")
 * final class MedianCommand extends AnalysisCommand {
 *     @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
 *             converter = Converters.FiniteNumber.class, description = "Confidence level.")
 *     double confLevel;
 *
 *     @Override
 *     Rendered analyse(ModelFrame data) {
 *         KaplanMeierResult fit = KaplanMeier.withDefaults().withConfLevel(confLevel).fit(data);
 *         return Rendered.of(fit);
 *     }
 * }
 * }</pre>
 */
package io.survkit.cli;
