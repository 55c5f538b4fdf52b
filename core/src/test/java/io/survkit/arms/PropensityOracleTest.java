package io.survkit.arms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import io.survkit.regression.LogisticOracleTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle {@code glm_*} cases through the propensity API: scores equal R's {@code fitted(fit)}
 * and the balance table's SMD before adjustment equals R's {@code smdBefore}
 * ({@code (mean_t - mean_c) / sqrt((var_t + var_c) / 2)} with {@code var()}), at relative 1e-8.
 */
class PropensityOracleTest {
    static List<String> cases() {
        return Oracle.cases("glm");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void scoresAndBalanceBefore(String name) {
        JsonNode c = Oracle.load(name);
        JsonNode r = c.get("result");
        io.survkit.data.Terms terms = Oracle.terms(c);
        String treatment = c.get("params").get("treatment").asText();
        SurvivalData all = LogisticOracleTest.data(c);
        SurvivalData data = all.rows(io.survkit.data.ModelFrame.of(all, terms.plus(io.survkit.data.Terms.variable(
                treatment))).dataRows()); // glm's na.omit over the model's columns
        String level = c.get("params").get("treatmentValue").asText();
        PropensityScoreResult ps = PropensityScore.withDefaults().withCovariates(terms).estimate(data, treatment, level);
        assertEquals(r.get("nTreated").asInt(), ps.treatedCount(), "nTreated");
        LogisticOracleTest.near(r.get("fitted"), ps.scores(), "fitted");
        LogisticOracleTest.near(r.get("coef"), ps.model().orElseThrow().coefficients(), "coef");
        BalanceResult t = Balance.withDefaults().withCovariates(terms).estimate(data, ps.treated());
        assertEquals(t.terms(), ps.model().orElseThrow().terms().subList(1, ps.model().orElseThrow().terms().size()), "balance terms");
        // smdBefore is an object keyed by model-matrix column name
        JsonNode smd = r.get("smdBefore");
        assertEquals(smd.size(), t.size(), "smdBefore columns");
        for (int j = 0; j < t.size(); j++) {
            String term = t.terms().get(j);
            assertTrue(smd.has(term), "R has no SMD for " + term);
            LogisticOracleTest.near(smd.get(term), t.smdBefore()[j], "smdBefore." + term);
        }
    }
}
