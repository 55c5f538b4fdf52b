package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cox --id} (R {@code coxph(id = id)}, issue 13): on cgd, where subjects have several events,
 * R's robust variance is on by default and sums within id; on heart (one event at most per subject)
 * it stays off. The robust and model standard errors equal the square roots of R's {@code var} and
 * {@code naive.var} (core's {@code regression/id/id.R}) at 1e-9.
 */
class CoxIdCommandTest {
    static final Path DIR = Path.of("..", "core", "src", "test", "resources", "regression", "id");

    static JsonNode expected(String name) throws IOException {
        for (JsonNode c : OracleJson.JSON.readTree(DIR.resolve("id.json").toFile())) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void subjectsWithSeveralEventsMakeTheVarianceRobustById() throws IOException {
        JsonNode e = expected("cgd_id");
        JsonNode r = OracleJson.runJson(List.of("cox", "--data", DIR.resolve("cgd_w.csv").toString(), "--start",
                "tstart", "--time", "tstop", "--event", "status", "--event-value", "1", "--covariates", "age,sex",
                "--id", "id", "--json"));
        for (int j = 0; j < 2; j++) {
            Oracle.assertNumber(e.get("coefficients").get(j), r.get("coef").get(j).asDouble(), "coef " + j);
            Oracle.assertNumber(e.get("var").get(j).get(j), Math.pow(r.get("robustSe").get(j).asDouble(), 2),
                    "robust var " + j);
            Oracle.assertNumber(e.get("naiveVar").get(j).get(j), Math.pow(r.get("se").get(j).asDouble(), 2),
                    "naive var " + j);
        }
    }

    @Test
    void oneEventPerSubjectLeavesTheModelVariance() throws IOException {
        JsonNode e = expected("heart_id");
        JsonNode r = OracleJson.runJson(List.of("cox", "--data", DIR.resolve("heart.csv").toString(), "--start",
                "start", "--time", "stop", "--event", "event", "--event-value", "1", "--covariates", "age,transplant",
                "--id", "id", "--json"));
        assertTrue(r.get("robustSe") == null || r.get("robustSe").isNull(), "no robust SE: " + r.get("robustSe"));
        for (int j = 0; j < 2; j++) {
            Oracle.assertNumber(e.get("var").get(j).get(j), Math.pow(r.get("se").get(j).asDouble(), 2), "var " + j);
        }
        assertEquals(e.get("coefficients").size(), r.get("coef").size());
    }
}
