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
}
