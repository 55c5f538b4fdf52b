package io.survkit.relative;

import io.survkit.internal.Check;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads Human Mortality Database 1x1 period life tables (one file per sex): title lines, then a
 * header {@code Year Age mx qx ax lx dx Lx Tx ex} and one row per year and age ({@code 110+} is age
 * 110; {@code .} is missing). Hazards per day follow {@code relsurv::transrate.hmd}: from q(x),
 * -log(1 - q)/365.241 with q = 1 or missing set to 0.999 from that age on; from m(x), m/365.241.
 */
final class HmdLifeTables {
    static final double DAYS_PER_YEAR = 365.241;

    private HmdLifeTables() {
    }

    static RateTable read(Path male, Path female, HmdRate rate) {
        TreeMap<Integer, double[]> m = sex(male, rate);
        TreeMap<Integer, double[]> f = sex(female, rate);
        if (!m.keySet().equals(f.keySet())) {
            throw Check.fail("the life tables %s and %s hold different years: %s and %s", male.getFileName(),
                    female.getFileName(), m.keySet(), f.keySet());
        }
        int ages = m.firstEntry().getValue().length;
        int[] years = m.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] hazard = new double[ages * years.length * 2];
        RateTable shape = new RateTable("hmd", 0, ages, years, hazard, DAYS_PER_YEAR, CalendarRule.CALENDAR_YEAR, 0);
        for (int y = 0; y < years.length; y++) {
            double[] hm = m.get(years[y]);
            double[] hf = f.get(years[y]);
            if (hm.length != ages || hf.length != ages) {
                throw Check.fail("year %d has %d ages for males and %d for females; every year needs ages 0-%d",
                        years[y], hm.length, hf.length, ages - 1);
            }
            for (int a = 0; a < ages; a++) {
                hazard[shape.cell(a, 0, y)] = hm[a];
                hazard[shape.cell(a, 1, y)] = hf[a];
            }
        }
        return shape;
    }

    private static TreeMap<Integer, double[]> sex(Path file, HmdRate rate) {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            lines = r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            if (lines.get(i).trim().startsWith("Year")) {
                header = i;
            }
        }
        if (header < 0) {
            throw Check.fail("%s is not a Human Mortality Database life table: no header line starting with 'Year'",
                    file.getFileName());
        }
        List<String> names = Arrays.asList(lines.get(header).trim().split("\\s+"));
        int year = names.indexOf("Year");
        int age = names.indexOf("Age");
        int col = names.indexOf(rate == HmdRate.MX ? "mx" : "qx");
        if (age < 0 || col < 0) {
            throw Check.fail("%s: the header %s has no 'Age' or '%s' column", file.getFileName(), names,
                    rate == HmdRate.MX ? "mx" : "qx");
        }
        TreeMap<Integer, List<Double>> byYear = new TreeMap<>();
        for (int i = header + 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < names.size()) {
                throw Check.fail("%s, line %d: %d fields, expected %d", file.getFileName(), i + 1, f.length,
                        names.size());
            }
            int y = whole(f[year], file, i, "Year");
            int a = whole(f[age].replace("+", ""), file, i, "Age");
            List<Double> values = byYear.computeIfAbsent(y, k -> new ArrayList<>());
            if (a != values.size()) {
                throw Check.fail("%s, line %d: year %d age %d follows age %d; ages must run 0, 1, 2, ... without gaps "
                        + "or repeats", file.getFileName(), i + 1, y, a, values.size() - 1);
            }
            values.add(value(f[col], file, i));
        }
        if (byYear.isEmpty()) {
            throw Check.fail("%s has no rows below its header", file.getFileName());
        }
        TreeMap<Integer, double[]> out = new TreeMap<>();
        byYear.forEach((y, v) -> out.put(y, hazards(v, rate)));
        return out;
    }

    private static double[] hazards(List<Double> v, HmdRate rate) {
        double[] h = new double[v.size()];
        boolean capped = false;
        for (int a = 0; a < h.length; a++) {
            double x = v.get(a);
            if (rate == HmdRate.MX) {
                h[a] = Double.isNaN(x) ? h[Math.max(0, a - 1)] : x / DAYS_PER_YEAR;
            } else {
                capped |= Double.isNaN(x) || x >= 1;
                h[a] = -Math.log(1 - (capped ? 0.999 : x)) / DAYS_PER_YEAR;
            }
        }
        return h;
    }

    private static int whole(String text, Path file, int line, String column) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Check.fail("%s, line %d: %s '%s', expected a whole number", file.getFileName(), line + 1, column,
                    text);
        }
    }

    private static double value(String text, Path file, int line) {
        if (text.equals(".")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text);
            if (v >= 0 && v < Double.POSITIVE_INFINITY) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Check.fail("%s, line %d: rate '%s', expected a number >= 0 or '.'", file.getFileName(), line + 1, text);
    }
}
