package io.survkit.cli;

import io.survkit.data.SurvivalData;
import io.survkit.relative.Demography;
import io.survkit.relative.LifeTable;
import io.survkit.relative.LifeTableResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Override
    public Integer call() {
        OutputOptions.Format format = output.format();
        if (format == OutputOptions.Format.CSV) {
            throw new UsageException("--format csv is not available for lifetable yet");
        }
        output.checkWritable();
        LifeTable lt = LifeTable.withDefaults().withIntervalWidth(width);
        LifeTableResult r;
        if (relative) {
            DataOptions.require(age, "--age");
            DataOptions.require(sex, "--sex");
            DataOptions.require(year, "--year");
            if (data.covariates != null) {
                throw new UsageException("--covariates does not apply to lifetable; name --age, --sex and --year");
            }
            data.covariates = age + "," + sex + ":factor," + year + ":factor";
            SurvivalData d = data.read(Main.stdin(spec));
            r = lt.withRateTable(RelativeOptions.table(ratetable, daysPerYear)).estimate(d, Demography.of(d, age, sex, year));
        } else {
            r = lt.estimate(data.read(Main.stdin(spec)));
        }
        output.write(spec.commandLine().getOut(), out -> {
            if (format == OutputOptions.Format.JSON) {
                out.println(Json.write(RelsurvCommand.json(r.toJson())));
            } else {
                out.print(r);
            }
        });
        return ExitCode.OK;
    }
}
