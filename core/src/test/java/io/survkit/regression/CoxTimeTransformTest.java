package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code tt()} time-transformed covariates against R survival 3.5-3 (regression/tt/tt.R, each
 * case's {@code rCall}): x log(t) on lung, x log(t + 20) on veteran (the survival vignette),
 * x t with strata, R's default O'Brien logit rank on two terms, (start, stop] data (heart), a
 * cluster (robust variance) and Breslow ties. Coefficients, variance, log-likelihoods, score and
 * Wald tests, n and events (R's counts before the expansion), concordance; 1e-9 relative.
 */
class CoxTimeTransformTest {
    static final Map<String, TimeTransformFunction> FUNCTIONS = Map.of(
            "x * log(t)", TimeTransformFunction.X_TIMES_LOG_T,
            "x * log(t + 20)", TimeTransformFunction.X_TIMES_LOG_T_PLUS_20,
            "x * t", TimeTransformFunction.X_TIMES_T,
            "obrien", TimeTransformFunction.OBRIEN_LOGIT_RANK);

    static Path dir() {
        return Oracle.root().getParent().resolve("regression").resolve("tt");
    }

    static JsonNode json() throws IOException {
        return new ObjectMapper().readTree(dir().resolve("tt.json").toFile());
    }

    static SurvivalData data(JsonNode c) {
        String ds = c.get("dataset").asText();
        Path file = ds.equals("heart") ? dir().resolve("heart.csv") : Oracle.data(ds);
        var r = SurvivalData.csv(file).time(c.get("time").asText());
        if (c.hasNonNull("start")) {
            r = r.start(c.get("start").asText());
        }
        return r.event(c.get("event").asText(), c.get("eventValue").asText()).read();
    }

    @Test
    void equalsR() throws IOException {
        JsonNode all = json().get("tt");
        assertEquals(7, all.size());
        for (JsonNode c : all) {
            String w = c.get("rCall").asText();
            CoxRegression cox = CoxRegression.withDefaults()
                    .withTies(w.contains("breslow") ? TieMethod.BRESLOW : TieMethod.EFRON)
                    .withTimeTransform(FUNCTIONS.get(c.get("transform").asText()));
            CoxResult fit = cox.fit(data(c), c.get("formula").asText());
            assertFit(c, fit, w);
        }
    }

    static void assertFit(JsonNode c, CoxResult fit, String w) {
        Oracle.assertStrings(c.get("names"), fit.terms(), w + " names");
        Oracle.assertNumbers(c.get("coef"), fit.coefficients(), w + " coef");
        double[][] v = fit.variance();
        List<Double> flat = new ArrayList<>();
        int p = v.length;
        for (int j = 0; j < p; j++) { // R's var is column-major
            for (int i = 0; i < p; i++) {
                flat.add(v[i][j]);
            }
        }
        Oracle.assertNumbers(c.get("var"), flat.stream().mapToDouble(Double::doubleValue).toArray(), w + " var");
        Oracle.assertNumber(c.get("loglik").get(0), fit.logLikelihoodNull(), w + " loglik[1]");
        Oracle.assertNumber(c.get("loglik").get(1), fit.logLikelihood(), w + " loglik[2]");
        Oracle.assertNumber(c.get("score"), fit.modelScoreTest().statistic(), w + " score");
        if (c.hasNonNull("rscore")) {
            Oracle.assertNumber(c.get("rscore"), fit.robustScoreTest().orElseThrow().statistic(), w + " robust score");
        }
        Oracle.assertNumber(c.get("wald"), fit.waldTest().statistic(), w + " wald");
        assertEquals(c.get("n").asInt(), fit.size(), w + " n");
        assertEquals(c.get("nevent").asInt(), fit.events(), w + " nevent");
        assertEquals(c.get("iter").asInt(), fit.iterations(), w + " iter");
        Oracle.assertNumber(c.get("concordance"), fit.concordance(), w + " concordance");
        Oracle.assertNumber(c.get("concordanceSe"), fit.concordanceStandardError(), w + " concordance se");
        if (c.hasNonNull("robustSe")) {
            Oracle.assertNumbers(c.get("robustSe"), fit.robustStandardErrors().orElseThrow(), w + " robust se");
        }
    }

    @Test
    void typedTermsEqualTheFormula() throws IOException {
        JsonNode c = json().get("tt").get(0);
        CoxResult fit = CoxRegression.withDefaults().withTimeTransform(TimeTransformFunction.X_TIMES_LOG_T)
                .fit(data(c), Terms.of(Terms.timeTransformed("age"), Terms.numeric("sex")));
        assertFit(c, fit, "typed " + c.get("rCall").asText());
    }

    @Test
    void aUserFunctionIsAppliedAtEachEventTime() throws IOException {
        JsonNode c = json().get("tt").get(0);
        CoxResult fit = CoxRegression.withDefaults()
                .withTimeTransform(TimeTransformFunction.of("x * log(t)", (x, t) -> x * Math.log(t)))
                .fit(data(c), c.get("formula").asText());
        assertFit(c, fit, "user " + c.get("rCall").asText());
    }

    @Test
    void badInputIsNamed() throws IOException {
        JsonNode c = json().get("tt").get(0);
        SurvivalData lung = data(c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoxRegression.withDefaults()
                .withTimeTransform(TimeTransformFunction.X_TIMES_T, TimeTransformFunction.X_TIMES_T,
                        TimeTransformFunction.X_TIMES_T)
                .fit(lung, "tt(age) + tt(sex)"));
        assertTrue(e.getMessage().contains("3 time transforms for 2 tt() terms"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CoxRegression.withDefaults()
                .withTimeTransform(TimeTransformFunction.of("log(x - t)", (x, t) -> Math.log(x - t)))
                .fit(lung, "tt(age) + sex"));
        assertTrue(e.getMessage().contains("column 'tt(age)'") && e.getMessage().contains("not finite")
                || e.getMessage().contains("expected a finite number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Terms.parse("tt(age):sex"));
        assertTrue(e.getMessage().contains("cannot be part of one"), e.getMessage());
    }
}
