package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CoxPrediction#predict} against R survival 3.5-3's {@code predict.coxph(fit, newdata, type,
 * se.fit = TRUE, reference)} (regression/predict/predict.R): types lp, risk, expected, terms and
 * survival with R's default reference, lp at "sample" and "zero", terms at "strata", risk at
 * "zero"; for the fitted rows and for the rows of newdata_*.csv; lung (Efron, a row missing
 * ph.ecog), lung with strata(sex), veteran with a factor, veteran with strata (Breslow), ovarian.
 * Relative 1e-8 (R's own convergence is 1e-9 on the log-likelihood).
 */
class CoxPredictionReferenceTest {
    private static final Path DIR = Oracle.root().getParent().resolve("regression").resolve("predict");

    @Test
    void equalsR() throws IOException {
        JsonNode all = new ObjectMapper().readTree(DIR.resolve("predict.json").toFile());
        int checked = 0;
        for (JsonNode c : all) {
            SurvivalData data = read(Oracle.root().resolve("data").resolve(c.get("dataset").asText() + ".csv"), c);
            SurvivalData newData = read(DIR.resolve(c.get("newdata").asText()), c);
            TieMethod ties = c.get("ties").asText().equals("breslow") ? TieMethod.BRESLOW : TieMethod.EFRON;
            CoxResult fit = CoxRegression.withDefaults().withTies(ties).fit(data, c.get("formula").asText());
            String w = c.get("rCall").asText();
            CoxOracleTest.near(c.get("coef"), fit.coefficients(), w + " coef");
            for (Iterator<Map.Entry<String, JsonNode>> it = c.get("fitted").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                check(e.getValue(), predict(fit.prediction(), null, e.getKey()), w + " fitted " + e.getKey());
                checked++;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = c.get("new").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                check(e.getValue(), predict(fit.prediction(), newData, e.getKey()), w + " newdata " + e.getKey());
                checked++;
            }
        }
        assertEquals(5 * 2 * 9, checked);
    }

    private static SurvivalData read(Path file, JsonNode c) {
        return SurvivalData.csv(file).time(c.get("time").asText())
                .event(c.get("event").asText(), c.get("eventValue").asText()).read();
    }

    /** The JSON key's type and reference: lp, risk, expected, terms, survival at R's default; lpSample, ... */
    private static CoxPredictedValues predict(CoxPrediction pr, SurvivalData newData, String key) {
        CoxPredictionType type = switch (key) {
            case "lp", "lpSample", "lpZero" -> CoxPredictionType.LINEAR_PREDICTOR;
            case "risk", "riskZero" -> CoxPredictionType.RISK;
            case "expected" -> CoxPredictionType.EXPECTED;
            case "survival" -> CoxPredictionType.SURVIVAL;
            default -> CoxPredictionType.TERMS;
        };
        CoxPredictionReference ref = key.endsWith("Sample") ? CoxPredictionReference.SAMPLE
                : key.endsWith("Zero") ? CoxPredictionReference.ZERO
                : key.endsWith("Strata") ? CoxPredictionReference.STRATA : null;
        if (newData == null) {
            return ref == null ? pr.predict(type) : pr.predict(type, ref);
        }
        return ref == null ? pr.predict(newData, type) : pr.predict(newData, type, ref);
    }

    private static void check(JsonNode r, CoxPredictedValues p, String where) {
        if (p.type() == CoxPredictionType.TERMS) {
            Oracle.assertStrings(r.get("terms"), p.terms(), where + " terms");
            matrix(r.get("fit"), p.termFits(), where + " fit");
            matrix(r.get("se.fit"), p.termStandardErrors(), where + " se.fit");
            CoxOracleTest.near(r.get("constant"), p.constant().getAsDouble(), where + " constant");
        } else {
            CoxOracleTest.near(r.get("fit"), p.fit(), where + " fit");
            CoxOracleTest.near(r.get("se.fit"), p.standardErrors(), where + " se.fit");
        }
    }

    private static void matrix(JsonNode r, double[][] a, String where) {
        assertEquals(r.size(), a.length, where + " rows");
        for (int i = 0; i < a.length; i++) {
            CoxOracleTest.near(r.get(i), a[i], where + "[" + i + "]");
        }
    }
}
