package io.survkit.cli;

import io.survkit.relative.RateTable;
import io.survkit.relative.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code relsurv} and {@code expected}: the subjects' age, sex and date of
 * diagnosis columns, the rate table, its age-cell length and the unit of the time columns. A
 * picocli mixin.
 */
final class RelativeOptions {
    /** The words of {@code --time-unit}. */
    static final class TimeUnits extends Choices<TimeUnit> {
        TimeUnits() {
            add("days", TimeUnit.DAYS).add("months", TimeUnit.MONTHS).add("years", TimeUnit.YEARS);
        }
    }

    @Option(names = "--age", required = true, paramLabel = "COLUMN",
            description = "Age at diagnosis in years (R: age * days per year).")
    String age;

    @Option(names = "--sex", required = true, paramLabel = "COLUMN", description = "Sex: male/female (or 1/2).")
    String sex;

    @Option(names = "--year", required = true, paramLabel = "COLUMN",
            description = "Date of diagnosis, YYYY-MM-DD.")
    String year;

    @Option(names = "--ratetable", paramLabel = "us|FILE", defaultValue = "us",
            description = "Population rate table: us (R survexp.us, bundled) or a CSV file age,sex,year,hazard "
                    + "(hazards per day).")
    String ratetable;

    @Option(names = "--days-per-year", paramLabel = "DAYS", converter = Converters.FiniteNumber.class,
            description = "Length of the table's age cells in days (default 365.25; 365.241 for relsurv's "
                    + "tables such as slopop).")
    Double daysPerYear;

    @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "days", converter = TimeUnits.class,
            completionCandidates = TimeUnits.class,
            description = "Unit of the time column and of --times: ${COMPLETION-CANDIDATES} (months and years "
                    + "of the table's days per year).")
    TimeUnit timeUnit;

    /** The rate table named by {@code --ratetable}, with {@code --days-per-year}. */
    RateTable table() {
        return table(ratetable, daysPerYear);
    }

    /** {@code us} or a CSV file, with an optional age-cell length in days. */
    static RateTable table(String ratetable, Double daysPerYear) {
        RateTable t;
        if (ratetable.equals("us")) {
            t = RateTable.us();
        } else {
            Path file = Path.of(ratetable);
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw new UsageException("--ratetable " + ratetable + ": neither 'us' nor a readable file");
            }
            t = RateTable.csv(file);
        }
        if (daysPerYear != null) {
            if (!(daysPerYear > 300 && daysPerYear < 400)) {
                throw new UsageException("--days-per-year " + daysPerYear
                        + ": expected the length of a year in days, e.g. 365.25 or 365.241");
            }
            t = t.withDaysPerYear(daysPerYear);
        }
        return t;
    }
}
