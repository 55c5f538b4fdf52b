package io.survkit.seer;

import io.survkit.data.Factor;
import io.survkit.data.SurvivalData;
import io.survkit.data.ModelFrame;
import static io.survkit.seer.SeerFixture.AGE;
import static io.survkit.seer.SeerFixture.CHEMO;
import static io.survkit.seer.SeerFixture.CSS;
import static io.survkit.seer.SeerFixture.FLAG;
import static io.survkit.seer.SeerFixture.MONTHS;
import static io.survkit.seer.SeerFixture.OTHER;
import static io.survkit.seer.SeerFixture.OTHER_SITES;
import static io.survkit.seer.SeerFixture.PRIMARY;
import static io.survkit.seer.SeerFixture.SEQ;
import static io.survkit.seer.SeerFixture.SEX;
import static io.survkit.seer.SeerFixture.VITAL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class SeerReaderTest {

    private static CohortSelection read(SeerReader r, String text) {
        return r.read(new StringReader(text), "test export");
    }

    private static SeerFixture mixed() {
        return new SeerFixture().alive("0120").cancerDeath("0044").otherDeath("0012").unknownDeath("0030")
                .alive("0057").surgery(SystemicSurgerySequence.SYSTEMIC_AFTER_SURGERY)
                .cancerDeath("0007").surgery(SystemicSurgerySequence.SYSTEMIC_BEFORE_SURGERY);
    }

    /** Asserts the message names the column, the 1-based row and the value. */
    private static IllegalArgumentException fails(Executable e, String column, int row, String value) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        String m = x.getMessage();
        assertTrue(m.contains("'" + column + "'"), m);
        assertTrue(m.contains("row " + row + " "), m);
        assertTrue(m.contains("'" + value + "'"), m);
        return x;
    }

    @Test
    void zeroPaddedMonthsAndOverallSurvival() {
        CohortSelection c = read(SeerReader.withDefaults(), mixed().csv());
        ModelFrame d = frame(c.data());
        assertEquals(6, c.recordsRead());
        assertEquals(6, d.rowCount());
        assertArrayEquals(new double[] {120, 44, 12, 30, 57, 7}, d.times());
        assertArrayEquals(new int[] {0, 1, 1, 1, 0, 1}, d.statuses());
        assertEquals(List.of("death"), d.causes());
        assertEquals(MONTHS, d.timeColumn());
        assertEquals(VITAL, d.eventColumn());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, d.sourceRows());
        assertEquals(Endpoint.OVERALL_SURVIVAL, c.endpoint());
        assertEquals(1, c.unknownCauseDeaths());
    }

    @Test
    void tabAndQuotedCommaExportsGiveTheSameData() {
        SeerReader r = SeerReader.withDefaults().withEndpoint(Endpoint.COMPETING_RISKS)
                .withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery()).withNumeric(SeerColumn.AGE, "age");
        CohortSelection viaCsv = read(r, mixed().csv());
        CohortSelection viaTsv = read(r, mixed().tsv());
        CohortSelection forcedTab = read(r.withDelimiter(SeerReader.Delimiter.TAB), mixed().tsv());
        CohortSelection forcedComma = read(r.withDelimiter(SeerReader.Delimiter.COMMA), mixed().csv());
        for (CohortSelection c : List.of(viaTsv, forcedTab, forcedComma)) {
            assertArrayEquals(frame(viaCsv.data()).times(), frame(c.data()).times());
            assertArrayEquals(viaCsv.data().statuses(), c.data().statuses());
            assertArrayEquals(frame(viaCsv.data()).groups().orElseThrow().codes(), frame(c.data()).groups().orElseThrow().codes());
            assertEquals(viaCsv.exclusions(), c.exclusions());
        }
        assertEquals(5, viaCsv.size());
        assertEquals(Map.of(ArmDefinition.CHEMOTHERAPY_ALONE, 3, ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY, 2),
                viaCsv.armCounts());
    }

    @Test
    void readsAFileWithAByteOrderMark(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("export.csv");
        Files.writeString(f, "\uFEFF" + mixed().csv(), StandardCharsets.UTF_8);
        CohortSelection c = SeerReader.withDefaults().read(f);
        assertEquals(6, c.size());
        assertEquals("export.csv", c.source());
    }

    @Test
    void unknownMonthsAndNotCalculatedFlagAreExcludedInOrder() {
        SeerFixture f = mixed().alive("Unknown").alive("Unknown").set(FLAG, SeerLabels.FLAG_NOT_CALCULATED)
                .cancerDeath("0000").set(FLAG, SeerLabels.FLAG_NOT_CALCULATED).alive("0003");
        CohortSelection c = read(SeerReader.withDefaults(), f.csv());
        assertEquals(10, c.recordsRead());
        assertEquals(List.of(CohortSelection.SURVIVAL_NOT_CALCULATED, CohortSelection.SURVIVAL_MONTHS_UNKNOWN),
                List.copyOf(c.exclusions().keySet()));
        assertEquals(2, c.exclusions().get(CohortSelection.SURVIVAL_NOT_CALCULATED));
        assertEquals(1, c.exclusions().get(CohortSelection.SURVIVAL_MONTHS_UNKNOWN));
        assertArrayEquals(new int[] {8, 9}, c.excludedRows(CohortSelection.SURVIVAL_NOT_CALCULATED));
        assertArrayEquals(new int[] {7}, c.excludedRows(CohortSelection.SURVIVAL_MONTHS_UNKNOWN));
        assertEquals(7, c.size());
        assertEquals(3, c.excludedCount());
        assertTrue(c.toString().contains("survival months unknown"), c.toString());
    }

    @Test
    void cancerSpecificCensorsOtherCausesAndCountsUnknownCauseBothWays() {
        SeerFixture f = mixed().unknownDeath("0002");
        CohortSelection exclude = read(SeerReader.withDefaults().withEndpoint(Endpoint.CANCER_SPECIFIC), f.csv());
        assertEquals(Optional.of(UnknownCause.EXCLUDE), exclude.endpoint().unknownCause());
        assertEquals(5, exclude.size());
        assertEquals(2, exclude.exclusions().get(CohortSelection.CAUSE_OF_DEATH_UNKNOWN));
        assertArrayEquals(new int[] {4, 7}, exclude.excludedRows(CohortSelection.CAUSE_OF_DEATH_UNKNOWN));
        assertArrayEquals(new int[] {0, 1, 0, 0, 1}, exclude.data().statuses());
        assertEquals(List.of("cancer death"), exclude.data().causes());
        assertEquals(CSS, exclude.data().eventColumn());
        assertEquals(0, exclude.unknownCauseDeaths());

        CohortSelection censor = read(SeerReader.withDefaults()
                .withEndpoint(Endpoint.CANCER_SPECIFIC.withUnknownCause(UnknownCause.CENSOR)), f.csv());
        assertEquals(7, censor.size());
        assertEquals(2, censor.unknownCauseDeaths());
        assertTrue(!censor.exclusions().containsKey(CohortSelection.CAUSE_OF_DEATH_UNKNOWN));
        assertArrayEquals(new int[] {0, 1, 0, 0, 0, 1, 0}, censor.data().statuses());
        assertTrue(censor.toString().contains("Deaths of unknown cause censored at death: 2"), censor.toString());
        assertEquals(exclude.size() + 2, censor.size());
    }

    @Test
    void competingRisksKeepsCauseTwoWhenNoCancerDeathOccurs() {
        SeerFixture f = new SeerFixture().alive("0010").otherDeath("0004").otherDeath("0008");
        CohortSelection c = read(SeerReader.withDefaults().withEndpoint(Endpoint.COMPETING_RISKS), f.csv());
        assertArrayEquals(new int[] {0, 2, 2}, c.data().statuses());
        assertEquals(List.of("cancer death", "other-cause death"), c.data().causes());
        CohortSelection m = read(SeerReader.withDefaults().withEndpoint(Endpoint.COMPETING_RISKS), mixed().csv());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, m.data().statuses());
    }

    @Test
    void notFirstTumorIsExcludedForCauseSpecificButKeptForOverall() {
        SeerFixture f = mixed().alive("0033").set(CSS, SeerLabels.NOT_FIRST_TUMOR).set(OTHER, SeerLabels.NOT_FIRST_TUMOR)
                .alive("0010").set(CSS, SeerLabels.NOT_FIRST_TUMOR).set(OTHER, SeerLabels.NOT_FIRST_TUMOR)
                .set(VITAL, "Dead");
        CohortSelection os = read(SeerReader.withDefaults(), f.csv());
        assertEquals(8, os.size());
        assertEquals(1, os.data().statuses()[7]);
        CohortSelection css = read(SeerReader.withDefaults().withEndpoint(Endpoint.CANCER_SPECIFIC), f.csv());
        assertEquals(2, css.exclusions().get(CohortSelection.NOT_FIRST_TUMOR));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> os.data(Endpoint.CANCER_SPECIFIC));
        assertTrue(e.getMessage().contains("2 of the 8"), e.getMessage());
    }

    @Test
    void anotherEndpointOnTheSamePatients() {
        CohortSelection css = read(SeerReader.withDefaults().withEndpoint(Endpoint.CANCER_SPECIFIC)
                .withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery()), mixed().csv());
        ModelFrame os = frame(css.data(Endpoint.OVERALL_SURVIVAL));
        assertArrayEquals(css.data().sourceRows(), os.sourceRows());
        assertArrayEquals(frame(css.data()).times(), os.times());
        assertArrayEquals(new int[] {0, 1, 1, 0, 1}, os.statuses());
        assertArrayEquals(frame(css.data()).groups().orElseThrow().codes(), os.groups().orElseThrow().codes());
        assertEquals(css.data(), css.data(Endpoint.CANCER_SPECIFIC));
        CohortSelection osRead = read(SeerReader.withDefaults(), mixed().csv());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> osRead.data(Endpoint.CANCER_SPECIFIC));
        assertTrue(e.getMessage().contains("1 died of an unknown cause"), e.getMessage());
        assertEquals(6, osRead.data(Endpoint.CANCER_SPECIFIC.withUnknownCause(UnknownCause.CENSOR)).rowCount());
    }

    @Test
    void armsExcludeNoChemotherapyAndUnknownSurgery() {
        SeerFixture f = mixed().alive("0020").set(CHEMO, "No/Unknown").alive("0021").set(PRIMARY, "99")
                .set(OTHER_SITES, "Unknown; death certificate only").alive("0022").set(PRIMARY, "99")
                .set(OTHER_SITES, "Non-primary surgical procedure to distant site").alive("0023")
                .set(PRIMARY, "Blank(s)").set(OTHER_SITES, "0");
        CohortSelection c = read(SeerReader.withDefaults().withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery()),
                f.csv());
        assertEquals(1, c.exclusions().get(ArmDefinition.NO_CHEMOTHERAPY));
        assertEquals(2, c.exclusions().get(ArmDefinition.SURGERY_UNKNOWN));
        assertArrayEquals(new int[] {8, 10}, c.excludedRows(ArmDefinition.SURGERY_UNKNOWN));
        assertEquals(Map.of(ArmDefinition.CHEMOTHERAPY_ALONE, 4, ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY, 3),
                c.armCounts());
        Factor g = frame(c.data()).groups().orElseThrow();
        assertEquals("arm", g.name());
        assertEquals(List.of(ArmDefinition.CHEMOTHERAPY_ALONE, ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY), g.levels());
        assertTrue(c.toMarkdown().contains("| Excluded: surgery unknown | 2 |"), c.toMarkdown());
    }

    @Test
    void userDefinedArmsByTimingWithOwnReasons() {
        ArmDefinition timing = ArmDefinition.of("timing", t -> {
            SystemicSurgerySequence s = t.systemicSurgerySequence().orElse(null);
            return s == SystemicSurgerySequence.SYSTEMIC_BEFORE_SURGERY ? "neoadjuvant"
                    : s == SystemicSurgerySequence.SYSTEMIC_AFTER_SURGERY ? "adjuvant" : null;
        }, "adjuvant", "neoadjuvant").withExclusionReason(t -> "sequence " + t.systemicSurgerySequence().orElseThrow().code());
        CohortSelection c = read(SeerReader.withDefaults().withArms(timing).withNumeric(SeerColumn.AGE, "age"),
                mixed().csv());
        assertEquals(List.of(CohortSelection.SURVIVAL_NOT_CALCULATED, CohortSelection.SURVIVAL_MONTHS_UNKNOWN,
                "sequence 0", "missing age"), List.copyOf(c.exclusions().keySet()));
        assertEquals(4, c.exclusions().get("sequence 0"));
        assertEquals(List.of("adjuvant", "neoadjuvant"), c.data().factor("timing").levels());
        assertArrayEquals(new int[] {0, 1}, c.data().factor("timing").codes());
    }

    @Test
    void covariatesAgeLabelsFactorsAndMissing() {
        SeerFixture f = mixed().set(AGE, "100+ years").set(SEX, "Female").alive("0005").set(AGE, "Unknown");
        CohortSelection c = read(SeerReader.withDefaults().withNumeric(SeerColumn.AGE, "age")
                .withFactor(SeerColumn.SEX, "sex", "Female").withNumeric("Year of diagnosis", "year"), f.csv());
        assertEquals(1, c.exclusions().get("missing age"));
        assertEquals(0, c.exclusions().get("missing sex"));
        ModelFrame d = frame(c.data());
        assertEquals(60.0, c.data().numbers("age")[0]);
        assertEquals(100.0, c.data().numbers("age")[5]);
        ModelFrame model = ModelFrame.of(c.data(), "age + factor(sex) + year");
        assertEquals(List.of("Female", "Male"), model.termSpans().get(1).levels());
        assertEquals("sexMale", model.columnNames().get(1));
        assertEquals(2010.0, c.data().numbers("year")[2]);

        SeerFixture g = mixed().set(SEX, "Unknown");
        CohortSelection keep = read(SeerReader.withDefaults().withMissingLabels().withFactor("Sex", "sex", null),
                g.csv());
        assertEquals(List.of("Male", "Unknown"), keep.data().factor("sex").levels());
        CohortSelection drop = read(SeerReader.withDefaults().withFactor("Sex", "sex", null), g.csv());
        assertEquals(1, drop.exclusions().get("missing sex"));
    }

    @Test
    void customNumericParserMapsSpecialCodesToMissing() {
        SeerFixture f = mixed().set(AGE, "999");
        CohortSelection c = read(SeerReader.withDefaults().withNumeric(AGE, "size", v -> {
            double x = Double.parseDouble(v.replace(" years", ""));
            return x >= 990 ? Double.NaN : x;
        }), f.csv());
        assertEquals(1, c.exclusions().get("missing size"));
        assertEquals(5, c.size());
    }

    @Test
    void renamedColumnsAndOptionalColumns() {
        SeerFixture f = mixed().rename(MONTHS, "Survival months (custom)").drop(FLAG).drop(OTHER).drop(SEQ);
        CohortSelection c = read(SeerReader.withDefaults().withColumn(SeerColumn.SURVIVAL_MONTHS,
                "Survival months (custom)").withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery()), f.csv());
        assertEquals(6, c.size());
        assertEquals("Survival months (custom)", c.data().timeColumn());
        assertEquals(List.of(CohortSelection.SURVIVAL_NOT_CALCULATED, CohortSelection.SURVIVAL_MONTHS_UNKNOWN,
                ArmDefinition.NO_CHEMOTHERAPY, ArmDefinition.SURGERY_UNKNOWN), List.copyOf(c.exclusions().keySet()));
    }

    // ------------------------------------------------------------------ validation: column, row, value

    @Test
    void badMonthsNamesColumnRowValue() {
        fails(() -> read(SeerReader.withDefaults(), mixed().alive("abc").csv()), MONTHS, 7, "abc");
        fails(() -> read(SeerReader.withDefaults(), mixed().alive("-3").tsv()), MONTHS, 7, "-3");
    }

    @Test
    void badFlagVitalAndCauseLabelsNameColumnRowValue() {
        fails(() -> read(SeerReader.withDefaults(), mixed().alive("1").set(FLAG, "Complete").csv()), FLAG, 7,
                "Complete");
        fails(() -> read(SeerReader.withDefaults(), mixed().alive("1").set(VITAL, "Deceased").csv()), VITAL, 7,
                "Deceased");
        fails(() -> read(SeerReader.withDefaults(), mixed().alive("1").set(CSS, "Dead (cancer)").csv()), CSS, 7,
                "Dead (cancer)");
        fails(() -> read(SeerReader.withDefaults(), mixed().alive("1").set(OTHER, "Other").csv()), OTHER, 7,
                "Other");
    }

    @Test
    void contradictoryVitalStatusAndCauseAreRejected() {
        IllegalArgumentException e = fails(() -> read(SeerReader.withDefaults(),
                mixed().alive("0001").set(CSS, SeerLabels.DEAD_OF_THIS_CANCER).csv()), CSS, 7,
                SeerLabels.DEAD_OF_THIS_CANCER);
        assertTrue(e.getMessage().contains("'" + VITAL + "' = 'Alive'"), e.getMessage());
        fails(() -> read(SeerReader.withDefaults(), mixed().cancerDeath("0001").set(OTHER,
                SeerLabels.DEAD_OF_OTHER_CAUSE).csv()), OTHER, 7, SeerLabels.DEAD_OF_OTHER_CAUSE);
        fails(() -> read(SeerReader.withDefaults(), mixed().alive("0001").set(OTHER,
                SeerLabels.DEAD_OF_OTHER_CAUSE).csv()), OTHER, 7, SeerLabels.DEAD_OF_OTHER_CAUSE);
    }

    @Test
    void badTreatmentCodesNameColumnRowValue() {
        SeerReader r = SeerReader.withDefaults().withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery());
        fails(() -> read(r, mixed().alive("1").set(PRIMARY, "5").csv()), PRIMARY, 7, "5");
        fails(() -> read(r, mixed().alive("1").set(PRIMARY, "abc").csv()), PRIMARY, 7, "abc");
        fails(() -> read(r, mixed().alive("1").set(OTHER_SITES, "Liver").csv()), OTHER_SITES, 7, "Liver");
        fails(() -> read(r, mixed().alive("1").set(CHEMO, "Maybe").csv()), CHEMO, 7, "Maybe");
        fails(() -> read(r, mixed().alive("1").set(SEQ, "Sometimes").csv()), SEQ, 7, "Sometimes");
    }

    @Test
    void badCovariateValuesNameColumnRowValue() {
        fails(() -> read(SeerReader.withDefaults().withNumeric(SeerColumn.AGE, "age"),
                mixed().alive("1").set(AGE, "sixty").csv()), AGE, 7, "sixty");
        fails(() -> read(SeerReader.withDefaults().withNumeric(AGE, "age", Double::parseDouble),
                mixed().csv()), AGE, 1, "60 years");
        fails(() -> read(SeerReader.withDefaults().withNumeric(AGE, "age", v -> Double.POSITIVE_INFINITY),
                mixed().alive("1").csv()), AGE, 1, "60 years");
    }

    @Test
    void shortRecordNamesColumnAndRow() {
        String text = mixed().csv() + "\"00000099\",\"0012\"\r\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(SeerReader.withDefaults(), text));
        assertTrue(e.getMessage().contains("'" + FLAG + "', row 7"), e.getMessage());
        assertTrue(e.getMessage().contains("2 fields"), e.getMessage());
    }

    @Test
    void missingColumnsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(SeerReader.withDefaults(), mixed().drop(VITAL).csv()));
        assertTrue(e.getMessage().contains("'" + VITAL + "'") && e.getMessage().contains("VITAL_STATUS"),
                e.getMessage());
        IllegalArgumentException css = assertThrows(IllegalArgumentException.class,
                () -> read(SeerReader.withDefaults().withEndpoint(Endpoint.CANCER_SPECIFIC), mixed().drop(CSS).csv()));
        assertTrue(css.getMessage().contains("'" + CSS + "'"), css.getMessage());
        IllegalArgumentException cov = assertThrows(IllegalArgumentException.class,
                () -> read(SeerReader.withDefaults().withNumeric("Tumor size", "size"), mixed().csv()));
        assertTrue(cov.getMessage().contains("'Tumor size'"), cov.getMessage());
        IllegalArgumentException treat = assertThrows(IllegalArgumentException.class,
                () -> read(SeerReader.withDefaults().withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery()),
                        mixed().drop(CHEMO).csv()));
        assertTrue(treat.getMessage().contains("'" + CHEMO + "'") && treat.getMessage().contains("row 1"),
                treat.getMessage());
    }

    @Test
    void armRuleGivingAnUnknownLabelIsRejected() {
        ArmDefinition bad = ArmDefinition.of("arm", t -> "Radiotherapy", "A", "B");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(SeerReader.withDefaults().withArms(bad), mixed().csv()));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("'Radiotherapy'"), e.getMessage());
    }

    @Test
    void emptyInputAndEmptyCohortAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> read(SeerReader.withDefaults(), ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(SeerReader.withDefaults(), new SeerFixture().alive("Unknown").csv()));
        assertTrue(e.getMessage().contains("survival months unknown"), e.getMessage());
        String header = String.join(",", SeerFixture.HEADER.stream().map(h -> "\"" + h + "\"").toList());
        assertThrows(IllegalArgumentException.class, () -> read(SeerReader.withDefaults(), header + "\r\n"));
    }

    @Test
    void unbalancedQuoteIsReportedWithRow() {
        String text = mixed().csv() + "\"00000099\",\"0012\r\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(SeerReader.withDefaults(), text));
        assertTrue(e.getMessage().contains("row 6"), e.getMessage());
    }

    @Test
    void configurationErrorsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Endpoint.OVERALL_SURVIVAL.withUnknownCause(UnknownCause.CENSOR));
        assertThrows(IllegalArgumentException.class, () -> ArmDefinition.of("arm", t -> "A", "A"));
        assertThrows(IllegalArgumentException.class, () -> ArmDefinition.of("arm", t -> "A", "A", "A"));
        assertThrows(IllegalArgumentException.class, () -> SeerReader.withDefaults().withColumn(SeerColumn.SEX, " "));
        assertThrows(IllegalArgumentException.class, () -> SeerReader.withDefaults().withNumeric("x", ""));
        assertThrows(IllegalArgumentException.class, () -> Treatment.of(100, 0, true, null));
        assertThrows(IllegalArgumentException.class, () -> Treatment.of(0, 7, true, null));
    }

    @Test
    void treatmentSurgeryClassification() {
        assertEquals(Treatment.Surgery.PERFORMED, Treatment.of(30, 0, true, null).surgery());
        assertEquals(Treatment.Surgery.PERFORMED, Treatment.of(0, 4, true, null).surgery());
        assertEquals(Treatment.Surgery.PERFORMED, Treatment.of(99, 4, true, null).surgery());
        assertEquals(Treatment.Surgery.NONE, Treatment.of(0, 0, true, null).surgery());
        assertEquals(Treatment.Surgery.NONE, Treatment.of(98, 0, true, null).surgery());
        assertEquals(Treatment.Surgery.UNKNOWN, Treatment.of(99, 0, true, null).surgery());
        assertEquals(Treatment.Surgery.UNKNOWN, Treatment.of(0, 9, true, null).surgery());
        assertEquals(Treatment.Surgery.UNKNOWN, Treatment.of(-1, 0, true, null).surgery());
    }

    @Test
    void systemicSurgerySequenceLabelsAndCodes() {
        for (SystemicSurgerySequence s : SystemicSurgerySequence.values()) {
            assertEquals(s, SystemicSurgerySequence.parse(s.seerLabel()).orElseThrow());
            assertEquals(s, SystemicSurgerySequence.parse(Integer.toString(s.code())).orElseThrow());
            assertEquals(s, SystemicSurgerySequence.ofCode(s.code()));
        }
        assertEquals(SystemicSurgerySequence.UNKNOWN,
                SystemicSurgerySequence.parse("Sequence unknown, but both surgery and systemic therapy given").orElseThrow());
        assertEquals(SystemicSurgerySequence.SYSTEMIC_BEFORE_SURGERY,
                SystemicSurgerySequence.parse("  systemic therapy   BEFORE surgery ").orElseThrow());
        assertTrue(SystemicSurgerySequence.parse("1").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SystemicSurgerySequence.ofCode(1));
    }

    @Test
    void endpointStatusTable() {
        Endpoint os = Endpoint.OVERALL_SURVIVAL;
        Endpoint css = Endpoint.CANCER_SPECIFIC;
        Endpoint cssCensor = css.withUnknownCause(UnknownCause.CENSOR);
        Endpoint cr = Endpoint.COMPETING_RISKS;
        int[][] expected = {
            // ALIVE, CANCER, OTHER, UNKNOWN
            {0, 1, 1, 1}, {0, 1, 0, Endpoint.EXCLUDED}, {0, 1, 0, 0}, {0, 1, 2, Endpoint.EXCLUDED}};
        Endpoint[] eps = {os, css, cssCensor, cr};
        for (int e = 0; e < eps.length; e++) {
            for (Outcome o : Outcome.values()) {
                assertEquals(expected[e][o.ordinal()], eps[e].status(o), eps[e] + " " + o);
            }
        }
        assertEquals(2, cr.withUnknownCause(UnknownCause.CENSOR).causes().size());
        assertTrue(css.description().contains("unknown was excluded") || css.description().contains("were excluded"));
        assertTrue(cssCensor.description().contains("censored at death"));
        assertEquals(css, Endpoint.CANCER_SPECIFIC.withUnknownCause(UnknownCause.EXCLUDE));
        assertEquals("CSS (unknown cause: CENSOR)", cssCensor.toString());
    }

    @Test
    void builderCausesKeepsCodesAsGiven() {
        SurvivalData d = SurvivalData.builder().time("m", new double[] {3, 7, 9})
                .causes("cause", new int[] {2, 0, 2}, "cancer death", "other-cause death").build();
        assertArrayEquals(new int[] {2, 0, 2}, d.statuses());
        assertEquals(List.of("cancer death", "other-cause death"), d.causes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SurvivalData.builder()
                .time("m", new double[] {3, 7}).causes("cause", new int[] {0, 3}, "a", "b").build());
        assertTrue(e.getMessage().contains("'cause', row 2") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void unknownCodesOfSeerFieldsGoToTheExclusionTableNotIntoTheAnalysis() {
        // SEER/NAACCR: survival months 9999 = unknown; age at diagnosis 999 = unknown; year of
        // diagnosis 9999 = unknown; CS tumor size (NAACCR 2800) 888, 990-998 and 999 are not sizes
        String size = "CS tumor size (2004-2015)";
        String ageDx = "Age at diagnosis";
        SeerFixture f = mixed().addColumn(size, "045").addColumn(ageDx, "61");
        f.alive("9999").set(size, "030").set(ageDx, "50");
        f.alive("0010").set(size, "999").set(ageDx, "50");
        f.alive("0011").set(size, "888").set(ageDx, "50");
        f.alive("0012").set(size, "990").set(ageDx, "50");
        f.alive("0013").set(size, "998").set(ageDx, "50");
        f.alive("0014").set(size, "050").set(ageDx, "999");
        f.alive("0015").set(size, "050").set(ageDx, "50").set(SeerFixture.YEAR, "9999");
        f.alive("0016").set(size, "989").set(ageDx, "50");
        CohortSelection c = read(SeerReader.withDefaults().withNumeric(size, "size").withNumeric(ageDx, "age")
                .withNumeric(SeerColumn.YEAR_OF_DIAGNOSIS, "year"), f.csv());
        assertEquals(14, c.recordsRead());
        assertEquals(1, c.exclusions().get(CohortSelection.SURVIVAL_MONTHS_UNKNOWN));
        assertArrayEquals(new int[] {7}, c.excludedRows(CohortSelection.SURVIVAL_MONTHS_UNKNOWN));
        assertArrayEquals(new int[] {8, 9, 10, 11}, c.excludedRows("missing size"));
        assertArrayEquals(new int[] {12}, c.excludedRows("missing age"));
        assertArrayEquals(new int[] {13}, c.excludedRows("missing year"));
        SurvivalData d = c.data();
        assertEquals(7, d.rowCount());
        double[] months = frame(d).times();
        double[] sizes = d.numbers("size");
        double[] ages = d.numbers("age");
        for (int i = 0; i < d.rowCount(); i++) {
            assertTrue(months[i] < 9999, "no 9999-month survival");
            assertTrue(sizes[i] <= 989, "no code read as a size");
            assertTrue(ages[i] < 999);
        }
        assertEquals(989.0, sizes[6], "989 = 989 mm or larger stays a size");
    }

    /** The cohort with its arm (if any) as the grouping. */
    static ModelFrame frame(SurvivalData d) {
        return ModelFrame.of(d, d.hasColumn("arm") ? "arm" : "1");
    }
}
