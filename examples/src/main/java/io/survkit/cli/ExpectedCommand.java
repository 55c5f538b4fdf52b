package io.survkit.cli;

import io.survkit.data.Factor;
import io.survkit.relative.Demography;
import io.survkit.relative.ExpectedSurvival;
import io.survkit.relative.ExpectedSurvivalResult;
import io.survkit.relative.RateTable;
import io.survkit.relative.Sex;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code survkit expected}: the Ederer (cohort) expected survival of the rows of a file at chosen
 * times, as R's {@code survexp(~ 1 or group, rmap = list(age = age * d, sex = sex, year = year),
 * ratetable = , times = )}; with {@code --json} the oracle's expected layout. Rows with a missing
 * age, sex, year or group are left out and counted ({@code nOmitted}).
 */
final class ExpectedCommand implements Command {
    @Override
    public String name() {
        return "expected";
    }

    @Override
    public String summary() {
        return "expected (population) survival of a cohort (R survexp, Ederer)";
    }

    @Override
    public Set<String> options() {
        Set<String> s = new HashSet<>(RelativeOptions.OPTIONS);
        s.addAll(Set.of("data", "group", "times"));
        return s;
    }

    @Override
    public int run(Args a, PrintStream out) {
        RateTable table = RelativeOptions.table(a);
        double perUnit = RelativeOptions.timeUnit(a).days(table.daysPerYear());
        double[] times = a.numbers("times");
        if (times.length == 0) {
            throw new UsageException("expected: option --times is required (e.g. --times 365,1826,3652)");
        }
        double[] days = times.clone();
        for (int i = 0; i < days.length; i++) {
            days[i] *= perUnit;
        }
        Rows rows = read(a);
        ExpectedSurvivalResult r = ExpectedSurvival.withDefaults().withRateTable(table).estimate(rows.who, rows.group,
                days);
        if (a.flag("json")) {
            out.println(Json.write(RelsurvCommand.json(r.toJson(rows.omitted))));
        } else {
            if (rows.omitted > 0) {
                out.println(rows.omitted + " rows omitted for a missing value");
            }
            out.print(r);
        }
        return 0;
    }

    private static final class Rows {
        Demography who;
        Factor group;
        int omitted;
    }

    private static Rows read(Args a) {
        Path file = Path.of(a.require("data"));
        if (!Files.isReadable(file)) {
            throw new UsageException("expected: --data " + file + ": no such readable file");
        }
        String ageCol = a.require("age");
        String sexCol = a.require("sex");
        String yearCol = a.require("year");
        String groupCol = a.get("group");
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
