package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Strata-by-covariate interactions against R survival 3.5-3 (regression/strata_interaction/
 * strata_interaction.R): {@code age:strata(sex) + strata(sex)} (a slope per stratum, R's full
 * coding), {@code age + age:strata(sex)} (stratified by sex without a strata term, contrasts),
 * {@code ph.ecog + age*strata(sex)}, {@code karno*strata(celltype)} (text strata) and
 * {@code trt:strata(celltype) + strata(celltype)} with Breslow ties, and factors in an interaction
 * without their margin ({@code age:factor(sex)}, {@code karno:celltype}: a column per level, R's full
 * coding): coefficient names as R names them, coefficients, standard errors, log-likelihoods, score and Wald tests, concordance, linear
 * predictors, martingale residuals and predict lp, risk, expected with se.fit (fitted rows; lp and
 * risk for new rows). Relative 1e-8.
 */
class CoxStrataInteractionTest {
    private static final Path DIR = Oracle.root().getParent().resolve("regression").resolve("strata_interaction");

    @Test
    void equalsR() throws IOException {
        JsonNode all = new ObjectMapper().readTree(DIR.resolve("strata_interaction.json").toFile());
        for (JsonNode c : all) {
            SurvivalData data = SurvivalData.csv(Oracle.data(c.get("dataset").asText())).time(c.get("time").asText())
                    .event(c.get("event").asText(), c.get("eventValue").asText()).read();
            TieMethod ties = c.get("ties").asText().equals("breslow") ? TieMethod.BRESLOW : TieMethod.EFRON;
            CoxResult fit = CoxRegression.withDefaults().withTies(ties).fit(data, c.get("formula").asText());
            String w = c.get("rCall").asText();
            // R names a factor(x) column factor(x)<level>; survkit names it x<level> (CONTRIBUTING)
            java.util.List<String> rNames = new java.util.ArrayList<>();
            c.get("terms").forEach(t -> rNames.add(t.asText().replaceAll("factor\\(([^)]*)\\)", "$1")));
            assertEquals(rNames, fit.terms(), w + " terms");
            CoxOracleTest.near(c.get("coef"), fit.coefficients(), w + " coef");
            CoxOracleTest.near(c.get("se"), fit.standardErrors(), w + " se");
            CoxOracleTest.near(c.get("loglik").get(0), fit.logLikelihoodNull(), w + " loglik[1]");
            CoxOracleTest.near(c.get("loglik").get(1), fit.logLikelihood(), w + " loglik[2]");
            CoxOracleTest.near(c.get("score"), fit.scoreTest().statistic(), w + " score");
            CoxOracleTest.near(c.get("wald"), fit.waldTest().statistic(), w + " wald");
            CoxOracleTest.near(c.get("concordance").get(0), fit.concordance(), w + " concordance");
            CoxOracleTest.near(c.get("concordance").get(1), fit.concordanceStandardError(), w + " concordance se");
            CoxOracleTest.near(c.get("linearPredictors"), fit.linearPredictors(), w + " lp");
            CoxOracleTest.near(c.get("martingale"), fit.residuals().martingale(), w + " martingale");
            predictions(c.get("predict"), fit, null, w);
            if (!c.get("newdata").isNull()) {
                SurvivalData nd = SurvivalData.csv(DIR.resolve(c.get("newdata").asText())).time("time")
                        .event("status", "2").read();
                predictions(c.get("predictNew"), fit, nd, w + " newdata");
            }
        }
        assertEquals(7, all.size());
    }

    /** R predict(fit[, newdata], type = lp | risk | expected, se.fit = TRUE). */
    private static void predictions(JsonNode r, CoxResult fit, SurvivalData newData, String w) {
        for (java.util.Iterator<String> it = r.fieldNames(); it.hasNext();) {
            String key = it.next();
            CoxPredictionType type = key.equals("lp") ? CoxPredictionType.LINEAR_PREDICTOR
                    : key.equals("risk") ? CoxPredictionType.RISK : CoxPredictionType.EXPECTED;
            CoxPredictedValues v = newData == null ? fit.prediction().predict(type)
                    : fit.prediction().predict(newData, type);
            CoxOracleTest.near(r.get(key).get("fit"), v.fit(), w + " predict " + key);
            CoxOracleTest.near(r.get(key).get("se.fit"), v.standardErrors(), w + " predict se " + key);
        }
    }
}
