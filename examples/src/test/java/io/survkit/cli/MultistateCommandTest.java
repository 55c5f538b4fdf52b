package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code survkit multistate --json} against R survival 3.5-3's survfit(Surv(t1, t2, state) ~ g, id,
 * weights, istate) and summary(fit, times =): the references of core's
 * {@code src/test/resources/multistate/generate.R}, every field at 1e-9. The censoring value is
 * R's: the first of the state column's values in factor order.
 */
class MultistateCommandTest {
    static final Path ROOT = Path.of("..", "core", "src", "test", "resources", "multistate");

    static JsonNode expected(String name) throws IOException {
        for (JsonNode c : OracleJson.JSON.readTree(ROOT.resolve("expected.json").toFile())) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name);
    }

    static JsonNode list(JsonNode v) {
        return v.isArray() ? v : OracleJson.JSON.createArrayNode().add(v);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mgus2_sex|--data mgus2_ms.csv --start tstart --time tstop --state event --id id --group sex",
        "mgus2_weighted|--data mgus2_ms.csv --start tstart --time tstop --state event --id id --weights w",
        "mgus2_cr|--data mgus2_cr.csv --time etime --state event --group sex",
        "entry_cr|--data entry_cr.csv --start entry --time exit --state cause --id id --weights w --group g",
        "abc_istate|--data abc.csv --start t1 --time t2 --state state --id id --istate istate --group grp"})
    void jsonEqualsR(String name, String options) throws IOException {
        JsonNode e = expected(name);
        List<String> argv = new ArrayList<>(List.of("multistate", "--json", "--times", OracleJson.join(e.get("times"))));
        String[] o = options.split(" ");
        for (int i = 0; i < o.length; i++) {
            argv.add(i == 1 ? ROOT.resolve("data").resolve(o[i]).toString() : o[i]);
        }
        JsonNode r = OracleJson.runJson(argv);
        OracleJson.assertMatches(e.get("states"), r.get("states"), name + " states");
        OracleJson.assertMatches(e.get("transitions"), r.get("transitions"), name + " transitions");
        JsonNode curves = r.get("curves");
        assertEquals(list(e.get("strata").get("name")).size(), curves.size(), name + " curves");
        int offset = 0;
        for (int g = 0; g < curves.size(); g++) {
            JsonNode c = curves.get(g);
            String at = name + " " + c.get("name").asText();
            assertEquals(list(e.get("strata").get("name")).get(g).asText(), c.get("name").asText(), at);
            assertEquals(list(e.get("n")).get(g).asInt(), c.get("n").asInt(), at + " n");
            int size = list(e.get("strata").get("size")).get(g).asInt();
            String[][] fields = {{"time", "time"}, {"n.risk", "nRisk"}, {"n.event", "nEvent"},
                {"n.censor", "nCensor"}, {"pstate", "pstate"}, {"std.err", "stdErr"}, {"lower", "lower"},
                {"upper", "upper"}, {"cumhaz", "cumhaz"}};
            for (String[] f : fields) {
                OracleJson.assertMatches(slice(e.get(f[0]), offset, size), c.get(f[1]), at + " " + f[0]);
            }
            offset += size;
        }
        JsonNode s = e.get("summary");
        JsonNode rows = r.get("summary");
        assertEquals(s.get("time").size(), rows.size(), name + " summary rows");
        String[][] fields = {{"time", "time"}, {"pstate", "pstate"}, {"std.err", "stdErr"}, {"lower", "lower"},
            {"upper", "upper"}, {"n.risk", "nRisk"}, {"n.event", "nEvent"}, {"n.censor", "nCensor"},
            {"cumhaz", "cumhaz"}};
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(s.get("strata").get(i).asText(), rows.get(i).get("curve").asText(), name + " summary curve");
            for (String[] f : fields) {
                OracleJson.assertMatches(s.get(f[0]).get(i), rows.get(i).get(f[1]), name + " summary[" + i + "] "
                        + f[0]);
            }
        }
    }

    private static JsonNode slice(JsonNode a, int from, int size) {
        ArrayNode r = OracleJson.JSON.createArrayNode();
        for (int i = from; i < from + size; i++) {
            r.add(a.get(i));
        }
        return r;
    }

    @Test
    void startStopRowsWithoutAnIdAreAnError() {
        Object[] r = OracleJson.run("multistate", "--data", ROOT.resolve("data/abc.csv").toString(), "--start", "t1",
                "--time", "t2", "--state", "state");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("id"), (String) r[2]);
    }
}
