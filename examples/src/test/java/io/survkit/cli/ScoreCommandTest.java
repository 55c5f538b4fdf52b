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

/**
 * {@code survkit score --json} equals every shared {@code score_*} oracle case
 * (riskRegression::Score) at relative 1e-8, the tolerance issue 17 sets for Score.
 */
class ScoreCommandTest {
    static List<String> scoreCases() throws IOException {
        return OracleJson.cases("score");
    }

    @ParameterizedTest
    @MethodSource("scoreCases")
    void jsonEqualsTheOracle(String name) throws IOException {
        JsonNode c = OracleJson.load(name);
        JsonNode p = c.get("params");
        List<String> argv = new ArrayList<>(List.of("score", "--data", OracleJson.data(c), "--json"));
        OracleJson.option(argv, p, "time", "--time");
        OracleJson.option(argv, p, "event", "--event");
        OracleJson.option(argv, p, "eventValue", "--event-value");
        OracleJson.option(argv, p, "riskColumns", "--risk");
        OracleJson.option(argv, p, "times", "--times");
        OracleJson.option(argv, p, "confLevel", "--conf-level");
        OracleJson.assertMatches(c.get("result"), OracleJson.runJson(argv), name, 1e-8);
    }

    @Test
    void oneRiskColumnPerTime() {
        String d = OracleJson.ROOT.resolve("data/score_lung.csv").toString();
        Object[] r = OracleJson.run("score", "--data", d, "--time", "time", "--event", "status", "--event-value", "2",
                "--risk", "risk180,risk365", "--times", "180");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("one risk column per time"), (String) r[2]);
    }
}
