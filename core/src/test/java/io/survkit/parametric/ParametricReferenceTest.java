package io.survkit.parametric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import io.survkit.regression.Variance;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * R references beyond the shared oracle, produced by {@code parametric/survreg_reference.R} (R 4.2.2,
 * survival 3.5-3; the script is beside the JSON): the robust variance with case-weighted scores
 * (survival 3.8's rule) and the printed summaries.
 */
class ParametricReferenceTest {
    static JsonNode reference() {
        try (InputStream in = ParametricReferenceTest.class.getResourceAsStream("/parametric/survreg_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code crossprod(residuals(fit, "dfbeta", weighted = TRUE))}: what survival 3.8 reports as fit$var. */
    @Test
    void robustVarianceWithWeightedScores() {
        JsonNode c = Oracle.load("survreg_ovarian_age_rx_weighted_robust_loglogistic");
        ParametricResult fit = ParametricRegression.withDefaults().withDistribution(Distribution.LOGLOGISTIC)
                .withVariance(Variance.ROBUST).fit(Oracle.survivalData(c), Oracle.terms(c));
        double[][] v = fit.varianceMatrix();
        JsonNode e = reference().get("weightedRobust").get("var");
        for (int i = 0; i < v.length; i++) {
            ParametricOracleTest.near(e.get(i), v[i], "var[" + i + "]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lung_weibull", "lung_strata", "lung_cluster", "ovarian_exponential", "veteran_strata"})
    void printsAsR(String name) {
        assertEquals(reference().get("printed").get(name).asText(), fit(name).toString());
    }

    private static ParametricResult fit(String name) {
        ParametricRegression weibull = ParametricRegression.withDefaults();
        switch (name) {
            case "lung_weibull":
                return weibull.fit(read("lung", "2").read(), "age + sex");
            case "lung_strata":
                return weibull.fit(read("lung", "2").read(), "age + ph.ecog + strata(sex)");
            case "lung_cluster":
                return weibull.fit(read("lung", "2").cluster("inst").read(), "age + sex");
            case "ovarian_exponential":
                return weibull.withDistribution(Distribution.EXPONENTIAL).fit(SurvivalData.csv(Oracle.data("ovarian"))
                        .time("futime").event("fustat", "1").weights("w").read(), "age + rx");
            default:
                return weibull.withDistribution(Distribution.LOGLOGISTIC)
                        .fit(read("veteran", "1").read(), "trt + karno + strata(celltype)");
        }
    }

    private static io.survkit.data.CsvSurvivalReader read(String data, String eventValue) {
        return SurvivalData.csv(Oracle.data(data)).time("time").event("status", eventValue);
    }

}
