package io.survkit.validation;

import static io.survkit.oracle.Oracle.assertNumber;
import static io.survkit.oracle.Oracle.assertNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Nomogram} against {@code src/test/resources/validation/nomogram.R}: R 4.2.2 /
 * rms::nomogram of {@code cph(Surv(time, status == 2) ~ age + sex + factor(ph.ecog))} on lung
 * (term points, scale, total points and linear-predictor axes), and the exact positions of the
 * survival ticks at 365 and 730 days from {@code basehaz(coxph(...), centered = FALSE)};
 * relative 1e-9 (the JSON holds 15 digits).
 */
class NomogramReferenceTest {
    static final String FORMULA = "age + sex + factor(ph.ecog, ref = 0)";

    static SurvivalData lung() {
        return SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read();
    }

    static NomogramScales scales() {
        SurvivalData d = lung();
        CoxResult fit = CoxRegression.withDefaults().fit(d, FORMULA);
        return Nomogram.withDefaults().withTimes(365, 730).build(fit, d);
    }

    @Test
    void againstRms() throws Exception {
        JsonNode e = CalibrationReferenceTest.load("nomogram_lung_age_sex_ecog");
        NomogramScales n = scales();
        assertNumber(e.get("sc"), n.scale(), "sc");
        assertEquals(3, n.terms().size());
        for (int t = 0; t < 3; t++) {
            JsonNode a = e.get("terms").get(t);
            NomogramAxis x = n.terms().get(t);
            List<String> labels = new ArrayList<>();
            a.get("labels").forEach(l -> labels.add(l.asText()));
            assertEquals(labels, x.labels(), a.get("name").asText());
            assertNumbers(a.get("values"), x.values(), a.get("name").asText() + " x'beta");
            assertNumbers(a.get("points"), x.points(), a.get("name").asText() + " points");
        }
        assertNumbers(e.get("totalPoints"), n.totalPoints().points(), "total points");
        assertNumbers(e.get("lp").get("values"), n.linearPredictor().values(), "lp.at");
        assertNumbers(e.get("lp").get("points"), n.linearPredictor().points(), "lp points");
        for (int k = 0; k < 2; k++) {
            JsonNode s = e.get("survival").get(k);
            assertNumbers(s.get("values"), n.survival().get(k).values(), "survival ticks " + k);
            assertNumbers(s.get("points"), n.survival().get(k).points(), "survival points " + k);
        }
    }
}
