package io.survkit.validation;

import static io.survkit.oracle.Oracle.assertNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Calibration} against R references made by {@code src/test/resources/validation/calibration.R}
 * (R 4.2.2, survival 3.5-3: quantile groups with {@code cut}, {@code survfit} + {@code summary(times=)}
 * per group, {@code coxph(Surv ~ log(-log(1 - r)))}); relative 1e-9 (the JSON holds 15 digits).
 */
class CalibrationReferenceTest {
    static JsonNode load(String name) throws Exception {
        try (InputStream in = CalibrationReferenceTest.class.getResourceAsStream("/validation/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"calibration_score_lung_365", "calibration_score_veteran_90",
        "calibration_score_lung_180_deciles"})
    void againstR(String name) throws Exception {
        JsonNode c = load(name);
        SurvivalData d = SurvivalData.csv(Oracle.data(c.get("dataset").asText())).time("time")
                .event(c.get("event").asText(), c.get("eventValue").asText()).read();
        CalibrationResult r = Calibration.withDefaults().withGroups(c.get("groups").asInt())
                .estimate(d, c.get("time").asDouble(), c.get("risk").asText());
        JsonNode e = c.get("result");
        assertEquals(e.get("groups").size(), r.groups().size(), name);
        for (int k = 0; k < r.groups().size(); k++) {
            JsonNode g = e.get("groups").get(k);
            CalibrationGroup a = r.group(k);
            String at = name + " group " + (k + 1);
            assertEquals(g.get("label").asText(), a.label(), at);
            assertEquals(g.get("rows").asInt(), a.rows(), at);
            assertEquals(g.get("events").asInt(), a.events(), at);
            assertNumber(g.get("meanRisk"), a.meanRisk(), at + " meanRisk");
            assertNumber(g.get("observed"), a.observed(), at + " observed");
            if (g.get("lower").isNull()) {
                assertFalse(a.lower().isPresent(), at + " lower is NA in R");
                assertFalse(a.upper().isPresent(), at + " upper is NA in R");
            } else {
                assertNumber(g.get("lower"), a.lower().getAsDouble(), at + " lower");
                assertNumber(g.get("upper"), a.upper().getAsDouble(), at + " upper");
            }
        }
        assertNumber(e.get("slope"), r.slope().value(), name + " slope");
        assertNumber(e.get("slopeSe"), r.slope().standardError(), name + " slopeSe");
        assertNumber(e.get("observedExpected"), r.observedExpected(), name + " observedExpected");
    }
}
