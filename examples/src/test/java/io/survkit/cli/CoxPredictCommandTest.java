package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code cox --predict FILE --type T --se-fit [--reference R]} and {@code cox --type T} (the fitted
 * rows) equal R survival 3.5-3's {@code predict.coxph} in every case of core's
 * regression/predict/predict.json (predict.R beside it), relative 1e-8 as the other Cox CLI tests.
 */
class CoxPredictCommandTest {
    private static final Path DIR = Path.of("..", "core", "src", "test", "resources", "regression", "predict");

    @Test
    void jsonEqualsR() throws IOException {
        JsonNode all = OracleJson.JSON.readTree(DIR.resolve("predict.json").toFile());
        int checked = 0;
        for (JsonNode c : all) {
            for (String part : List.of("fitted", "new")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = c.get(part).fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<String> argv = argv(c, part.equals("new"), e.getKey());
                    OracleJson.assertMatches(e.getValue(), OracleJson.runJson(argv), c.get("name").asText() + " "
                            + part + " " + e.getKey(), 1e-8);
                    checked++;
                }
            }
        }
        assertEquals(90, checked);
    }

    @Test
    void withoutSeFitTheJsonHasNoStandardErrors() throws IOException {
        JsonNode c = OracleJson.JSON.readTree(DIR.resolve("predict.json").toFile()).get(0);
        List<String> argv = argv(c, true, "risk");
        argv.remove("--se-fit");
        JsonNode r = OracleJson.runJson(argv);
        assertFalse(r.has("se.fit"));
        OracleJson.assertMatches(c.get("new").get("risk").get("fit"), r.get("fit"), "risk fit", 1e-8);
    }

    @Test
    void aMissingColumnIsOneLineAndExitTwo() {
        Object[] r = OracleJson.run("cox", "--data", OracleJson.ROOT.resolve("data").resolve("veteran.csv").toString(),
                "--time", "time", "--event", "status", "--event-value", "1", "--formula", "karno + factor(celltype)",
                "--predict", DIR.resolve("newdata_lung.csv").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("no column 'karno'"), (String) r[2]);
        assertEquals(1, ((String) r[2]).strip().lines().count());
    }

    private static List<String> argv(JsonNode c, boolean newData, String key) {
        List<String> argv = new ArrayList<>(List.of("cox", "--data",
                OracleJson.ROOT.resolve("data").resolve(c.get("dataset").asText() + ".csv").toString(), "--json",
                "--time", c.get("time").asText(), "--event", c.get("event").asText(), "--event-value",
                c.get("eventValue").asText(), "--ties", c.get("ties").asText(), "--formula",
                c.get("formula").asText(), "--se-fit", "--type"));
        argv.add(key.replaceAll("(Sample|Zero|Strata)$", ""));
        if (key.matches(".*(Sample|Zero|Strata)$")) {
            argv.add("--reference");
            argv.add(key.replaceAll("^[a-z]+", "").toLowerCase(java.util.Locale.ROOT));
        }
        if (newData) {
            argv.add("--predict");
            argv.add(DIR.resolve(c.get("newdata").asText()).toString());
        }
        return argv;
    }
}
