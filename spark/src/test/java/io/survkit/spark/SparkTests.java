package io.survkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.CsvSurvivalReader;
import io.survkit.data.SurvivalData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One {@code local[2]} SparkSession for every test class of the JVM (surefire runs one fork), R's
 * oracle files (core's copy of {@code shared/oracle}), and the comparison rule: relative 1e-10 to
 * core, R's own 1e-9 to the oracle.
 */
final class SparkTests {
    static final double REL = 1e-10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession session;

    private SparkTests() {
    }

    /** The shared session: local[2], 2 shuffle partitions, no UI, no code generation. */
    static synchronized SparkSession spark() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("survkit-spark-tests")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").config("spark.sql.adaptive.enabled", "false")
                    // tiny data: interpreted expressions instead of compiling code for every query
                    // (each Newton-Raphson step has new literals); the arithmetic is the same
                    .config("spark.sql.codegen.wholeStage", "false").config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                    .config("spark.default.parallelism", "2").getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
        }
        return session;
    }

    static Path oracle() {
        try {
            return Path.of(SparkTests.class.getResource("/oracle/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Case names of one analysis ({@code km}, {@code logrank}, {@code cox}, {@code cif}). */
    static Stream<String> cases(String analysis) {
        try (Stream<Path> s = Files.list(oracle().resolve("expected"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(analysis + "_"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertTrue(names.size() > 0, "no oracle cases for " + analysis);
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode load(String name) {
        try {
            return JSON.readTree(oracle().resolve("expected").resolve(name + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path data(JsonNode c) {
        return oracle().resolve("data").resolve(c.get("dataset").asText() + ".csv");
    }

    private static final java.util.Map<String, Dataset<Row>> FRAMES = new java.util.HashMap<>();

    /** The case's CSV as Spark reads it (header, inferred types; NA stays text, read as missing), read once. */
    static synchronized Dataset<Row> frame(JsonNode c) {
        return FRAMES.computeIfAbsent(c.get("dataset").asText(), k -> spark().read().option("header", "true")
                .option("inferSchema", "true").csv(data(c).toString()).cache());
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The survival roles of the case's params, on Spark. */
    static SparkSurvival survival(JsonNode c) {
        JsonNode p = c.get("params");
        SparkSurvival s = SparkSurvival.of(frame(c)).time(text(p, "time"));
        if (text(p, "start") != null) {
            s = s.start(text(p, "start"));
        }
        s = s.event(text(p, "event"), p.get("eventValue").asText());
        if (text(p, "group") != null) {
            s = s.group(text(p, "group"));
        }
        if (text(p, "strata") != null) {
            s = s.strata(text(p, "strata"));
        }
        if (text(p, "weights") != null) {
            s = s.weights(text(p, "weights"));
        }
        if (text(p, "cluster") != null) {
            s = s.cluster(text(p, "cluster"));
        }
        return s;
    }

    /** The same roles read by core's CSV reader. */
    static CsvSurvivalReader reader(JsonNode c) {
        JsonNode p = c.get("params");
        CsvSurvivalReader r = SurvivalData.csv(data(c)).time(text(p, "time"));
        if (text(p, "start") != null) {
            r.start(text(p, "start"));
        }
        r.event(text(p, "event"), p.get("eventValue").asText());
        if (text(p, "weights") != null) {
            r.weights(text(p, "weights"));
        }
        if (text(p, "cluster") != null) {
            r.cluster(text(p, "cluster"));
        }
        return r;
    }

    /**
     * The case's model as core's formula: the group, the covariates ({@code factor(x, ref = r)} for
     * factors) and {@code strata(s)}; "1" when there is none (one curve).
     */
    static String formula(JsonNode c) {
        JsonNode p = c.get("params");
        List<String> t = new java.util.ArrayList<>();
        if (text(p, "group") != null) {
            t.add(text(p, "group"));
        }
        t.addAll(covariates(c));
        if (text(p, "strata") != null) {
            t.add("strata(" + text(p, "strata") + ")");
        }
        return t.isEmpty() ? "1" : String.join(" + ", t);
    }

    /** The case's covariates as terms: {@code age}, {@code factor(celltype, ref = squamous)}. */
    static List<String> covariates(JsonNode c) {
        List<String> t = new java.util.ArrayList<>();
        JsonNode cov = c.get("params").get("covariates");
        if (cov != null && cov.isArray()) {
            for (JsonNode v : cov) {
                String col = v.get("column").asText();
                t.add("factor".equals(v.get("type").asText())
                        ? "factor(" + col + ", ref = " + v.get("reference").asText() + ")" : col);
            }
        }
        return t;
    }

    static boolean close(double e, double a, double rel) {
        if (e == a || (Double.isNaN(e) && Double.isNaN(a))) {
            return true;
        }
        double d = Math.abs(a - e);
        return d <= 1e-13 || d <= rel * Math.abs(e);
    }

    static void assertClose(double e, double a, String where) {
        assertTrue(close(e, a, REL), where + ": core " + e + " vs spark " + a);
    }

    static void assertClose(double[] e, double[] a, String where) {
        assertEquals(e.length, a.length, where + ": length");
        for (int i = 0; i < e.length; i++) {
            assertClose(e[i], a[i], where + "[" + i + "]");
        }
    }

    /** An R number of the oracle (null = not finite), relative 1e-9. */
    static void assertR(JsonNode expected, double a, String where) {
        if (expected == null || expected.isNull()) {
            assertTrue(!Double.isFinite(a), where + ": R gives null, spark " + a);
            return;
        }
        assertTrue(close(expected.asDouble(), a, 1e-9), where + ": R " + expected.asDouble() + " vs spark " + a);
    }

    static void assertR(JsonNode expected, double[] a, String where) {
        assertEquals(expected.size(), a.length, where + ": length");
        for (int i = 0; i < a.length; i++) {
            assertR(expected.get(i), a[i], where + "[" + i + "]");
        }
    }
}
