package io.survkit.relative;

import io.survkit.internal.Check;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the long rate-table layout {@code age,sex,year,hazard} and checks that the cells form a
 * complete grid: no cell twice (overlap), none missing (gap).
 */
final class RateTableCsv {
    private static final List<String> COLUMNS = List.of("age", "sex", "year", "hazard");

    private RateTableCsv() {
    }

    static RateTable read(Reader in, String name, double daysPerYear) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
        Map<Long, double[]> cells = new TreeMap<>();
        TreeSet<Integer> ages = new TreeSet<>();
        TreeSet<Integer> years = new TreeSet<>();
        try (CSVParser p = CSVParser.parse(in, format)) {
            for (String c : COLUMNS) {
                if (!p.getHeaderNames().contains(c)) {
                    throw Check.fail("rate table %s: no column '%s'; it needs %s, has %s", name, c, COLUMNS,
                            p.getHeaderNames());
                }
            }
            for (CSVRecord r : p) {
                int row = (int) r.getRecordNumber();
                int age = whole(r.get("age"), "age", row, name);
                Sex sex = Sex.parse(r.get("sex")).orElseThrow(() -> Check.fail(
                        "rate table %s, %s: sex '%s', expected male or female", name, Check.at("sex", row),
                        r.get("sex")));
                int year = whole(r.get("year"), "year", row, name);
                double h = number(r.get("hazard"), row, name);
                long key = key(age, sex.ordinal(), year);
                double[] previous = cells.put(key, new double[] {h, row});
                if (previous != null) {
                    throw Check.fail("rate table %s: age %d, %s, year %d appears twice (rows %d and %d); each cell "
                            + "must appear once", name, age, sex.label(), year, (int) previous[1], row);
                }
                ages.add(age);
                years.add(year);
            }
        }
        if (cells.isEmpty()) {
            throw Check.fail("rate table %s has no rows", name);
        }
        return grid(name, cells, ages, years, daysPerYear);
    }

    private static RateTable grid(String name, Map<Long, double[]> cells, TreeSet<Integer> ages,
            TreeSet<Integer> yearSet, double daysPerYear) {
        int first = ages.first();
        int count = ages.last() - first + 1;
        int[] years = yearSet.stream().mapToInt(Integer::intValue).toArray();
        double[] hazard = new double[count * years.length * 2];
        RateTable shape = new RateTable(name, first, count, years, hazard, daysPerYear, CalendarRule.CALENDAR_YEAR,
                0);
        for (int s = 0; s < 2; s++) {
            for (int y = 0; y < years.length; y++) {
                for (int a = 0; a < count; a++) {
                    double[] v = cells.get(key(first + a, s, years[y]));
                    if (v == null) {
                        throw Check.fail("rate table %s has no row for age %d, %s, year %d (ages %d-%d and years %s "
                                + "must form a complete grid for both sexes)", name, first + a,
                                Sex.values()[s].label(), years[y], first, first + count - 1, yearSet);
                    }
                    hazard[shape.cell(a, s, y)] = v[0];
                }
            }
        }
        return shape;
    }

    private static long key(int age, int sex, int year) {
        return ((long) age * 4 + sex) * 100_000L + year;
    }

    private static int whole(String text, String column, int row, String name) {
        try {
            double v = Double.parseDouble(text);
            if (v == Math.rint(v) && Math.abs(v) < 100_000) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Check.fail("rate table %s, %s: '%s', expected a whole number", name, Check.at(column, row), text);
    }

    private static double number(String text, int row, String name) {
        try {
            double v = Double.parseDouble(text);
            if (v >= 0 && v < Double.POSITIVE_INFINITY) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Check.fail("rate table %s, %s: '%s', expected a hazard per day, finite and >= 0", name,
                Check.at("hazard", row), text);
    }
}
