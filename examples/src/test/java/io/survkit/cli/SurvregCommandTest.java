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

/** Every survreg oracle case through {@code survkit survreg --json}, every field at relative 1e-7 (issue 16). */
class SurvregCommandTest {
    private static final double REL = 1e-7;

    static List<String> cases() throws IOException {
        return OracleJson.cases("survreg");
    }

    static List<String> argv(JsonNode c) {
        JsonNode p = c.get("params");
        List<String> argv = new ArrayList<>(List.of("survreg", "--data", OracleJson.data(c), "--json"));
        OracleJson.option(argv, p, "time", "--time");
        OracleJson.option(argv, p, "event", "--event");
        OracleJson.option(argv, p, "eventValue", "--event-value");
        OracleJson.option(argv, p, "strata", "--strata");
        OracleJson.option(argv, p, "weights", "--weights");
        OracleJson.option(argv, p, "cluster", "--cluster");
        OracleJson.option(argv, p, "dist", "--dist");
        OracleJson.option(argv, p, "confLevel", "--conf-level");
        OracleJson.option(argv, p, "probs", "--probs");
        OracleJson.option(argv, p, "times", "--times");
        argv.add("--robust=" + p.get("robust").asBoolean());
        // the oracle is survival 3.5-3, whose robust scores leave case weights out
        argv.add("--robust-scores");
        argv.add("unweighted");
        List<String> cov = new ArrayList<>();
        for (JsonNode v : p.get("covariates")) {
            cov.add(v.get("column").asText() + ("factor".equals(v.get("type").asText())
                    ? ":factor=" + v.get("reference").asText() : ""));
        }
        argv.add("--covariates");
        argv.add(String.join(",", cov));
        if (!p.get("newdata").isNull()) {
            List<String> rows = new ArrayList<>();
            for (JsonNode row : p.get("newdata")) {
                List<String> pairs = new ArrayList<>();
                row.fields().forEachRemaining(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
                rows.add(String.join(",", pairs));
            }
            argv.add("--newdata");
            argv.add(String.join(";", rows));
        }
        return argv;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jsonEqualsTheOracle(String name) throws IOException {
        JsonNode c = OracleJson.load(name);
        OracleJson.assertMatches(c.get("result"), OracleJson.runJson(argv(c)), name, REL);
    }

    @Test
    void unknownDistributionIsAUsageError() {
        Object[] r = OracleJson.run("survreg", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "2", "--dist", "cauchy");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("cauchy"), (String) r[2]);
        assertEquals(1, ((String) r[2]).strip().split("\n").length, "one line on stderr");
    }

    @Test
    void allDistributionsTableAndFigures(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path svg = dir.resolve("fit.svg");
        Object[] r = OracleJson.run("survreg", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "2", "--dist", "all", "--horizon", "3000", "--svg",
                svg.toString(), "--json");
        assertEquals(0, r[0], (String) r[2]);
        JsonNode j = OracleJson.JSON.readTree((String) r[1]).get("result");
        assertEquals(6, j.get("models").size());
        assertEquals("weibull", j.get("bestByAic").asText());
        assertTrue(java.nio.file.Files.readString(svg).contains("<svg"));
        assertTrue(java.nio.file.Files.readString(dir.resolve("fit-hazard.svg")).contains("<svg"));
    }

    @Test
    void flexibleDistributions() throws IOException {
        for (String d : new String[] {"gompertz", "gengamma", "weibull-ph"}) {
            Object[] r = OracleJson.run("survreg", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(),
                    "--time", "time", "--event", "status", "--event-value", "2", "--covariates", "age,sex", "--dist", d,
                    "--newdata", "age=60,sex=1", "--times", "365", "--json");
            assertEquals(0, r[0], (String) r[2]);
            JsonNode j = OracleJson.JSON.readTree((String) r[1]).get("result");
            assertEquals(d, j.get("dist").asText());
            assertTrue(j.get("converged").asBoolean(), d);
            double s = j.get("predicted").get(0).get("survival").get("surv").get(0).asDouble();
            assertTrue(s > 0.2 && s < 0.6, d + " S(365) = " + s);
        }
    }

    @Test
    void textOutputPrintsTheSummary() {
        Object[] r = OracleJson.run("survreg", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "2", "--covariates", "age,sex", "--newdata", "age=60,sex=1",
                "--times", "365");
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[1]).contains("Weibull distribution"), (String) r[1]);
        assertTrue(((String) r[1]).contains("S(365.0)"), (String) r[1]);
    }
}
