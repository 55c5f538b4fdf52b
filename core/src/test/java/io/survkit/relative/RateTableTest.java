package io.survkit.relative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading rate tables, their cells and errors. */
class RateTableTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(RateTableTest.class.getResource("/relative/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theBundledUsTableIsSurvexpUs() throws IOException {
        RateTable us = RateTable.us();
        assertEquals(0, us.firstAge());
        assertEquals(109, us.lastAge());
        assertEquals(75, us.years().length);
        assertEquals(1940, us.years()[0]);
        assertEquals(365.25, us.daysPerYear());
        assertEquals(CalendarRule.US_BIRTHDAY, us.calendarRule());
        // first and a later row of the oracle's us.csv (R: survexp.us["0", "male", "1940"], ...)
        assertEquals(0.00014730102934525853, us.hazard(0, Sex.MALE, 1940));
        String line = Files.readAllLines(Oracle.root().resolve("ratetables/us.csv")).stream()
                .filter(l -> l.startsWith("70,\"female\",2000,")).findFirst().orElseThrow();
        assertEquals(Double.parseDouble(line.split(",")[3]), us.hazard(70, Sex.FEMALE, 2000));
    }

    @Test
    void agesAndYearsBeyondTheTableCarryItsLastValues() {
        RateTable us = RateTable.us();
        assertEquals(us.hazard(109, Sex.MALE, 2014), us.hazard(130, Sex.MALE, 2030));
        assertEquals(us.hazard(0, Sex.FEMALE, 1940), us.hazard(-3, Sex.FEMALE, 1900));
        // slopop lists 1930, 1948, 1952, ...: 1940 falls in the cell of 1930
        RateTable slo = RateTable.csv(Oracle.root().resolve("ratetables/slopop.csv"));
        assertEquals(slo.hazard(60, Sex.MALE, 1930), slo.hazard(60, Sex.MALE, 1947));
        assertEquals(slo.hazard(60, Sex.MALE, 1948), slo.hazard(60, Sex.MALE, 1951));
    }

    @Test
    void cellsFollowRsCutpoints() {
        RateTable slo = RateTable.csv(Oracle.root().resolve("ratetables/slopop.csv")).withDaysPerYear(365.241);
        // R: attr(slopop, "cutpoints")[[1]] == (0:103) * 365.241
        assertEquals(70 * 365.241, slo.ageCut(70));
        assertEquals(69, slo.ageIndex(70 * 365.241 - 1e-9));
        assertEquals(70, slo.ageIndex(70 * 365.241));
        assertEquals(LocalDate.of(1982, 1, 1).toEpochDay(), (long) slo.yearCut(slo.yearIndex(
                LocalDate.of(1982, 12, 31).toEpochDay())));
    }

    @Test
    void theUsRuleMovesTheDateBackToTheBirthday() {
        // born 1950-07-02 (day -7123 from 1970), diagnosed 2000-07-02 at exactly 18262 days:
        // b - J = 182 days, so the date used is 2000-01-01
        RateTable us = RateTable.us();
        double y0 = LocalDate.of(2000, 7, 2).toEpochDay();
        double b = LocalDate.of(1950, 7, 2).toEpochDay();
        double expected = y0 - (b - LocalDate.of(1950, 1, 1).toEpochDay());
        assertEquals(expected, us.entryDate(y0 - b, y0));
        assertEquals(y0, us.withCalendarRule(CalendarRule.CALENDAR_YEAR).entryDate(y0 - b, y0));
    }

    @Test
    void hmdFilesGiveRelsurvsTransrateHmd() throws IOException {
        // reference: relsurv 2.2.9 transrate.hmd (resources/relative/hmd/hmd_reference.R)
        JsonNode ref = new ObjectMapper().readTree(resource("hmd/hmd_reference.json").toFile());
        RateTable t = RateTable.hmd(resource("hmd/mltper_1x1.txt"), resource("hmd/fltper_1x1.txt"), HmdRate.QX);
        assertEquals(365.241, t.daysPerYear());
        int[] years = t.years();
        assertEquals(3, years.length);
        for (int y = 0; y < 3; y++) {
            assertEquals(ref.get("years").get(y).asInt(), years[y]);
            for (int a = 0; a <= 110; a++) {
                Oracle.assertNumber(ref.get("male").get(y).get(a), t.hazard(a, Sex.MALE, years[y]), "male " + a);
                Oracle.assertNumber(ref.get("female").get(y).get(a), t.hazard(a, Sex.FEMALE, years[y]),
                        "female " + a);
            }
        }
        for (int a = 0; a <= 110; a++) {
            Oracle.assertNumber(ref.get("ageCutpoints").get(a), t.ageCut(a), "age cut " + a);
        }
    }

    @Test
    void hmdMxIsTheCentralRatePerDay() {
        RateTable t = RateTable.hmd(resource("hmd/mltper_1x1.txt"), resource("hmd/fltper_1x1.txt"), HmdRate.MX);
        assertEquals(0.00023 / 365.241, t.hazard(0, Sex.MALE, 1990), 1e-20);
    }

    @Test
    void aRepeatedCellIsAnOverlap() throws IOException {
        Path f = write("age,sex,year,hazard\n0,male,2000,0.001\n0,female,2000,0.001\n0,male,2000,0.002\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateTable.csv(f));
        assertTrue(e.getMessage().contains("age 0, male, year 2000 appears twice (rows 1 and 3)"), e.getMessage());
    }

    @Test
    void aMissingCellIsAGap() throws IOException {
        Path f = write("age,sex,year,hazard\n0,male,2000,0.001\n0,female,2000,0.001\n2,male,2000,0.001\n"
                + "2,female,2000,0.001\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateTable.csv(f));
        assertTrue(e.getMessage().contains("no row for age 1, male, year 2000"), e.getMessage());
    }

    @Test
    void badValuesNameColumnRowAndValue() throws IOException {
        Path f = write("age,sex,year,hazard\n0,male,2000,-1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateTable.csv(f));
        assertTrue(e.getMessage().contains("column 'hazard', row 1 (file line 2): '-1'"), e.getMessage());
        Path g = write("age,sex,year,hazard\n0,other,2000,0.1\n");
        e = assertThrows(IllegalArgumentException.class, () -> RateTable.csv(g));
        assertTrue(e.getMessage().contains("column 'sex', row 1 (file line 2): sex 'other'"), e.getMessage());
        Path h = write("age,gender,year,hazard\n");
        e = assertThrows(IllegalArgumentException.class, () -> RateTable.csv(h));
        assertTrue(e.getMessage().contains("no column 'sex'"), e.getMessage());
    }

    private Path write(String text) throws IOException {
        Path f = Files.createTempFile(dir, "rt", ".csv");
        Files.writeString(f, text);
        return f;
    }
}
