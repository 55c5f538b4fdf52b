package io.survkit.cli;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.relative.Demography;
import io.survkit.relative.LifeTable;
import io.survkit.relative.LifeTableResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * {@code survkit lifetable}: the actuarial life table (R {@code KMsurv::lifetab}, SAS
 * {@code LIFETEST METHOD=LT}) on intervals of {@code --width}; with {@code --relative} and the
 * subjects' age, sex and date of diagnosis, the Ederer II relative columns (times in days).
 */
@Command(name = "lifetable", mixinStandardHelpOptions = true, showDefaultValues = true,
        versionProvider = Main.VersionProvider.class,
        description = "Actuarial life table, optionally with Ederer II relative survival (R KMsurv::lifetab).")
final class LifetableCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    /**
     * As {@link AnalysisCommand#call()}, but the demography columns are read from the data itself,
     * which a model frame does not carry.
     */
    @Override
    public Integer call() {
        OutputOptions.Format format = output.format();
        check(format);
        output.checkWritable();
        SurvivalData d = data.read(Main.stdin(spec));
        AnalysisCommand.Rendered result = analyse(d, groups());
        output.write(spec.commandLine().getOut(), out -> {
            switch (format) {
                case JSON -> JsonOutput.write(out, result.json());
                case CSV -> result.table().get().writeCsv(out);
                default -> result.text().accept(out);
            }
        });
        return ExitCode.OK;
    }

    /** {@code --group} as a formula; {@code 1} for one curve. */
    private String groups() {
        if (data.strata != null) {
            throw new UsageException("--strata does not apply here; use --group");
        }
        return data.group == null ? "1" : data.group;
    }
    @Option(names = "--width", required = true, paramLabel = "W", converter = Converters.FiniteNumber.class,
            description = "Interval width, in the time column's unit (e.g. 12 for months, 365.25 for days).")
    double width;

    @Option(names = "--relative", description = "Add expected and relative survival per interval (times in days).")
    boolean relative;

    @Option(names = "--age", paramLabel = "COLUMN", description = "With --relative: age at diagnosis in years.")
    String age;

    @Option(names = "--sex", paramLabel = "COLUMN", description = "With --relative: sex, male/female.")
    String sex;

    @Option(names = "--year", paramLabel = "COLUMN", description = "With --relative: date of diagnosis YYYY-MM-DD.")
    String year;

    @Option(names = "--ratetable", paramLabel = "us|FILE", defaultValue = "us",
            description = "With --relative: us (bundled) or a CSV file age,sex,year,hazard.")
    String ratetable;

    @Option(names = "--days-per-year", paramLabel = "DAYS", converter = Converters.FiniteNumber.class,
            description = "With --relative: length of the table's age cells in days.")
    Double daysPerYear;

    void check(OutputOptions.Format format) {
        if (relative) {
            DataOptions.require(age, "--age");
            DataOptions.require(sex, "--sex");
            DataOptions.require(year, "--year");
        }
        RelsurvCommand.noCovariates(data);
    }

    AnalysisCommand.Rendered analyse(SurvivalData d, String groups) {
        LifeTable lt = LifeTable.withDefaults().withIntervalWidth(width);
        ModelFrame frame = ModelFrame.of(d, Terms.parse(groups));
        LifeTableResult r = relative
                ? lt.withRateTable(RelativeOptions.table(ratetable, daysPerYear)).estimate(frame,
                        Demography.of(d, age, sex, year))
                : lt.estimate(frame);
        return AnalysisCommand.Rendered.of(r);
    }
}
