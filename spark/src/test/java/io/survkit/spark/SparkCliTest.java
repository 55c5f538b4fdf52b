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

    /** The core CLI ({@code survkit}, examples' io.survkit.cli.Main) on the same arguments: its JSON document. */
    private static JsonNode core(String... argv) throws Exception {
        java.lang.reflect.Method run = Class.forName("io.survkit.cli.Main").getDeclaredMethod("run", String[].class,
                java.io.InputStream.class, java.io.PrintStream.class, java.io.PrintStream.class);
        run.setAccessible(true);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = (int) run.invoke(null, argv, java.io.InputStream.nullInputStream(), new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true));
        assertEquals(0, code, err.toString());
        return JSON.readTree(out.toString(java.nio.charset.StandardCharsets.UTF_8)).get("result");
    }

    /** Every number of two JSON documents equal to 1e-10 relative, every other value exactly, field by field. */
    private static void assertSameJson(JsonNode core, JsonNode spark, String where) {
        if (core.isNumber() && spark.isNumber()) {
            assertTrue(SparkTests.close(core.asDouble(), spark.asDouble(), SparkTests.REL),
                    where + ": core " + core + " vs spark " + spark);
            return;
        }
        assertEquals(core.getNodeType(), spark.getNodeType(), where);
        if (core.isObject()) {
            java.util.List<String> a = new java.util.ArrayList<>();
            core.fieldNames().forEachRemaining(a::add);
            java.util.List<String> b = new java.util.ArrayList<>();
            spark.fieldNames().forEachRemaining(b::add);
            assertEquals(a, b, where + " fields");
            for (String f : a) {
                assertSameJson(core.get(f), spark.get(f), where + "." + f);
            }
        } else if (core.isArray()) {
            assertEquals(core.size(), spark.size(), where + " length");
            for (int i = 0; i < core.size(); i++) {
                assertSameJson(core.get(i), spark.get(i), where + "[" + i + "]");
            }
        } else {
            assertEquals(core, spark, where);
        }
    }

    /**
     * {@code cif} of SparkCli and of the core CLI on the same file and options give the same JSON
     * document (every field; numbers to 1e-10), for cmprsk's curves with Gray's test read at times,
     * and for survfit's multi-state curves; the curves are R's (oracle cif_cr_synth_group).
     */
    @Test
    void cifJsonEqualsTheCoreCli() throws Exception {
        String file = SparkTests.oracle().resolve("data").resolve("cr_synth.csv").toString();
        String[][] runs = {
            {"cif", "--data", file, "--time", "time", "--event", "status", "--censor-value", "0", "--group", "group",
                "--json"},
            {"cif", "--data", file, "--time", "time", "--event", "status", "--censor-value", "0", "--group", "group",
                "--times", "5,10,20", "--rho", "1", "--json"},
            {"cif", "--data", file, "--time", "time", "--event", "status", "--censor-value", "0", "--method",
                "aalen-johansen", "--json"}};
        for (String[] argv : runs) {
            assertSameJson(core(argv), run(argv), String.join(" ", argv));
        }
        JsonNode e = SparkTests.load("cif_cr_synth_group").get("result");
        JsonNode a = run(runs[0]);
        assertTrue(a.toString().contains("\"grayTest\""), a.toString());
        JsonNode est = e.get("curves").get(0).get("est");
        JsonNode curves = a.get("curves");
        for (int i = 0; i < est.size(); i++) {
            SparkTests.assertR(est.get(i), curves.get(0).get("est").get(i).asDouble(), "cif est[" + i + "]");
        }
    }

    /**
     * {@code cox --cluster} of SparkCli and of the core CLI on the same file give the same JSON
     * document (robust se, robust Wald and score tests; numbers to 1e-10), and R's robust se
     * (oracle cox_lung_age_sex_cluster_inst_efron).
     */
    @Test
    void coxClusterJsonEqualsTheCoreCli() throws Exception {
        String[] argv = {"cox", "--data", lung(), "--time", "time", "--event", "status", "--event-value", "2",
            "--covariates", "age,sex", "--cluster", "inst", "--json"};
        JsonNode spark = run(argv);
        JsonNode core = core(argv);
        ((com.fasterxml.jackson.databind.node.ObjectNode) core).remove(java.util.List.of("concordance", "concordanceSe"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) spark).remove(java.util.List.of("concordance", "concordanceSe"));
        assertSameJson(core, spark, "cox --cluster");
        JsonNode e = SparkTests.load("cox_lung_age_sex_cluster_inst_efron").get("result");
        for (int j = 0; j < 2; j++) {
            assertTrue(SparkTests.close(e.get("robustSe").get(j).asDouble(), spark.get("robustSe").get(j).asDouble(),
                    1e-8), "R robust se " + j); // R's coxph converges to 1e-9
        }
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
