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

class LogRankCommandTest {

    static List<String> logrankCases() throws IOException {
        return OracleJson.cases("logrank");
    }

    @ParameterizedTest
    @MethodSource("logrankCases")
    void jsonEqualsTheOracle(String name) throws IOException {
        JsonNode c = OracleJson.load(name);
        JsonNode p = c.get("params");
        List<String> argv = new ArrayList<>(List.of("logrank", "--data", OracleJson.data(c), "--json"));
        OracleJson.option(argv, p, "time", "--time");
        OracleJson.option(argv, p, "start", "--start");
        OracleJson.option(argv, p, "event", "--event");
        OracleJson.option(argv, p, "eventValue", "--event-value");
        OracleJson.option(argv, p, "group", "--group");
        OracleJson.option(argv, p, "strata", "--strata");
        OracleJson.option(argv, p, "weights", "--weights");
        OracleJson.option(argv, p, "rho", "--rho");
        OracleJson.assertMatches(c.get("result"), OracleJson.runJson(argv), name);
    }

    @Test
    void needsAGroupAndRejectsUnknownWeightings() {
        String lung = OracleJson.ROOT.resolve("data/lung.csv").toString();
        Object[] r = OracleJson.run("logrank", "--data", lung, "--time", "time", "--event", "status",
                "--event-value", "2");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("--group"), (String) r[2]);
        Object[] w = OracleJson.run("logrank", "--data", lung, "--time", "time", "--event", "status",
                "--event-value", "2", "--group", "sex", "--weighting", "wilcoxon");
        assertEquals(2, w[0]);
        assertTrue(((String) w[2]).contains("--weighting"), (String) w[2]);
    }

    @Test
    void textOutputIsRsPrintSurvdiff() {
        Object[] r = OracleJson.run("logrank", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(),
                "--time", "time", "--event", "status", "--event-value", "2", "--group", "sex");
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[1]).contains("Chisq= 10.3  on 1 degrees of freedom, p= 0.001"), (String) r[1]);
    }

    @Test
    void pairwiseHolmMatrixAgreesWithTheTwoGroupTests() throws IOException {
        String vet = OracleJson.ROOT.resolve("data/veteran.csv").toString();
        JsonNode r = OracleJson.runJson(List.of("logrank", "--data", vet, "--time", "time", "--event", "status",
                "--event-value", "1", "--group", "celltype", "--pairwise", "none", "--json"));
        JsonNode pw = r.get("pairwise");
        assertEquals(4, pw.get("groups").size());
        assertEquals(3, pw.get("p").size());
        assertTrue(pw.get("p").get(0).get(1).isNull(), "upper triangle is empty");
        // (the library tests check each pair against the two-group test and R's p.adjust)
        double p = pw.get("p").get(0).get(0).asDouble();
        assertTrue(p > 0 && p < 1, "p " + p);
        JsonNode holm = OracleJson.runJson(List.of("logrank", "--data", vet, "--time", "time", "--event", "status",
                "--event-value", "1", "--group", "celltype", "--pairwise", "holm", "--json")).get("pairwise");
        assertTrue(holm.get("p").get(0).get(0).asDouble() >= p);
    }
}
