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

/** {@code survkit concordance --json} equals every shared {@code concordance_*} oracle case (R concordance). */
class ConcordanceCommandTest {
    static List<String> concordanceCases() throws IOException {
        return OracleJson.cases("concordance");
    }

    @ParameterizedTest
    @MethodSource("concordanceCases")
    void jsonEqualsTheOracle(String name) throws IOException {
        JsonNode c = OracleJson.load(name);
        JsonNode p = c.get("params");
        List<String> argv = new ArrayList<>(List.of("concordance", "--data", OracleJson.data(c), "--json"));
        OracleJson.option(argv, p, "time", "--time");
        OracleJson.option(argv, p, "event", "--event");
        OracleJson.option(argv, p, "eventValue", "--event-value");
        OracleJson.option(argv, p, "predictor", "--predictor");
        OracleJson.option(argv, p, "timewt", "--timewt");
        OracleJson.option(argv, p, "strata", "--strata");
        OracleJson.option(argv, p, "weights", "--weights");
        if (p.get("reverse").asBoolean()) {
            argv.add("--reverse");
        }
        OracleJson.assertMatches(c.get("result"), OracleJson.runJson(argv), name);
    }

    @Test
    void textIsRsPrintAndBadWeightIsOneLine() {
        String lung = OracleJson.ROOT.resolve("data/lung.csv").toString();
        Object[] r = OracleJson.run("concordance", "--data", lung, "--time", "time", "--event", "status",
                "--event-value", "2", "--predictor", "age", "--reverse");
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[1]).contains("Concordance= 0.5502 se= 0.02514"), (String) r[1]);
        Object[] w = OracleJson.run("concordance", "--data", lung, "--time", "time", "--event", "status",
                "--event-value", "2", "--predictor", "age", "--timewt", "G");
        assertEquals(2, w[0]);
        assertTrue(((String) w[2]).contains("--timewt") && ((String) w[2]).strip().lines().count() == 1,
                (String) w[2]);
        Object[] m = OracleJson.run("concordance", "--data", lung, "--time", "time", "--event", "status",
                "--event-value", "2", "--predictor", "nosuch");
        assertEquals(2, m[0]);
        assertTrue(((String) m[2]).contains("nosuch"), (String) m[2]);
    }
}
