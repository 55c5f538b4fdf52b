package io.survkit.examples.gist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.seer.ArmDefinition;
import io.survkit.seer.CohortSelection;
import io.survkit.seer.Endpoint;
import io.survkit.data.Factor;
import io.survkit.seer.SeerColumn;
import io.survkit.seer.SeerReader;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.seer.SystemicSurgerySequence;
import io.survkit.seer.UnknownCause;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the synthetic GIST export and reads it back through {@link SeerReader} as a user would.
 * Medians are computed here by the product-limit formula (S(t) = prod (1 - d/n) over event times
 * u <= t; median = first t with S(t) <= 0.5), independently of the simulator; R's
 * {@code survfit(Surv(months, status) ~ arm)} on the same file gives the same medians (57 and 44 in
 * the chemotherapy-alone arm, NA = not reached in the surgery arm).
 */
class GistCohortSimulatorTest {
    @TempDir
    static Path dir;
    static Path csv;
    static SeerReader reader;

    @BeforeAll
    static void write() {
        csv = GistCohortSimulator.withDefaults().write(dir.resolve("gist_seer_export.csv"));
        reader = SeerReader.withDefaults().withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery())
                .withNumeric(SeerColumn.AGE, "age").withNumeric(GistCohortSimulator.TUMOR_SIZE, "size")
                .withFactor(SeerColumn.SEX, "sex", "Female");
    }

    /** Product-limit survival at t (right-continuous) of the rows with group code g. */
    /** The cohort with its arm as the grouping. */
    static ModelFrame frame(SurvivalData d) {
        return ModelFrame.of(d, "arm");
    }

    static double survival(ModelFrame d, int g, double t) {
        double s = 1;
        for (double u : eventTimes(d, g)) {
            if (u > t) {
                break;
            }
            int atRisk = 0;
            int events = 0;
            for (int i = 0; i < d.rowCount(); i++) {
                if (d.groups().orElseThrow().code(i) == g && d.time(i) >= u) {
                    atRisk++;
                    if (d.time(i) == u && d.isEvent(i)) {
                        events++;
                    }
                }
            }
            s *= 1 - (double) events / atRisk;
        }
        return s;
    }

    static double median(ModelFrame d, int g) {
        for (double u : eventTimes(d, g)) {
            if (survival(d, g, u) <= 0.5) {
                return u;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    static double[] eventTimes(ModelFrame d, int g) {
        return java.util.stream.IntStream.range(0, d.rowCount()).filter(i -> d.groups().orElseThrow().code(i) == g && d.isEvent(i))
                .mapToDouble(d::time).distinct().sorted().toArray();
    }

    static double maxTime(ModelFrame d, int g) {
        double m = 0;
        for (int i = 0; i < d.rowCount(); i++) {
            if (d.groups().orElseThrow().code(i) == g) {
                m = Math.max(m, d.time(i));
            }
        }
        return m;
    }

    @Test
    void cancerSpecificCohortHasTheStudyCountsAndExclusionTable() {
        CohortSelection c = reader.withEndpoint(Endpoint.CANCER_SPECIFIC).read(csv);
        assertEquals(GistCohortSimulator.PATIENTS + GistCohortSimulator.EXTRA_RECORDS, c.recordsRead());
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(CohortSelection.SURVIVAL_NOT_CALCULATED, 4);
        expected.put(CohortSelection.SURVIVAL_MONTHS_UNKNOWN, 5);
        expected.put(CohortSelection.NOT_FIRST_TUMOR, 2);
        expected.put(CohortSelection.CAUSE_OF_DEATH_UNKNOWN, 6);
        expected.put(ArmDefinition.NO_CHEMOTHERAPY, 18);
        expected.put(ArmDefinition.SURGERY_UNKNOWN, 3);
        expected.put("missing age", 0);
        expected.put("missing size", 0);
        expected.put("missing sex", 0);
        assertEquals(expected, c.exclusions());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(c.exclusions().keySet()));
        assertEquals(607, c.size());
        assertEquals(Map.of(ArmDefinition.CHEMOTHERAPY_ALONE, 380, ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY, 227),
                c.armCounts());
        assertEquals(List.of(ArmDefinition.CHEMOTHERAPY_ALONE, ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY),
                frame(c.data()).groups().orElseThrow().levels());
    }

    @Test
    void chemotherapyAloneMediansAre57And44AndSurgeryMediansAreNotReached() {
        CohortSelection c = reader.withEndpoint(Endpoint.CANCER_SPECIFIC).read(csv);
        ModelFrame css = frame(c.data());
        ModelFrame os = frame(c.data(Endpoint.OVERALL_SURVIVAL));
        assertEquals(GistCohortSimulator.REPORTED_MEDIAN_CSS, median(css, 0));
        assertEquals(GistCohortSimulator.REPORTED_MEDIAN_OS, median(os, 0));
        assertEquals(Double.POSITIVE_INFINITY, median(css, 1));
        assertEquals(Double.POSITIVE_INFINITY, median(os, 1));
        assertTrue(survival(css, 1, 120) > 0.5 && survival(os, 1, 120) > 0.5);
        assertTrue(maxTime(os, 1) >= 120, "follow-up reaches 120 months in the surgery arm");
        assertTrue(maxTime(os, 0) <= 155 && maxTime(os, 1) <= 155, "administrative censoring at the 2016 cutoff");
        GistCohortSimulator.Calibration cal = GistCohortSimulator.withDefaults().calibration();
        assertEquals(57.0, cal.medianCss());
        assertEquals(44.0, cal.medianOs());
        assertTrue(cal.cancerRate() > 0 && cal.otherCauseRate() > 0, cal.toString());
    }

    @Test
    void unknownCauseCensoredAndOverallSurvivalKeepMorePatients() {
        CohortSelection censor = reader.withEndpoint(Endpoint.CANCER_SPECIFIC.withUnknownCause(UnknownCause.CENSOR))
                .read(csv);
        assertEquals(613, censor.size());
        assertEquals(6, censor.unknownCauseDeaths());
        assertEquals(Map.of(ArmDefinition.CHEMOTHERAPY_ALONE, 384, ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY, 229),
                censor.armCounts());
        CohortSelection os = reader.read(csv);
        assertEquals(615, os.size());
        assertEquals(Map.of(ArmDefinition.CHEMOTHERAPY_ALONE, 386, ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY, 229),
                os.armCounts());
        CohortSelection css = reader.withEndpoint(Endpoint.CANCER_SPECIFIC).read(csv);
        assertEquals(frame(css.data()).eventCount(), frame(censor.data()).eventCount(), "censoring adds patients, not events");
    }

    @Test
    void competingRisksSplitOverallDeathsIntoTheTwoCauses() {
        CohortSelection cr = reader.withEndpoint(Endpoint.COMPETING_RISKS).read(csv);
        ModelFrame d = frame(cr.data());
        ModelFrame os = frame(cr.data(Endpoint.OVERALL_SURVIVAL));
        ModelFrame css = frame(cr.data(Endpoint.CANCER_SPECIFIC));
        int cancer = 0;
        int other = 0;
        for (int i = 0; i < d.rowCount(); i++) {
            cancer += d.status(i) == 1 ? 1 : 0;
            other += d.status(i) == 2 ? 1 : 0;
            assertEquals(d.status(i) != 0, os.isEvent(i));
            assertEquals(d.status(i) == 1, css.isEvent(i));
        }
        assertEquals(os.eventCount(), cancer + other);
        assertTrue(cancer > 0 && other > 0);
    }

    @Test
    void confoundingAndTimingOfSurgery() {
        CohortSelection c = reader.withEndpoint(Endpoint.CANCER_SPECIFIC)
                .withFactor(SeerColumn.SYSTEMIC_SURGERY_SEQUENCE, "timing", null).read(csv);
        ModelFrame d = frame(c.data());
        double[] age = new double[2];
        double[] size = new double[2];
        int[] n = new int[2];
        Map<String, Integer> timing = new LinkedHashMap<>();
        Factor t = c.data().factor("timing");
        double[] ageV = c.data().numbers("age");
        double[] sizeV = c.data().numbers("size");
        for (int i = 0; i < d.rowCount(); i++) {
            int g = d.groups().orElseThrow().code(i);
            age[g] += ageV[i];
            size[g] += sizeV[i];
            n[g]++;
            if (g == 1) {
                timing.merge(t.level(t.code(i)), 1, Integer::sum);
            } else {
                assertEquals(SystemicSurgerySequence.NONE.seerLabel(), t.level(t.code(i)));
            }
        }
        assertTrue(age[1] / n[1] < age[0] / n[0] - 2, "operated patients are younger");
        assertTrue(size[1] / n[1] < size[0] / n[0] - 10, "and have smaller tumours");
        assertEquals(3, timing.size());
        assertEquals(227, timing.values().stream().mapToInt(Integer::intValue).sum());
        for (SystemicSurgerySequence s : List.of(SystemicSurgerySequence.SYSTEMIC_BEFORE_SURGERY,
                SystemicSurgerySequence.SYSTEMIC_AFTER_SURGERY,
                SystemicSurgerySequence.SYSTEMIC_BEFORE_AND_AFTER_SURGERY)) {
            assertTrue(timing.get(s.seerLabel()) >= 40, timing.toString());
        }
    }

    @Test
    void fileUsesSeerLabelsZeroPaddedMonthsAndCrlf() throws Exception {
        String text = Files.readString(csv);
        assertTrue(text.startsWith("\"Patient ID\",\"Year of diagnosis\""), text.substring(0, 80));
        assertTrue(text.contains("\"Chemotherapy recode (yes, no/unk)\""));
        assertTrue(text.contains("\"Dead (attributable to this cancer dx)\""));
        assertTrue(text.contains("\"Dead (missing/unknown COD)\""));
        assertTrue(text.contains("\"Not calculated because a Death Certificate Only or Autopsy Only case\""));
        assertTrue(text.contains("\"Systemic therapy both before and after surgery\""));
        assertTrue(Pattern.compile("\"0\\d{3}\",\"Complete dates").matcher(text).find());
        assertTrue(text.contains("\r\n"));
        assertEquals(GistCohortSimulator.PATIENTS + GistCohortSimulator.EXTRA_RECORDS + 1,
                text.split("\r\n").length);
    }

    @Test
    void tabExportReadsTheSameAsTheCommaExport() {
        Path tsv = GistCohortSimulator.withDefaults().withDelimiter(SeerReader.Delimiter.TAB)
                .write(dir.resolve("gist.txt"));
        CohortSelection a = reader.withEndpoint(Endpoint.CANCER_SPECIFIC).read(csv);
        CohortSelection b = reader.withEndpoint(Endpoint.CANCER_SPECIFIC).read(tsv);
        assertArrayEquals(frame(a.data()).times(), frame(b.data()).times());
        assertArrayEquals(a.data().statuses(), b.data().statuses());
        assertArrayEquals(frame(a.data()).groups().orElseThrow().codes(), frame(b.data()).groups().orElseThrow().codes());
        assertArrayEquals(a.data().numbers("size"), b.data().numbers("size"));
        assertEquals(a.exclusions(), b.exclusions());
    }

    @Test
    void deterministicForASeed() throws Exception {
        StringWriter one = new StringWriter();
        StringWriter two = new StringWriter();
        GistCohortSimulator.withDefaults().write(one);
        GistCohortSimulator.withDefaults().withSeed(GistCohortSimulator.DEFAULT_SEED).write(two);
        assertEquals(one.toString(), two.toString());
        assertEquals(Files.readString(csv), one.toString());
        StringWriter other = new StringWriter();
        GistCohortSimulator s7 = GistCohortSimulator.withDefaults().withSeed(7);
        s7.write(other);
        assertNotEquals(one.toString(), other.toString());
        assertEquals(57.0, s7.calibration().medianCss());
        assertEquals(44.0, s7.calibration().medianOs());
    }
}
