package io.survkit.relative;

import io.survkit.internal.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A population rate table: daily hazards of death by age in single years, sex and calendar year,
 * as R's {@code ratetable} objects ({@code survival::survexp.us}, {@code relsurv::slopop}) hold them.
 * Immutable.
 *
 * <p>Cells, as R's {@code pystep} finds them: the cell of age a covers ages [a·d, (a+1)·d) in days,
 * d = {@link #daysPerYear()} (R's age cutpoints are {@code (0:amax) * d}); the cell of year y covers
 * dates from January 1 of y to January 1 of the next listed year (the years need not be
 * consecutive). A point falls in the cell with the largest start at or below it; the first and last
 * cells extend without limit, so ages and dates beyond the table carry its last values, as R does.
 *
 * <p>Sources: the long CSV layout {@code age,sex,year,hazard} ({@link #csv(Path)}), the Human
 * Mortality Database's 1x1 life tables ({@link #hmd(Path, Path, HmdRate)}), and the bundled United
 * States table ({@link #us()}, R's {@code survexp.us}, US public-domain life tables).
 *
 * <pre>{@code
 * RateTable us = RateTable.us();                                  // 1940-2014, ages 0-109
 * double h = us.hazard(70, Sex.FEMALE, 2000);                     // per day
 * RateTable slo = RateTable.csv(Path.of("slopop.csv")).withDaysPerYear(365.241);
 * }</pre>
 */
public final class RateTable {
    private static final double US_DAYS_PER_YEAR = 365.25;
    private static volatile RateTable us;

    private final String name;
    private final int firstAge;
    private final int ageCount;
    private final int[] years;
    private final double[] hazard;
    private final double daysPerYear;
    private final CalendarRule rule;
    /** Epoch of the birth date in the US rule, days after 1970-01-01; 0 except in relsurv-defect tests. */
    private final double birthEpoch;
    private final double[] ageCuts;
    private final double[] yearCuts;

    RateTable(String name, int firstAge, int ageCount, int[] years, double[] hazard, double daysPerYear,
            CalendarRule rule, double birthEpoch) {
        this.name = name;
        this.firstAge = firstAge;
        this.ageCount = ageCount;
        this.years = years;
        this.hazard = hazard;
        this.daysPerYear = daysPerYear;
        this.rule = rule;
        this.birthEpoch = birthEpoch;
        this.ageCuts = new double[ageCount];
        for (int a = 0; a < ageCount; a++) {
            ageCuts[a] = (firstAge + a) * daysPerYear;
        }
        this.yearCuts = new double[years.length];
        for (int y = 0; y < years.length; y++) {
            yearCuts[y] = LocalDate.of(years[y], 1, 1).toEpochDay();
        }
    }

    /**
     * The United States table bundled with survkit: R survival 3.5's {@code survexp.us} (ages
     * 0-109, 1940-2014, hazards per day), {@link CalendarRule#US_BIRTHDAY}, 365.25 days a year.
     *
     * @return the United States table bundled with survkit: R survival 3.5's {@code survexp.us} (ages 0-109, 1940-2014, hazards per day), {@link CalendarRule#US_BIRTHDAY}, 365.25 days a year
     */
    public static RateTable us() {
        RateTable t = us;
        if (t == null) {
            try (InputStream in = RateTable.class.getResourceAsStream("us.csv");
                    Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                t = RateTableCsv.read(r, "us", US_DAYS_PER_YEAR).withCalendarRule(CalendarRule.US_BIRTHDAY);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled US rate table", e);
            }
            us = t;
        }
        return t;
    }

    /**
     * Reads the long CSV layout: a header with the columns {@code age} (whole years), {@code sex}
     * ({@code male}/{@code female}), {@code year} (calendar year) and {@code hazard} (per day), one
     * row per cell in any order. Every age from the lowest to the highest must be present for both
     * sexes and the same years. Days per year 365.25 and {@link CalendarRule#CALENDAR_YEAR} until
     * changed.
     *
     * @param file the file
     * @return the rate table
     * @throws IllegalArgumentException naming the line and value of a malformed, repeated
     *         (overlapping) or missing (gap) cell
     */
    public static RateTable csv(Path file) {
        Check.notNull("rate table file", file);
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return RateTableCsv.read(r, base, US_DAYS_PER_YEAR);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads two Human Mortality Database 1x1 period life tables ({@code mltper_1x1.txt} and
     * {@code fltper_1x1.txt}: columns {@code Year Age mx qx ax lx dx Lx Tx ex}, ages 0 to
     * {@code 110+}), turning {@code rate} into hazards per day with 365.241 days a year (as
     * {@code relsurv::transrate.hmd}). {@link CalendarRule#CALENDAR_YEAR}.
     *
     * @param male the male
     * @param female the female
     * @param rate the rate
     * @return the rate table
     * @throws IllegalArgumentException naming the file and line of a malformed row, or when the two
     *         files do not hold the same years and ages
     */
    public static RateTable hmd(Path male, Path female, HmdRate rate) {
        Check.notNull("male life table", male);
        Check.notNull("female life table", female);
        Check.notNull("rate", rate);
        return HmdLifeTables.read(male, female, rate);
    }

    /**
     * The same rates with age cells {@code days} long (365.25 for R's US tables, 365.241 for relsurv's).
     *
     * @param days the days
     * @return a new instance with this setting (this one is unchanged)
     */
    public RateTable withDaysPerYear(double days) {
        Check.positiveFinite("days per year", days);
        return new RateTable(name, firstAge, ageCount, years, hazard, days, rule, birthEpoch);
    }

    /**
     * The same rates with another way of entering the year cells.
     *
     * @param r the calendar rule
     * @return a new instance with this setting (this one is unchanged)
     */
    public RateTable withCalendarRule(CalendarRule r) {
        Check.notNull("calendar rule", r);
        return new RateTable(name, firstAge, ageCount, years, hazard, daysPerYear, r, birthEpoch);
    }

    /**
     * The same rates under a new name (used in printed output).
     *
     * @param newName the new name
     * @return a new instance with this setting (this one is unchanged)
     */
    public RateTable withName(String newName) {
        Check.notNull("name", newName);
        return new RateTable(newName, firstAge, ageCount, years, hazard, daysPerYear, rule, birthEpoch);
    }

    /**
     * relsurv 2.2.9's US rule reads the birth date as days since 1960-01-01 (3653 days early). Only
     * tests use this, to show that the rest of the computation equals relsurv's to the last digits.
     */
    RateTable withBirthEpoch(double epochDays) {
        return new RateTable(name, firstAge, ageCount, years, hazard, daysPerYear, rule, epochDays);
    }

    /** {@return name of the table ({@code us}, or the CSV file's base name)} */
    public String name() {
        return name;
    }

    /** {@return length of an age cell in days} */
    public double daysPerYear() {
        return daysPerYear;
    }

    /** {@return how dates enter the year cells} */
    public CalendarRule calendarRule() {
        return rule;
    }

    /** {@return lowest age (years)} */
    public int firstAge() {
        return firstAge;
    }

    /** {@return highest age (years); older ages carry its rates} */
    public int lastAge() {
        return firstAge + ageCount - 1;
    }

    /** {@return the calendar years that start a year cell, ascending} */
    public int[] years() {
        return years.clone();
    }

    /**
     * The daily hazard of the cell holding age {@code age} (years), {@code sex} and calendar year
     * {@code year}; ages and years outside the table take the nearest cell.
     *
     * @param age the 0-based age index
     * @param sex the sex
     * @param year the 0-based year index
     * @return the daily hazard of the cell holding age {@code age} (years), {@code sex} and calendar year {@code year}; ages and years outside the table take the nearest cell
     */
    public double hazard(int age, Sex sex, int year) {
        Check.notNull("sex", sex);
        int a = Math.max(0, Math.min(ageCount - 1, age - firstAge));
        int y = Arrays.binarySearch(years, year);
        if (y < 0) {
            y = Math.max(0, -y - 2);
        }
        return hazard[cell(a, sex.ordinal(), y)];
    }

    int ageCount() {
        return ageCount;
    }

    int yearCount() {
        return years.length;
    }

    /** Start of age cell {@code a} in days. */
    double ageCut(int a) {
        return ageCuts[a];
    }

    /** Start of year cell {@code y} in days since 1970-01-01. */
    double yearCut(int y) {
        return yearCuts[y];
    }

    /** Linear index of a cell: age fastest, then year, then sex. */
    int cell(int ageIndex, int sex, int yearIndex) {
        return (sex * years.length + yearIndex) * ageCount + ageIndex;
    }

    /** Hazard of cell {@code c} (a linear index from {@link #cell}). */
    double hazardOfCell(int c) {
        return hazard[c];
    }

    int cellCount() {
        return hazard.length;
    }

    /** R pystep: the age cell with the largest start at or below {@code days} (the first below all). */
    int ageIndex(double days) {
        return index(ageCuts, days);
    }

    /** R pystep: the year cell with the largest start at or below {@code days} (the first below all). */
    int yearIndex(double days) {
        return index(yearCuts, days);
    }

    private static int index(double[] cuts, double v) {
        int j = 0;
        while (j < cuts.length && !(v < cuts[j])) {
            j++;
        }
        return j == 0 ? 0 : j - 1;
    }

    /**
     * The date (days since 1970-01-01) from which the subject walks through the year cells: the
     * diagnosis date, or under {@link CalendarRule#US_BIRTHDAY} the date moved back by the birth
     * date's offset into its calendar year (R survival's {@code survexp.fit}).
     */
    double entryDate(double ageDays, double dateDays) {
        if (rule != CalendarRule.US_BIRTHDAY) {
            return dateDays;
        }
        double birth = birthEpoch + (dateDays - ageDays);
        double january = LocalDate.ofEpochDay((long) Math.floor(birth)).withDayOfYear(1).toEpochDay();
        double offset = birth - january;
        return dateDays - offset;
    }

    @Override
    public String toString() {
        return "RateTable[" + name + ", ages " + firstAge + "-" + lastAge() + ", years " + years[0] + "-"
                + years[years.length - 1] + " (" + years.length + " cells), " + daysPerYear + " days a year, "
                + rule + "]";
    }
}
