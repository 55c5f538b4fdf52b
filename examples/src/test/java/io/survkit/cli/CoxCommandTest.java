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

class CoxCommandTest {
    /** Issue 4's tolerance for Cox: relative 1e-8 (R's own convergence criterion is 1e-9). */
    private static final double COX_REL = 1e-8;

    static List<String> coxCases() throws IOException {
        return OracleJson.cases("cox");
    }

    static List<String> zphCases() throws IOException {
        return OracleJson.cases("zph");
    }

    static List<String> argv(JsonNode c, boolean zph) {
        JsonNode p = c.get("params");
        List<String> argv = new ArrayList<>(List.of("cox", "--data", OracleJson.data(c), "--json"));
        OracleJson.option(argv, p, "time", "--time");
        OracleJson.option(argv, p, "start", "--start");
        OracleJson.option(argv, p, "event", "--event");
        OracleJson.option(argv, p, "eventValue", "--event-value");
        OracleJson.option(argv, p, "strata", "--strata");
        OracleJson.option(argv, p, "weights", "--weights");
        OracleJson.option(argv, p, "cluster", "--cluster");
        OracleJson.option(argv, p, "ties", "--ties");
        OracleJson.option(argv, p, "confLevel", "--conf-level");
        OracleJson.option(argv, p, "robust", "--robust");
        List<String> cov = new ArrayList<>();
        for (JsonNode v : p.get("covariates")) {
            cov.add(v.get("column").asText() + ("factor".equals(v.get("type").asText())
                    ? ":factor=" + v.get("reference").asText() : ""));
        }
        argv.add("--covariates");
        argv.add(String.join(",", cov));
        if (zph) {
            argv.add("--zph");
        }
        return argv;
    }

    @ParameterizedTest
    @MethodSource("coxCases")
    void jsonEqualsTheOracle(String name) throws IOException {
        JsonNode c = OracleJson.load(name);
        OracleJson.assertMatches(c.get("result"), OracleJson.runJson(argv(c, false)), name, COX_REL);
    }

    static List<String> exactCases() throws IOException {
        List<String> r = new ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(EXACT)) {
            s.map(x -> x.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .forEach(n -> r.add(n.substring(0, n.length() - 5)));
        }
        return r;
    }

    static final java.nio.file.Path EXACT = java.nio.file.Path.of("..", "core", "src", "test", "resources",
            "regression", "exact");

    /** {@code --ties exact} equals R's coxph(ties = "exact") (core's regression/exact/generate.R). */
    @ParameterizedTest
    @MethodSource("exactCases")
    void exactTiesEqualR(String name) throws IOException {
        JsonNode c = OracleJson.JSON.readTree(EXACT.resolve(name + ".json").toFile());
        OracleJson.assertMatches(c.get("result"), OracleJson.runJson(argv(c, false)), name, COX_REL);
    }

    static List<String> parityCases() throws IOException {
        List<String> r = new ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(PARITY)) {
            s.map(x -> x.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .forEach(n -> r.add(n.substring(0, n.length() - 5)));
        }
        return r;
    }

    static final java.nio.file.Path PARITY = java.nio.file.Path.of("..", "core", "src", "test", "resources",
            "regression", "parity");

    /** {@code --formula} with ns() terms equals R's coxph (core's regression/parity/generate.R). */
    @ParameterizedTest
    @MethodSource("parityCases")
    void formulaEqualsR(String name) throws IOException {
        JsonNode c = OracleJson.JSON.readTree(PARITY.resolve(name + ".json").toFile());
        JsonNode p = c.get("params");
        List<String> argv = new ArrayList<>(List.of("cox", "--data", OracleJson.data(c), "--json", "--time",
                p.get("time").asText(), "--event", p.get("event").asText(), "--event-value",
                p.get("eventValue").asText(), "--ties", p.get("ties").asText(), "--formula", p.get("formula").asText()));
        OracleJson.option(argv, p, "eps", "--eps");
        OracleJson.option(argv, p, "iterMax", "--iter-max");
        OracleJson.option(argv, p, "init", "--init");
        OracleJson.assertMatches(c.get("result"), OracleJson.runJson(argv), name, COX_REL);
        Object[] both = OracleJson.run(argv.toArray(new String[0]));
        List<String> bad = new ArrayList<>(argv);
        bad.addAll(List.of("--covariates", "age"));
        Object[] r = OracleJson.run(bad.toArray(new String[0]));
        assertEquals(2, r[0], "--formula with --covariates");
        assertEquals(0, both[0]);
    }

    /** {@code --na fail} (R's na.fail) names the first row with a missing value; omit counts it. */
    @Test
    void naFailNamesTheRow() {
        String lung = OracleJson.ROOT.resolve("data/lung.csv").toString();
        Object[] r = OracleJson.run("cox", "--data", lung, "--time", "time", "--event", "status", "--event-value", "2",
                "--covariates", "age,ph.ecog", "--na", "fail");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("column 'ph.ecog'") && ((String) r[2]).contains("missing"),
                (String) r[2]);
        Object[] ok = OracleJson.run("cox", "--data", lung, "--time", "time", "--event", "status", "--event-value",
                "2", "--covariates", "age,ph.ecog", "--na", "omit", "--json");
        assertEquals(0, ok[0], (String) ok[2]);
        assertTrue(((String) ok[1]).matches("(?s).*\"nOmitted\"\\s*:\\s*1\\b.*"), (String) ok[1]);
    }

    @ParameterizedTest
    @MethodSource("zphCases")
    void zphJsonEqualsTheOracle(String name) throws IOException {
        JsonNode c = OracleJson.load(name);
        OracleJson.assertMatches(c.get("result"), OracleJson.runJson(argv(c, true)).get("zph"), name, COX_REL);
    }

    /**
     * {@code --zph-transform identity|log|rank} equals R's cox.zph(transform=) on lung ~ age + sex
     * (core's regression/cox_extra.json, lungTransforms, from generate.R there).
     */
    @Test
    void zphTransformsEqualR() throws IOException {
        JsonNode ref = OracleJson.JSON.readTree(java.nio.file.Path.of("..", "core", "src", "test", "resources",
                "regression", "cox_extra.json").toFile()).get("lungTransforms");
        for (String t : List.of("identity", "log", "rank")) {
            JsonNode zph = OracleJson.runJson(List.of("cox", "--data", OracleJson.ROOT.resolve("data/lung.csv")
                    .toString(), "--time", "time", "--event", "status", "--event-value", "2", "--covariates",
                    "age,sex", "--zph-transform", t, "--json")).get("zph");
            JsonNode e = ref.get(t);
            OracleJson.assertMatches(e.get("chisq"), withGlobal(zph, "chisq"), t + " chisq", COX_REL);
            OracleJson.assertMatches(e.get("p"), withGlobal(zph, "p"), t + " p", COX_REL);
        }
    }

    /** R's cox.zph table: the terms' rows then GLOBAL. */
    private static JsonNode withGlobal(JsonNode zph, String field) {
        com.fasterxml.jackson.databind.node.ArrayNode a = OracleJson.JSON.createArrayNode();
        zph.get(field).forEach(a::add);
        a.add(zph.get("global").get(field));
        return a;
    }

    @Test
    void missingCovariatesIsAUsageError() {
        Object[] r = OracleJson.run("cox", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "2");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("--covariates"), (String) r[2]);
        Object[] bad = OracleJson.run("cox", "--data", OracleJson.ROOT.resolve("data/lung.csv").toString(), "--time",
                "time", "--event", "status", "--event-value", "2", "--covariates", "age:ordinal");
        assertEquals(2, bad[0]);
    }
}
