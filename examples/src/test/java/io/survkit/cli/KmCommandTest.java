package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class KmCommandTest {

    static List<String> kmCases() throws IOException {
        return OracleJson.cases("km");
    }

    /** Every km oracle case through the CLI: the JSON result equals R's, field by field. */
    @ParameterizedTest
    @MethodSource("kmCases")
    void jsonEqualsTheOracle(String name) throws IOException {
        JsonNode c = OracleJson.load(name);
        JsonNode p = c.get("params");
        List<String> argv = new ArrayList<>(List.of("km", "--data", OracleJson.data(c), "--json"));
        OracleJson.option(argv, p, "time", "--time");
        OracleJson.option(argv, p, "start", "--start");
        OracleJson.option(argv, p, "event", "--event");
        OracleJson.option(argv, p, "eventValue", "--event-value");
        OracleJson.option(argv, p, "group", "--group");
        OracleJson.option(argv, p, "weights", "--weights");
        OracleJson.option(argv, p, "confType", "--conf-type");
        OracleJson.option(argv, p, "confLevel", "--conf-level");
        OracleJson.option(argv, p, "times", "--times");
        OracleJson.option(argv, p, "tau", "--tau");
        if (c.get("rCall").asText().contains("robust")) {
            OracleJson.option(argv, p, "robust", "--robust");
        }
        OracleJson.assertMatches(c.get("result"), OracleJson.runJson(argv), name);
    }

    @Test
    void textOutputIsRsPrintTable() {
        Object[] r = OracleJson.run("km", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "2", "--group", "sex");
        assertEquals(0, r[0]);
        String out = (String) r[1];
        assertTrue(out.contains("sex=1 138    112    270     212     310"), out);
    }

    @Test
    void badArgumentsExitTwoWithOneLineNamingTheProblem() {
        String lung = OracleJson.ROOT.resolve("data/lung.csv").toString();
        Object[] unknownColumn = OracleJson.run("km", "--data", lung, "--time", "days", "--event", "status",
                "--event-value", "2");
        assertEquals(2, unknownColumn[0]);
        String err = (String) unknownColumn[2];
        assertTrue(err.contains("'days'"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(err.contains("Exception"), err);
        Object[] badConf = OracleJson.run("km", "--data", lung, "--time", "time", "--event", "status",
                "--event-value", "2", "--conf-type", "logit");
        assertEquals(2, badConf[0]);
        assertTrue(((String) badConf[2]).contains("--conf-type"));
        Object[] missingFile = OracleJson.run("km", "--data", "/nonexistent.csv", "--time", "t", "--event", "e",
                "--event-value", "1");
        assertEquals(2, missingFile[0]);
        Object[] unknownOption = OracleJson.run("km", "--dat", lung);
        assertEquals(2, unknownOption[0]);
        Object[] noCommand = OracleJson.run("kaplan");
        assertEquals(2, noCommand[0]);
    }

    @Test
    void nonFiniteTauOrTimesAndTauBeforeTheFirstTimeFailBeforeAnyOutput() {
        String lung = OracleJson.ROOT.resolve("data/lung.csv").toString();
        for (String[] opt : new String[][] {{"--tau", "NaN"}, {"--times", "100,NaN"}, {"--tau", "3"},
                {"--tau", "Infinity"}}) {
            Object[] r = OracleJson.run("km", "--data", lung, "--time", "time", "--event", "status",
                    "--event-value", "2", opt[0], opt[1]);
            assertEquals(2, r[0], opt[0] + " " + opt[1]);
            assertEquals("", r[1], "nothing printed before the error for " + opt[0] + " " + opt[1]);
            String err = (String) r[2];
            assertEquals(1, err.strip().lines().count(), err);
        }
    }
}
