package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CifCommandTest {

    static List<String> cifCases() throws IOException {
        return OracleJson.cases("cif");
    }

    @ParameterizedTest
    @MethodSource("cifCases")
    void jsonEqualsTheOracle(String name) throws IOException {
        JsonNode c = OracleJson.load(name);
        JsonNode p = c.get("params");
        List<String> argv = new ArrayList<>(List.of("cif", "--data", OracleJson.data(c), "--json"));
        OracleJson.option(argv, p, "time", "--time");
        OracleJson.option(argv, p, "event", "--event");
        OracleJson.option(argv, p, "censorValue", "--censor-value");
        OracleJson.option(argv, p, "group", "--group");
        OracleJson.option(argv, p, "method", "--method");
        OracleJson.assertMatches(c.get("result"), OracleJson.runJson(argv), name);
    }

    @Test
    void needsTheCensorValue() {
        Object[] r = OracleJson.run("cif", "--data", OracleJson.ROOT.resolve("data/cr_synth.csv").toString(),
                "--time", "time", "--event", "status");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("--censor-value"), (String) r[2]);
    }

    /**
     * {@code --rho 1} and {@code --times} equal cmprsk 2.2-11's cuminc(rho = 1)$Tests and
     * timepoints(fit, times) on cr_synth (core's reference/cif_options.R).
     */
    @Test
    void rhoAndTimesEqualCmprsk() throws IOException {
        JsonNode ref = OracleJson.JSON.readTree(java.nio.file.Path.of("..", "core", "src", "test", "resources",
                "reference", "cif_options.json").toFile());
        JsonNode r = OracleJson.runJson(List.of("cif", "--data", OracleJson.ROOT.resolve("data/cr_synth.csv")
                .toString(), "--time", "time", "--event", "status", "--censor-value", "0", "--group", "group",
                "--rho", "1", "--times", "4,0.5,1,2.5,100,1", "--json"));
        OracleJson.assertMatches(ref.get("grayTest"), r.get("grayTest"), "grayTest");
        OracleJson.assertMatches(ref.get("times"), r.get("timepoints").get("times"), "times");
        JsonNode curves = r.get("timepoints").get("curves");
        assertEquals(ref.get("timepoints").get("curves").size(), curves.size(), "curves");
        for (int k = 0; k < curves.size(); k++) {
            int j = 0;
            while (!ref.get("timepoints").get("curves").get(j).asText().equals(curves.get(k).asText())) {
                j++;
            }
            String n = curves.get(k).asText();
            OracleJson.assertMatches(ref.get("timepoints").get("est").get(j), r.get("timepoints").get("est").get(k),
                    n + " est");
            OracleJson.assertMatches(ref.get("timepoints").get("var").get(j), r.get("timepoints").get("var").get(k),
                    n + " var");
        }
    }
}
