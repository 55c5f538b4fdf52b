package io.survkit.relative;

import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What a rate table needs to know of each subject: age at diagnosis (years), sex and date of
 * diagnosis. Immutable, one entry per row of the survival data it belongs to.
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.csv(Path.of("rdata.csv")).time("time").event("cens", "1").read();
 * Demography who = Demography.of(d, "age", "sex", "year");   // year: dates YYYY-MM-DD
 * }</pre>
 */
public final class Demography {
    private final double[] ageYears;
    private final byte[] sex;
    private final double[] date;
    /** Rows with a missing age, sex or date (null: none). */
    private final boolean[] missing;

    private Demography(double[] ageYears, byte[] sex, double[] date, boolean[] missing) {
        this.ageYears = ageYears;
        this.sex = sex;
        this.date = date;
        this.missing = missing;
    }

    /**
     * From arrays: age at diagnosis in years (finite, ≥ 0), sex, and date of diagnosis.
     *
     * @param ageYears the age years
     * @param sex the sex
     * @param diagnosis the diagnosis
     * @return from arrays: age at diagnosis in years (finite, ≥ 0), sex, and date of diagnosis
     * @throws IllegalArgumentException naming the 1-based row of a bad value, or for unequal lengths
     */
    public static Demography of(double[] ageYears, Sex[] sex, LocalDate[] diagnosis) {
        Check.notNull("ages", ageYears);
        Check.notNull("sexes", sex);
        Check.notNull("diagnosis dates", diagnosis);
        if (sex.length != ageYears.length || diagnosis.length != ageYears.length) {
            throw Check.fail("ages, sexes and dates have %d, %d and %d rows; they must be equal", ageYears.length,
                    sex.length, diagnosis.length);
        }
        double[] a = new double[ageYears.length];
        byte[] s = new byte[ageYears.length];
        double[] d = new double[ageYears.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = age(ageYears[i], "age", i + 1);
            if (sex[i] == null || diagnosis[i] == null) {
                throw Check.fail("row %d: sex and date of diagnosis must not be null", i + 1);
            }
            s[i] = (byte) sex[i].ordinal();
            d[i] = diagnosis[i].toEpochDay();
        }
        return new Demography(a, s, d, null);
    }

    /**
     * From the columns of survival data: {@code age} in years (numeric), {@code sex} with labels
     * {@code male}/{@code female} (or 1/2, any case), {@code year} dates {@code YYYY-MM-DD} or
     * calendar years alone (SEER's year of diagnosis), taken as July 1 of the year. A row with a
     * missing value in any of the three is kept as missing; the estimators leave it out and count it.
     *
     * @param data the data
     * @param age the age
     * @param sex the sex
     * @param year the year
     * @return from the columns of survival data: {@code age} in years (numeric), {@code sex} with labels {@code male}/{@code female} (or 1/2, any case), {@code year} dates {@code YYYY-MM-DD} or calendar years alone (SEER's year of diagnosis), taken as July 1 of the year
     * @throws IllegalArgumentException naming the column, row and value that cannot be read
     */
    public static Demography of(SurvivalData data, String age, String sex, String year) {
        Check.notNull("data", data);
        String[] ages = data.labels(Check.notNull("age column", age));
        double[] ageNumbers = data.isNumeric(age) ? data.numbers(age) : null;
        String[] sexes = data.labels(Check.notNull("sex column", sex));
        String[] years = data.labels(Check.notNull("year column", year));
        int n = data.rowCount();
        double[] a = new double[n];
        byte[] s = new byte[n];
        double[] d = new double[n];
        boolean[] missing = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (ages[i] == null || sexes[i] == null || years[i] == null) {
                missing[i] = true;
                any = true;
                continue;
            }
            int row = data.sourceRow(i);
            a[i] = age(ageNumbers != null ? ageNumbers[i] : number(ages[i], age, row), age, row);
            String sexLabel = sexes[i];
            s[i] = (byte) Sex.parse(sexLabel).orElseThrow(() -> Check.fail("%s: '%s', expected male or female",
                    Check.at(sex, row), sexLabel)).ordinal();
            d[i] = date(years[i], year, row);
        }
        return new Demography(a, s, d, any ? missing : null);
    }

    private static double number(String text, String column, int row) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw Check.fail("%s: '%s', expected an age in years", Check.at(column, row), text);
        }
    }

    private static double age(double years, String column, int row) {
        if (!(years >= 0 && years < 200)) {
            throw Check.fail("%s: age %s, expected years at diagnosis between 0 and 200", Check.at(column, row), years);
        }
        return years;
    }

    /**
     * A date {@code YYYY-MM-DD}, or a calendar year alone (SEER's "Year of diagnosis"), taken as July 1
     * of that year: the middle of the year, the usual assumption when only the year is known.
     */
    private static double date(String text, String column, int row) {
        String t = text.trim();
        if (t.matches("\\d{4}")) {
            return LocalDate.of(Integer.parseInt(t), 7, 1).toEpochDay();
        }
        try {
            return LocalDate.parse(t).toEpochDay();
        } catch (DateTimeParseException e) {
            throw Check.fail("%s: '%s', expected a date of diagnosis YYYY-MM-DD or a year YYYY", Check.at(column, row),
                    text);
        }
    }

    /**
     * True when row {@code i} has a missing age, sex or date of diagnosis.
     *
     * @param i the 0-based index
     * @return true when row {@code i} has a missing age, sex or date of diagnosis
     */
    public boolean isMissing(int i) {
        return missing != null && missing[i];
    }

    /** {@return number of rows} */
    public int size() {
        return ageYears.length;
    }

    /**
     * Age at diagnosis of row {@code i}, years.
     *
     * @param i the 0-based index
     * @return age at diagnosis of row {@code i}, years
     */
    public double ageYears(int i) {
        return ageYears[i];
    }

    /**
     * Sex of row {@code i}.
     *
     * @param i the 0-based index
     * @return sex of row {@code i}
     */
    public Sex sex(int i) {
        return Sex.values()[sex[i]];
    }

    /**
     * Date of diagnosis of row {@code i}.
     *
     * @param i the 0-based index
     * @return date of diagnosis of row {@code i}
     */
    public LocalDate diagnosisDate(int i) {
        return LocalDate.ofEpochDay((long) date[i]);
    }

    /** Age in days in a table with {@code daysPerYear}: one multiplication, as R's {@code age * 365.241}. */
    double ageDays(int i, double daysPerYear) {
        return ageYears[i] * daysPerYear;
    }

    /** Date of diagnosis in days since 1970-01-01. */
    double dateDays(int i) {
        return date[i];
    }

    byte sexCode(int i) {
        return sex[i];
    }
}
