package io.survkit.cli;

import io.survkit.data.Factor;
import io.survkit.relative.Demography;
import io.survkit.relative.ExpectedSurvival;
import io.survkit.relative.ExpectedSurvivalResult;
import io.survkit.relative.RateTable;
import io.survkit.relative.Sex;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code survkit expected}: the Ederer (cohort) expected survival of the rows of a file at chosen
 * times, as R's {@code survexp(~ 1 or group, rmap = list(age = age * d, sex = sex, year = year),
 * ratetable = , times = )}; with {@code --json} the oracle's expected layout (times in days). Rows
 * with a missing age, sex, year or group are left out and counted ({@code nOmitted}).
 */
@Command(name = "expected", mixinStandardHelpOptions = true, showDefaultValues = true,
        versionProvider = Main.VersionProvider.class,
        description = "Expected (population) survival of a cohort, Ederer I (R survexp).")
final class ExpectedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header line.")
    Path file;

    @Option(names = "--group", paramLabel = "COLUMN", description = "One curve per value of this column.")
    String groupColumn;

    @Mixin
    RelativeOptions relative;

    @Mixin
    OutputOptions output;

    @Option(names = "--times", required = true, paramLabel = "T[,T...]", converter = Converters.NumberList.class,
            description = "Times of the expected survival curve (in --time-unit).")
    Converters.Numbers times;

    @Override
    public Integer call() {
        OutputOptions.Format format = output.format();
        if (format == OutputOptions.Format.CSV) {
            throw new UsageException("--format csv is not available for expected yet");
        }
        output.checkWritable();
        RateTable table = relative.table();
        double perUnit = relative.timeUnit.days(table.daysPerYear());
        double[] days = times.values().clone();
        for (int i = 0; i < days.length; i++) {
            days[i] *= perUnit;
        }
        Rows rows = read();
        ExpectedSurvivalResult r = ExpectedSurvival.withDefaults().withRateTable(table).estimate(rows.who, rows.group,
                days);
        output.write(spec.commandLine().getOut(), out -> {
            if (format == OutputOptions.Format.JSON) {
                JsonOutput.write(out, json -> r.writeJson(json, rows.omitted));
            } else {
                if (rows.omitted > 0) {
                    out.println(rows.omitted + " rows omitted for a missing value");
                }
                out.print(r);
            }
        });
        return ExitCode.OK;
    }

    private static final class Rows {
        Demography who;
        Factor group;
        int omitted;
    }

    private Rows read() {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new UsageException("--data " + file + ": no such readable file");
        }
        String ageCol = relative.age;
        String sexCol = relative.sex;
        String yearCol = relative.year;
        String groupCol = groupColumn;
        List<Double> age = new ArrayList<>();
        List<Sex> sex = new ArrayList<>();
        List<LocalDate> date = new ArrayList<>();
        List<String> group = new ArrayList<>();
        Rows rows = new Rows();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true).get())) {
            for (String c : groupCol == null ? List.of(ageCol, sexCol, yearCol)
                    : List.of(ageCol, sexCol, yearCol, groupCol)) {
                if (!p.getHeaderNames().contains(c)) {
                    throw new IllegalArgumentException("unknown column '" + c + "' in " + file.getFileName()
                            + "; the file has " + p.getHeaderNames());
                }
            }
            for (CSVRecord r : p) {
                int row = (int) r.getRecordNumber();
                String av = r.get(ageCol);
                String sv = r.get(sexCol);
                String yv = r.get(yearCol);
                String gv = groupCol == null ? "" : r.get(groupCol);
                if (missing(av) || missing(sv) || missing(yv) || groupCol != null && missing(gv)) {
                    rows.omitted++;
                    continue;
                }
                age.add(number(av, ageCol, row));
                sex.add(Sex.parse(sv).orElseThrow(() -> new IllegalArgumentException(
                        where(sexCol, row) + ": '" + sv + "', expected male or female")));
                try {
                    date.add(LocalDate.parse(yv));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(where(yearCol, row) + ": '" + yv
                            + "', expected a date of diagnosis YYYY-MM-DD");
                }
                group.add(gv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        rows.who = Demography.of(age.stream().mapToDouble(Double::doubleValue).toArray(), sex.toArray(new Sex[0]),
                date.toArray(new LocalDate[0]));
        if (groupCol != null) {
            List<String> levels = levels(group);
            rows.group = Factor.of(groupCol, levels, group.stream().mapToInt(levels::indexOf).toArray());
        }
        return rows;
    }

    /** Numeric order when every value is a number (as R orders a numeric column), else byte order. */
    private static List<String> levels(List<String> values) {
        TreeSet<String> distinct = new TreeSet<>(values);
        try {
            List<String> l = new ArrayList<>(distinct);
            l.sort((x, y) -> Double.compare(Double.parseDouble(x), Double.parseDouble(y)));
            return l;
        } catch (NumberFormatException e) {
            return new ArrayList<>(distinct);
        }
    }

    private static boolean missing(String v) {
        return v.isEmpty() || v.equals("NA");
    }

    private static double number(String v, String column, int row) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where(column, row) + ": '" + v + "', expected a number");
        }
    }

    private static String where(String column, int row) {
        return "column '" + column + "', row " + row + " (file line " + (row + 1) + ")";
    }
}
