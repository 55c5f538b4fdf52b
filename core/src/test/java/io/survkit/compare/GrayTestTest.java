package io.survkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gray's test with three groups, unstratified and stratified, against R
 * {@code cmprsk::cuminc(time, status, arm3[, strata = site])$Tests} (reference/crr_cr_synth.R), at
 * relative 1e-9. The two-group case is in the cif oracle (CumulativeIncidenceOracleTest).
 */
class GrayTestTest {

    static ModelFrame data(boolean strata) throws IOException {
        List<String> lines = Files.readAllLines(Oracle.data("cr_synth"));
        int n = lines.size() - 1;
        double[] time = new double[n];
        double[] status = new double[n];
        String[] arm3 = new String[n];
        String[] site = new String[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            int id = Integer.parseInt(f[0]);
            time[i] = Double.parseDouble(f[1]);
            status[i] = Double.parseDouble(f[2]);
            arm3[i] = new String[] {"a", "b", "c"}[id % 3];
            site[i] = new String[] {"s1", "s2"}[id % 2];
        }
        var builder = SurvivalData.builder().time("time", time).causes("status", status, 0).text("arm3", arm3);
        if (strata) {
            builder.factor("site", site, "s1", "s2");
        }
        return ModelFrame.of(builder.build(), strata ? "arm3 + strata(site)" : "arm3");
    }

    static JsonNode reference(String name) throws IOException {
        try (InputStream in = GrayTestTest.class.getResourceAsStream("/reference/crr_cr_synth.json")) {
            return new ObjectMapper().readTree(in).get(name);
        }
    }

    static void assertTests(JsonNode e, GrayTestResult r) {
        assertEquals(List.of("1", "2"), r.causes());
        assertEquals(List.of("a", "b", "c"), r.groups());
        for (int k = 0; k < 2; k++) {
            Oracle.assertNumber(e.get("stat").get(k), r.statistic(k), "stat " + k);
            Oracle.assertNumber(e.get("p").get(k), r.pValue(k), "p " + k);
            Oracle.assertNumber(e.get("df").get(k), r.degreesOfFreedom(k), "df " + k);
        }
    }

    @Test
    void threeGroups() throws IOException {
        assertTests(reference("gray_arm3"), GrayTest.withDefaults().test(data(false)));
    }

    /**
     * Gray's test from the rows' count table (per-cause counts by stratum, group, time): R's
     * numbers, and the row-level test's to the last bit.
     */
    @Test
    void countTableGivesRAndTheRowTest() throws IOException {
        for (boolean strata : new boolean[] {false, true}) {
            ModelFrame d = data(strata);
            GrayTestResult counts = GrayTest.withDefaults().test(io.survkit.data.CountTable.of(d));
            assertTests(reference(strata ? "gray_arm3_site" : "gray_arm3"), counts);
            GrayTestResult rows = GrayTest.withDefaults().test(d);
            for (int k = 0; k < 2; k++) {
                assertEquals(rows.statistic(k), counts.statistic(k));
                assertEquals(rows.pValue(k), counts.pValue(k));
            }
        }
    }

    @Test
    void threeGroupsStratified() throws IOException {
        GrayTestResult r = GrayTest.withDefaults().test(data(true));
        assertTests(reference("gray_arm3_site"), r);
        assertTrue(r.toString().contains("stat"), r.toString());
    }

    @Test
    void needsAGroup() throws IOException {
        SurvivalData d = SurvivalData.builder().time("time", new double[] {1, 2, 3})
                .causes("status", new double[] {1, 2, 0}, 0).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GrayTest.withDefaults().test(d, "1"));
        assertTrue(e.getMessage().contains("no group column"), e.getMessage());
    }
}
