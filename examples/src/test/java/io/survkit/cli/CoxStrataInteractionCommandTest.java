package io.survkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cox --formula 'age*strata(sex)'} and the other strata-by-covariate cases of core's
 * regression/strata_interaction/strata_interaction.R: the CLI JSON has R's coefficient names,
 * coefficients, standard errors and log-likelihoods (relative 1e-8).
 */
class CoxStrataInteractionCommandTest {
    private static final Path DIR = Path.of("..", "core", "src", "test", "resources", "regression",
            "strata_interaction");

    @Test
    void jsonEqualsR() throws IOException {
        for (JsonNode c : OracleJson.JSON.readTree(DIR.resolve("strata_interaction.json").toFile())) {
            JsonNode r = OracleJson.runJson(List.of("cox", "--data", OracleJson.ROOT.resolve("data")
                    .resolve(c.get("dataset").asText() + ".csv").toString(), "--json", "--time",
                    c.get("time").asText(), "--event", c.get("event").asText(), "--event-value",
                    c.get("eventValue").asText(), "--ties", c.get("ties").asText(), "--formula",
                    c.get("formula").asText()));
            String w = c.get("rCall").asText();
            if (!w.contains("factor(")) { // R names factor(x) columns factor(x)<level>, survkit x<level>
                Oracle.assertJson(c.get("terms"), r.get("terms"), w + " terms", 1e-8);
            }
            Oracle.assertJson(c.get("coef"), r.get("coef"), w + " coef", 1e-8);
            Oracle.assertJson(c.get("se"), r.get("se"), w + " se", 1e-8);
            Oracle.assertJson(c.get("loglik").get(1), r.get("loglik"), w + " loglik", 1e-8);
        }
    }
}
