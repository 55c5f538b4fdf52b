package io.survkit.validation;

import static io.survkit.oracle.Oracle.assertNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import org.junit.jupiter.api.Test;

/**
 * {@link Concordance} on counting-process (start, stop] data (delayed entry: a row is at risk at t
 * only when start &lt; t) against {@code src/test/resources/validation/concordance_counting.R}:
 * R 4.2.2 / survival 3.5-3 {@code concordance(Surv(tstart, tstop, status == 1) ~ age, data = cgd)},
 * plain and with weights and {@code reverse = TRUE}; relative 1e-9.
 */
class ConcordanceCountingTest {
    @Test
    void cgd() throws Exception {
        JsonNode all = CalibrationReferenceTest.load("concordance_cgd_counting");
        for (JsonNode e : all.get("results")) {
            SurvivalData d = SurvivalData.csv(Oracle.data("cgd")).start("tstart").time("tstop").event("status", "1")
                    .read();
            if (e.get("weighted").asBoolean()) {
                double[] id = d.numbers("id");
                double[] w = new double[id.length];
                for (int i = 0; i < w.length; i++) {
                    w[i] = 1 + ((int) id[i]) % 3;
                }
                d = d.withWeights("w", w);
            }
            ConcordanceResult r = Concordance.withDefaults()
                    .withDirection(e.get("reverse").asBoolean() ? Direction.HIGHER_RISK : Direction.LONGER_SURVIVAL)
                    .estimate(d, "age");
            String at = "cgd reverse=" + e.get("reverse") + " weighted=" + e.get("weighted");
            assertEquals(e.get("n").asInt(), r.size(), at);
            assertNumber(e.get("concordance"), r.concordance(), at + " concordance");
            assertNumber(e.get("se"), r.standardError(), at + " se");
            JsonNode c = e.get("count");
            assertNumber(c.get("concordant"), r.counts().concordant(), at + " concordant");
            assertNumber(c.get("discordant"), r.counts().discordant(), at + " discordant");
            assertNumber(c.get("tied.x"), r.counts().tiedRisk(), at + " tied.x");
            assertNumber(c.get("tied.y"), r.counts().tiedTime(), at + " tied.y");
            assertNumber(c.get("tied.xy"), r.counts().tiedBoth(), at + " tied.xy");
        }
    }
}
