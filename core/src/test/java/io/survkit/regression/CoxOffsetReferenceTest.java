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
 * Null models ({@code ~ 1}, {@code ~ strata(sex)}, {@code ~ offset(off)}) and {@code offset()}
 * terms against R survival 3.5-3 (regression/offset/offset.R): log-likelihood(s), coefficients,
 * standard errors, score and Wald tests, linear predictors (offset centred at its mean, as R),
 * concordance, martingale, deviance, score and Schoenfeld residuals, dfbeta, the baseline hazard
 * (R basehaz: covariates 0, offset at its mean) and predict lp, risk and expected with se.fit, for
 * the fitted rows and new rows. Relative 1e-8, as the other Cox references.
 */
class CoxOffsetReferenceTest {
    private static final Path DIR = Oracle.root().getParent().resolve("regression").resolve("offset");

    @Test
    void equalsR() throws IOException {
        JsonNode all = new ObjectMapper().readTree(DIR.resolve("offset.json").toFile());
        for (JsonNode c : all) {
            SurvivalData data = read(DIR.resolve(c.get("file").asText()), c);
            TieMethod ties = c.get("ties").asText().equals("breslow") ? TieMethod.BRESLOW : TieMethod.EFRON;
            CoxResult fit = CoxRegression.withDefaults().withTies(ties).fit(data, c.get("formula").asText());
            String w = c.get("rCall").asText();
            assertEquals(c.get("n").asInt(), fit.size(), w + " n");
            JsonNode ll = c.get("loglik");
            CoxOracleTest.near(ll.get(0), fit.logLikelihoodNull(), w + " loglik[1]");
            CoxOracleTest.near(ll.get(ll.size() - 1), fit.logLikelihood(), w + " loglik");
            CoxOracleTest.near(c.get("linearPredictors"), fit.linearPredictors(), w + " lp");
            CoxOracleTest.near(c.get("concordance").get(0), fit.concordance(), w + " concordance");
            CoxOracleTest.near(c.get("concordance").get(1), fit.concordanceStandardError(), w + " concordance se");
            CoxResiduals r = fit.residuals();
            CoxOracleTest.near(c.get("martingale"), r.martingale(), w + " martingale");
            CoxOracleTest.near(c.get("deviance"), r.deviance(), w + " deviance");
            BaselineHazard h = fit.prediction().baselineHazard();
            CoxOracleTest.near(c.get("baseline").get("time"), h.times(), w + " basehaz time");
            CoxOracleTest.near(c.get("baseline").get("cumhaz"), h.cumulativeHazards(), w + " basehaz");
            if (!c.has("coef")) {
                assertEquals(0, fit.coefficientCount(), w);
                assertTrue(fit.toString().startsWith("Null model\n  log likelihood= "), fit.toString());
                continue;
            }
            CoxOracleTest.near(c.get("coef"), fit.coefficients(), w + " coef");
            CoxOracleTest.near(c.get("se"), fit.standardErrors(), w + " se");
            CoxOracleTest.near(c.get("score"), fit.scoreTest().statistic(), w + " score test");
            CoxOracleTest.near(c.get("wald"), fit.waldTest().statistic(), w + " wald test");
            matrixOrColumn(c.get("score.resid"), r.score(), w + " score residuals");
            matrixOrColumn(c.get("schoenfeld"), r.schoenfeld(), w + " schoenfeld");
            matrixOrColumn(c.get("dfbeta"), r.dfbeta(), w + " dfbeta");
            for (String type : new String[] {"lp", "risk", "expected"}) {
                CoxPredictedValues v = fit.prediction().predict(type(type));
                CoxOracleTest.near(c.get("predict").get(type).get("fit"), v.fit(), w + " predict " + type);
                CoxOracleTest.near(c.get("predict").get(type).get("se.fit"), v.standardErrors(), w + " se " + type);
            }
            if (c.has("predictNew")) {
                SurvivalData nd = read(DIR.resolve(c.get("newdata").asText()), c);
                for (String type : new String[] {"lp", "risk"}) {
                    CoxPredictedValues v = fit.prediction().predict(nd, type(type));
                    CoxOracleTest.near(c.get("predictNew").get(type).get("fit"), v.fit(), w + " new " + type);
                    CoxOracleTest.near(c.get("predictNew").get(type).get("se.fit"), v.standardErrors(),
                            w + " new se " + type);
                }
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> fit.prediction().predict(nd, CoxPredictionType.EXPECTED));
                assertTrue(e.getMessage().contains("offset"), e.getMessage());
            }
        }
        assertEquals(6, all.size());
    }

    private static CoxPredictionType type(String r) {
        return switch (r) {
            case "lp" -> CoxPredictionType.LINEAR_PREDICTOR;
            case "risk" -> CoxPredictionType.RISK;
            default -> CoxPredictionType.EXPECTED;
        };
    }

    private static SurvivalData read(Path file, JsonNode c) {
        return SurvivalData.csv(file).time(c.get("time").asText())
                .event(c.get("event").asText(), c.get("eventValue").asText()).read();
    }

    /** R drops a one-column matrix to a vector. */
    private static void matrixOrColumn(JsonNode r, double[][] a, String where) {
        assertEquals(r.size(), a.length, where + " rows");
        for (int i = 0; i < a.length; i++) {
            JsonNode row = r.get(i);
            if (row.isArray()) {
                CoxOracleTest.near(row, a[i], where + "[" + i + "]");
            } else {
                CoxOracleTest.near(row, a[i][0], where + "[" + i + "]");
            }
        }
    }
}
