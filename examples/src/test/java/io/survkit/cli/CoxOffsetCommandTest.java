package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cox --formula '1'}, {@code 'strata(sex)'}, {@code 'offset(off)'} and {@code 'sex +
 * offset(off)'}: the CLI JSON equals R survival 3.5-3 (core's regression/offset/offset.R) in the
 * log-likelihoods, coefficients, standard errors, concordance and baseline hazard, relative 1e-8.
 */
class CoxOffsetCommandTest {
    private static final Path DIR = Path.of("..", "core", "src", "test", "resources", "regression", "offset");

    @Test
    void jsonEqualsR() throws IOException {
        JsonNode all = OracleJson.JSON.readTree(DIR.resolve("offset.json").toFile());
        for (JsonNode c : all) {
            List<String> argv = new ArrayList<>(List.of("cox", "--data", DIR.resolve(c.get("file").asText())
                    .toString(), "--json", "--time", c.get("time").asText(), "--event", c.get("event").asText(),
                    "--event-value", c.get("eventValue").asText(), "--ties", c.get("ties").asText(), "--formula",
                    c.get("formula").asText()));
            JsonNode r = OracleJson.runJson(argv);
            String w = c.get("rCall").asText();
            JsonNode ll = c.get("loglik");
            Oracle.assertJson(ll.get(0), r.get("loglikNull"), w + " loglikNull", 1e-8);
            Oracle.assertJson(ll.get(ll.size() - 1), r.get("loglik"), w + " loglik", 1e-8);
            Oracle.assertJson(c.get("concordance").get(0), r.get("concordance"), w + " concordance", 1e-8);
            Oracle.assertJson(c.get("baseline").get("cumhaz"), r.get("baseline").get("cumhaz"), w + " basehaz", 1e-8);
            if (c.has("coef")) {
                Oracle.assertJson(c.get("coef"), r.get("coef"), w + " coef", 1e-8);
                Oracle.assertJson(c.get("se"), r.get("se"), w + " se", 1e-8);
            } else {
                assertEquals(0, r.get("coef").size(), w);
            }
        }
    }
}
