package io.survkit.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.CsvSurvivalReader;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * R's reference results (copied from {@code shared/oracle}; field meanings in
 * {@code src/test/resources/oracle/README.md}) and the comparison rule: relative 1e-9, absolute
 * 1e-12 near zero; JSON null must meet NaN, infinity or an absent value.
 */
public final class Oracle {
    public static final double REL = 1e-9;
    public static final double ABS = 1e-12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Oracle() {
    }

    /** Folder of the copied oracle. */
    public static Path root() {
        URL url = Oracle.class.getResource("/oracle/README.md");
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names of the cases of one analysis ({@code km}, {@code logrank}, ...), sorted. */
    public static List<String> cases(String analysis) {
        try (Stream<Path> s = Files.list(root().resolve("expected"))) {
            List<String> names = new ArrayList<>();
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(analysis + "_"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One case file. */
    public static JsonNode load(String caseName) {
        try (InputStream in = Files.newInputStream(root().resolve("expected").resolve(caseName + ".json"))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Path of a data set CSV. */
    public static Path data(String dataset) {
        return root().resolve("data").resolve(dataset + ".csv");
    }

    /** A reader for the case's data set with the survival roles (time, start, event, weights, cluster) of {@code params}. */
    public static CsvSurvivalReader reader(JsonNode c) {
        JsonNode p = c.get("params");
        CsvSurvivalReader r = io.survkit.data.SurvivalData.csv(data(c.get("dataset").asText())).time(text(p, "time"));
        if (text(p, "start") != null) {
            r.start(text(p, "start"));
        }
        if (p.has("censorValue")) {
            r.causes(text(p, "event"), p.get("censorValue").asText());
        } else if (p.has("eventValue")) {
            r.event(text(p, "event"), p.get("eventValue").asText());
        }
        if (text(p, "weights") != null) {
            r.weights(text(p, "weights"));
        }
        if (text(p, "cluster") != null) {
            r.cluster(text(p, "cluster"));
        }
        return r;
    }

    /** The case's data (every column of the data set). */
    public static SurvivalData survivalData(JsonNode c) {
        return reader(c).read();
    }

    /**
     * The case's model as R's call writes it: the group (km, logrank, cif), the covariates
     * (numeric, or factor with its reference), {@code strata()}.
     */
    public static Terms terms(JsonNode c) {
        JsonNode p = c.get("params");
        List<Term> t = new ArrayList<>();
        if (text(p, "group") != null) {
            t.add(Terms.variable(text(p, "group")));
        }
        if (p.has("covariates") && p.get("covariates").isArray()) {
            for (JsonNode cov : p.get("covariates")) {
                if ("factor".equals(cov.get("type").asText())) {
                    t.add(Terms.factor(cov.get("column").asText(), cov.get("reference").asText()));
                } else {
                    t.add(Terms.numeric(cov.get("column").asText()));
                }
            }
        }
        if (text(p, "strata") != null) {
            t.add(Terms.strata(text(p, "strata")));
        }
        return Terms.of(t.toArray(new Term[0]));
    }

    /** The case's model frame. */
    public static ModelFrame frame(JsonNode c) {
        return ModelFrame.of(survivalData(c), terms(c));
    }

    /** A text param, or null when absent or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Asserts one number: null = not a number (NaN, infinite); else relative 1e-9 / absolute 1e-12. */
    public static void assertNumber(JsonNode expected, double actual, String where) {
        if (expected == null || expected.isNull()) {
            assertTrue(!Double.isFinite(actual), where + ": R gives null (NA/Inf), survkit gives " + actual);
            return;
        }
        double e = expected.asDouble();
        if (!closeEnough(e, actual)) {
            fail(where + ": expected " + e + " (R) but was " + actual + " (rel diff "
                    + Math.abs(actual - e) / Math.abs(e) + ")");
        }
    }

    /** True when a and b agree to relative 1e-9 or absolute 1e-12. */
    public static boolean closeEnough(double e, double a) {
        if (e == a) {
            return true;
        }
        double d = Math.abs(a - e);
        return d <= ABS || d <= REL * Math.abs(e);
    }

    /** Asserts an array of numbers, element by element, with equal length. */
    public static void assertNumbers(JsonNode expected, double[] actual, String where) {
        assertTrue(expected != null && expected.isArray(), where + ": expected an array in the oracle");
        assertEquals(expected.size(), actual.length, where + ": length");
        for (int i = 0; i < actual.length; i++) {
            assertNumber(expected.get(i), actual[i], where + "[" + i + "]");
        }
    }

    /** Asserts a matrix (array of rows). */
    public static void assertMatrix(JsonNode expected, double[][] actual, String where) {
        assertEquals(expected.size(), actual.length, where + ": rows");
        for (int i = 0; i < actual.length; i++) {
            assertNumbers(expected.get(i), actual[i], where + "[" + i + "]");
        }
    }

    /** Asserts an array of strings. */
    public static void assertStrings(JsonNode expected, List<String> actual, String where) {
        List<String> e = new ArrayList<>();
        expected.forEach(x -> e.add(x.asText()));
        assertEquals(e, actual, where);
    }

    /**
     * Asserts that a JSON result (the library's {@code toJson()} or the CLI's output) has every field
     * R's has, equal field by field: numbers at relative {@code rel} (absolute 1e-12 near zero), null
     * only where R has null, arrays of the same length, text equal. Fields R does not have are ignored.
     */
    public static void assertJson(JsonNode expected, JsonNode actual, String path, double rel) {
        if (expected == null || expected.isNull()) {
            assertTrue(actual == null || actual.isNull(), path + ": R has null, survkit has " + actual);
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            fail(path + ": missing in survkit's output");
        }
        if (expected.isNumber()) {
            assertTrue(actual.isNumber(), path + ": expected a number " + expected + ", got " + actual);
            double e = expected.asDouble();
            double a = actual.asDouble();
            double d = Math.abs(a - e);
            assertTrue(d <= ABS || d <= rel * Math.abs(e), path + ": R " + e + ", survkit " + a);
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), path + ": expected an array");
            assertEquals(expected.size(), actual.size(), path + ": length");
            for (int i = 0; i < expected.size(); i++) {
                assertJson(expected.get(i), actual.get(i), path + "[" + i + "]", rel);
            }
        } else if (expected.isObject()) {
            for (java.util.Iterator<String> it = expected.fieldNames(); it.hasNext();) {
                String f = it.next();
                assertJson(expected.get(f), actual.get(f), path + "." + f, rel);
            }
        } else {
            assertEquals(expected.asText(), actual.asText(), path);
        }
    }

    /** {@link #assertJson(JsonNode, JsonNode, String, double)} of JSON text at {@link #REL}. */
    public static void assertJson(JsonNode expected, String actualJson, String path) {
        assertJson(expected, parse(actualJson), path, REL);
    }

    /** Parses JSON text (the library's output). */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }
}
