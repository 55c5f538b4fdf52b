package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.oracle.Oracle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The R oracle (core's test resources, see their README) and the field-by-field comparison of CLI
 * JSON with it, which is core's {@link Oracle#assertJson} (the same rule as the library's JSON tests).
 */
final class OracleJson {
    static final Path ROOT = Path.of("..", "core", "src", "test", "resources", "oracle");
    static final ObjectMapper JSON = new ObjectMapper();

    private OracleJson() {
    }

    static List<String> cases(String analysis) throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("expected"))) {
            List<String> r = new ArrayList<>();
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(analysis + "_")).sorted()
                    .forEach(n -> r.add(n.substring(0, n.length() - 5)));
            return r;
        }
    }

    static JsonNode load(String name) throws IOException {
        return JSON.readTree(ROOT.resolve("expected").resolve(name + ".json").toFile());
    }

    static String data(JsonNode c) {
        return ROOT.resolve("data").resolve(c.get("dataset").asText() + ".csv").toString();
    }

    /** Runs the CLI; returns {exit code, stdout, stderr}. */
    static Object[] run(String... argv) {
        return runWithInput("", argv);
    }

    /** Runs the CLI with {@code stdin} as standard input; returns {exit code, stdout, stderr}. */
    static Object[] runWithInput(String stdin, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(argv, new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Object[] {code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    static JsonNode runJson(List<String> argv) throws IOException {
        Object[] r = run(argv.toArray(new String[0]));
        assertEquals(0, r[0], "exit code; stderr: " + r[2]);
        return JSON.readTree((String) r[1]).get("result");
    }

    static void assertMatches(JsonNode expected, JsonNode actual, String path) {
        Oracle.assertJson(expected, actual, path, Oracle.REL);
    }

    /** As {@link #assertMatches(JsonNode, JsonNode, String)} with relative tolerance {@code rel}. */
    static void assertMatches(JsonNode expected, JsonNode actual, String path, double rel) {
        Oracle.assertJson(expected, actual, path, rel);
    }

    /** Adds {@code --option value} when the param is present and not null. */
    static void option(List<String> argv, JsonNode params, String field, String option) {
        JsonNode v = params.get(field);
        if (v != null && !v.isNull()) {
            argv.add(option);
            argv.add(v.isArray() ? join(v) : v.asText());
        }
    }

    static String join(JsonNode array) {
        List<String> s = new ArrayList<>();
        array.forEach(x -> s.add(x.asText()));
        return String.join(",", s);
    }
}
