package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code ties = "exact"} on (start, stop] data (R's {@code agexact.fit}: heart, cgd with strata) and
 * conditional logistic regression (R's {@code clogit} on {@code datasets::infert}, exact,
 * approximate and Efron, and an exact fit with many tied cases per stratum) against R survival
 * 3.5-3 (regression/clogit/clogit.R): coefficients, variance, log-likelihoods, score and Wald
 * tests, n, events, iterations and concordance; 1e-9 relative.
 */
class ConditionalLogisticTest {
    static Path dir() {
        return Oracle.root().getParent().resolve("regression").resolve("clogit");
    }

    static JsonNode json() throws IOException {
        return new ObjectMapper().readTree(dir().resolve("clogit.json").toFile());
    }

    static SurvivalData infert() {
        // the time column is not used by clogit; stratum is a numeric column to satisfy the reader
        return SurvivalData.csv(dir().resolve("infert.csv")).time("stratum").event("case", "1").read();
    }

    @Test
    void exactTiesOnCountingProcessDataEqualR() throws IOException {
        JsonNode all = json().get("exact");
        assertEquals(2, all.size());
        for (JsonNode c : all) {
            String ds = c.get("dataset").asText();
            Path file = ds.equals("heart") ? dir().resolve("heart.csv") : Oracle.data(ds);
            SurvivalData d = SurvivalData.csv(file).start(c.get("start").asText()).time(c.get("time").asText())
                    .event(c.get("event").asText(), c.get("eventValue").asText()).read();
            CoxResult fit = CoxRegression.withDefaults().withTies(TieMethod.EXACT).fit(d, c.get("formula").asText());
            CoxTimeTransformTest.assertFit(c, fit, c.get("rCall").asText());
        }
    }

    @Test
    void clogitEqualsR() throws IOException {
        JsonNode all = json().get("clogit");
        assertEquals(4, all.size());
        SurvivalData inf = infert();
        for (JsonNode c : all) {
            TieMethod m = TieMethod.valueOf(c.get("method").asText().toUpperCase(java.util.Locale.ROOT));
            CoxResult fit = ConditionalLogistic.withDefaults().withMethod(m).fit(inf, c.get("formula").asText());
            CoxTimeTransformTest.assertFit(c, fit, c.get("rCall").asText());
        }
    }

    @Test
    void aModelWithoutMatchedSetsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConditionalLogistic.withDefaults().fit(infert(), "spontaneous + induced"));
        assertTrue(e.getMessage().contains("strata("), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConditionalLogistic.withDefaults().fit(infert(), "spontaneous + strata(stratum) + cluster(age)"));
        assertTrue(e.getMessage().contains("robust variance plus the exact method"), e.getMessage());
    }
}
