package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code survkit cox} with R's Cox extensions against core's R references (core's
 * regression/tt/tt.R, regression/penalized/penalized.R): {@code --formula 'tt(age) + sex' --tt 'x*log(t)'},
 * {@code --formula 'pspline(age, df = 4) + sex'}, {@code 'age + sex + frailty(id)'}; coefficients, standard
 * errors, log-likelihoods, tests and counts of the JSON at 1e-9 relative.
 */
class CoxExtensionsCommandTest {
    static final Path REGRESSION = Path.of("..", "core", "src", "test", "resources", "regression");

    static JsonNode read(Path p) throws IOException {
        return OracleJson.JSON.readTree(p.toFile());
    }

    static void assertCore(JsonNode c, JsonNode r, String w) {
        Oracle.assertStrings(c.get("names"), strings(r.get("terms")), w + " terms");
        OracleJson.assertMatches(c.get("coef"), r.get("coef"), w + " coef");
        int p = c.get("coef").size();
        JsonNode var = c.get("var");
        String se = c.hasNonNull("robustSe") ? "robustSe" : "se";
        for (int i = 0; i < p; i++) {
            if (se.equals("se")) {
                Oracle.assertNumber(OracleJson.JSON.getNodeFactory().numberNode(Math.sqrt(var.get(i * p + i)
                        .asDouble())), r.get("se").get(i).asDouble(), w + " se");
            }
        }
        if (se.equals("robustSe")) {
            OracleJson.assertMatches(c.get("robustSe"), r.get("robustSe"), w + " robustSe");
        }
        Oracle.assertNumber(c.get("loglik").get(0), r.get("loglikNull").asDouble(), w + " loglikNull");
        Oracle.assertNumber(c.get("loglik").get(1), r.get("loglik").asDouble(), w + " loglik");
        Oracle.assertNumber(c.get("wald"), r.get("wald").get("chisq").asDouble(), w + " wald");
        assertEquals(c.get("n").asInt(), r.get("n").asInt(), w + " n");
        assertEquals(c.get("nevent").asInt(), r.get("events").asInt(), w + " events");
    }

    static List<String> strings(JsonNode a) {
        List<String> l = new ArrayList<>();
        a.forEach(x -> l.add(x.asText()));
        return l;
    }

    @Test
    void timeTransformsEqualR() throws IOException {
        Path dir = REGRESSION.resolve("tt");
        for (JsonNode c : read(dir.resolve("tt.json")).get("tt")) {
            String ds = c.get("dataset").asText();
            String file = ds.equals("heart") ? dir.resolve("heart.csv").toString()
                    : OracleJson.ROOT.resolve("data").resolve(ds + ".csv").toString();
            List<String> argv = new ArrayList<>(List.of("cox", "--data", file, "--json", "--time",
                    c.get("time").asText(), "--event", c.get("event").asText(), "--event-value",
                    c.get("eventValue").asText(), "--formula", c.get("formula").asText(), "--tt",
                    c.get("transform").asText().replace(" ", "")));
            if (c.hasNonNull("start")) {
                argv.add("--start");
                argv.add(c.get("start").asText());
            }
            if (c.get("rCall").asText().contains("breslow")) {
                argv.add("--ties");
                argv.add("breslow");
            }
            assertCore(c, OracleJson.runJson(argv), c.get("rCall").asText());
        }
    }

    /** {@code cox --formula 'pspline(age, df = 4) + sex'}, {@code 'age + sex + frailty(id)'}: core's regression/penalized/penalized.R. */
    @Test
    void penalizedModelsEqualR() throws IOException {
        Path dir = REGRESSION.resolve("penalized");
        for (JsonNode c : read(dir.resolve("penalized.json"))) {
            String ds = c.get("dataset").asText();
            String file = ds.equals("kidney") || ds.equals("rats") ? dir.resolve(ds + ".csv").toString()
                    : OracleJson.ROOT.resolve("data").resolve(ds + ".csv").toString();
            List<String> argv = new ArrayList<>(List.of("cox", "--data", file, "--json", "--time",
                    c.get("time").asText(), "--event", c.get("event").asText(), "--event-value",
                    c.get("eventValue").asText(), "--formula", c.get("formula").asText(), "--ties",
                    c.get("ties").asText()));
            JsonNode r = OracleJson.runJson(argv);
            String w = c.get("rCall").asText();
            Oracle.assertStrings(c.get("names"), strings(r.get("terms")), w + " terms");
            OracleJson.assertMatches(c.get("coef"), r.get("coef"), w + " coef");
            OracleJson.assertMatches(c.get("df"), r.get("df"), w + " df");
            Oracle.assertNumber(c.get("loglik").get(1), r.get("loglik").asDouble(), w + " loglik");
            Oracle.assertNumber(c.get("wald"), r.get("wald").get("chisq").asDouble(), w + " wald");
            OracleJson.assertMatches(c.get("lrt"), r.get("lrt"), w + " lrt");
            OracleJson.assertMatches(c.get("theta"), r.get("theta"), w + " theta");
            assertEquals(c.get("table").size(), r.get("table").size(), w + " table");
            for (int i = 0; i < c.get("table").size(); i++) {
                OracleJson.assertMatches(c.get("table").get(i), r.get("table").get(i), w + " table " + i);
            }
            assertEquals(c.get("n").asInt(), r.get("n").asInt(), w + " n");
        }
    }

    /**
     * {@code cox --ties exact --start} (R agexact.fit) and {@code clogit} (R clogit on infert):
     * core's regression/clogit/clogit.R.
     */
    @Test
    void exactCountingProcessAndClogitEqualR() throws IOException {
        Path dir = REGRESSION.resolve("clogit");
        JsonNode all = read(dir.resolve("clogit.json"));
        for (JsonNode c : all.get("exact")) {
            String ds = c.get("dataset").asText();
            String file = ds.equals("heart") ? dir.resolve("heart.csv").toString()
                    : OracleJson.ROOT.resolve("data").resolve(ds + ".csv").toString();
            JsonNode r = OracleJson.runJson(List.of("cox", "--data", file, "--json", "--start", c.get("start").asText(),
                    "--time", c.get("time").asText(), "--event", c.get("event").asText(), "--event-value",
                    c.get("eventValue").asText(), "--formula", c.get("formula").asText(), "--ties", "exact"));
            assertCore(c, r, c.get("rCall").asText());
        }
        for (JsonNode c : all.get("clogit")) {
            String m = c.get("method").asText();
            JsonNode r = OracleJson.runJson(List.of("clogit", "--data", dir.resolve("infert.csv").toString(), "--json",
                    "--time", "stratum", "--event", "case", "--event-value", "1", "--formula",
                    c.get("formula").asText(), "--method", m.equals("breslow") ? "approximate" : m));
            assertCore(c, r, c.get("rCall").asText());
        }
    }

    @Test
    void anUnknownTransformIsAUsageError() {
        Object[] r = OracleJson.run("cox", "--data", OracleJson.ROOT.resolve("data").resolve("lung.csv").toString(),
                "--time", "time", "--event", "status", "--event-value", "2", "--formula", "tt(age)", "--tt", "x^2");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("--tt: 'x^2' is not one of"), (String) r[2]);
    }
}
