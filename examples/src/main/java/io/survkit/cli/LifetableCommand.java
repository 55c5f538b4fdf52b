package io.survkit.cli;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.relative.Demography;
import io.survkit.relative.LifeTable;
import io.survkit.relative.LifeTableResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit lifetable}: the actuarial life table (R {@code KMsurv::lifetab}, SAS
 * {@code LIFETEST METHOD=LT}) on intervals of {@code --width}; with {@code --relative} and the
 * subjects' age, sex and date of diagnosis, the Ederer II relative columns (times in days).
 */
@Command(name = "lifetable", mixinStandardHelpOptions = true, showDefaultValues = true,
        versionProvider = Main.VersionProvider.class,
        description = "Actuarial life table, optionally with Ederer II relative survival (R KMsurv::lifetab).")
final class LifetableCommand extends DemographyCommand {
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
    void check(OutputOptions.Format format) {
        if (relative) {
            DataOptions.require(age, "--age");
            DataOptions.require(sex, "--sex");
            DataOptions.require(year, "--year");
        }
    }

    @Override
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
