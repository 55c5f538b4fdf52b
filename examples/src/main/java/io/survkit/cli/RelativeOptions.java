package io.survkit.cli;

import io.survkit.relative.RateTable;
import io.survkit.relative.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The options shared by {@code relsurv} and {@code expected}: the rate table, its age-cell length
 * and the unit of the time columns.
 */
final class RelativeOptions {
    static final Set<String> OPTIONS = Set.of("age", "sex", "year", "ratetable", "days-per-year", "time-unit");

    private RelativeOptions() {
    }

    /** {@code --ratetable us} (default) or a CSV file {@code age,sex,year,hazard}; {@code --days-per-year}. */
    static RateTable table(Args a) {
        String name = a.get("ratetable", "us");
        RateTable t;
        if (name.equals("us")) {
            t = RateTable.us();
        } else {
            Path file = Path.of(name);
            if (!Files.isReadable(file)) {
                throw new UsageException(a.command() + ": --ratetable " + name + ": neither 'us' nor a readable file");
            }
            t = RateTable.csv(file);
        }
        if (a.has("days-per-year")) {
            double d = a.number("days-per-year", Double.NaN);
            if (!(d > 300 && d < 400)) {
                throw new UsageException(a.command() + ": --days-per-year " + a.get("days-per-year")
                        + ": expected the length of a year in days, e.g. 365.25 or 365.241");
            }
            t = t.withDaysPerYear(d);
        }
        return t;
    }

    /** {@code --time-unit days|months|years} (default days). */
    static TimeUnit timeUnit(Args a) {
        String unit = a.get("time-unit", "days").toLowerCase(Locale.ROOT);
        switch (unit) {
            case "days":
                return TimeUnit.DAYS;
            case "months":
                return TimeUnit.MONTHS;
            case "years":
                return TimeUnit.YEARS;
            default:
                throw new UsageException(a.command() + ": --time-unit " + unit + ": expected days, months or years");
        }
    }
}
