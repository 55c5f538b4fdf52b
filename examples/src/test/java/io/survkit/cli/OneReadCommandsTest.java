package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.arms.ArmComparison;
import io.survkit.data.SurvivalData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One read, several analyses: {@code km --test logrank} (the log-rank test under
 * {@code result.logrank}, equal to R's survdiff in the oracle), {@code --max-points} (display only),
 * {@code compare}, and {@code --encoding}.
 */
class OneReadCommandsTest {
    @TempDir
    Path dir;

    /** R: survdiff(...) oracle cases without strata or weights, through km --test logrank. */
    @ParameterizedTest
    @ValueSource(strings = {"logrank_lung_sex_rho0", "logrank_veteran_celltype", "logrank_aml_x",
        "logrank_edge_ties_group", "logrank_edge_time0_group"})
    void kmTestLogrankEqualsSurvdiff(String name) throws IOException {
        JsonNode c = OracleJson.load(name);
        JsonNode p = c.get("params");
        List<String> argv = new ArrayList<>(List.of("km", "--data", OracleJson.data(c), "--json", "--test",
                "logrank"));
        OracleJson.option(argv, p, "time", "--time");
        OracleJson.option(argv, p, "event", "--event");
        OracleJson.option(argv, p, "eventValue", "--event-value");
        OracleJson.option(argv, p, "group", "--group");
        JsonNode r = OracleJson.runJson(argv);
        OracleJson.assertMatches(c.get("result"), r.get("logrank"), name);
        assertTrue(r.get("strata").size() >= 2);
    }

    private JsonNode km(String... extra) throws IOException {
        List<String> argv = new ArrayList<>(List.of("km", "--data", OracleJson.ROOT.resolve("data/veteran.csv")
                .toString(), "--time", "time", "--event", "status", "--event-value", "1", "--group", "celltype",
                "--json", "--test", "logrank", "--times", "30,90", "--tau", "365"));
        argv.addAll(List.of(extra));
        return OracleJson.runJson(argv);
    }

    @Test
    void maxPointsThinsTheArraysOnlyNeverAStatistic() throws IOException {
        JsonNode full = km();
        JsonNode thin = km("--max-points", "4");
        assertEquals(full.get("logrank"), thin.get("logrank"));
        for (int k = 0; k < full.get("strata").size(); k++) {
            JsonNode a = full.get("strata").get(k);
            JsonNode b = thin.get("strata").get(k);
            for (String stat : new String[] {"n", "events", "median", "medianLower", "medianUpper", "quantiles",
                "rmean", "rmeanSe", "at"}) {
                assertEquals(a.get(stat), b.get(stat), stat);
            }
            int size = a.get("time").size();
            assertEquals(4, b.get("time").size());
            assertEquals(size, b.get("thinned").get("of").asInt());
            // the kept points are the curve's own: first, last and evenly spaced ranks
            int[] keep = {0, (int) Math.round((size - 1) / 3.0), (int) Math.round(2 * (size - 1) / 3.0), size - 1};
            assertEquals(0, keep[0]);
            assertEquals(size - 1, keep[3]);
            for (String array : new String[] {"time", "surv", "nRisk", "lower", "cumhaz"}) {
                for (int i = 0; i < 4; i++) {
                    assertEquals(a.get(array).get(keep[i]), b.get(array).get(i), array);
                }
            }
        }
        Object[] bad = OracleJson.run("km", "--data", "x.csv", "--time", "t", "--event", "e", "--event-value", "1",
                "--max-points", "1");
        assertEquals(2, bad[0]);
        assertTrue(((String) bad[2]).contains("--max-points"), (String) bad[2]);
    }

    @Test
    void kmTestNeedsAGroup() {
        Object[] r = OracleJson.run("km", "--data", OracleJson.ROOT.resolve("data/veteran.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "1", "--test", "logrank");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("--group"), (String) r[2]);
    }

    @Test
    void kmTestTextPrintsBothTables() {
        Object[] r = OracleJson.run("km", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "2", "--group", "sex", "--test", "logrank");
        assertEquals(0, r[0]);
        String out = (String) r[1];
        assertTrue(out.contains("sex=1 138    112    270     212     310") && out.contains("Chisq"), out);
    }

    @Test
    void compareIsTheArmComparisonOfTheSameRows() throws IOException {
        Path veteran = OracleJson.ROOT.resolve("data/veteran.csv");
        JsonNode cli = OracleJson.JSON.readTree((String) OracleJson.run("compare", "--data", veteran.toString(),
                "--time", "time", "--event", "status", "--event-value", "1", "--group", "trt", "--covariates",
                "karno,age", "--adjust", "karno,age", "--times", "90,180", "--json")[1]).get("result");
        SurvivalData d = SurvivalData.csv(veteran).time("time").event("status", "1").read();
        JsonNode lib = OracleJson.JSON.readTree(ArmComparison.of(d).withArm("trt").withAdjustment("karno", "age")
                .withLandmarks(90, 180).run().toJson());
        assertEquals(lib, cli);
        Object[] text = OracleJson.run("compare", "--data", veteran.toString(), "--time", "time", "--event", "status",
                "--event-value", "1", "--group", "trt");
        assertEquals(0, text[0], (String) text[2]);
    }

    @Test
    void latin1FileWithEncodingOptionAndWithoutIt() throws IOException {
        Path f = dir.resolve("l.csv");
        Files.write(f, "time,status,arm\n5,1,Zürich\n8,0,Genève\n12,1,Zürich\n20,1,Genève\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Object[] bad = OracleJson.run("km", "--data", f.toString(), "--time", "time", "--event", "status",
                "--event-value", "1", "--group", "arm");
        assertEquals(2, bad[0]);
        String err = (String) bad[2];
        assertTrue(err.contains("file line 2") && err.contains("--encoding") && err.strip().lines().count() == 1, err);
        JsonNode ok = OracleJson.runJson(List.of("km", "--data", f.toString(), "--time", "time", "--event", "status",
                "--event-value", "1", "--group", "arm", "--encoding", "latin1", "--json"));
        assertEquals("arm=Genève", ok.get("strata").get(0).get("name").asText());
    }
}
