package io.survkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkCli} on the oracle's lung data: the {@code --json} fields carry R's numbers
 * (survfit, survdiff, coxph; calls in the named oracle cases), and bad input is one line on stderr
 * with exit code 2.
 */
class SparkCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void session() {
        SparkTests.spark(); // the CLI's getOrCreate() then uses the tests' local[2] session
    }

    private static String lung() {
        return SparkTests.oracle().resolve("data").resolve("lung.csv").toString();
    }

    private static JsonNode run(String... argv) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkCli.run(argv, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return JSON.readTree(out.toString()).get("result");
    }

    @Test
    void kmJsonIsR() throws Exception {
        JsonNode e = SparkTests.load("km_lung_sex_plain").get("result");
        JsonNode a = run("km", "--data", lung(), "--time", "time", "--event", "status", "--event-value", "2",
                "--group", "sex", "--conf-type", "plain", "--json");
        assertEquals(e.get("strata").size(), a.get("strata").size());
        for (int k = 0; k < e.get("strata").size(); k++) {
            JsonNode es = e.get("strata").get(k);
            JsonNode as = a.get("strata").get(k);
            assertEquals(es.get("name").asText(), as.get("name").asText());
            for (String f : new String[] {"time", "nRisk", "surv", "stdErr", "lower", "upper"}) {
                for (int i = 0; i < es.get(f).size(); i++) {
                    SparkTests.assertR(es.get(f).get(i), as.get(f).get(i).asDouble(), "km " + f + "[" + i + "]");
                }
            }
            SparkTests.assertR(es.get("median"), as.get("median").asDouble(), "km median");
        }
    }

    @Test
    void logRankJsonIsR() throws Exception {
        JsonNode e = SparkTests.load("logrank_lung_sex_rho0").get("result");
        JsonNode a = run("logrank", "--data", lung(), "--time", "time", "--event", "status", "--event-value", "2",
                "--group", "sex", "--json");
        SparkTests.assertR(e.get("chisq"), a.get("chisq").asDouble(), "logrank chisq");
        SparkTests.assertR(e.get("p"), a.get("p").asDouble(), "logrank p");
        assertEquals(e.get("df").asInt(), a.get("df").asInt());
    }

    @Test
    void coxJsonIsR() throws Exception {
        JsonNode e = SparkTests.load("cox_lung_age_sex_efron").get("result");
        JsonNode a = run("cox", "--data", lung(), "--time", "time", "--event", "status", "--event-value", "2",
                "--covariates", "age,sex", "--format", "json");
        for (int j = 0; j < 2; j++) {
            assertTrue(SparkTests.close(e.get("coef").get(j).asDouble(), a.get("coef").get(j).asDouble(), 1e-8));
            assertTrue(SparkTests.close(e.get("se").get(j).asDouble(), a.get("se").get(j).asDouble(), 1e-8));
        }
        assertTrue(SparkTests.close(e.get("lrt").get("chisq").asDouble(), a.get("lrt").get("chisq").asDouble(), 1e-8));
        assertEquals(e.get("n").asInt(), a.get("n").asInt());
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkCli.run(new String[] {"km", "--data", lung(), "--time", "nope", "--event", "status",
            "--event-value", "2"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(2, code);
        String msg = err.toString().strip();
        assertTrue(msg.startsWith("survkit-spark km: unknown column 'nope'"), msg);
        assertEquals(1, msg.lines().count(), msg);
    }
}
