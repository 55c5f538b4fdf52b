package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@link CoxPrediction#centeredBaselineHazard()} and {@link CoxResult#means()} against R survival 3.5-3's
 * {@code basehaz(fit, centered = TRUE)} and {@code fit$means} (regression/basehaz/basehaz.R): lung ~ age
 * + sex (Efron), aml ~ x (a 0/1 column, which R does not centre), veteran with strata and Breslow ties.
 */
class CoxCenteredBaselineTest {
    @Test
    void equalsR() throws IOException {
        JsonNode all = new ObjectMapper().readTree(Oracle.root().getParent().resolve("regression")
                .resolve("basehaz").resolve("basehaz.json").toFile());
        for (JsonNode c : all) {
            SurvivalData d = SurvivalData.csv(Oracle.root().resolve("data").resolve(c.get("dataset").asText() + ".csv"))
                    .time(c.get("time").asText()).event(c.get("event").asText(), c.get("eventValue").asText()).read();
            CoxRegression cox = CoxRegression.withDefaults().withTies(c.get("rCall").asText().contains("breslow")
                    ? TieMethod.BRESLOW : TieMethod.EFRON);
            CoxResult fit = cox.fit(d, c.get("formula").asText());
            String w = c.get("rCall").asText();
            CoxOracleTest.near(c.get("means"), fit.means(), w + " means");
            BaselineHazard h = fit.prediction().centeredBaselineHazard();
            CoxOracleTest.near(c.get("baseline").get("time"), h.times(), w + " time");
            CoxOracleTest.near(c.get("baseline").get("cumhaz"), h.cumulativeHazards(), w + " cumhaz");
            JsonNode strata = c.get("baseline").get("strata");
            if (strata != null && !strata.isNull()) {
                Oracle.assertStrings(strata, h.strata().orElseThrow(), w + " strata");
            }
        }
        assertEquals(3, all.size());
    }
}
